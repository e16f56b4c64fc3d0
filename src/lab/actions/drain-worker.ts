import { errorText } from '../../errors.js';
import type { NodeName } from '../../lessons/nodes.js';
import { sqlLiteral, type TemplateVars } from '../../lessons/template.js';
import type { Action, ActionContext, ActionResult } from '../../runner/actions.js';
import { elapsed } from '../../present/output.js';

export interface DrainOptions {
  now?: () => number;
}

const NODE: NodeName = 'worker3';

const where = (vars: TemplateVars) =>
  `nodename = ${sqlLiteral(vars.host)} AND nodeport = ${vars.port[NODE]}`;

const placingSql = (vars: TemplateVars, on: boolean) =>
  `SELECT citus_set_node_property(nodename, nodeport, 'shouldhaveshards', ${on})
FROM pg_dist_node WHERE ${where(vars)};`;

/** What citus_drain_node does first, in a transaction of its own: no new shard lands on worker 3. */
export const stopPlacingSql = (vars: TemplateVars) => placingSql(vars, false);

/**
 * A drain stopped halfway gives worker 3 back its place: the rebalance lesson run again then moves
 * shards onto it, as it did the first time, instead of leaving it out.
 */
export const resumePlacingSql = (vars: TemplateVars) => placingSql(vars, true);

/**
 * The drain's plan, one move per colocated group (moving one shard moves the shards colocated with it):
 * the moves citus_drain_node would make, asked of the rebalancer before any is made.
 */
export const movesSql = (vars: TemplateVars) =>
  `SELECT DISTINCT ON (p.colocationid, s.shardminvalue)
       plan.shardid, plan.sourcename, plan.sourceport, plan.targetname, plan.targetport
FROM get_rebalance_table_shards_plan(drain_only => true) AS plan
JOIN pg_dist_shard s USING (shardid)
JOIN pg_dist_partition p USING (logicalrelid)
WHERE plan.sourcename = ${sqlLiteral(vars.host)} AND plan.sourceport = ${vars.port[NODE]}
ORDER BY p.colocationid, s.shardminvalue;`;

export interface Move {
  shardid: number;
  sourcename: string;
  sourceport: number;
  targetname: string;
  targetport: number;
}

const moveStatement = (args: string) =>
  `SELECT citus_move_shard_placement(${args}, shard_transfer_mode => 'block_writes');`;

export const moveSql = (m: Move) =>
  moveStatement(
    `${m.shardid}, ${sqlLiteral(m.sourcename)}, ${m.sourceport}, ${sqlLiteral(m.targetname)}, ${m.targetport}`,
  );

/** The shards on worker 3 that must move: a reference table's copy stays, citus_remove_node drops it. */
export const placementsLeftSql = (vars: TemplateVars) =>
  `SELECT count(*) FROM pg_dist_placement pl
JOIN pg_dist_shard USING (shardid) JOIN pg_dist_partition p USING (logicalrelid)
WHERE p.repmodel <> 't' AND pl.groupid = (SELECT groupid FROM pg_dist_node WHERE ${where(vars)});`;

/**
 * `lab.drain-worker3`: moves every shard off worker 3, what `citus_drain_node` does, one colocated
 * group at a time, each move a statement of its own. citus_drain_node is a single statement that says
 * nothing for seconds and, cancelled, may still make all its moves first; one statement per move
 * shows exact progress (the placements left, counted after each move) and stops at the move it is in.
 * The moves made stay made; the next reset moves the rest.
 */
export function drainWorkerAction(options: DrainOptions = {}): Action {
  const now = options.now ?? (() => performance.now());
  return {
    describe: (vars, say) =>
      [
        stopPlacingSql(vars),
        movesSql(vars),
        `-- ${say('act.drain.eachMove', { node: NODE })}`,
        moveStatement('shardid, sourcename, sourceport, targetname, targetport'),
        placementsLeftSql(vars),
      ].join('\n'),

    async run(ctx: ActionContext): Promise<ActionResult> {
      const started = now();
      const log: string[] = [];
      const sql = async (text: string, logged = true) => {
        if (logged) log.push(text);
        const [result] = await ctx.runSql('coordinator', text, ctx.signal);
        return result?.rows ?? [];
      };
      const left = async () => Number((await sql(placementsLeftSql(ctx.vars), false))[0]?.[0] ?? 0);
      let placingStopped = false;
      const stopped = async (failure: ActionResult['error']): Promise<ActionResult> => {
        if (placingStopped) {
          // Not through the signal: a cancelled drain still gives worker 3 its place back.
          log.push(resumePlacingSql(ctx.vars));
          await ctx.runSql('coordinator', resumePlacingSql(ctx.vars)).catch(() => undefined);
        }
        return ctx.signal?.aborted
          ? { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } }
          : { ok: false, log: log.join('\n'), error: failure };
      };

      let total: number;
      let moves: Move[];
      try {
        total = await left();
        ctx.onProgress?.({ done: 0, total, unit: 'shards' });
        if (total === 0) {
          log.push(`-- ${ctx.say('act.drain.nothing', { node: NODE })}`);
          return { ok: true, log: log.join('\n') };
        }
        await sql(stopPlacingSql(ctx.vars));
        placingStopped = true;
        moves = (await sql(movesSql(ctx.vars))).map(([shardid, sn, sp, tn, tp]) => ({
          shardid: Number(shardid),
          sourcename: String(sn),
          sourceport: Number(sp),
          targetname: String(tn),
          targetport: Number(tp),
        }));
      } catch (error) {
        return stopped(sqlFailed(error));
      }
      let remaining = total;
      for (const move of moves) {
        if (ctx.signal?.aborted) return stopped(undefined);
        try {
          await sql(moveSql(move));
          remaining = await left();
        } catch (error) {
          return stopped(sqlFailed(error));
        }
        ctx.onProgress?.({ done: Math.max(0, total - remaining), total, unit: 'shards' });
      }
      // A plan that left shards behind (a table made meanwhile) fails here rather than at the node's removal.
      if (remaining > 0)
        return stopped({ key: 'lab.drainLeftShards', params: { count: remaining, node: NODE } });
      log.push(
        `-- ${ctx.say('act.drain.done', { shards: total, node: NODE, moves: moves.length, time: elapsed(now() - started) })}`,
      );
      return { ok: true, log: log.join('\n') };
    },
  };
}

function sqlFailed(error: unknown) {
  return { key: 'step.sqlFailed' as const, detail: errorText(error) };
}
