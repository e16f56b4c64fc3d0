/** English messages for the actions of lessons 06-09 (rebalance, time partitions, monitoring, teardown). */
export const lessons2 = {
  'lab.rebalanceFailed':
    'The rebalance job {job} ended as "{state}"; the shards that had not moved stay where they were.',
  'lab.drainLeftShards':
    '{count} shard placements are still on {node} after the moves planned (a table made meanwhile?). Worker 3 takes shards again; run the reset once more.',
  'lab.rebalanceStalled':
    'The rebalance job {job} finished no move in {seconds} s, so it was stopped with citus_rebalance_stop(). Look at citus_rebalance_status() and run the step again.',
  'lab.rebalanceTaskFailing':
    'A move of rebalance job {job} failed {retries} times, so the job was stopped with citus_rebalance_stop(). Citus said:',
} as const;
