import { readFile, writeFile, mkdir, lstat } from 'node:fs/promises';
import { join } from 'node:path';

/** The file that says a folder is the lab's own: nothing is ever deleted from a folder without it. */
export const MARK_FILE = '.citus-lab-tutor';
const MARK_TEXT = 'This folder is a citus-lab-tutor lab. citus-lab-tutor may delete what it created here.\n';

export async function hasMark(labDir: string): Promise<boolean> {
  try {
    const stat = await lstat(join(labDir, MARK_FILE));
    if (!stat.isFile()) return false;
    return (await readFile(join(labDir, MARK_FILE), 'utf8')).startsWith('This folder is a citus-lab-tutor lab');
  } catch {
    return false;
  }
}

/** Creates the lab folder (private to the user) and marks it, unless it is someone else's non-empty folder. */
export async function ensureLabDir(labDir: string): Promise<void> {
  await mkdir(labDir, { recursive: true, mode: 0o700 });
  if (!(await hasMark(labDir))) await writeFile(join(labDir, MARK_FILE), MARK_TEXT, { mode: 0o600, flag: 'w' });
}
