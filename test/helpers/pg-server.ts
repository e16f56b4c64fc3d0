import { execa } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverPostgres } from '../../src/cluster/discover.js';
import { findFreePortBlock } from '../../src/adapters/net.js';

/** Why tests that start PostgreSQL cannot run here, or undefined when they can. */
export async function whyNoServer(): Promise<string | undefined> {
  if (process.getuid?.() === 0)
    return 'running as root, and PostgreSQL refuses to run as root (.ci/run runs these as an unprivileged user)';
  const pg = (await discoverPostgres(undefined)).chosen;
  if (!pg) return 'no PostgreSQL server binaries found (install postgresql-15)';
  return undefined;
}

export interface TestServer {
  port: number;
  dir: string;
  binDir: string;
  stop(): Promise<void>;
}

/** A throwaway plain PostgreSQL on a free loopback port; `stop` also removes its folder. */
export async function startPlainPostgres(): Promise<TestServer> {
  const binDir = (await discoverPostgres(undefined)).chosen!.binDir;
  const dir = await mkdtemp(join(tmpdir(), 'citus-lab-pg-'));
  const data = join(dir, 'data');
  const port = await findFreePortBlock(1);
  const stop = async () => {
    await execa(join(binDir, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w'], {
      reject: false,
    });
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await execa(join(binDir, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-N',
      '-E',
      'UTF8',
    ]);
    await writeFile(
      join(data, 'postgresql.auto.conf'),
      `port = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\n`,
    );
    await execa(join(binDir, 'pg_ctl'), ['start', '-D', data, '-w', '-l', join(dir, 'log')]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, dir, binDir, stop };
}
