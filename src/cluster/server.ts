import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from '../adapters/process.js';
import { passEnv, writePgpass } from './auth.js';
import { clusterError, throwIfCancelled } from './cluster-error.js';
import { commandLine } from './commands-text.js';
import type { ClusterEnv } from './env.js';
import { lastLines } from './initdb.js';
import type { ClusterNode } from './layout.js';
import { processAlive, readPostmasterPid } from './status.js';

export type ServerState = 'running' | 'stopped' | 'stale';

/**
 * Running when postmaster.pid names a live postgres process. A pid file whose process is gone
 * (a killed server) or is now another program (the pid was reused) is stale.
 */
export async function serverState(
  node: ClusterNode,
): Promise<{ state: ServerState; pid?: number }> {
  const pidFile = await readPostmasterPid(node.dataDir);
  if (!pidFile || !Number.isInteger(pidFile.pid) || pidFile.pid <= 0) return { state: 'stopped' };
  if (!processAlive(pidFile.pid)) return { state: 'stale', pid: pidFile.pid };
  const command = await readFile(`/proc/${pidFile.pid}/cmdline`, 'utf8').catch(() => undefined);
  if (command !== undefined && !/postgres|postmaster/.test(command))
    return { state: 'stale', pid: pidFile.pid };
  return { state: 'running', pid: pidFile.pid };
}

const pgCtl = (env: ClusterEnv) => join(env.install.binDir, 'pg_ctl');
export const startArgs = (node: ClusterNode) => [
  'start',
  '-D',
  node.dataDir,
  '-l',
  node.logFile,
  '-w',
  '-t',
  '60',
];
export const stopArgs = (node: ClusterNode, mode: 'fast' | 'immediate' = 'fast') => [
  'stop',
  '-D',
  node.dataDir,
  '-m',
  mode,
  '-w',
  '-t',
  '60',
];

/** Starts a stopped node and waits until it accepts connections; a running node is left alone. */
export async function startNode(
  env: ClusterEnv,
  node: ClusterNode,
): Promise<'started' | 'running'> {
  const before = await serverState(node);
  if (before.state === 'running') return 'running';
  throwIfCancelled(env.signal);
  // postgres itself ignores a pid file whose process is dead, but not one whose pid was reused.
  if (before.state === 'stale') await rm(join(node.dataDir, 'postmaster.pid'), { force: true });
  // Citus connects between nodes over TCP: with --auth scram the servers read the password from run/pgpass.
  if (env.password !== undefined) await writePgpass(env.layout, env.password);
  env.log(commandLine(pgCtl(env), startArgs(node)));
  // After a SIGKILL the old server's children may still hold its shared memory for a moment.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const run = runCommand(pgCtl(env), startArgs(node), {
      signal: env.signal,
      env: { LC_ALL: 'C', ...passEnv(env.layout, env.password) },
    });
    // pg_ctl -w looks every 100 ms; the server's own pid file says "ready" sooner. pg_ctl still decides failures.
    const watch = { stop: false };
    const first = await Promise.race([run, pidFileReady(node, watch)]);
    watch.stop = true;
    throwIfCancelled(env.signal);
    if (first === 'ready') return 'started';
    const result = first;
    if (result.exitCode === 0) return 'started';
    const log = await readFile(node.logFile, 'utf8').catch(() => '');
    const busy = /still in use|already exists|Is another postmaster/i.test(log.slice(-2000));
    if (!busy || Date.now() > deadline) {
      throw clusterError(
        'cluster.startFailed',
        {
          node: node.name,
          port: node.port,
          detail: lastLines(log || result.stderr || result.stdout),
          log: node.logFile,
        },
        'cluster.hint.log',
      );
    }
    await new Promise((r) => setTimeout(r, 300));
    if ((await serverState(node)).state === 'stale')
      await rm(join(node.dataDir, 'postmaster.pid'), { force: true });
  }
}

/**
 * Resolves 'ready' once the node's postmaster.pid says "ready" (PostgreSQL 10+ writes its status on the
 * file's eighth line) for a live process; looks every 20 ms until told to stop.
 */
async function pidFileReady(node: ClusterNode, watch: { stop: boolean }): Promise<'ready'> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    if (watch.stop) return new Promise<never>(() => undefined);
    const lines = (
      await readFile(join(node.dataDir, 'postmaster.pid'), 'utf8').catch(() => '')
    ).split('\n');
    const pid = Number(lines[0]);
    if (lines[7]?.trim() === 'ready' && Number.isInteger(pid) && pid > 0 && processAlive(pid))
      return 'ready';
  }
}

/** Stops a running node (fast shutdown: sessions are ended, data is safe); a stopped node is left alone. */
export async function stopNode(
  env: ClusterEnv,
  node: ClusterNode,
): Promise<'stopped' | 'was-stopped'> {
  const before = await serverState(node);
  if (before.state !== 'running') return 'was-stopped';
  env.log(commandLine(pgCtl(env), stopArgs(node)));
  let result = await runCommand(pgCtl(env), stopArgs(node), { env: { LC_ALL: 'C' } });
  if (result.exitCode !== 0 && (await serverState(node)).state === 'running') {
    result = await runCommand(pgCtl(env), stopArgs(node, 'immediate'), { env: { LC_ALL: 'C' } });
  }
  if (result.exitCode !== 0 && (await serverState(node)).state === 'running') {
    throw clusterError('cluster.stopFailed', {
      node: node.name,
      port: node.port,
      detail: lastLines(result.stderr || result.stdout),
      log: node.logFile,
    });
  }
  return 'stopped';
}

/** Waits until a node that is running (maybe still starting) answers SQL. */
export async function waitReady(
  env: ClusterEnv,
  node: ClusterNode,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await env.runSql(node.name, 'SELECT 1', env.signal);
      return;
    } catch (error) {
      throwIfCancelled(env.signal);
      if ((error as Error).name !== 'NodeUnreachable' || Date.now() > deadline) {
        throw clusterError('cluster.notReady', {
          node: node.name,
          port: node.port,
          detail: (error as Error).message,
          log: node.logFile,
        });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export function describeStart(pgBin: string, nodes: ClusterNode[]): string {
  return nodes.map((n) => commandLine(join(pgBin, 'pg_ctl'), startArgs(n))).join('\n');
}

export function describeStop(pgBin: string, nodes: ClusterNode[]): string {
  return nodes.map((n) => commandLine(join(pgBin, 'pg_ctl'), stopArgs(n))).join('\n');
}
