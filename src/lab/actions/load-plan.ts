import { FIRST_WORKERS } from '../../cluster/layout.js';
import type { NodeName } from '../../lessons/nodes.js';

/**
 * The nodes the rows are loaded through, at the same time. Every worker can route rows to every shard
 * (Citus 11 and later keep the metadata on every node): each writes the rows of its own shards itself and
 * sends the rest to the other worker, so the routing work that one coordinator session does alone is shared.
 * On two cores that loaded a million rows in 1.0 s instead of 1.9 s.
 */
export const LOADING_NODES: readonly NodeName[] = FIRST_WORKERS;

/**
 * Rows per statement, at most. Each statement is one transaction, so a load stopped halfway keeps whole
 * statements only. Columnar writes a stripe per shard per transaction, and a stripe under ten thousand
 * rows (one chunk group) compresses worse: a million rows over 32 shards keeps them above that.
 */
export const BATCH_ROWS = 1_000_000;

export interface Batch {
  node: NodeName;
  first: number;
  last: number;
}

export interface LoadPlan {
  /** Rows in every batch but maybe the last: what the resume query groups ids by. */
  size: number;
  batches: Batch[];
}

/** 1..rows cut into equal batches of at most BATCH_ROWS, the same number for every node, dealt in turn. */
export function loadPlan(rows: number, nodes: readonly NodeName[] = LOADING_NODES): LoadPlan {
  const perNode = Math.max(1, Math.ceil(rows / BATCH_ROWS / nodes.length));
  const size = Math.max(1, Math.ceil(rows / (perNode * nodes.length)));
  const batches: Batch[] = [];
  for (let first = 1, k = 0; first <= rows; first += size, k++)
    batches.push({ node: nodes[k % nodes.length]!, first, last: Math.min(rows, first + size - 1) });
  return { size, batches };
}

export const rowsSql = (first: number, last: number) =>
  [
    'INSERT INTO users (id, username, email, created_at, is_active, puesto_id)',
    "SELECT i, 'user_' || i, 'user_' || i || '@example.com',",
    "       now() - (i % 10000) * interval '1 second', i % 2 = 0, 1 + i % 7",
    `FROM generate_series(${first}, ${last}) AS i;`,
  ].join('\n');

/** In a transaction that works on every shard: Citus's default starts up to 16 backends on each node. */
export const ONE_CONNECTION_PER_NODE = 'SET LOCAL citus.max_adaptive_executor_pool_size = 1;';

/**
 * One batch's transaction. One connection from the loading worker to each other node is enough: with
 * Citus's default (up to 16 per node), each session would start a backend per remote shard and commit on
 * every one of them with a two-phase commit, on the cores that also do the loading.
 */
export const batchSql = (batch: Pick<Batch, 'first' | 'last'>) =>
  ['BEGIN;', ONE_CONNECTION_PER_NODE, rowsSql(batch.first, batch.last), 'COMMIT;'].join('\n');

/** Rows already in `users` per batch of the plan (-1: rows outside 1..rows). */
export const resumeSql = (rows: number, size: number) =>
  `SELECT CASE WHEN id BETWEEN 1 AND ${rows} THEN (id - 1) / ${size} ELSE -1 END AS batch, count(*)
FROM users GROUP BY 1;`;

export type Resume =
  | { ok: true; loaded: number; todo: Batch[] }
  /** Rows that are not whole batches of this plan: another --rows, or rows of the learner's own. */
  | { ok: false; stray: number };

/** What is left to load, given the resume query's answer. A batch is in whole or not at all. */
export function resumeFrom(plan: LoadPlan, counts: ReadonlyMap<number, number>): Resume {
  let loaded = 0;
  let stray = counts.get(-1) ?? 0;
  const todo: Batch[] = [];
  plan.batches.forEach((batch, k) => {
    const inTable = counts.get(k) ?? 0;
    if (inTable === 0) todo.push(batch);
    else if (inTable === batch.last - batch.first + 1) loaded += inTable;
    else stray += inTable;
  });
  return stray > 0 ? { ok: false, stray } : { ok: true, loaded, todo };
}
