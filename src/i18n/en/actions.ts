/**
 * English comment lines of what the lab's actions show and log around their SQL and commands
 * (`--` and `#` lines). The SQL itself is the same in both languages. Spanish mirrors every key.
 */
export const actions = {
  'act.onCoordinator': 'on the coordinator ({host}:{port})',
  'act.copyIsInitdb': '= initdb, faster',

  'act.load.disk':
    'free disk in {dir} >= {needed} (about {dataPerRow} bytes a row, and the WAL: {walPerRow} a row up to {walCap}), or stop',
  'act.load.plan': '{rows} rows in {batches} transaction(s) of up to {size} rows,',
  'act.load.through': 'through {nodes} at the same time (a session on each):',
  'act.load.and': ' and ',
  'act.load.onNode': 'on {node} (port {port}):',
  'act.load.more': '... and {more} more, up to generate_series({first}, {last})',
  'act.load.diskFound': 'needed about {needed}, free {free} in {dir}',
  'act.load.resume': '{loaded} rows already loaded: loading the {batches} batch(es) left',
  'act.load.viaCoordinator':
    '{node} does not answer from here: its batches go through the coordinator',
  'act.load.batch':
    '{node}: generate_series({first}, {last}) in {time}: {done}/{rows} rows ({percent}%)',
  'act.load.done': 'loaded {rows} rows in {time}',

  'act.statements.done': '{count} statements in {time}',

  'act.rebalance.poll': 'every {seconds} s until the state is finished, failed or cancelled:',
  'act.rebalance.nothing': 'job_id = NULL: 0 moves',
  'act.rebalance.retry': '{error}: once more, on fresh connections',
  'act.rebalance.running': 'job_id = {job} (already running)',

  'act.drain.eachMove': 'then, for each move planned, the move and the shards still on {node}:',
  'act.drain.nothing': 'no shard on {node}: nothing to move',
  'act.drain.done': '{shards} shards moved off {node} in {moves} moves ({time})',
} as const;
