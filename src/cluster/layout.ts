import { join } from 'node:path';
import { nodePorts, type LabOptions } from '../config/options.js';
import { dataDirOf, logFileOf, socketDirOf } from '../lab/paths.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';

/** One PostgreSQL instance of the lab: where it keeps its data and log, and its port. */
export interface ClusterNode {
  name: NodeName;
  port: number;
  dataDir: string;
  logFile: string;
}

/** Where everything of the lab's cluster lives. Only data/, log/ and run/ are ever deleted. */
export interface ClusterLayout {
  labDir: string;
  host: string;
  user: string;
  database: string;
  dataRoot: string;
  logDir: string;
  socketDir: string;
  nodes: Record<NodeName, ClusterNode>;
}

export const WORKERS = ['worker1', 'worker2', 'worker3'] as const satisfies readonly NodeName[];
/** Workers in the cluster from the first lesson on; worker3 is added in the rebalance lesson. */
export const FIRST_WORKERS = ['worker1', 'worker2'] as const satisfies readonly NodeName[];

export function layoutOf(
  options: Pick<LabOptions, 'labDir' | 'basePort' | 'host' | 'user' | 'database'>,
): ClusterLayout {
  const ports = nodePorts(options.basePort);
  const nodes = Object.fromEntries(
    NODE_NAMES.map((name) => [
      name,
      {
        name,
        port: ports[name],
        dataDir: dataDirOf(options.labDir, name),
        logFile: logFileOf(options.labDir, name),
      },
    ]),
  ) as Record<NodeName, ClusterNode>;
  return {
    labDir: options.labDir,
    host: options.host,
    user: options.user,
    database: options.database,
    dataRoot: join(options.labDir, 'data'),
    logDir: join(options.labDir, 'log'),
    socketDir: socketDirOf(options.labDir),
    nodes,
  };
}

export const nodeList = (layout: ClusterLayout): ClusterNode[] =>
  NODE_NAMES.map((n) => layout.nodes[n]);
