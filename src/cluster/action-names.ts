/** The actions lesson steps may name; kept apart so lint knows them without building a cluster. */
export const CLUSTER_ACTION_NAMES = [
  'cluster.create-folders',
  'cluster.initdb',
  'cluster.configure',
  'cluster.start',
  'cluster.create-extension',
  'cluster.set-coordinator',
  'cluster.add-workers',
  'cluster.add-worker3',
  'cluster.stop-worker2',
  'cluster.start-worker2',
  'cluster.up',
  'cluster.stop',
  'cluster.destroy',
] as const;

export type ClusterActionName = (typeof CLUSTER_ACTION_NAMES)[number];
