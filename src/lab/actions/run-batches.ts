import type { ActionContext } from '../../runner/actions.js';
import { watchCopies } from './copy-progress.js';
import { batchSql, type Batch } from './load-plan.js';
import { errorText } from '../../errors.js';
import { elapsed } from '../../present/output.js';

export interface BatchOptions {
  /** Rows in users already, counted as done. */
  loaded: number;
  print: (line: string) => void;
  now: () => number;
  pollMs: number;
}

/**
 * Runs each node's batches one after the other, the nodes at the same time, showing the rows done:
 * committed batches, plus what the workers' COPY progress says of the batches running. After a failure
 * no node starts another batch; those already running end (commit or roll back) on their own.
 */
export async function runBatches(
  ctx: ActionContext,
  batches: Batch[],
  options: BatchOptions,
): Promise<{ committed: number; failure?: unknown }> {
  const { rows } = ctx.vars;
  const { print, now } = options;
  let committed = options.loaded;
  let inFlight = 0;
  let shown = committed;
  const show = (done: number) => {
    shown = Math.max(shown, Math.min(done, rows));
    ctx.onProgress?.({ done: shown, total: rows, unit: 'rows' });
  };
  show(committed);
  const watching = watchCopies(ctx, options.pollMs, (copied) =>
    show(committed + Math.min(copied, inFlight)),
  );
  let failure: unknown;
  const runBatch = async (batch: Batch) => {
    const size = batch.last - batch.first + 1;
    const started = now();
    inFlight += size;
    try {
      await ctx.runSql(batch.node, batchSql(batch), ctx.signal);
      committed += size;
      show(committed);
      print(
        ctx.say('act.load.batch', {
          node: batch.node,
          first: batch.first,
          last: batch.last,
          time: elapsed(now() - started),
          done: committed,
          rows,
          percent: Math.round((committed / rows) * 100),
        }),
      );
    } finally {
      inFlight -= size;
    }
  };
  const nodes = [...new Set(batches.map((b) => b.node))];
  await Promise.all(
    nodes.map(async (node) => {
      for (const batch of batches.filter((b) => b.node === node)) {
        if (failure !== undefined || ctx.signal?.aborted) return;
        try {
          await runBatch(batch);
        } catch (error) {
          failure ??= error;
          if (!ctx.signal?.aborted) print(`${node}: ERROR: ${errorText(error)}`);
        }
      }
    }),
  );
  await watching.stop();
  return { committed, ...(failure !== undefined && { failure }) };
}
