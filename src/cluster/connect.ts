import { SqlNodes } from '../adapters/sql.js';
import type { LabOptions } from '../config/options.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';
import type { PostgresInstall } from './discover.js';
import type { ClusterEnv } from './env.js';
import { layoutOf } from './layout.js';

/** A ClusterEnv with its own connections, for commands (lessons pass the lab's). Close it when done. */
export function openClusterEnv(
  options: LabOptions,
  install: PostgresInstall,
  extra: { signal?: AbortSignal; log?: (line: string) => void } = {},
): ClusterEnv & { close(): Promise<void> } {
  const layout = layoutOf(options);
  const address = (n: NodeName) => ({
    host: options.host,
    port: layout.nodes[n].port,
    user: options.user,
    database: options.database,
    password: options.password,
  });
  const sql = new SqlNodes(
    Object.fromEntries(NODE_NAMES.map((n) => [n, address(n)])) as Record<
      NodeName,
      ReturnType<typeof address>
    >,
  );
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
