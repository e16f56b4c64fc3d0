/**
 * Re-records the golden catalog fixtures (fixtures/catalog/NN-id.json) from a live Citus cluster:
 * runs every lesson with its reference solutions on a temporary lab and, after each lesson,
 * records the answer to every question that lesson's checks ask. Unit tests then run the same
 * checks against these answers on machines without Citus.
 *
 *   npm run fixtures:record            (as an unprivileged user, with Citus installed)
 *   ROWS=50000 npm run fixtures:record (rows for the data-load lesson; default 20000)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePortBlock } from '../src/adapters/net.js';
import { runCommand } from '../src/adapters/process.js';
import { recordingCatalog, type CatalogSnapshot } from '../src/checks/recorded-catalog.js';
import { resolveOptions } from '../src/config/options.js';
import { openLab } from '../src/lab/open-lab.js';
import { dataDirOf } from '../src/lab/paths.js';
import { NODE_NAMES } from '../src/lessons/schema.js';
import { executeStep } from '../src/runner/execute-step.js';
import { runLessonChecks } from '../src/runner/lesson-checks.js';
import { t } from '../src/i18n/index.js';

const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'catalog');

async function main(): Promise<number> {
  if (process.getuid?.() === 0) {
    console.error('PostgreSQL refuses to run as root: run this as an unprivileged user.');
    return 2;
  }
  const labDir = await mkdtemp(join(tmpdir(), 'citus-lab-record-'));
  const basePort = await findFreePortBlock(4);
  const options = resolveOptions(
    {
      'lab-dir': join(labDir, 'lab'),
      'base-port': String(basePort),
      rows: process.env.ROWS ?? '20000',
    },
    process.env,
  );
  const lab = await openLab(options);
  const pg = lab.discovery.chosen;
  try {
    if (!pg?.citusVersion) {
      console.error(
        'No Citus installed for the PostgreSQL found: fixtures must come from a real cluster.',
      );
      return 2;
    }
    let failures = 0;
    for (const lesson of lab.lessons) {
      const deps = await lab.stepDeps({ onOutput: () => undefined });
      for (const step of lesson.spec.steps) {
        const outcome = await executeStep(step, deps);
        if (outcome.status === 'failed') {
          console.error(
            `✘ ${lesson.id}/${step.id}: ${outcome.error ? t('en', outcome.error.key, outcome.error.params) : ''} ${outcome.error?.detail ?? ''}`,
          );
          for (const c of outcome.checks.filter((x) => !x.passed))
            console.error(
              `   ${t('en', c.what.key, c.what.params)}: expected ${t('en', c.expected.key, c.expected.params)}, found ${t('en', c.found.key, c.found.params)}`,
            );
          return 1;
        }
      }
      for (const exercise of lesson.spec.exercises) {
        if (exercise.solution)
          await executeStep(
            {
              id: exercise.id,
              sql: exercise.solution.sql,
              node: exercise.solution.node,
              checks: [],
            },
            deps,
          );
      }
      if (!lesson.spec.needsCluster) continue;
      const citus = (await lab.stepDeps()).citusVersion;
      const snapshot: CatalogSnapshot = {
        version: 1,
        recordedWith: { postgres: pg.version, citus: citus ?? pg.citusVersion },
        lab: { labDir: options.labDir, basePort, rows: options.rows, pgBin: pg.binDir },
        answers: {},
      };
      const answers = Object.fromEntries(
        lesson.spec.exercises.map((e) => [e.id, e.choice?.answer]),
      );
      const results = await runLessonChecks(
        lesson,
        { catalog: recordingCatalog(lab.catalog, snapshot), vars: lab.vars },
        citus,
        answers,
      );
      const failed = [...results.steps, ...results.exercises].filter((r) => !r.passed);
      failures += failed.length;
      for (const f of failed)
        console.error(`✘ ${lesson.id}/${f.id} fails on the state its own lesson made`);
      const file = join(fixturesDir, `${String(lesson.number).padStart(2, '0')}-${lesson.id}.json`);
      await writeFile(file, JSON.stringify(snapshot, null, 2) + '\n');
      console.log(`✔ ${file} (${Object.keys(snapshot.answers).length} answers)`);
    }
    return failures === 0 ? 0 : 1;
  } finally {
    await lab.close();
    for (const node of NODE_NAMES) {
      await runCommand(join(pg?.binDir ?? '', 'pg_ctl'), [
        'stop',
        '-D',
        dataDirOf(options.labDir, node),
        '-m',
        'immediate',
        '-w',
      ]).catch(() => undefined);
    }
    await rm(labDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
