import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePortBlock } from '../src/adapters/net.js';
import { runCommand } from '../src/adapters/process.js';
import type { PostgresInstall } from '../src/cluster/discover.js';
import { seedSequence, stopSeed } from './seed-sequence.js';
import { cli, labSql, timed } from './lab.js';

export interface ClusterFigures {
  seed: number[];
  up: number[];
  upHealthy: number[];
  destroy: number[];
}

/** The goal both must reach: citus_get_active_worker_nodes() lists two workers, and worker 3 answers. */
async function verify(basePort: number): Promise<void> {
  const sql = labSql(basePort);
  try {
    const workers = await sql.query(
      'coordinator',
      'SELECT count(*)::int FROM citus_get_active_worker_nodes()',
    );
    if (workers.rows[0]?.[0] !== 2)
      throw new Error(`expected 2 active workers, found ${String(workers.rows[0]?.[0])}`);
    await sql.query('worker3', 'SELECT 1');
  } finally {
    await sql.close();
  }
}

async function cliRun(args: string[]): Promise<void> {
  const result = await runCommand(process.execPath, [cli, ...args]);
  if (result.exitCode !== 0)
    throw new Error(
      `cluster ${args.join(' ')} failed (${result.exitCode}): ${result.stderr || result.stdout}`,
    );
}

/** One round: the seed sequence and `cluster up` from nothing (order alternates), then `up` on a healthy cluster and `destroy`. */
export async function clusterRound(
  install: PostgresInstall,
  round: number,
  figures: ClusterFigures,
  log: (line: string) => void,
): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'citus-lab-bench-'));
  await chmod(root, 0o755);
  const seedLab = join(root, 'seed');
  const lab = join(root, 'lab');
  const seedPort = await findFreePortBlock(4);
  const labPort = await findFreePortBlock(4, seedPort + 10);
  const labArgs = ['--lab-dir', lab, '--base-port', String(labPort), '--pg-bin', install.binDir];
  try {
    const runSeed = async () => {
      const s = await timed(() => seedSequence(install.binDir, seedLab, seedPort));
      await verify(seedPort);
      await stopSeed(install.binDir, seedLab);
      figures.seed.push(s);
      log(`  round ${round}: seed sequence ${s.toFixed(2)} s`);
    };
    const runUp = async () => {
      const s = await timed(() => cliRun(['cluster', 'up', ...labArgs]));
      await verify(labPort);
      figures.up.push(s);
      log(`  round ${round}: cluster up ${s.toFixed(2)} s`);
    };
    if (round % 2 === 0) {
      await runSeed();
      await runUp();
    } else {
      await runUp();
      await runSeed();
    }
    const healthy = await timed(() => cliRun(['cluster', 'up', ...labArgs]));
    figures.upHealthy.push(healthy);
    const destroyed = await timed(() => cliRun(['cluster', 'destroy', '--yes', ...labArgs]));
    figures.destroy.push(destroyed);
    log(
      `  round ${round}: cluster up (healthy) ${healthy.toFixed(2)} s, cluster destroy ${destroyed.toFixed(2)} s`,
    );
  } finally {
    await stopSeed(install.binDir, seedLab).catch(() => undefined);
    await runCommand(process.execPath, [cli, 'cluster', 'stop', ...labArgs]).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
}
