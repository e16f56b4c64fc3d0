import { describe, expect, it } from 'vitest';
import { selectResult as result } from '../helpers/sql-results.js';
import {
  drainSql,
  drainWorkerAction,
  placementsLeftSql,
} from '../../src/lab/actions/drain-worker.js';
import type { ActionContext, Progress } from '../../src/runner/actions.js';
import { testVars } from '../helpers/snapshot.js';

/**
 * A fake coordinator: the placements left on worker 3 drop by `step` each time they are counted, and
 * the drain statement ends when none are left (or fails with `failure`).
 */
function fakeLab(start: number, step: number, failure?: string) {
  const vars = testVars();
  const progress: Progress[] = [];
  const seen: string[] = [];
  let left = start;
  let finish: (() => void) | undefined;
  const ctx: ActionContext = {
    vars,
    onProgress: (p) => progress.push(p),
    async runSql(_node, sql, signal) {
      seen.push(sql);
      if (sql === placementsLeftSql(vars)) {
        const now = left;
        left = Math.max(0, left - step);
        if (left === 0 && seen.length > 1) setTimeout(() => finish?.(), 0);
        return result([[String(now)]]);
      }
      if (sql === drainSql(vars)) {
        if (failure) throw new Error(failure);
        if (start === 0) return result([]);
        await new Promise<void>((resolve, reject) => {
          finish = resolve;
          signal?.addEventListener('abort', () => reject(new Error('canceling statement')));
        });
        return result([['']]);
      }
      throw new Error(`unexpected SQL: ${sql}`);
    },
  };
  return { ctx, progress, seen };
}

describe('lab.drain-worker3', () => {
  it('drains worker 3 with citus_drain_node and reports the shards moved off it as they go', async () => {
    const lab = fakeLab(44, 11);
    const outcome = await drainWorkerAction({ pollMs: 1 }).run(lab.ctx);
    expect(outcome.ok).toBe(true);
    expect(lab.seen).toContain(drainSql(lab.ctx.vars));
    expect(drainSql(lab.ctx.vars)).toContain(
      `citus_drain_node(nodename, nodeport, shard_transfer_mode => 'block_writes')`,
    );
    expect(drainSql(lab.ctx.vars)).toContain(`nodeport = ${lab.ctx.vars.port.worker3}`);
    const done = lab.progress.map((p) => p.done);
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(44);
    expect(done.some((d) => d > 0 && d < 44)).toBe(true);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    expect(lab.progress.every((p) => p.total === 44 && p.unit === 'shards')).toBe(true);
    expect(outcome.log).toMatch(/44 shards moved off worker3/);
  });

  it('says nothing moved when worker 3 holds no shard (or is not in the cluster)', async () => {
    const lab = fakeLab(0, 0);
    const outcome = await drainWorkerAction({ pollMs: 1 }).run(lab.ctx);
    expect(outcome.ok).toBe(true);
    expect(lab.progress.at(-1)).toEqual({ done: 0, total: 0, unit: 'shards' });
  });

  it("fails with PostgreSQL's message when the drain fails", async () => {
    const lab = fakeLab(10, 1, 'could not move shard 102072');
    const outcome = await drainWorkerAction({ pollMs: 1 }).run(lab.ctx);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({
      key: 'step.sqlFailed',
      detail: expect.stringContaining('could not move shard 102072'),
    });
  });

  it('stops when cancelled, and says so', async () => {
    const lab = fakeLab(1000, 1);
    const abort = new AbortController();
    const running = drainWorkerAction({ pollMs: 1 }).run({ ...lab.ctx, signal: abort.signal });
    await new Promise((r) => setTimeout(r, 20));
    abort.abort();
    const outcome = await running;
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toEqual({ key: 'step.cancelled' });
  });
});
