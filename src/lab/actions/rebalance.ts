import { errorText } from '../../errors.js';
import { elapsed } from '../../present/output.js';
import type { Action, ActionContext, ActionResult } from '../../runner/actions.js';
import type { StepError } from '../../runner/outcome.js';

/**
 * `lab.rebalance`: starts a background rebalance that blocks writes instead of using logical
 * replication (seconds instead of about a minute on a laptop, and it works for tables without a
 * primary key), then polls `citus_rebalance_status()` and reports the moves done until the job ends.
 * The learner can type the same two statements in psql; the action only adds the waiting.
 */
export const START_SQL = `SELECT citus_rebalance_start(shard_transfer_mode => 'block_writes');`;
export const STATUS_SQL = `SELECT job_id, state, details->'task_state_counts' AS task_state_counts FROM citus_rebalance_status();`;
export const STOP_SQL = `SELECT citus_rebalance_stop();`;

const TERMINAL = new Set(['finished', 'cancelled', 'failed']);

export interface RebalanceOptions {
  /** Pause between two status queries. */
  pollMs?: number;
  /** Stop the job and fail when no move finished for this long. */
  stallMs?: number;
  /** Stop the job and fail when one move has failed this many times (Citus retries a failed move for ever). */
  maxRetries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export function rebalanceAction(options: RebalanceOptions = {}): Action {
  const pollMs = options.pollMs ?? 500;
  const stallMs = options.stallMs ?? 10 * 60_000;
  const maxRetries = options.maxRetries ?? 3;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => performance.now());

  return {
    describe: (_vars, say) =>
      [START_SQL, `-- ${say('act.rebalance.poll', { seconds: pollMs / 1000 })}`, STATUS_SQL].join(
        '\n',
      ),

    async run(ctx: ActionContext): Promise<ActionResult> {
      const log: string[] = [];
      const started = now();
      let job: number | null;
      try {
        job = await startJob(ctx, log);
      } catch (error) {
        return { ok: false, log: log.join('\n'), error: sqlError(error) };
      }
      if (job === null) {
        ctx.onProgress?.({ done: 0, total: 0, unit: 'moves' });
        log.push(`-- ${ctx.say('act.rebalance.nothing')}`);
        return { ok: true, log: log.join('\n') };
      }

      let lastDone = -1;
      let lastChange = now();
      let last: Status | undefined;
      for (;;) {
        if (ctx.signal?.aborted) return cancel(ctx, log);
        try {
          last = await status(ctx, job);
        } catch (error) {
          return { ok: false, log: log.join('\n'), error: sqlError(error) };
        }
        if (last.done !== lastDone) {
          lastDone = last.done;
          lastChange = now();
          ctx.onProgress?.({ done: last.done, total: last.total, unit: 'moves' });
        }
        if (TERMINAL.has(last.state)) break;
        const failing = await retried(ctx, job).catch(() => undefined);
        if (failing && failing.retries >= maxRetries) {
          await ctx.runSql('coordinator', STOP_SQL).catch(() => undefined);
          log.push(STOP_SQL);
          const error: StepError = {
            key: 'lab.rebalanceTaskFailing',
            params: { job, retries: failing.retries },
            ...(failing.message && { detail: failing.message }),
          };
          return { ok: false, log: log.join('\n'), error };
        }
        if (now() - lastChange > stallMs) {
          await ctx.runSql('coordinator', STOP_SQL).catch(() => undefined);
          log.push(STOP_SQL);
          return {
            ok: false,
            log: log.join('\n'),
            error: {
              key: 'lab.rebalanceStalled',
              params: { job, seconds: Math.round(stallMs / 1000) },
            },
          };
        }
        await sleep(pollMs, ctx.signal).catch(() => undefined);
      }

      log.push(STATUS_SQL);
      log.push(
        `-- job_id = ${job}, state = ${last.state}, task_state_counts = ${last.countsText}  (${last.done}/${last.total}, ${elapsed(now() - started)})`,
      );
      if (last.state === 'finished') return { ok: true, log: log.join('\n') };
      const reason = await failureMessage(ctx, job);
      const error: StepError = {
        key: 'lab.rebalanceFailed',
        params: { job, state: last.state },
        ...(reason && { detail: reason }),
      };
      return { ok: false, log: log.join('\n'), error };
    },
  };
}

