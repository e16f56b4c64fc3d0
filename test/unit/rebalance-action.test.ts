import { translator } from '../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import {
  parseCounts,
  rebalanceAction,
  START_SQL,
  STATUS_SQL,
  STOP_SQL,
} from '../../src/lab/actions/rebalance.js';
import type { ActionContext, Progress } from '../../src/runner/actions.js';
import type { StatementResult } from '../../src/adapters/sql.js';
import { selectResult as result } from '../helpers/sql-results.js';
import { templateVars } from '../../src/lab/paths.js';

/** A fake coordinator: answers the start, then one status row per poll from `statuses`. */
function fakeLab(
  start: () => StatementResult[],
  statuses: [string, Record<string, number>][],
  failure?: string,
  retries?: [number, string],
) {
  const seen: string[] = [];
  const progress: Progress[] = [];
  let poll = 0;
  const ctx: ActionContext = {
    say: translator('en'),
    vars: templateVars(
      {
        labDir: '/tmp/lab',
        host: '127.0.0.1',
        user: 'postgres',
        database: 'postgres',
        basePort: 55164,
        rows: 1000,
      } as never,
      '/usr/bin',
    ),
    onProgress: (p) => progress.push(p),
    async runSql(_node, sql) {
      seen.push(sql);
      if (sql === START_SQL) return start();
      if (sql === STATUS_SQL) {
        const [state, counts] = statuses[Math.min(poll++, statuses.length - 1)]!;
        return result([['7', state, JSON.stringify(counts)]]);
      }
      if (sql.includes('retry_count')) return result(retries ? [retries] : []);
      if (sql.includes('pg_dist_background_task')) return result(failure ? [[failure]] : []);
      return result([]);
    },
  };
  return { ctx, seen, progress };
}

const fast = { pollMs: 1, sleep: async () => undefined };

