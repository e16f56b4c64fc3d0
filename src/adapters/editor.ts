import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Opens $VISUAL or $EDITOR (else vi) on a temporary .sql file holding `text`, waits for it to close
 * and returns the saved text. The terminal belongs to the editor meanwhile.
 */
export async function editInEditor(
  text: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'citus-lab-edit-'));
  const file = join(dir, 'exercise.sql');
  try {
    await writeFile(file, text);
    const editor = env.VISUAL || env.EDITOR || 'vi';
    const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], {
      stdio: 'inherit',
      env,
    });
    if (result.error || result.status !== 0) return text;
    return (await readFile(file, 'utf8')).replace(/\n$/, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
