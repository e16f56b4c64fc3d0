import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';
import { dataDirOf } from '../lab/paths.js';

/** The pid and port in a data folder's postmaster.pid, when the file is there. */
export async function readPostmasterPid(
  dataDir: string,
): Promise<{ pid: number; port: number } | undefined> {
  try {
    const lines = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function ownRunningNodes(labDir: string): Promise<NodeName[]> {
  const running: NodeName[] = [];
  for (const node of NODE_NAMES) {
    const pid = await readPostmasterPid(dataDirOf(labDir, node));
    if (pid && processAlive(pid.pid)) running.push(node);
  }
  return running;
}
