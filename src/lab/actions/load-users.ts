import { statfs } from 'node:fs/promises';
import { WORKERS } from '../../cluster/layout.js';
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

/**
 * Batches of up to five million rows, each one INSERT ... SELECT and one transaction. Fewer statements
 * load faster (each distributed INSERT ... SELECT costs ~0.4 s of its own on two workers: ten batches of
 * a million rows took 5.9 s, one took 2.4 s) and columnar compresses larger stripes better; the cap
 * bounds what a failure near the end rolls back.
 */
export const BATCH_ROWS = 5_000_000;
export function batchesOf(rows: number): [number, number][] {
  const batches: [number, number][] = [];
  for (let first = 1; first <= rows; first += BATCH_ROWS)
    batches.push([first, Math.min(rows, first + BATCH_ROWS - 1)]);
  return batches;
}

/**
 * Rows copied so far into `users`' shards on one worker. Citus sends the coordinator's rows to each
 * shard with COPY, and every COPY reports its progress there: the progress of one long statement.
 */
export const COPY_PROGRESS_SQL = `SELECT coalesce(sum(tuples_processed), 0) FROM pg_stat_progress_copy
WHERE relid::regclass::text ~ '^(public\\.)?users_[0-9]+$'`;

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
  /** Pause between two looks at the workers' COPY progress. */
  pollMs?: number;
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
  const pollMs = options.pollMs ?? 250;
  return {
    describe(vars: TemplateVars) {
      const batches = batchesOf(vars.rows);
      const [first, last] = batches[0]!;
      return [
        `-- free disk in ${vars.labDir} >= ${humanBytes(vars.rows * BYTES_PER_ROW)} (about ${BYTES_PER_ROW} bytes a row), or stop`,
        `-- ${vars.rows} rows in ${batches.length} statement(s) of up to ${last - first + 1} rows, one transaction each:`,
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
      // While a batch runs, its progress comes from the workers' COPY progress.
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
        const before = done;
        const watching = watchCopies(ctx, pollMs, (copied) =>
          ctx.onProgress?.({
            done: before + Math.min(copied, last - first),
            total: rows,
            unit: 'rows',
          }),
        );
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
        } finally {
          await watching.stop();
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

/** Polls every worker's COPY progress until stopped; a worker that does not answer counts as 0. */
function watchCopies(ctx: ActionContext, pollMs: number, report: (copied: number) => void) {
  let running = true;
  let best = 0;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const loop = (async () => {
    while (running) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      if (!running) break;
      const counts = await Promise.all(
        WORKERS.map((node) =>
          ctx
            .runSql(node, COPY_PROGRESS_SQL)
            .then(([r]) => Number(r?.rows[0]?.[0] ?? 0) || 0)
            .catch(() => 0),
        ),
      );
      const copied = counts.reduce((a, b) => a + b, 0);
      // A COPY that ended leaves the view: the count never goes back.
      if (running && copied > best) report((best = copied));
    }
  })();
  return {
    async stop() {
      running = false;
      clearTimeout(timer);
      wake?.();
      await loop;
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

/**
 * Runs DDL statements on the coordinator in one transaction, timing each: `lab.index-users` and
 * `lab.drop-user-indexes`. Each distributed DDL committed on its own pays for its own two-phase commit
 * and metadata sync on every node; the four index builds together took 1.5 s instead of 2.2 s.
 * A statement PostgreSQL refuses rolls them all back.
 */
export function statementsAction(
  statements: readonly string[],
  options: Pick<LoadOptions, 'now'> = {},
): Action {
  const now = options.now ?? (() => performance.now());
  const script = ['BEGIN;', ...statements, 'COMMIT;'].join('\n');
  return {
    describe: () => script,
    async run(ctx: ActionContext): Promise<ActionResult> {
      const log: string[] = ['BEGIN;'];
      const started = now();
      if (ctx.signal?.aborted)
        return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
      let results: { ms?: number }[];
      try {
        results = await ctx.runSql('coordinator', script, ctx.signal);
      } catch (error) {
        if (ctx.signal?.aborted)
          return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
        // The statements before the one refused ran (BEGIN is the first result), then all rolled back.
        const partial = (error as { partial?: unknown[] }).partial?.length ?? 1;
        const failed = statements[Math.max(0, partial - 1)] ?? '';
        log.push(
          ...statements.slice(0, Math.max(0, partial - 1)),
          failed,
          `ERROR: ${errorText(error)}`,
          'ROLLBACK;',
        );
        return { ok: false, log: log.join('\n'), error: { key: 'step.sqlFailed' } };
      }
      for (const [i, statement] of statements.entries()) {
        const ms = results[i + 1]?.ms;
        const line = `${statement}${ms === undefined ? '' : `  -- ${seconds(ms)}`}`;
        log.push(line);
        ctx.onOutput?.(`${line}\n`);
        ctx.onProgress?.({ done: i + 1, total: statements.length, unit: 'steps' });
      }
      log.push('COMMIT;', `-- ${statements.length} statements in ${seconds(now() - started)}`);
      return { ok: true, log: log.join('\n') };
    },
  };
}