describe('lab.rebalance', () => {
  it('starts a block_writes rebalance and reports moves until the job finishes', async () => {
    const lab = fakeLab(
      () => result([['7']]),
      [
        ['running', { runnable: 3, running: 1 }],
        ['running', { done: 2, running: 1, runnable: 1 }],
        ['finished', { done: 4 }],
      ],
    );
    const r = await rebalanceAction(fast).run(lab.ctx);
    expect(r.ok).toBe(true);
    expect(lab.seen[0]).toContain("shard_transfer_mode => 'block_writes'");
    expect(lab.progress).toEqual([
      { done: 0, total: 4, unit: 'moves' },
      { done: 2, total: 4, unit: 'moves' },
      { done: 4, total: 4, unit: 'moves' },
    ]);
    expect(r.log).toContain('job_id = 7, state = finished');
  });

  it('succeeds at once when there is nothing to move (the start returns NULL)', async () => {
    const lab = fakeLab(() => result([[null]]), []);
    const r = await rebalanceAction(fast).run(lab.ctx);
    expect(r.ok).toBe(true);
    expect(lab.seen).toEqual([START_SQL]);
    expect(lab.progress).toEqual([{ done: 0, total: 0, unit: 'moves' }]);
  });

  it('tries the start once more when a cached connection to a restarted worker was dead, and no more than once', async () => {
    let starts = 0;
    const stale = () => {
      starts++;
      if (starts === 1) throw new Error('cannot get the size because of a connection error');
      return result([['7']]);
    };
    const lab = fakeLab(stale, [['finished', { done: 1 }]]);
    const r = await rebalanceAction(fast).run(lab.ctx);
    expect(r.ok).toBe(true);
    expect(starts).toBe(2);
    expect(r.log).toContain('connection error: once more, on fresh connections');

    const alwaysDown = fakeLab(() => {
      throw new Error('cannot get the size because of a connection error');
    }, []);
    const down = await rebalanceAction(fast).run(alwaysDown.ctx);
    expect(down.ok).toBe(false);
    expect(down.error).toMatchObject({
      key: 'step.sqlFailed',
      detail: 'cannot get the size because of a connection error',
    });
    expect(alwaysDown.seen.filter((s) => s === START_SQL)).toHaveLength(2);
  });

  it('waits for a rebalance that is already running instead of failing', async () => {
    const lab = fakeLab(() => {
      throw new Error('A rebalance is already running as job 7');
    }, [['finished', { done: 2 }]]);
    const r = await rebalanceAction(fast).run(lab.ctx);
    expect(r.ok).toBe(true);
    expect(r.log).toContain('already running');
  });

  it('fails with the task message when the job fails', async () => {
    const lab = fakeLab(
      () => result([['7']]),
      [['failed', { done: 1, error: 1 }]],
      'could not connect to 127.0.0.1:55167',
    );
    const r = await rebalanceAction(fast).run(lab.ctx);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({
      key: 'lab.rebalanceFailed',
      params: { job: 7, state: 'failed' },
      detail: 'could not connect to 127.0.0.1:55167',
    });
  });

  it('fails on a SQL error from the start, such as a missing node', async () => {
    const lab = fakeLab(() => {
      throw new Error(
        'function citus_rebalance_start(shard_transfer_mode => unknown) does not exist',
      );
    }, []);
    const r = await rebalanceAction(fast).run(lab.ctx);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ key: 'step.sqlFailed' });
  });

  it('stops a job that makes no progress and says so', async () => {
    let clock = 0;
    const lab = fakeLab(() => result([['7']]), [['running', { running: 1, runnable: 3 }]]);
    const r = await rebalanceAction({
      pollMs: 1,
      stallMs: 1000,
      now: () => (clock += 400),
      sleep: async () => undefined,
    }).run(lab.ctx);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ key: 'lab.rebalanceStalled', params: { job: 7 } });
    expect(lab.seen).toContain(STOP_SQL);
  });

  it("stops a job whose move keeps failing, with Citus's message, instead of retrying for ever", async () => {
    const orphan =
      'shard move failed as the orphaned shard public.users_heap_102093 leftover from the previous move could not be cleaned up';
    const lab = fakeLab(
      () => result([['7']]),
      [['running', { done: 17, runnable: 3 }]],
      undefined,
      [3, orphan],
    );
    const r = await rebalanceAction(fast).run(lab.ctx);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({
      key: 'lab.rebalanceTaskFailing',
      params: { job: 7, retries: 3 },
      detail: orphan,
    });
    expect(lab.seen).toContain(STOP_SQL);
  });

  it('keeps waiting while a failed move has been retried fewer times than the limit', async () => {
    const lab = fakeLab(
      () => result([['7']]),
      [
        ['running', { done: 1, runnable: 1 }],
        ['finished', { done: 2 }],
      ],
      undefined,
      [1, 'could not connect'],
    );
    const r = await rebalanceAction(fast).run(lab.ctx);
    expect(r.ok).toBe(true);
  });

  it('stops the job when the learner cancels', async () => {
    const controller = new AbortController();
    const lab = fakeLab(() => result([['7']]), [['running', { running: 1 }]]);
    const r = await rebalanceAction({ pollMs: 1, sleep: async () => controller.abort() }).run({
      ...lab.ctx,
      signal: controller.signal,
    });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ key: 'step.cancelled' });
    expect(lab.seen).toContain(STOP_SQL);
  });

  it('describes the SQL it runs', () => {
    const text = rebalanceAction().describe({} as never, translator('en'));
    expect(text).toContain('citus_rebalance_start');
    expect(text).toContain('citus_rebalance_status()');
  });

  it('reads task counts from an object or from JSON text', () => {
    expect(parseCounts({ done: 2, runnable: '1' })).toEqual({ done: 2, runnable: 1 });
    expect(parseCounts('{"done": 3}')).toEqual({ done: 3 });
    expect(parseCounts('not json')).toEqual({});
    expect(parseCounts(null)).toEqual({});
  });
});
