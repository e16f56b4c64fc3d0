import { errorText } from '../../errors.js';
import type { NodeName } from '../../lessons/nodes.js';
import { sqlLiteral, type TemplateVars } from '../../lessons/template.js';
import type { Action, ActionContext, ActionResult } from '../../runner/actions.js';
import { elapsed } from '../../present/output.js';

export interface DrainOptions {
  /** Pause between two looks at the placements left. */
  pollMs?: number;
  now?: () => number;
}

const NODE: NodeName = 'worker3';

const where = (vars: TemplateVars) =>
  `nodename = ${sqlLiteral(vars.host)} AND nodeport = ${vars.port[NODE]}`;

export const drainSql = (vars: TemplateVars) =>
  `SELECT citus_drain_node(nodename, nodeport, shard_transfer_mode => 'block_writes')
FROM pg_dist_node WHERE ${where(vars)};`;

export const placementsLeftSql = (vars: TemplateVars) =>
  `SELECT count(*) FROM pg_dist_placement
WHERE groupid = (SELECT groupid FROM pg_dist_node WHERE ${where(vars)});`;

/**
 * `lab.drain-worker3`: `citus_drain_node` moves every shard off worker 3, one colocated group at a
 * time, in a single statement that says nothing for seconds. Each move commits on its own, so a second
 * session sees the placements left on the node shrink: that count is the progress shown meanwhile.
 * Cancelled (Citus may still finish the drain's moves first), the moves made stay made; the next
 * reset moves the rest.
 */
export function drainWorkerAction(options: DrainOptions = {}): Action {
  const pollMs = options.pollMs ?? 500;
  const now = options.now ?? (() => performance.now());
  return {
    describe: (vars) =>
      [
        drainSql(vars),
        `-- every ${pollMs / 1000} s, from another session, the shards still on ${NODE}:`,
        placementsLeftSql(vars),
      ].join('\n'),

    async run(ctx: ActionContext): Promise<ActionResult> {
      const started = now();
      const log = [drainSql(ctx.vars)];
      const left = async () => {
        const [result] = await ctx.runSql('coordinator', placementsLeftSql(ctx.vars), ctx.signal);
        return Number(result?.rows[0]?.[0] ?? 0);
      };
      let total: number;
      try {
        total = await left();
      } catch (error) {
        return { ok: false, log: log.join('\n'), error: sqlFailed(error) };
      }
      ctx.onProgress?.({ done: 0, total, unit: 'shards' });
      let finished = false;
      const drain = ctx.runSql('coordinator', drainSql(ctx.vars), ctx.signal).finally(() => {
        finished = true;
      });
      // The count only reads the metadata: a failed look is skipped, the drain's own result decides.
      const watch = (async () => {
        while (!finished && total > 0) {
          await pause(pollMs, drain);
          if (finished) break;
          const still = await left().catch(() => undefined);
          if (still !== undefined)
            ctx.onProgress?.({ done: Math.max(0, total - still), total, unit: 'shards' });
        }
      })();
      try {
        await drain;
      } catch (error) {
        await watch;
        if (ctx.signal?.aborted)
          return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
        return { ok: false, log: log.join('\n'), error: sqlFailed(error) };
      }
      await watch;
      ctx.onProgress?.({ done: total, total, unit: 'shards' });
      log.push(`-- ${total} shards moved off ${NODE} (${elapsed(now() - started)})`);
      return { ok: true, log: log.join('\n') };
    },
  };
}

/** Waits `ms`, or less when the drain ends first. */
function pause(ms: number, drain: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    drain.then(done, done);
  });
}

function sqlFailed(error: unknown) {
  return { key: 'step.sqlFailed' as const, detail: errorText(error) };
}
