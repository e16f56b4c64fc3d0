import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePortBlock } from '../src/adapters/net.js';
import { runCommand } from '../src/adapters/process.js';
import { SqlNodes } from '../src/adapters/sql.js';
import type { PostgresInstall } from '../src/cluster/discover.js';
import { NODE_NAMES, type NodeName } from '../src/lessons/nodes.js';

export const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** A lab of its own for a benchmark: a temporary folder, four free ports (never the lab's 55164-55167). */
export interface BenchLab {
  root: string;
  labDir: string;
  basePort: number;
  /** --lab-dir, --base-port and --pg-bin for the program. */
  args: string[];
  sql: SqlNodes;
  cli(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  /**
   * The command as a learner types it once the lab is built: only the lab's folder and ports. The
   * lab finds its PostgreSQL programs from its data folder and its rows in progress.json; --pg-bin
   * would make the program look the given folder over again (20-30 ms of a check).
   */
  learner(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

/** Connections to the four nodes of a lab on `basePort`, as the postgres user over TCP. */
export function labSql(basePort: number): SqlNodes {
  const at = (port: number) => ({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
  });
  return new SqlNodes(
    Object.fromEntries(NODE_NAMES.map((n, i) => [n, at(basePort + i)])) as Record<
      NodeName,
      ReturnType<typeof at>
    >,
  );
}

export async function openBenchLab(install: PostgresInstall, after = 47000): Promise<BenchLab> {
  const root = await mkdtemp(join(tmpdir(), 'citus-lab-bench-'));
  await chmod(root, 0o755);
  const labDir = join(root, 'lab');
  const basePort = await findFreePortBlock(4, after);
  const labArgs = ['--lab-dir', labDir, '--base-port', String(basePort)];
  const args = [...labArgs, '--pg-bin', install.binDir];
  const sql = labSql(basePort);
  const run = (extra: string[], given = args) =>
    runCommand(process.execPath, [cli, ...extra, ...given], { env: { LANG: 'en_US.UTF-8' } });
  return {
    root,
    labDir,
    basePort,
    args,
    sql,
    cli: run,
    learner: (extra) => run(extra, labArgs),
    async close() {
      await sql.close().catch(() => undefined);
      await run(['cluster', 'destroy', '--yes']).catch(() => undefined);
      await runCommand(process.execPath, [cli, 'cluster', 'stop', ...args]).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

export async function mustRun(
  lab: BenchLab,
  args: string[],
  as: 'cli' | 'learner' = 'cli',
): Promise<string> {
  const r = await lab[as](args);
  if (r.exitCode !== 0)
    throw new Error(
      `citus-lab-tutor ${args.join(' ')} failed (${r.exitCode}): ${(r.stderr || r.stdout).slice(-2000)}`,
    );
  return r.stdout;
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `bench` refuses root: PostgreSQL does. */
export function refuseRoot(): void {
  if (process.getuid?.() === 0) {
    console.error(
      'The benchmarks start PostgreSQL servers, and PostgreSQL refuses to run as root.',
    );
    console.error(
      "Run them as an unprivileged user, e.g.: su postgres -s /bin/bash -c 'cd /path/to/citus-lab-tutor && npm run bench'",
    );
    process.exit(2);
  }
}
