import { WORKERS } from '../../cluster/layout.js';
import type { NodeName } from '../../lessons/nodes.js';
import type { ActionContext } from '../../runner/actions.js';

/**
 * Rows copied so far into `users`' shards on one worker, by the COPYs still running: those a worker
 * receives from the others (type PIPE) and those it writes into its own shards (CALLBACK).
 */
export const COPY_PROGRESS_SQL = `SELECT coalesce(sum(tuples_processed), 0) FROM pg_stat_progress_copy
WHERE relid::regclass::text ~ '^(public\\.)?users_[0-9]+$'`;

/**
 * Polls every worker's COPY progress until stopped. A worker that does not answer (worker 3 before the
 * rebalance lesson, a managed cluster's) is not asked again: a connect that times out would hold up
 * every later look.
 */
export function watchCopies(ctx: ActionContext, pollMs: number, report: (copied: number) => void) {
  let running = true;
  const asking = new Set<NodeName>(WORKERS);
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
        [...asking].map((node) =>
          ctx
            .runSql(node, COPY_PROGRESS_SQL)
            .then(([r]) => Number(r?.rows[0]?.[0] ?? 0) || 0)
            .catch(() => (asking.delete(node), 0)),
        ),
      );
      if (running) report(counts.reduce((a, b) => a + b, 0));
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