interface Status {
  state: string;
  done: number;
  total: number;
  countsText: string;
}

/**
 * Citus measures shard sizes for the plan over the coordinator session's cached connections to the
 * workers. After a worker restarted, such a connection is dead, and the start fails once with
 * "connection error"; the failed transaction drops it, so one more try reaches the worker afresh.
 */
const STALE_CONNECTION =
  /connection error|connection to the remote node|server closed the connection/i;

async function startJob(
  ctx: ActionContext,
  log: string[],
  retryStale = true,
): Promise<number | null> {
  log.push(START_SQL);
  try {
    const [result] = await ctx.runSql('coordinator', START_SQL, ctx.signal);
    const value = result?.rows[0]?.[0];
    if (value === null || value === undefined) return null;
    log.push(`-- job_id = ${value}`);
    return Number(value);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (retryStale && STALE_CONNECTION.test(message) && !ctx.signal?.aborted) {
      log.push(`-- ${ctx.say('act.rebalance.retry', { error: message.split('\n')[0]! })}`);
      return startJob(ctx, log, false);
    }
    // Run twice (or after a cancelled run), the job already started: wait for it instead of failing.
    const running = /rebalance is already running as job (\d+)/i.exec(message);
    if (!running) throw error;
    log.push(`-- ${ctx.say('act.rebalance.running', { job: running[1]! })}`);
    return Number(running[1]);
  }
}

async function status(ctx: ActionContext, job: number): Promise<Status> {
  const [result] = await ctx.runSql('coordinator', STATUS_SQL, ctx.signal);
  const row = result?.rows.find((r) => Number(r[0]) === job) ?? result?.rows[0];
  if (!row) return { state: 'running', done: 0, total: 0, countsText: '{}' };
  const counts = parseCounts(row[2]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    state: String(row[1]),
    done: counts.done ?? 0,
    total,
    countsText: JSON.stringify(counts),
  };
}

/** `task_state_counts` arrives as a parsed object or as JSON text, depending on the driver's type parsers. */
export function parseCounts(value: unknown): Record<string, number> {
  let object: unknown = value;
  if (typeof value === 'string') {
    try {
      object = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (!object || typeof object !== 'object') return {};
  return Object.fromEntries(
    Object.entries(object as Record<string, unknown>).map(([k, v]) => [k, Number(v) || 0]),
  );
}

/** The move that failed most often in this job, with Citus's last message for it. */
async function retried(
  ctx: ActionContext,
  job: number,
): Promise<{ retries: number; message?: string } | undefined> {
  const [result] = await ctx.runSql(
    'coordinator',
    `SELECT retry_count, message FROM pg_dist_background_task WHERE job_id = ${Number(job)} AND retry_count > 0 ORDER BY retry_count DESC LIMIT 1;`,
  );
  const row = result?.rows[0];
  if (!row) return undefined;
  const message = typeof row[1] === 'string' && row[1].trim() !== '' ? row[1].trim() : undefined;
  return { retries: Number(row[0]) || 0, ...(message && { message }) };
}

async function failureMessage(ctx: ActionContext, job: number): Promise<string | undefined> {
  try {
    const [result] = await ctx.runSql(
      'coordinator',
      `SELECT message FROM pg_dist_background_task WHERE job_id = ${Number(job)} AND coalesce(message, '') <> '' ORDER BY task_id DESC LIMIT 1;`,
    );
    const message = result?.rows[0]?.[0];
    return typeof message === 'string' ? message.trim() : undefined;
  } catch {
    return undefined;
  }
}

async function cancel(ctx: ActionContext, log: string[]): Promise<ActionResult> {
  await ctx.runSql('coordinator', STOP_SQL).catch(() => undefined);
  log.push(STOP_SQL);
  return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
}

function sqlError(error: unknown): StepError {
  return { key: 'step.sqlFailed', detail: errorText(error) };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
