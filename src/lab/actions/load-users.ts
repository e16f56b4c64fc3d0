import { statfs } from 'node:fs/promises';
import type { Action, ActionContext, ActionResult } from '../../runner/actions.js';
import type { TemplateVars } from '../../lessons/template.js';

/**
 * Bytes of disk the load-sizes lesson needs per row, measured on Citus 13.2 / PostgreSQL 15 with the
 * seed's `users` rows: columnar data (~13) + its primary key and three btree indexes (~140), the heap
 * twin (~95), plus room for the WAL written while loading. Rounded up: refusing a load that would fit
 * is better than filling the disk.
 */
export const BYTES_PER_ROW = 400;

export const rowsSql = (first: number, last: number) =>
  [
    'INSERT INTO users (id, username, email, created_at, is_active, puesto_id)',
    "SELECT i, 'user_' || i, 'user_' || i || '@example.com',",
    "       now() - (i % 10000) * interval '1 second', i % 2 = 0, 1 + i % 7",
    `FROM generate_series(${first}, ${last}) AS i;`,
  ].join('\n');

/** The highest id loaded so far: where a load stopped halfway resumes. */
export const RESUME_SQL = 'SELECT coalesce(max(id), 0) FROM users;';

/** Ten batches, each one transaction: progress to show, and stripes large enough to compress well. */
export function batchesOf(rows: number): [number, number][] {
  const size = Math.min(5_000_000, Math.max(10_000, Math.ceil(rows / 10)));
  const batches: [number, number][] = [];
  for (let first = 1; first <= rows; first += size)
    batches.push([first, Math.min(rows, first + size - 1)]);
  return batches;
}

export function humanBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export interface LoadOptions {
  /** Free bytes where the lab keeps its data; the real one asks the file system. */
  freeBytes?: (dir: string) => Promise<number>;
  now?: () => number;
}

const freeBytesOf = async (dir: string) => {
  const s = await statfs(dir);
  return Number(s.bavail) * Number(s.bsize);
};

/**
 * `lab.load-users`: checks the free disk first, then loads `{{rows}}` rows into `users` with
 * INSERT ... SELECT generate_series in batches, reporting rows done after each one.
 */
