import { lstat, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { hasMark } from '../lab/mark.js';
import type { ClusterEnv } from './env.js';
import type { ClusterLayout } from './layout.js';
import { nodeList } from './layout.js';
import { stopNodes } from './up.js';

/** The only folders `destroy` removes, all inside the lab folder. */
export const LAB_OWNED = ['data', 'log', 'run'] as const;

export async function requireLabMark(layout: ClusterLayout): Promise<void> {
  if (!(await hasMark(layout.labDir))) {
    throw new UserError({
      key: 'cluster.notALab',
      params: { dir: layout.labDir },
      hint: 'cluster.hint.notALab',
      exitCode: ExitCode.usage,
    });
  }
}

/**
 * Removes one of the lab's own folders. A symlink is removed as a link: nothing it points to is
 * touched, and rm never follows links inside the folder either.
 */
async function removeOwned(labDir: string, name: (typeof LAB_OWNED)[number]): Promise<void> {
  const path = join(labDir, name);
  const stat = await lstat(path).catch(() => undefined);
  if (!stat) return;
  if (stat.isSymbolicLink() || !stat.isDirectory()) await unlink(path);
  else await rm(path, { recursive: true, force: true, maxRetries: 2 });
}

/** Stops every node and removes data/, log/ and run/; refused (nothing touched) unless the folder carries the lab's mark. */
export async function destroyCluster(env: ClusterEnv): Promise<void> {
  await requireLabMark(env.layout);
  await stopNodes(env, nodeList(env.layout));
  for (const name of LAB_OWNED) {
    env.log(`rm -rf ${join(env.layout.labDir, name)}`);
    await removeOwned(env.layout.labDir, name);
  }
}

export function describeDestroy(layout: ClusterLayout, pgBin: string): string {
  return [
    ...nodeList(layout).map((n) => `${join(pgBin, 'pg_ctl')} stop -D ${n.dataDir} -m fast -w`),
    ...LAB_OWNED.map((name) => `rm -rf ${join(layout.labDir, name)}`),
  ].join('\n');
}
