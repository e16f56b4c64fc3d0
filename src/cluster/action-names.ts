/** The actions lesson steps may name; kept apart so lint knows them without building a cluster. */
export const CLUSTER_ACTION_NAMES: readonly string[] = [];
