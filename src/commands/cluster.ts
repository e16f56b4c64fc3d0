import { ExitCode, UserError } from '../errors.js';
import { openClusterEnv } from '../cluster/connect.js';
import { destroyCluster, requireLabMark } from '../cluster/destroy.js';
import { requireMatchingData } from '../cluster/data-version.js';
import { discoverPostgres, type Discovery, NO_INSTALL } from '../cluster/discover.js';
import { requireInstall, requireReady } from '../cluster/gate.js';
import { isInitialized } from '../cluster/initdb.js';
import { layoutOf, nodeList, type ClusterNode } from '../cluster/layout.js';
import { clusterReport, type ClusterReport } from '../cluster/report.js';
import { clusterUp, startNodes, stopNodes } from '../cluster/up.js';
import type { Command, CommandContext } from './context.js';
import { destroyConfirmed } from './confirm.js';
import { withInterrupt } from './interrupt.js';

const SUBCOMMANDS = ['up', 'status', 'start', 'stop', 'destroy'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/** `cluster up | status | start | stop | destroy`: the lab's four nodes, built and repaired by the cluster module. */
export const clusterCommand: Command = async (ctx) => {
  const sub = ctx.parsed.positionals[0] ?? 'status';
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UserError({
      key: 'cluster.unknownSubcommand',
      params: { command: sub },
      hint: 'hint.help',
    });
  }
  // Docker's cluster is run by docker compose; a remote one is not the lab's to build or stop.
  if (ctx.options.coordinator)
    return (await import('./cluster-elsewhere.js')).clusterElsewhere(ctx, sub);
  const discovery = await discoverPostgres(ctx.options.pgBin);
  const handlers: Record<
    Subcommand,
    (ctx: CommandContext, discovery: Discovery) => Promise<ExitCode>
  > = { up, status, start, stop, destroy };
  return handlers[sub as Subcommand](ctx, discovery);
};

async function up(
  { options, io, t, parsed }: CommandContext,
  discovery: Discovery,
): Promise<ExitCode> {
  const workersText = parsed.flags.workers ?? '2';
  if (workersText !== '2' && workersText !== '3')
    throw new UserError({
      key: 'cluster.badWorkers',
      params: { value: workersText },
      hint: 'hint.help',
    });
  const workers = workersText === '3' ? 3 : 2;
  // Everything is checked before the first folder is made.
  const install = await requireReady(options, discovery);
  const started = performance.now();
  return withInterrupt(async (signal) => {
    const env = openClusterEnv(options, install, { signal, log: (line) => io.out(`  $ ${line}`) });
    try {
      const summary = await clusterUp(env, { workers });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { nodes, host } = env.layout;
      if (summary.initialized.length + summary.started.length + summary.added.length === 0) {
        io.out(t('cluster.up.healthy', { seconds }));
      } else {
        const workerPorts = (
          workers === 3
            ? [nodes.worker1, nodes.worker2, nodes.worker3]
            : [nodes.worker1, nodes.worker2]
        )
          .map((n) => `${host}:${n.port}`)
          .join(', ');
        io.out(
          t('cluster.up.done', {
            seconds,
            host,
            coordinator: nodes.coordinator.port,
            workers: workerPorts,
          }),
        );
      }
      if (workers === 2) io.out(t('cluster.up.worker3Waiting', { host, port: nodes.worker3.port }));
      return ExitCode.ok;
    } finally {
      await env.close();
    }
  });
}

async function status(
  { options, io, t, parsed }: CommandContext,
  discovery: Discovery,
): Promise<ExitCode> {
  const env = openClusterEnv(options, discovery.chosen ?? NO_INSTALL);
  let report: ClusterReport;
  try {
    report = await clusterReport(env);
  } finally {
    await env.close();
  }
  if (parsed.flags.json) {
    io.out(
      JSON.stringify(
        { labDir: options.labDir, healthy: report.healthy, nodes: report.nodes },
        null,
        2,
      ),
    );
  } else {
    io.out(t('cluster.status.header', { dir: options.labDir }));
    for (const n of report.nodes) {
      const state = !n.initialized
        ? t('cluster.status.notCreated')
        : n.running
          ? t('cluster.status.running')
          : t('cluster.status.stopped');
      const versions = [
        n.postgresVersion && `PostgreSQL ${n.postgresVersion}`,
        n.citusVersion && `Citus ${n.citusVersion}`,
      ]
        .filter(Boolean)
        .join(', ');
      const member =
        n.inCluster === null
          ? t('cluster.status.memberUnknown')
          : n.inCluster
            ? t('cluster.status.member')
            : t('cluster.status.notMember');
      const shards =
        n.shards === null ? '' : `, ${t('cluster.status.shards', { count: n.shards })}`;
      io.out(
        `${n.running ? '●' : '○'} ${n.node.padEnd(11)} ${String(n.port).padEnd(6)} ${state.padEnd(12)} ${versions || '-'}; ${member}${shards}`,
      );
      io.out(`    ${n.dataDir}`);
    }
    io.out(report.healthy ? t('cluster.status.healthy') : t('cluster.status.unhealthy'));
  }
  return report.healthy ? ExitCode.ok : ExitCode.failed;
}

async function start({ options, io, t }: CommandContext, discovery: Discovery): Promise<ExitCode> {
  const install = requireInstall(discovery);
  const layout = layoutOf(options);
  const existing: ClusterNode[] = [];
  for (const node of nodeList(layout)) if (await isInitialized(node)) existing.push(node);
  if (existing.length === 0)
    throw new UserError({
      key: 'cluster.noCluster',
      params: { dir: options.labDir },
      hint: 'cluster.hint.up',
      exitCode: ExitCode.failed,
    });
  await requireMatchingData(layout, install);
  return withInterrupt(async (signal) => {
    const env = openClusterEnv(options, install, { signal, log: (line) => io.out(`  $ ${line}`) });
    try {
      const started = await startNodes(env, existing);
      io.out(
        started.length
          ? t('cluster.start.done', { nodes: started.join(', ') })
          : t('cluster.start.nothing'),
      );
      return ExitCode.ok;
    } finally {
      await env.close();
    }
  });
}

async function stop({ options, io, t }: CommandContext, discovery: Discovery): Promise<ExitCode> {
  const env = openClusterEnv(options, discovery.chosen ?? NO_INSTALL, {
    log: (line) => io.out(`  $ ${line}`),
  });
  try {
    const stopped = await stopNodes(env, nodeList(env.layout));
    io.out(
      stopped.length
        ? t('cluster.stop.done', { nodes: stopped.join(', ') })
        : t('cluster.stop.nothing'),
    );
    return ExitCode.ok;
  } finally {
    await env.close();
  }
}

async function destroy(ctx: CommandContext, discovery: Discovery): Promise<ExitCode> {
  const { options, io, t } = ctx;
  const env = openClusterEnv(options, discovery.chosen ?? NO_INSTALL, {
    log: (line) => io.out(`  $ ${line}`),
  });
  try {
    // Refused before any question or any stop when the folder is not the lab's own.
    await requireLabMark(env.layout);
    if (!(await destroyConfirmed(ctx))) return ExitCode.ok;
    await destroyCluster(env);
    io.out(t('cluster.destroy.done', { dir: options.labDir }));
    return ExitCode.ok;
  } finally {
    await env.close();
  }
}
