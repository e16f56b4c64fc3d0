import { execa } from 'execa';
import { afterAll, beforeAll, describe } from 'vitest';
import { chmod, mkdtemp, rm, symlink, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePortBlock } from '../../src/adapters/net.js';
import { openClusterEnv } from '../../src/cluster/connect.js';
import { discoverPostgres, type PostgresInstall } from '../../src/cluster/discover.js';
import { nodeList } from '../../src/cluster/layout.js';
import { stopNodes } from '../../src/cluster/up.js';
import { resolveOptions, type LabOptions } from '../../src/config/options.js';

export const isRoot = process.getuid?.() === 0;
export const ROOT_REASON =
  'skipped: running as root, PostgreSQL refuses root (CI runs these as an unprivileged user)';

const discovery = await discoverPostgres(undefined);
export const install: PostgresInstall | undefined = discovery.chosen;
/** Why tests that start servers cannot run here (in their names, so a skip is visible), or undefined. */
export const noServerReason = isRoot
  ? ROOT_REASON
  : !install
    ? 'skipped: no PostgreSQL server binaries found'
    : undefined;
export const noCitusReason =
  noServerReason ??
  (install?.citusVersion ? undefined : 'skipped: Citus is not installed for this PostgreSQL');

/** A fresh lab folder under /tmp on a free block of four ports; `cleanup` stops every node it started and removes it. */
export async function tempLab(): Promise<{
  options: LabOptions;
  args: string[];
  root: string;
  cleanup(): Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'citus-lab-cluster-'));
  await chmod(root, 0o755);
  const labDir = join(root, 'lab');
  const basePort = await findFreePortBlock(4);
  const options = resolveOptions(
    { 'lab-dir': labDir, 'base-port': String(basePort), lang: 'en' },
    {},
  );
  return {
    options,
    root,
    args: ['--lab-dir', labDir, '--base-port', String(basePort), '--lang', 'en'],
    async cleanup() {
      if (install) {
        const env = openClusterEnv(options, install);
        await stopNodes(env, nodeList(env.layout)).catch(() => undefined);
        // A node whose pg_ctl stop failed is stopped hard: no test leaves a server behind.
        for (const node of nodeList(env.layout)) {
          await execa(
            join(install.binDir, 'pg_ctl'),
            ['stop', '-D', node.dataDir, '-m', 'immediate', '-w'],
            { reject: false },
          );
        }
        await env.close();
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}

export type TempLab = Awaited<ReturnType<typeof tempLab>>;

/** A describe that runs only where `reason` is undefined, and says in its title why it skipped. */
export const describeWhere = (reason: string | undefined, title: string, body: () => void) =>
  describe.skipIf(reason)(`${title}${reason ? ` (${reason})` : ''}`, body);

/**
 * Inside a describe: a temporary lab, made before its tests and stopped and removed after them, even
 * when they fail. Its after-hook runs last (vitest runs after-hooks in reverse), so other hooks may still use it.
 */
export function useTempLab(): TempLab {
  const lab = {} as TempLab;
  beforeAll(async () => void Object.assign(lab, await tempLab()));
  afterAll(async () => {
    await lab.cleanup?.();
  });
  return lab;
}

const cliEntry = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** The real program in its own process (tsx), as a learner runs it. */
export function cli(args: string[], options: { env?: Record<string, string> } = {}) {
  return execa(process.execPath, ['--import', 'tsx', cliEntry, ...args], {
    reject: false,
    env: { NO_COLOR: '1', ...options.env },
    stdin: 'ignore',
  });
}

/** A bin folder with PostgreSQL's programs but no pg_config: its library folder (../lib) holds no Citus. */
export async function binWithoutCitus(root: string, real: PostgresInstall): Promise<string> {
  const bin = join(root, 'pg-no-citus', 'bin');
  await mkdir(bin, { recursive: true });
  await mkdir(join(root, 'pg-no-citus', 'lib'), { recursive: true });
  for (const program of ['postgres', 'initdb', 'pg_ctl'])
    await symlink(join(real.binDir, program), join(bin, program));
  return bin;
}
