import { SqlNodes, type NodeAddress } from '../adapters/sql.js';
import { parseCoordinatorUrl, type CoordinatorTarget } from '../config/remote.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';

/** The primary nodes the coordinator knows, coordinator (group 0) first, workers in the order they joined. */
export const NODES_SQL = `SELECT nodename, nodeport, groupid FROM pg_dist_node WHERE noderole = 'primary' ORDER BY groupid <> 0, nodeid`;

export interface RemoteCluster {
  url: string;
  /** How this machine reaches each node. */
  addresses: Record<NodeName, NodeAddress>;
  /** {{host}} and {{port.*}} as the cluster names its nodes (what citus_add_node and pg_dist_node use). */
  host: string;
  port: Record<NodeName, number>;
}

type NodeRow = [string, number, number];

/**
 * Maps pg_dist_node onto the lab's four node names: workers in the order they joined. A worker the
 * coordinator does not know yet (worker3 before the rebalance lesson) is taken to follow the lab's
 * layout: the coordinator's host, on the port after the last one.
 */
export function remoteCluster(
  url: string,
  target: CoordinatorTarget,
  rows: NodeRow[],
): RemoteCluster {
  const coordinatorRow = rows.find((r) => Number(r[2]) === 0);
  const workers = rows.filter((r) => Number(r[2]) !== 0);
  const at = (host: string, port: number): NodeAddress => ({
    host,
    port,
    user: target.user,
    database: target.database,
  });
  const addresses = { coordinator: at(target.host, target.port) } as Record<NodeName, NodeAddress>;
  const port = { coordinator: coordinatorRow ? Number(coordinatorRow[1]) : target.port } as Record<
    NodeName,
    number
  >;
  NODE_NAMES.slice(1).forEach((name, i) => {
    const row = workers[i];
    addresses[name] = row ? at(row[0], Number(row[1])) : at(target.host, target.port + i + 1);
    port[name] = row ? Number(row[1]) : port.coordinator + i + 1;
  });
  return { url, addresses, host: workers[0]?.[0] ?? coordinatorRow?.[0] ?? target.host, port };
}

/** Asks the coordinator for its nodes; when it cannot answer yet, the lab's layout is assumed and steps say what failed. */
export async function discoverRemote(url: string): Promise<RemoteCluster> {
  const target = parseCoordinatorUrl(url);
  const address = {
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
  };
  const sql = new SqlNodes(
    Object.fromEntries(NODE_NAMES.map((n) => [n, address])) as Record<NodeName, NodeAddress>,
  );
  try {
    const result = await sql.query('coordinator', NODES_SQL);
    return remoteCluster(url, target, result.rows as NodeRow[]);
  } catch {
    return remoteCluster(url, target, []);
  } finally {
    await sql.close();
  }
}
