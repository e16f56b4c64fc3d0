/**
 * The data-load lesson's path against the seed's load, for the same rows and the same final table and indexes
 * (target: the lesson's path takes at most half the seed's time). Both start from where the reference-columnar
 * lesson leaves `users` (columnar, distributed by id, a thousand rows, primary key and three indexes) on a
 * cluster of its own, and both end with {{rows}} rows, the primary key and the three indexes:
 *
 *   seed:   DROP TABLE users; CREATE TABLE users (...) USING columnar with its PRIMARY KEY; create_distributed_table;
 *           the three CREATE INDEX; then one INSERT ... SELECT generate_series(1, N)
 *   lesson: the load-sizes lesson's own steps: lab.drop-user-indexes; TRUNCATE users; lab.load-users; lab.index-users
 *
 *   BENCH_LOAD_ROWS=200000 BENCH_RUNS=3 npx tsx bench/load.ts
 */
import { translator } from '../src/i18n/index.js';
import { pathToFileURL } from 'node:url';
import { discoverPostgres, type PostgresInstall } from '../src/cluster/discover.js';
import { rowsSql } from '../src/lab/actions/load-plan.js';
import { loadUsersAction } from '../src/lab/actions/load-users.js';
import {
  DROP_USER_INDEXES,
  USER_INDEXES,
  statementsAction,
} from '../src/lab/actions/user-indexes.js';
import type { Action, ActionContext } from '../src/runner/actions.js';
import { median, mustRun, openBenchLab, refuseRoot, timed, type BenchLab } from './lab.js';

const CREATE_USERS = `CREATE TABLE users (
    id BIGINT PRIMARY KEY, username TEXT NOT NULL, email TEXT NOT NULL,
    created_at TIMESTAMP DEFAULT now(), is_active BOOLEAN DEFAULT true, puesto_id SMALLINT
) USING columnar;`;

/** Where the reference-columnar lesson leaves users. */
async function lesson04State(lab: BenchLab): Promise<void> {
  const q = (sql: string) => lab.sql.run('coordinator', sql);
  await q('DROP TABLE IF EXISTS users CASCADE;');
  await q(CREATE_USERS);
  await q("SELECT create_distributed_table('users', 'id');");
  for (const statement of USER_INDEXES.slice(1)) await q(statement);
  await q(rowsSql(1, 1000));
}

async function seedLoad(lab: BenchLab, rows: number): Promise<void> {
  const q = (sql: string) => lab.sql.run('coordinator', sql);
  await q('DROP TABLE IF EXISTS users CASCADE;');
  await q(CREATE_USERS);
  await q("SELECT create_distributed_table('users', 'id');");
  for (const statement of USER_INDEXES.slice(1)) await q(statement);
  await q(rowsSql(1, rows));
}

/** The lesson's four steps, in order. */
const PHASES = ['drop indexes', 'TRUNCATE', 'load', 'index'] as const;

/** The lesson's four steps, each timed (seconds, in PHASES order): where its path spends its time. */
async function lessonLoad(lab: BenchLab, rows: number): Promise<number[]> {
  const ctx: ActionContext = {
    vars: { rows, labDir: lab.labDir } as ActionContext['vars'],
    say: translator('en'),
    runSql: (node, sql, signal) => lab.sql.run(node, sql, undefined, signal),
  };
  const step = (action: Action) =>
    timed(async () => {
      const result = await action.run(ctx);
      if (!result.ok) throw new Error(`${JSON.stringify(result.error)}\n${result.log}`);
    });
  return [
    await step(statementsAction(DROP_USER_INDEXES)),
    await timed(() => lab.sql.run('coordinator', 'TRUNCATE users;')),
    await step(loadUsersAction()),
    await step(statementsAction(USER_INDEXES)),
  ];
}

