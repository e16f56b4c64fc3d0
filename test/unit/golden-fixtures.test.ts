import { say } from '../helpers/say.js';
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { snapshotCatalog, type CatalogSnapshot } from '../../src/checks/recorded-catalog.js';
import { builtinLessonsDir, resolveOptions } from '../../src/config/options.js';
import { templateVars } from '../../src/lab/paths.js';
import { loadLessons } from '../../src/lessons/load.js';
import type { Lesson } from '../../src/lessons/lesson.js';
import { runLessonChecks } from '../../src/runner/lesson-checks.js';

/**
 * The checks of every lesson, run against the catalog answers recorded from a real cluster
 * (npm run fixtures:record). Right state: every check passes. Wrong states, made by changing
 * one recorded answer: the check meant to catch it fails and says what it found.
 */
const fixturesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'catalog');
const { lessons } = await loadLessons(builtinLessonsDir());
const files = (await readdir(fixturesDir).catch(() => [] as string[]))
  .filter((f) => f.endsWith('.json'))
  .sort();
const fixtures = new Map<string, CatalogSnapshot>();
for (const file of files)
  fixtures.set(
    file.replace(/^\d+-|\.json$/g, ''),
    JSON.parse(await readFile(join(fixturesDir, file), 'utf8')),
  );

function contextFor(snapshot: CatalogSnapshot) {
  const lab = snapshot.lab!;
  const options = resolveOptions(
    { 'lab-dir': lab.labDir, 'base-port': String(lab.basePort), rows: String(lab.rows) },
    {},
  );
  return { catalog: snapshotCatalog(snapshot), vars: templateVars(options, lab.pgBin) };
}

const choiceAnswers = (lesson: Lesson) =>
  Object.fromEntries(lesson.spec.exercises.map((e) => [e.id, e.choice?.answer]));

async function check(lesson: Lesson, snapshot: CatalogSnapshot) {
  const results = await runLessonChecks(
    lesson,
    contextFor(snapshot),
    snapshot.recordedWith?.citus,
    choiceAnswers(lesson),
  );
  return [...results.steps, ...results.exercises].flatMap((r) => r.checks);
}

/** Rewrites every recorded answer of one catalog question. */
function mutate(
  snapshot: CatalogSnapshot,
  method: string,
  change: (value: any) => unknown,
): CatalogSnapshot {
  const copy = structuredClone(snapshot);
  for (const [key, answer] of Object.entries(copy.answers)) {
    if (key.split(' | ')[0] === method && 'value' in answer) answer.value = change(answer.value);
  }
  return copy;
}

describe('golden catalog fixtures', () => {
  it('exist for every lesson that needs a cluster', () => {
    const missing = lessons
      .filter((l) => l.spec.needsCluster && !fixtures.has(l.id))
      .map((l) => l.id);
    expect(missing, 'record them with: npm run fixtures:record').toEqual([]);
  });

  for (const lesson of lessons.filter((l) => fixtures.has(l.id))) {
    it(`${lesson.id}: every check passes on the state the lesson made`, async () => {
      const failed = (await check(lesson, fixtures.get(lesson.id)!)).filter((c) => !c.passed);
      expect(
        failed.map((c) => `${say(c.what)}: expected ${say(c.expected)}, found ${say(c.found)}`),
      ).toEqual([]);
    });
  }
});

