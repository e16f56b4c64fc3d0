import { chmod, mkdir } from 'node:fs/promises';
import { ensureLabDir } from '../lab/mark.js';
import type { ClusterLayout } from './layout.js';

/** The lab folder (marked as the lab's own) with data/, log/ and run/ (the nodes' unix sockets), private to the user. */
export async function createFolders(layout: ClusterLayout): Promise<void> {
  await ensureLabDir(layout.labDir);
  for (const dir of [layout.dataRoot, layout.logDir, layout.socketDir]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
  }
}

export function describeCreateFolders(layout: ClusterLayout): string {
  return `mkdir -p -m 700 ${[layout.dataRoot, layout.logDir, layout.socketDir].join(' ')}`;
}
