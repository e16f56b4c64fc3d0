/** English messages of the cluster module and the `cluster` command. Spanish mirrors every key. */
export const cluster = {
  'cluster.cancelled': 'Interrupted. What was done is kept.',
  'cluster.initdbFailed': 'initdb failed for {node}:\n{detail}',
  'cluster.startFailed': '{node} (port {port}) did not start:\n{detail}',
  'cluster.stopFailed': '{node} (port {port}) did not stop:\n{detail}',
  'cluster.notReady': '{node} (port {port}) is running but does not answer: {detail}',
  'cluster.extensionFailed': 'CREATE EXTENSION citus failed on {node} (port {port}): {detail}',
  'cluster.membershipFailed': 'Could not put {node} in the cluster metadata: {detail}',
  'cluster.notALab':
    '{dir} is not a citus-lab-tutor lab folder (it has no .citus-lab-tutor mark): nothing was stopped or deleted.',
  'cluster.noCluster': 'There is no cluster in {dir} yet.',
  'cluster.unknownSubcommand':
    'Unknown cluster command "{command}": use up, status, start, stop or destroy.',
  'cluster.badWorkers': 'Invalid --workers "{value}": use 2 or 3.',
  'cluster.destroyNeedsYes':
    'Destroying the cluster in {dir} deletes its data; confirm with --yes.',

  'cluster.hint.upAgain': 'Run it again to finish: citus-lab-tutor cluster up',
  'cluster.hint.log': 'The server log says more: {log}',
  'cluster.hint.initdb':
    'Check that the lab folder is on a local disk with free space, then: citus-lab-tutor cluster up',
  'cluster.hint.notALab': 'Point --lab-dir at the lab folder that citus-lab-tutor created.',
  'cluster.hint.up': 'Build it with: citus-lab-tutor cluster up',

  'cluster.up.done':
    '✔ Cluster ready in {seconds} s: coordinator {host}:{coordinator}, workers {workers}.',
  'cluster.up.healthy': '✔ The cluster is already up: nothing to do ({seconds} s).',
  'cluster.up.worker3Waiting':
    '  worker3 ({host}:{port}) runs outside the cluster until the rebalance lesson (or: cluster up --workers 3).',
  'cluster.start.done': '✔ Started: {nodes}.',
  'cluster.start.nothing': '✔ Every node was already running.',
  'cluster.stop.done': '✔ Stopped: {nodes}.',
  'cluster.stop.nothing': '✔ No node was running.',
  'cluster.destroy.ask': 'Stop every node and delete the cluster in {dir} (data, log, run)? [y/N] ',
  'cluster.destroy.done': '✔ Cluster removed from {dir} (your progress is kept).',

  'cluster.status.header': 'Cluster in {dir}',
  'cluster.status.running': 'running',
  'cluster.status.stopped': 'stopped',
  'cluster.status.notCreated': 'not created',
  'cluster.status.member': 'in the cluster',
  'cluster.status.notMember': 'not in the cluster',
  'cluster.status.memberUnknown': 'membership unknown',
  'cluster.status.shards': '{count} shard(s)',
  'cluster.status.healthy': '✔ Healthy.',
  'cluster.status.unhealthy': '✘ Not healthy. Repair it with: citus-lab-tutor cluster up',

  'cluster.help': `Cluster:
  citus-lab-tutor cluster up [--workers 2|3]   build what is missing, start what is stopped; a no-op on a healthy cluster
  citus-lab-tutor cluster status [--json]      each node: port, data folder, running, versions, in the cluster, shards
  citus-lab-tutor cluster start | stop         start or stop every node
  citus-lab-tutor cluster destroy [--yes]      stop every node and remove the lab's data, log and run folders`,
} as const;
