import type { CheckSpec } from '../../lessons/schema.js';
import { NODE_NAMES } from '../../lessons/nodes.js';
import { nodeByPort, portOf, type CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import type { CheckResult } from '../result.js';

type Spec = Extract<CheckSpec, { kind: 'nodes' }>;

/** pg_dist_node holds the coordinator (group 0) and exactly the named workers, all active. */
export async function nodesCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const nodes = await ctx.catalog.nodes();
  const coordinatorRow = nodes.some(
    (n) => n.groupid === 0 && n.nodeport === portOf(ctx, 'coordinator'),
  );
  const workers = nodes
    .filter((n) => n.groupid !== 0 && n.isactive && n.noderole === 'primary')
    .map((n) => nodeByPort(ctx, n.nodeport) ?? `${n.nodename}:${n.nodeport}`);
  const wanted = [...spec.workers].sort();
  const foundWorkers = [...workers].sort();
  const passed =
    (!spec.coordinator || coordinatorRow) &&
    wanted.join() === foundWorkers.join() &&
    spec.absent.every((n) => !workers.includes(n));

  const label = (list: string[]) =>
    list
      .map((n) => (NODE_NAMES.includes(n as never) ? `${n}:${portOf(ctx, n as never)}` : n))
      .join(', ') || '-';
  return {
    kind: 'nodes',
    passed,
    what: whatOf(spec, ctx),
    expected: {
      key: spec.coordinator ? 'found.nodesWithCoordinator' : 'found.nodes',
      params: { workers: label(wanted) },
    },
    found: {
      key: coordinatorRow ? 'found.nodesWithCoordinator' : 'found.nodes',
      params: { workers: label(foundWorkers) },
    },
  };
}
