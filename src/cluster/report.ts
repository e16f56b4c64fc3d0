import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodeName } from '../lessons/schema.js';
import type { ClusterEnv } from './env.js';
import { rows } from './env.js';
import { isInitialized } from './initdb.js';
import { nodeList } from './layout.js';
import { members, type MemberRow } from './membership.js';
import { serverState } from './server.js';

/** One line of `cluster status`. */
export interface NodeReport {
  node: NodeName;
  port: number;
  dataDir: string;
  initialized: boolean;
  running: boolean;
  pid: number | null;
  postgresVersion: string | null;
  citusVersion: string | null;
  /** In pg_dist_node and active; null when the coordinator cannot say. */
  inCluster: boolean | null;
  /** Shard placements the node holds; null when the coordinator cannot say. */
  shards: number | null;
}

export interface ClusterReport {
  nodes: NodeReport[];
  /** Every node running, Citus everywhere, coordinator and workers in the metadata. */
  healthy: boolean;
}

/** Reads the lab's state without changing anything: files first, then each running node, then the coordinator's metadata. */
export async function clusterReport(
  env: ClusterEnv,
  expectedWorkers: NodeName[] = ['worker1', 'worker2'],
): Promise<ClusterReport> {
  const nodes = await Promise.all(
    nodeList(env.layout).map(async (node): Promise<NodeReport> => {
      const initialized = await isInitialized(node);
      const state = initialized
        ? await serverState(node)
        : { state: 'stopped' as const, pid: undefined };
      const running = state.state === 'running';
      let postgresVersion = initialized
        ? (await readFile(join(node.dataDir, 'PG_VERSION'), 'utf8').catch(() => '')).trim() || null
        : null;
      let citusVersion: string | null = null;
      if (running) {
        try {
          const [row] = await rows(
            env,
            node.name,
            `SELECT current_setting('server_version'), (SELECT extversion FROM pg_extension WHERE extname = 'citus')`,
          );
          postgresVersion = row?.[0] === undefined ? postgresVersion : String(row[0]);
          citusVersion = row?.[1] === null || row?.[1] === undefined ? null : String(row[1]);
        } catch {
          // Running but not answering (starting, or stuck): shown as running without versions.
        }
      }
      return {
        node: node.name,
        port: node.port,
        dataDir: node.dataDir,
        initialized,
        running,
        pid: running ? (state.pid ?? null) : null,
        postgresVersion,
        citusVersion,
        inCluster: null,
        shards: null,
      };
    }),
  );
  const coordinator = nodes[0]!;
  let metadata: MemberRow[] | undefined;
  if (coordinator.running && coordinator.citusVersion)
    metadata = await members(env).catch(() => undefined);
  if (metadata) {
    for (const report of nodes) {
      const row = metadata.find(
        (m) =>
          m.nodeport === report.port &&
          m.nodename === env.layout.host &&
          (report.node === 'coordinator') === (m.groupid === 0),
      );
      report.inCluster = row?.isactive ?? false;
      report.shards = row?.shards ?? 0;
    }
  }
  const healthy =
    nodes.every((n) => n.running && n.citusVersion) &&
    nodes.find((n) => n.node === 'coordinator')?.inCluster === true &&
    expectedWorkers.every((w) => nodes.find((n) => n.node === w)?.inCluster === true);
  return { nodes, healthy };
}
