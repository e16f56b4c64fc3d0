import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The bin folder of the PostgreSQL that last ran this data folder, from the command line it keeps in
 * `postmaster.opts` (`/usr/lib/postgresql/15/bin/postgres "-D" ...`); undefined when there is none
 * or that program is gone. Cheaper than looking PostgreSQL up (three programs), and the lab's own.
 */
export async function binDirOfDataDir(dataDir: string): Promise<string | undefined> {
  try {
    const opts = await readFile(join(dataDir, 'postmaster.opts'), 'utf8');
    const program = /^"?([^"\n]*?postgres)"?(?:\s|$)/.exec(opts)?.[1];
    if (!program) return undefined;
    await access(program, constants.X_OK);
    await access(join(dirname(program), 'pg_ctl'), constants.X_OK);
    return dirname(program);
  } catch {
    return undefined;
  }
}
