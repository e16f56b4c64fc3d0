import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../adapters/fs.js';
import type { ClusterLayout } from './layout.js';

/**
 * Password authentication for a shared server (`--auth scram`). The password never goes on a command
 * line: initdb reads it from a file that lives only while initdb runs, and the nodes (Citus connects
 * from one node to another over TCP) read it from a .pgpass-format file in run/, private to the user.
 */
export const pgpassFile = (layout: Pick<ClusterLayout, 'socketDir'>) =>
  join(layout.socketDir, 'pgpass');

/** initdb's host authentication: trust, or scram-sha-256 with the superuser's password from `pwfile`. Unix sockets stay trust: run/ is 0700. */
export const hostAuthArgs = (pwfile?: string) =>
  pwfile ? ['--auth-host=scram-sha-256', `--pwfile=${pwfile}`] : ['--auth-host=trust'];

const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:');

/** Writes run/pgpass (0600) for the lab's user on loopback; the servers get it as PGPASSFILE. */
export async function writePgpass(layout: ClusterLayout, password: string): Promise<string> {
  const path = pgpassFile(layout);
  await writeFileAtomic(
    path,
    `${escape(layout.host)}:*:*:${escape(layout.user)}:${escape(password)}\n`,
    0o600,
  );
  return path;
}

/** Runs `work` with a private temporary file holding the password (initdb --pwfile), removed after. */
export async function withPasswordFile<T>(
  dir: string,
  password: string,
  work: (path: string) => Promise<T>,
): Promise<T> {
  const path = join(dir, `.pwfile-${randomBytes(6).toString('hex')}`);
  await writeFileAtomic(path, `${password}\n`, 0o600);
  try {
    return await work(path);
  } finally {
    await rm(path, { force: true });
  }
}

/** The environment a program needs to reach the lab's nodes: PGPASSFILE when the lab uses passwords. */
export const passEnv = (
  layout: Pick<ClusterLayout, 'socketDir'>,
  password: string | undefined,
): Record<string, string> => (password === undefined ? {} : { PGPASSFILE: pgpassFile(layout) });
