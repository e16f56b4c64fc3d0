import type { ActionRegistry } from '../../runner/actions.js';
import { rebalanceAction } from './rebalance.js';

/** Lesson actions that are not about building the cluster (data loads, rebalances with progress...). */
export const labActions: ActionRegistry = {
  'lab.rebalance': rebalanceAction(),
};

export const LAB_ACTION_NAMES: readonly string[] = Object.keys(labActions);
