import type { ClusterEnv } from './env.js';
import { rows } from './env.js';
import { clusterError, throwIfCancelled } from './cluster-error.js';
import type { ClusterLayout, ClusterNode } from './layout.js';

export interface MemberRow {
  nodename: string;
  nodeport: number;
  groupid: number;
  isactive: boolean;
  shards: number;
}

/** pg_dist_node on the coordinator, with how many shard placements each node holds. */
export async function members(env: ClusterEnv): Promise<MemberRow[]> {
  const found = await rows(
    env,
    'coordinator',
    `SELECT n.nodename, n.nodeport, n.groupid, n.isactive,
            (SELECT count(*) FROM pg_dist_placement p WHERE p.groupid = n.groupid)::int
       FROM pg_dist_node n WHERE n.noderole = 'primary' ORDER BY n.groupid`,
  );
  return found.map(([nodename, nodeport, groupid, isactive, shards]) => ({
    nodename: String(nodename),
    nodeport: Number(nodeport),
    groupid: Number(groupid),
    isactive: isactive === true,
    shards: Number(shards),
  }));
}

export const setCoordinatorSql = (layout: ClusterLayout) =>
  `SELECT citus_set_coordinator_host('${layout.host}', ${layout.nodes.coordinator.port});`;
export const addNodeSql = (layout: ClusterLayout, node: ClusterNode) =>
  `SELECT citus_add_node('${layout.host}', ${node.port});`;
export const activateNodeSql = (layout: ClusterLayout, node: ClusterNode) =>
  `SELECT citus_activate_node('${layout.host}', ${node.port});`;

/** Puts the coordinator in pg_dist_node (group 0) unless it is there with the lab's host and port. */
export async function setCoordinator(env: ClusterEnv): Promise<boolean> {
  throwIfCancelled(env.signal);
  const { layout } = env;
  try {
    const current = (await members(env)).find((m) => m.groupid === 0);
    if (
      current &&
      current.nodename === layout.host &&
      current.nodeport === layout.nodes.coordinator.port
    )
      return false;
    env.log(setCoordinatorSql(layout));
    await env.runSql('coordinator', setCoordinatorSql(layout), env.signal);
    return true;
  } catch (error) {
    throwIfCancelled(env.signal);
    throw clusterError(
      'cluster.membershipFailed',
      { node: 'coordinator', detail: (error as Error).message },
      'cluster.hint.upAgain',
      error,
    );
  }
}

/** Adds the workers that are not in pg_dist_node (one at a time: each takes a cluster-wide lock); re-activates inactive ones. */
export async function addWorkers(env: ClusterEnv, workers: ClusterNode[]): Promise<string[]> {
  const { layout } = env;
  const added: string[] = [];
  for (const worker of workers) {
    throwIfCancelled(env.signal);
    try {
      const row = (await members(env)).find(
        (m) => m.nodename === layout.host && m.nodeport === worker.port,
      );
      if (row?.isactive) continue;
      const sql = row ? activateNodeSql(layout, worker) : addNodeSql(layout, worker);
      env.log(sql);
      await env.runSql('coordinator', sql, env.signal);
      added.push(worker.name);
    } catch (error) {
      throwIfCancelled(env.signal);
      throw clusterError(
        'cluster.membershipFailed',
        { node: worker.name, detail: (error as Error).message },
        'cluster.hint.upAgain',
        error,
      );
    }
  }
  return added;
}
