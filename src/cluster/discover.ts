import { access, readdir, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../adapters/process.js';

export interface PostgresInstall {
  binDir: string;
  /** "15.18" */
  version: string;
  major: number;
  libDir: string;
  shareDir: string;
  /** Citus's default version from its control file, when Citus is installed for this PostgreSQL. */
  citusVersion?: string;
}

/** No PostgreSQL found: commands that only stop, remove or read a cluster can still take this. */
export const NO_INSTALL: PostgresInstall = {
  binDir: '',
  version: '?',
  major: 0,
  libDir: '',
  shareDir: '',
};

const executable = async (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

async function listVersions(
  pattern: (v: string) => string,
  parent: string,
  prefix = '',
): Promise<string[]> {
  try {
    const names = await readdir(parent);
    return names
      .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      .map((n) => n.slice(prefix.length))
      .sort((a, b) => Number(b) - Number(a))
      .map(pattern);
  } catch {
    return [];
  }
}

/** The usual places, newest version first: Debian, RHEL, Homebrew, Postgres.app. */
export async function candidateBinDirs(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const found: string[] = [];
  const fromPath = await runCommand('pg_config', ['--bindir'], {
    env: { PATH: env.PATH ?? '' },
  }).catch(() => undefined);
  if (fromPath?.exitCode === 0) found.push(fromPath.stdout.trim());
  found.push(...(await listVersions((v) => `/usr/lib/postgresql/${v}/bin`, '/usr/lib/postgresql')));
  found.push(...(await listVersions((v) => `/usr/pgsql-${v}/bin`, '/usr', 'pgsql-')));
  for (const brew of ['/opt/homebrew/opt', '/usr/local/opt']) {
    found.push(...(await listVersions((v) => `${brew}/postgresql@${v}/bin`, brew, 'postgresql@')));
  }
  found.push(
    ...(await listVersions(
      (v) => `/Applications/Postgres.app/Contents/Versions/${v}/bin`,
      '/Applications/Postgres.app/Contents/Versions',
    )),
  );
  return [...new Set(found)];
}

/** Reads what one bin folder holds; undefined when it is not a PostgreSQL server's bin folder. */
export async function inspectBinDir(binDir: string): Promise<PostgresInstall | undefined> {
  if (!(await executable(join(binDir, 'postgres'))) || !(await executable(join(binDir, 'initdb'))))
    return undefined;
  const versionOut = await runCommand(join(binDir, 'postgres'), ['--version']);
  const version = /(\d+(?:\.\d+)?)/.exec(versionOut.stdout)?.[1];
  if (versionOut.exitCode !== 0 || !version) return undefined;
  const pgConfig = join(binDir, 'pg_config');
  const [lib, share] = (await executable(pgConfig))
    ? await Promise.all([
        runCommand(pgConfig, ['--pkglibdir']),
        runCommand(pgConfig, ['--sharedir']),
      ])
    : [undefined, undefined];
  const libDir = lib?.exitCode === 0 ? lib.stdout.trim() : join(binDir, '..', 'lib');
  const shareDir = share?.exitCode === 0 ? share.stdout.trim() : join(binDir, '..', 'share');
  const install: PostgresInstall = {
    binDir,
    version,
    major: Number(version.split('.')[0]),
    libDir,
    shareDir,
  };
  const citusVersion = await readCitusVersion(install);
  return citusVersion ? { ...install, citusVersion } : install;
}

async function readCitusVersion(install: PostgresInstall): Promise<string | undefined> {
  const hasLibrary =
    (await executable(join(install.libDir, 'citus.so'))) ||
    (await executable(join(install.libDir, 'citus.dylib')));
  if (!hasLibrary) return undefined;
  try {
    const control = await readFile(join(install.shareDir, 'extension', 'citus.control'), 'utf8');
    return /default_version\s*=\s*'([^']+)'/.exec(control)?.[1] ?? 'unknown';
  } catch {
    return undefined;
  }
}

export interface Discovery {
  chosen?: PostgresInstall;
  /** Every server install seen, so doctor can say what else is there. */
  seen: PostgresInstall[];
  /** Set when --pg-bin names a folder that is not a PostgreSQL bin folder. */
  badPgBin?: string;
}

/** --pg-bin wins; otherwise the newest install that has Citus, else the newest install. */
export async function discoverPostgres(
  pgBin: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Discovery> {
  if (pgBin) {
    const chosen = await inspectBinDir(pgBin);
    return chosen ? { chosen, seen: [chosen] } : { seen: [], badPgBin: pgBin };
  }
  const seen = (await Promise.all((await candidateBinDirs(env)).map(inspectBinDir))).filter(
    (x): x is PostgresInstall => x !== undefined,
  );
  const unique = seen.filter(
    (s, i) => seen.findIndex((o) => o.version === s.version && o.libDir === s.libDir) === i,
  );
  return { chosen: unique.find((s) => s.citusVersion) ?? unique[0], seen: unique };
}