export function loadUsersAction(options: LoadOptions = {}): Action {
  const freeBytes = options.freeBytes ?? freeBytesOf;
  const now = options.now ?? (() => performance.now());
  return {
    describe(vars: TemplateVars) {
      const batches = batchesOf(vars.rows);
      const [first, last] = batches[0]!;
      return [
        `-- free disk in ${vars.labDir} >= ${humanBytes(vars.rows * BYTES_PER_ROW)} (about ${BYTES_PER_ROW} bytes a row), or stop`,
        `-- ${vars.rows} rows in ${batches.length} batch(es) of up to ${last - first + 1}, one transaction each:`,
        rowsSql(first, last),
        ...(batches.length > 1
          ? [`-- ... up to generate_series(${batches.at(-1)![0]}, ${vars.rows})`]
          : []),
      ].join('\n');
    },

    async run(ctx: ActionContext): Promise<ActionResult> {
      const { rows, labDir } = ctx.vars;
      const log: string[] = [];
      const say = (line: string) => {
        log.push(line);
        ctx.onOutput?.(`${line}\n`);
      };
      const needed = rows * BYTES_PER_ROW;
      let free: number;
      try {
        free = await freeBytes(labDir);
      } catch {
        free = Number.POSITIVE_INFINITY;
      }
      say(
        `-- needed about ${humanBytes(needed)}, free ${Number.isFinite(free) ? humanBytes(free) : '?'} in ${labDir}`,
      );
      if (free < needed) {
        return {
          ok: false,
          log: log.join('\n'),
          error: {
            key: 'load.diskShort',
            params: { rows, needed: humanBytes(needed), free: humanBytes(free), dir: labDir },
          },
        };
      }

      // Each batch is one transaction, so a load stopped halfway (a worker killed, Ctrl-C) holds whole
      // batches only: running the step again resumes after them instead of loading rows twice.
      let resumeAfter = 0;
      try {
        const [max] = await ctx.runSql('coordinator', RESUME_SQL, ctx.signal);
        resumeAfter = Number(max?.rows[0]?.[0] ?? 0) || 0;
      } catch (error) {
        say(`ERROR: ${errorText(error)}`);
        return {
          ok: false,
          log: log.join('\n'),
          error: { key: 'load.failed', params: { done: 0, total: rows } },
        };
      }
      const batches = batchesOf(rows)
        .filter(([, last]) => last > resumeAfter)
        .map(([first, last]): [number, number] => [Math.max(first, resumeAfter + 1), last]);
      if (resumeAfter > 0)
        say(
          `-- ${Math.min(resumeAfter, rows)} rows already loaded: resuming after id ${resumeAfter}`,
        );
      const started = now();
      let done = Math.min(resumeAfter, rows);
      ctx.onProgress?.({ done, total: rows, unit: 'rows' });
      for (const [first, last] of batches) {
        if (ctx.signal?.aborted)
          return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
        const batchStarted = now();
        try {
          await ctx.runSql('coordinator', rowsSql(first, last), ctx.signal);
        } catch (error) {
          if (ctx.signal?.aborted)
            return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
          say(`ERROR: ${errorText(error)}`);
          return {
            ok: false,
            log: log.join('\n'),
            error: { key: 'load.failed', params: { done, total: rows } },
          };
        }
        done = last;
        ctx.onProgress?.({ done, total: rows, unit: 'rows' });
        say(
          `generate_series(${first}, ${last}): ${done}/${rows} rows (${Math.round((done / rows) * 100)}%) in ${seconds(now() - batchStarted)}`,
        );
      }
      say(`-- loaded ${rows} rows in ${seconds(now() - started)}`);
      return { ok: true, log: log.join('\n') };
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The seed's primary key and three indexes on `users`, one statement at a time (Citus refuses them together). */
export const USER_INDEXES = [
  'ALTER TABLE users ADD PRIMARY KEY (id);',
  'CREATE INDEX idx_users_username ON users (username, email);',
  'CREATE INDEX idx_users_email ON users (email);',
  'CREATE INDEX idx_users_created_at ON users (created_at);',
];

export const DROP_USER_INDEXES = [
  'ALTER TABLE users DROP CONSTRAINT IF EXISTS users_pkey;',
  'DROP INDEX IF EXISTS idx_users_username;',
  'DROP INDEX IF EXISTS idx_users_email;',
  'DROP INDEX IF EXISTS idx_users_created_at;',
];

/** Runs statements one by one on the coordinator, timing each: `lab.index-users` and `lab.drop-user-indexes`. */
export function statementsAction(
  statements: readonly string[],
  options: Pick<LoadOptions, 'now'> = {},
): Action {
  const now = options.now ?? (() => performance.now());
  return {
    describe: () => statements.join('\n'),
    async run(ctx: ActionContext): Promise<ActionResult> {
      const log: string[] = [];
      const started = now();
      for (const [i, statement] of statements.entries()) {
        if (ctx.signal?.aborted)
          return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
        const t0 = now();
        try {
          await ctx.runSql('coordinator', statement, ctx.signal);
        } catch (error) {
          log.push(statement, `ERROR: ${errorText(error)}`);
          return { ok: false, log: log.join('\n'), error: { key: 'step.sqlFailed' } };
        }
        const line = `${statement}  -- ${seconds(now() - t0)}`;
        log.push(line);
        ctx.onOutput?.(`${line}\n`);
        ctx.onProgress?.({ done: i + 1, total: statements.length, unit: 'steps' });
      }
      log.push(`-- ${statements.length} statements in ${seconds(now() - started)}`);
      return { ok: true, log: log.join('\n') };
    },
  };
}
