import { SqlNodes, type NodeAddress } from '../adapters/sql.js';
import type { LabOptions } from '../config/options.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';
import type { PostgresInstall } from './discover.js';
import type { ClusterEnv } from './env.js';
import { layoutOf } from './layout.js';

/**
 * How the program reaches each of the four nodes: the options' host, user, database and password at
 * each node's port, unless `elsewhere` names the node's address (a cluster the lab does not run).
 */
export function labAddresses(
  options: Pick<LabOptions, 'host' | 'user' | 'database' | 'password'>,
  portOf: (node: NodeName) => number,
  elsewhere?: Record<NodeName, Omit<NodeAddress, 'password'>>,
): Record<NodeName, NodeAddress> {
  const address = (node: NodeName): NodeAddress => ({
    ...(elsewhere?.[node] ?? {
      host: options.host,
      port: portOf(node),
      user: options.user,
      database: options.database,
    }),
    password: options.password,
  });
  return Object.fromEntries(NODE_NAMES.map((n) => [n, address(n)])) as Record<
    NodeName,
    NodeAddress
  >;
}

/** A ClusterEnv with its own connections, for commands (lessons pass the lab's). Close it when done. */
export function openClusterEnv(
  options: LabOptions,
  install: PostgresInstall,
  extra: { signal?: AbortSignal; log?: (line: string) => void } = {},
): ClusterEnv & { close(): Promise<void> } {
  const layout = layoutOf(options);
  const sql = new SqlNodes(labAddresses(options, (n) => layout.nodes[n].port));
  return {
    layout,
    install,
    runSql: (node, text, signal) => sql.run(node, text, undefined, signal),
    ...(extra.signal && { signal: extra.signal }),
    ...(options.password !== undefined && { password: options.password }),
    log: extra.log ?? (() => undefined),
    close: () => sql.close(),
  };
}
