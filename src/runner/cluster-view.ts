import type { DistNode, ShardsOnNode } from '../checks/catalog.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';

/** What the cluster map shows: each node up or down, in the cluster or not, and shards per table per node. */
export interface ClusterNodeView {
  name: NodeName;
  port: number;
  up: boolean;
  inCluster: boolean;
}

export interface ClusterTableView {
  table: string;
  perNode: Partial<Record<NodeName, { shards: number; bytes: number }>>;
}

export interface ClusterView {
  nodes: ClusterNodeView[];
  tables: ClusterTableView[];
  /** False when the coordinator did not answer, so membership and shards are unknown. */
  known: boolean;
}

/** Builds the map from the catalog's answers; ports tell which lab node a pg_dist_node row is. */
export function buildClusterView(
  ports: Record<NodeName, number>,
  up: Partial<Record<NodeName, boolean>>,
  distNodes: DistNode[] | undefined,
  shards: ShardsOnNode[] = [],
): ClusterView {
  const byPort = new Map(NODE_NAMES.map((n) => [ports[n], n] as const));
  const members = new Set(
    (distNodes ?? [])
      .map((d) => byPort.get(d.nodeport))
      .filter((n): n is NodeName => n !== undefined),
  );
  const nodes = NODE_NAMES.map((name) => ({
    name,
    port: ports[name],
    up: up[name] ?? false,
    inCluster: members.has(name),
  }));
  const tables = new Map<string, ClusterTableView>();
  for (const s of shards) {
    const node = byPort.get(s.nodeport);
    if (!node) continue;
    const table = tables.get(s.tableName) ?? { table: s.tableName, perNode: {} };
    const prev = table.perNode[node] ?? { shards: 0, bytes: 0 };
    table.perNode[node] = { shards: prev.shards + s.shards, bytes: prev.bytes + s.bytes };
    tables.set(s.tableName, table);
  }
  return {
    nodes,
    tables: [...tables.values()].sort((a, b) => a.table.localeCompare(b.table)),
    known: distNodes !== undefined,
  };
}

/** 8192 -> "8 kB", 3145728 -> "3.0 MB". */
export function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
