import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';

export interface AuthOptions {
  /** 'scram': TCP connections need a password (scram-sha-256), for a shared server. Trust when absent. */
  auth?: 'scram';
  /** From CITUS_LAB_PASSWORD or a file, never from the command line; never logged or shown. */
  password?: string;
}

/**
 * `--auth trust|scram` (env CITUS_LAB_AUTH). The password comes from the environment
 * (CITUS_LAB_PASSWORD) or a file (--password-file or CITUS_LAB_PASSWORD_FILE): a command-line
 * argument would be visible to every user of the machine in the process list.
 */
export function resolveAuth(
  raw: { auth?: string; 'password-file'?: string },
  env: NodeJS.ProcessEnv,
  cwd: string,
): AuthOptions {
  const mode = raw.auth ?? env.CITUS_LAB_AUTH ?? 'trust';
  if (mode !== 'trust' && mode !== 'scram')
    throw new UserError({ key: 'reliability.badAuth', params: { value: mode } });
  const file = raw['password-file'] ?? env.CITUS_LAB_PASSWORD_FILE;
  let password = env.CITUS_LAB_PASSWORD || undefined;
  if (password === undefined && file) {
    const path = resolve(cwd, file);
    try {
      password = readFileSync(path, 'utf8').split('\n')[0]!.replace(/\r$/, '') || undefined;
    } catch (error) {
      throw new UserError({
        key: 'reliability.passwordFile',
        params: { file: path, detail: (error as Error).message },
        hint: 'reliability.hint.password',
      });
    }
  }
  if (mode === 'scram' && password === undefined)
    throw new UserError({ key: 'reliability.noPassword', hint: 'reliability.hint.password' });
  return {
    ...(mode === 'scram' && { auth: 'scram' as const }),
    ...(password !== undefined && { password }),
  };
}
