import { readFile, readdir, writeFile, mkdir, lstat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { join } from 'node:path';

/** The file that says a folder is the lab's own: nothing is ever deleted from a folder without it. */
export const MARK_FILE = '.citus-lab-tutor';
const MARK_TEXT =
  'This folder is a citus-lab-tutor lab. citus-lab-tutor may delete what it created here.\n';

export async function hasMark(labDir: string): Promise<boolean> {
  try {
    const stat = await lstat(join(labDir, MARK_FILE));
    if (!stat.isFile()) return false;
    return (await readFile(join(labDir, MARK_FILE), 'utf8')).startsWith(
      'This folder is a citus-lab-tutor lab',
    );
  } catch {
    return false;
  }
}

/** What the lab itself may have left in a folder before marking it (a progress file). */
const OWN_FILES = /^progress\.json(\.damaged-.*|\..*\.tmp)?$/;

/**
 * Creates the lab folder (private to the user) and marks it. A folder that already holds anything
 * else and no mark is someone else's (a home folder, a project): it is refused, never marked, since
 * the mark is what lets `destroy` and `reset` delete in it.
 */
export async function ensureLabDir(labDir: string): Promise<void> {
  await mkdir(labDir, { recursive: true, mode: 0o700 });
  if (await hasMark(labDir)) return;
  const foreign = await filesNotOurs(labDir);
  if (foreign.length > 0) {
    throw new UserError({
      key: 'error.labDirNotOurs',
      params: { dir: labDir, example: foreign.slice(0, 3).join(', ') },
      hint: 'fix.labDir',
    });
  }
  await writeFile(join(labDir, MARK_FILE), MARK_TEXT, { mode: 0o600, flag: 'w' });
}

/**
 * What makes a folder someone else's: the files in it that are not the lab's own, when it has no
 * mark. Empty for a lab, an empty folder and a folder that does not exist.
 */
export async function foreignFiles(dir: string): Promise<string[]> {
  return (await hasMark(dir)) ? [] : filesNotOurs(dir);
}

async function filesNotOurs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !OWN_FILES.test(name));
  } catch {
    return [];
  }
}