/** Each wrong state: which lesson, how the catalog is wrong, and what the failing check must say. */
const wrongStates: {
  lesson: string;
  name: string;
  method: string;
  change: (v: any) => unknown;
  found: RegExp;
}[] = [
  {
    lesson: 'cluster',
    name: 'a missing worker',
    method: 'nodes',
    change: (nodes: any[]) => nodes.filter((n) => n.groupid !== 2),
    found: /workers: worker1:\d+$/,
  },
  {
    lesson: 'distribute',
    name: 'the wrong distribution column',
    method: 'citusTables',
    change: (tables: any[]) =>
      tables.map((x) =>
        x.tableName === 'activity_log' ? { ...x, distributionColumn: 'log_id' } : x,
      ),
    found: /by log_id/,
  },
  {
    lesson: 'reference-columnar',
    name: 'a heap table where columnar was asked',
    method: 'relation',
    change: (r: any) => (r && r.accessMethod === 'columnar' ? { ...r, accessMethod: 'heap' } : r),
    found: /heap/,
  },
  {
    lesson: 'load-sizes',
    name: 'missing rows',
    method: 'rowCount',
    change: (n: number) => Math.floor(n / 2),
    found: /^\d+$/,
  },
  {
    lesson: 'load-sizes',
    name: 'rows missing from the columnar users (read from its stripe metadata)',
    method: 'columnarRowsOn',
    change: (n: number) => Math.floor(n / 2),
    found: /^\d+$/,
  },
  {
    lesson: 'rebalance',
    name: 'rows lost in the moves',
    method: 'rowCount',
    change: (n: number) => n - 1,
    found: /^\d+$/,
  },
  {
    lesson: 'rebalance',
    name: 'unbalanced shards',
    method: 'placementsPerNode',
    change: (rows: any[]) => {
      const byTable = new Map<string, any[]>();
      for (const r of rows) byTable.set(r.tableName, [...(byTable.get(r.tableName) ?? []), r]);
      return [...byTable.values()].flatMap((list) =>
        list.length < 2
          ? list
          : [
              { ...list[0], shards: list.reduce((s, r) => s + r.shards, 0) - (list.length - 1) },
              ...list.slice(1).map((r) => ({ ...r, shards: 1 })),
            ],
      );
    },
    found: /=\d+/,
  },
  {
    // The rebalance moved users' colocation group but not activity_log's (another group).
    lesson: 'rebalance',
    name: "activity_log's shards left on two workers",
    method: 'placementsPerNode',
    change: (rows: any[]) => {
      const log = rows.filter((r) => r.tableName === 'activity_log');
      const total = log.reduce((s, r) => s + r.shards, 0);
      return [
        ...rows.filter((r) => r.tableName !== 'activity_log'),
        ...log.slice(0, 2).map((r, i) => ({
          ...r,
          shards: i === 0 ? Math.ceil(total / 2) : Math.floor(total / 2),
        })),
      ];
    },
    found: /=\d+/,
  },
];

describe('checks fail, saying what they found, on a wrong cluster', () => {
  for (const wrong of wrongStates) {
    const lesson = lessons.find((l) => l.id === wrong.lesson);
    const snapshot = fixtures.get(wrong.lesson);
    it.skipIf(!lesson || !snapshot)(
      `${wrong.lesson}: ${wrong.name}${!lesson || !snapshot ? ' (skipped: lesson or fixture not present yet)' : ''}`,
      async () => {
        const results = await check(lesson!, mutate(snapshot!, wrong.method, wrong.change));
        const failed = results.filter((c) => !c.passed);
        expect(failed.length).toBeGreaterThan(0);
        expect(failed.map((c) => say(c.found)).some((f) => wrong.found.test(f))).toBe(true);
      },
    );
  }
});

describe('every SQL and shell check depends on its answer', () => {
  // One lesson's own questions, each answered in turn as a broken lab would: a query with no rows at
  // all (the table or the rows it looks for are gone), a shell command that failed. Every check passes
  // on the recorded answers, and only the checks that asked a question see it broken, so a failure
  // here is the asking check's: none may pass whatever the cluster says.
  const broken = (key: string, value: object) =>
    key.startsWith('query | ')
      ? { ...value, rowCount: 0, rows: [] }
      : { ...value, exitCode: 1, stdout: '' };
  for (const [id, snapshot] of fixtures) {
    const lesson = lessons.find((l) => l.id === id);
    const questions = Object.keys(snapshot.answers).filter(
      (k) => k.startsWith('query | ') || k.startsWith('shell | '),
    );
    it.skipIf(questions.length === 0)(`${id}: ${questions.length} questions`, async () => {
      expect(lesson, `fixture ${id} has no lesson`).toBeDefined();
      expect((await check(lesson!, snapshot)).filter((c) => !c.passed)).toEqual([]);
      const passedAnyway: string[] = [];
      for (const key of questions) {
        const copy = structuredClone(snapshot);
        const answer = copy.answers[key]!;
        if (!('value' in answer)) continue;
        answer.value = broken(key, answer.value as object);
        const failed = (await check(lesson!, copy)).filter((c) => !c.passed);
        if (failed.length === 0) passedAnyway.push(key);
      }
      expect(passedAnyway).toEqual([]);
    });
  }
});
