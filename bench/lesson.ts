/**
 * A lesson's `check` (target: under 300 ms) and `reset` (target: under 2 s), each as the program's own
 * process, on a live lab of its own where the lessons ran with their solutions (`run <lesson> --yes
 * --solutions`). Baselines measured in the same run: `node dist/cli.js --version` (Node's start and the
 * program's entry) and one `SELECT 1` round trip on a new connection to the coordinator.
 * Each reset is followed by `run <lesson>` again (not timed), so every round resets a finished lesson;
 * the latest lesson is reset first, so a reset finds the later lessons' state in place (the rebalance
 * lesson's reset moves their shards off worker 3 too). `check` and `reset` are timed as a learner types
 * them, `check <lesson>`: the lab knows its PostgreSQL programs and the rows it was loaded with.
 *
 *   BENCH_RUNS=5 BENCH_LESSONS=concepts,cluster,distribute npx tsx bench/lesson.ts
 */
import { pathToFileURL } from 'node:url';
import { runCommand } from '../src/adapters/process.js';
import { discoverPostgres, type PostgresInstall } from '../src/cluster/discover.js';
import { DEFAULT_ROWS } from '../src/config/options.js';
import {
  cli,
  labSql,
  median,
  mustRun,
  openBenchLab,
  refuseRoot,
  timed,
  type BenchLab,
} from './lab.js';

/**
 * The lessons with a state to check and reset, in order; others can be named in BENCH_LESSONS.
 * Teardown is left out: its reset would have to rebuild the whole lab.
 */
const DEFAULT_LESSONS = [
  'concepts',
  'cluster',
  'distribute',
  'reference-columnar',
  'load-sizes',
  'rebalance',
  'time-partitions',
  'monitoring-failure',
];

export interface LessonFigures {
  version: number[];
  select1: number[];
  check: Record<string, number[]>;
  reset: Record<string, number[]>;
}

async function runLesson(lab: BenchLab, lesson: string, rows: string): Promise<void> {
  await mustRun(lab, ['run', lesson, '--yes', '--solutions', '--rows', rows]);
}

export async function lessonBench(
  install: PostgresInstall,
  log: (line: string) => void = console.log,
): Promise<LessonFigures> {
  const rounds = Number(process.env.BENCH_RUNS ?? 5);
  const lessons = (process.env.BENCH_LESSONS ?? DEFAULT_LESSONS.join(','))
    .split(',')
    .filter(Boolean);
  // The lab as a learner has it, at the load lesson's default size: a check that counts or joins rows
  // takes as long as the tables are big. BENCH_LESSON_ROWS=20000 makes the rounds shorter.
  const rows = process.env.BENCH_LESSON_ROWS ?? String(DEFAULT_ROWS);
  const figures: LessonFigures = { version: [], select1: [], check: {}, reset: {} };
  const lab = await openBenchLab(install, 47100);
  try {
    for (const lesson of lessons) await runLesson(lab, lesson, rows);
    log(
      `lesson: check and reset of ${lessons.join(', ')}; ${rounds} rounds; load lesson with ${rows} rows`,
    );
    const probe = labSql(lab.basePort);
    for (let round = 0; round < rounds; round++) {
      figures.version.push(await timed(() => runCommand(process.execPath, [cli, '--version'])));
      figures.select1.push(
        await timed(async () => {
          await probe.run('coordinator', 'SELECT 1');
          await probe.close();
        }),
      );
      for (const lesson of lessons) {
        (figures.check[lesson] ??= []).push(
          await timed(async () => {
            const r = await lab.learner(['check', lesson]);
            if (r.exitCode !== 0)
              throw new Error(`check ${lesson} failed: ${r.stdout.slice(-1500)}`);
          }),
        );
      }
    }
    // Latest lesson first: resetting one undoes only what it made, and running it again restores it.
    for (const lesson of [...lessons].reverse()) {
      for (let round = 0; round < rounds; round++) {
        (figures.reset[lesson] ??= []).push(
          await timed(() => mustRun(lab, ['reset', lesson, '--yes'], 'learner')),
        );
        await runLesson(lab, lesson, rows);
      }
    }
  } finally {
    await lab.close();
  }
  const ms = (xs: number[]) => `${(median(xs) * 1000).toFixed(0)} ms`;
  const range = (xs: number[]) =>
    `${(Math.min(...xs) * 1000).toFixed(0)}-${(Math.max(...xs) * 1000).toFixed(0)} ms`;
  const version = median(figures.version);
  log('| what | median | range | / --version | target | met |');
  log('| --- | --- | --- | --- | --- | --- |');
  log(
    `| baseline: node dist/cli.js --version | ${ms(figures.version)} | ${range(figures.version)} | 1.00 | | |`,
  );
  log(
    `| baseline: one SELECT 1 on a new connection | ${ms(figures.select1)} | ${range(figures.select1)} | ${(median(figures.select1) / version).toFixed(2)} | | |`,
  );
  for (const lesson of lessons) {
    const c = figures.check[lesson]!;
    log(
      `| check ${lesson} | ${ms(c)} | ${range(c)} | ${(median(c) / version).toFixed(2)} | < 300 ms | ${median(c) < 0.3 ? 'met' : 'NOT met'} |`,
    );
  }
  for (const lesson of lessons) {
    const r = figures.reset[lesson]!;
    log(
      `| reset ${lesson} | ${ms(r)} | ${range(r)} | ${(median(r) / version).toFixed(2)} | < 2 s | ${median(r) < 2 ? 'met' : 'NOT met'} |`,
    );
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  refuseRoot();
  const install = (await discoverPostgres(process.env.CITUS_LAB_PG_BIN)).chosen;
  if (!install?.citusVersion) throw new Error('needs PostgreSQL with Citus');
  await lessonBench(install);
}