/** Both must end the same: N rows, columnar, the primary key and three indexes. */
async function verify(lab: BenchLab, rows: number): Promise<void> {
  const one = async (sql: string) => (await lab.sql.query('coordinator', sql)).rows[0]?.[0];
  const count = await one('SELECT count(*) FROM users');
  const indexes = await one(
    "SELECT count(*)::int FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'users'",
  );
  const am = await one(
    "SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.oid = 'users'::regclass",
  );
  const pk = await one(
    "SELECT EXISTS (SELECT FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'p')",
  );
  if (Number(count) !== rows || indexes !== 4 || am !== 'columnar' || pk !== true) {
    throw new Error(
      `unexpected final table: ${String(count)} rows, ${String(indexes)} indexes, ${String(am)}, primary key ${String(pk)}`,
    );
  }
}

export interface LoadFigures {
  rows: number;
  seed: number[];
  lesson: number[];
  /** Per round, the lesson's steps in PHASES order. */
  phases: number[][];
}

export async function loadBench(
  install: PostgresInstall,
  log: (line: string) => void = console.log,
): Promise<LoadFigures> {
  const rows = Number(process.env.BENCH_LOAD_ROWS ?? 1_000_000);
  const rounds = Number(process.env.BENCH_RUNS ?? 3);
  const figures: LoadFigures = { rows, seed: [], lesson: [], phases: [] };
  const lab = await openBenchLab(install);
  try {
    await mustRun(lab, ['cluster', 'up']);
    await lab.sql.run(
      'coordinator',
      'CREATE TABLE IF NOT EXISTS puestos (id SMALLINT PRIMARY KEY, nombre TEXT NOT NULL);',
    );
    log(`load: ${rows} rows, ${rounds} rounds, 2 workers, 32 shards`);
    for (let round = 0; round < rounds; round++) {
      const runSeed = async () => {
        await lesson04State(lab);
        const s = await timed(() => seedLoad(lab, rows));
        await verify(lab, rows);
        figures.seed.push(s);
        log(`  round ${round}: seed (indexes first, one INSERT ... SELECT) ${s.toFixed(2)} s`);
      };
      const runLesson = async () => {
        await lesson04State(lab);
        const phases = await lessonLoad(lab, rows);
        const s = phases.reduce((a, b) => a + b, 0);
        await verify(lab, rows);
        figures.lesson.push(s);
        figures.phases.push(phases);
        log(
          `  round ${round}: lesson (load, then index) ${s.toFixed(2)} s (${phases.map((p, i) => `${PHASES[i]} ${p.toFixed(2)}`).join(', ')})`,
        );
      };
      // The order alternates so neither always runs on a warmer or more crowded machine.
      if (round % 2 === 0) {
        await runSeed();
        await runLesson();
      } else {
        await runLesson();
        await runSeed();
      }
    }
  } finally {
    await lab.close();
  }
  const seed = median(figures.seed);
  const lesson = median(figures.lesson);
  const paired = median(figures.lesson.map((l, i) => l / figures.seed[i]!));
  log('| what | median | range |');
  log('| --- | --- | --- |');
  const row = (what: string, xs: number[]) =>
    log(
      `| ${what} | ${median(xs).toFixed(2)} s | ${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)} s |`,
    );
  row(`seed: indexes first, one INSERT ... SELECT of ${rows} rows`, figures.seed);
  row(`lesson: drop indexes, TRUNCATE, lab.load-users, lab.index-users`, figures.lesson);
  PHASES.forEach((name, i) =>
    row(
      `  of which ${name}`,
      figures.phases.map((p) => p[i]!),
    ),
  );
  log(
    `lesson / seed: ratio of medians ${(lesson / seed).toFixed(2)}, median of per-round ratios ${paired.toFixed(2)} (target <= 0.50): ${lesson / seed <= 0.5 ? 'met' : 'NOT met'}`,
  );
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  refuseRoot();
  const install = (await discoverPostgres(process.env.CITUS_LAB_PG_BIN)).chosen;
  if (!install?.citusVersion) throw new Error('needs PostgreSQL with Citus');
  await loadBench(install);
}
