import type { ActionRegistry } from '../../runner/actions.js';
import { loadUsersAction } from './load-users.js';
import { drainWorkerAction } from './drain-worker.js';
import { rebalanceAction } from './rebalance.js';
import { DROP_USER_INDEXES, USER_INDEXES, statementsAction } from './user-indexes.js';

/** Lesson actions that are not about building the cluster (data loads, rebalances with progress...). */
export const labActions: ActionRegistry = {
  'lab.rebalance': rebalanceAction(),
  'lab.drain-worker3': drainWorkerAction(),
  'lab.load-users': loadUsersAction(),
  'lab.drop-user-indexes': statementsAction(DROP_USER_INDEXES),
  'lab.index-users': statementsAction(USER_INDEXES),
};

export const LAB_ACTION_NAMES: readonly string[] = Object.keys(labActions);
