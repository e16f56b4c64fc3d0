import { translator } from '../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { selectResult as result } from '../helpers/sql-results.js';
import {
  drainWorkerAction,
  moveSql,
  movesSql,
  placementsLeftSql,
  resumePlacingSql,
  stopPlacingSql,
  type Move,
} from '../../src/lab/actions/drain-worker.js';
import type { ActionContext, Progress } from '../../src/runner/actions.js';
import { testVars } from '../helpers/snapshot.js';

/**
 * A fake coordinator: worker 3 holds `groups` colocated groups of `perGroup` shards; the plan lists one
 * move per group, and each move takes its group's shards off worker 3 (or fails with `failure`).
 */
function fakeLab(groups: number, perGroup: number, failure?: string) {
  const vars = testVars();
  const progress: Progress[] = [];
  const seen: string[] = [];
  let left = groups * perGroup;
  const plan: Move[] = Array.from({ length: groups }, (_, i) => ({
    shardid: 102008 + i,
    sourcename: vars.host,
    sourceport: vars.port.worker3,
    targetname: vars.host,
    targetport: i % 2 === 0 ? vars.port.worker1 : vars.port.worker2,
  }));
  let onMove: (() => Promise<void>) | undefined;
  const ctx: ActionContext = {
    vars,
    say: translator('en'),
    onProgress: (p) => progress.push(p),
    async runSql(_node, sql) {
      seen.push(sql);
      if (sql === placementsLeftSql(vars)) return result([[String(left)]]);
      if (sql === stopPlacingSql(vars) || sql === resumePlacingSql(vars)) return result([['']]);
      if (sql === movesSql(vars))
        return result(
          plan.map((m) => [m.shardid, m.sourcename, m.sourceport, m.targetname, m.targetport]),
        );
      if (plan.some((m) => sql === moveSql(m))) {
        await onMove?.();
        if (failure) throw new Error(failure);
        left -= perGroup;
        return result([['']]);
      }
      throw new Error(`unexpected SQL: ${sql}`);
    },
  };
  return { ctx, progress, seen, plan, setOnMove: (f: () => Promise<void>) => (onMove = f) };
}

describe('lab.drain-worker3', () => {
  it("stops placing shards on worker 3, then makes the drain's moves one by one, reporting the shards left", async () => {
    const lab = fakeLab(4, 11);
    const outcome = await drainWorkerAction().run(lab.ctx);
    expect(outcome.ok).toBe(true);
    const statements = lab.seen.filter((s) => s !== placementsLeftSql(lab.ctx.vars));
    expect(statements).toEqual([
      stopPlacingSql(lab.ctx.vars),
      movesSql(lab.ctx.vars),
      ...lab.plan.map(moveSql),
    ]);
    expect(stopPlacingSql(lab.ctx.vars)).toContain(`'shouldhaveshards', false`);
    expect(movesSql(lab.ctx.vars)).toContain('get_rebalance_table_shards_plan(drain_only => true)');
    expect(moveSql(lab.plan[0]!)).toContain(
      `citus_move_shard_placement(102008, '127.0.0.1', ${lab.ctx.vars.port.worker3}, '127.0.0.1', ${lab.ctx.vars.port.worker1}, shard_transfer_mode => 'block_writes')`,
    );
    expect(lab.progress.map((p) => p.done)).toEqual([0, 11, 22, 33, 44]);
    expect(lab.progress.every((p) => p.total === 44 && p.unit === 'shards')).toBe(true);
    expect(outcome.log).toMatch(/44 shards moved off worker3 in 4 moves/);
  });

  it('logs in Spanish for a learner who reads Spanish', async () => {
    const lab = fakeLab(4, 11);
    const outcome = await drainWorkerAction().run({ ...lab.ctx, say: translator('es') });
    expect(outcome.log).toMatch(/-- 44 shards movidos fuera de worker3 en 4 movimientos/);
    expect(outcome.log).not.toMatch(/moved off/);
  });

  it('moves nothing when worker 3 holds no shard (or is not in the cluster)', async () => {
    const lab = fakeLab(0, 0);
    const outcome = await drainWorkerAction().run(lab.ctx);
    expect(outcome.ok).toBe(true);
    expect(lab.seen).toEqual([placementsLeftSql(lab.ctx.vars)]);
    expect(lab.progress.at(-1)).toEqual({ done: 0, total: 0, unit: 'shards' });
  });

  it("fails with PostgreSQL's message when a move fails, and makes no move after it", async () => {
    const lab = fakeLab(3, 5, 'could not move shard 102008');
    const outcome = await drainWorkerAction().run(lab.ctx);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({
      key: 'step.sqlFailed',
      detail: expect.stringContaining('could not move shard 102008'),
    });
    expect(lab.seen.filter((s) => s.includes('citus_move_shard_placement'))).toHaveLength(1);
    // Worker 3 takes shards again: the lesson run again moves shards onto it.
    expect(lab.seen.at(-1)).toBe(resumePlacingSql(lab.ctx.vars));
    expect(resumePlacingSql(lab.ctx.vars)).toContain(`'shouldhaveshards', true`);
  });

  it('fails, naming what is left, when the moves planned leave shards on worker 3', async () => {
    const lab = fakeLab(2, 5);
    lab.plan.pop();
    const outcome = await drainWorkerAction().run(lab.ctx);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toEqual({
      key: 'lab.drainLeftShards',
      params: { count: 5, node: 'worker3' },
    });
  });

  it('stops at the move it is in when cancelled, and says so', async () => {
    const lab = fakeLab(5, 3);
    const abort = new AbortController();
    // Cancelled while the second move runs: that move ends, no third one starts.
    let moves = 0;
    lab.setOnMove(async () => {
      if (++moves === 2) abort.abort();
    });
    const outcome = await drainWorkerAction().run({ ...lab.ctx, signal: abort.signal });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toEqual({ key: 'step.cancelled' });
    expect(moves).toBe(2);
    expect(lab.seen.at(-1)).toBe(resumePlacingSql(lab.ctx.vars));
    expect(outcome.log).toContain(resumePlacingSql(lab.ctx.vars));
  });
});
