import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { resolveRemote, type RemoteOptions } from './remote.js';
import { resolveAuth, type AuthOptions } from './auth.js';
import { detectLang, isLang, type Lang } from '../i18n/index.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';

export const DEFAULT_BASE_PORT = 55164;
export const DEFAULT_ROWS = 1_000_000;

/** Everything a command needs to know about where and how the lab lives. */
export interface LabOptions {
  lang: Lang;
  labDir: string;
  basePort: number;
  pgBin?: string;
  lessonsDir: string;
  /** True when the lessons come from --lessons, not from the program. */
  customLessons: boolean;
  /** Rows for the data-load lesson: --rows, CITUS_LAB_ROWS, or the default. */
  rows: number;
  /** True when --rows or CITUS_LAB_ROWS named them; otherwise the lab's own record wins (labRows). */
  rowsGiven?: boolean;
  /** 'scram' for password authentication on a shared server (see config/auth.ts). */
  auth?: AuthOptions['auth'];
  password?: string;
  /** `--until <lesson>`: the last lesson the class has reached; later ones are closed. */
  until?: string;
  /** 'docker' or 'local'; and the coordinator's URL when the cluster is not the lab folder's own. */
  provider: RemoteOptions['provider'];
  coordinator?: string;
  host: string;
  user: string;
  database: string;
}

export interface RawGlobals {
  lang?: string;
  'lab-dir'?: string;
  'base-port'?: string;
  'pg-bin'?: string;
  lessons?: string;
  rows?: string;
  auth?: string;
  'password-file'?: string;
  until?: string;
  coordinator?: string;
  provider?: string;
}

export const builtinLessonsDir = () => join(PACKAGE_ROOT, 'lessons');

export function resolveLang(raw: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (raw === undefined) return detectLang(env);
  if (isLang(raw)) return raw;
  throw new UserError({ key: 'error.badLang', params: { value: raw } });
}

export function resolveOptions(
  raw: RawGlobals,
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): LabOptions {
  const lang = resolveLang(raw.lang, env);
  const portText = raw['base-port'] ?? env.CITUS_LAB_BASE_PORT;
  const basePort = portText === undefined ? DEFAULT_BASE_PORT : Number(portText);
  if (!/^\d+$/.test(String(portText ?? basePort)) || basePort < 1024 || basePort > 65532) {
    throw new UserError({ key: 'error.badPort', params: { value: String(portText) } });
  }
  const rowsText = raw.rows ?? env.CITUS_LAB_ROWS;
  const rows = rowsText === undefined ? DEFAULT_ROWS : Number(rowsText);
  if (!Number.isSafeInteger(rows) || rows < 1 || !/^\d+$/.test(String(rowsText ?? rows))) {
    throw new UserError({ key: 'error.badRows', params: { value: String(rowsText) } });
  }
  const labDir = resolve(cwd, raw['lab-dir'] ?? env.CITUS_LAB_DIR ?? join(homedir(), 'citus-lab'));
  const pgBin = raw['pg-bin'] ?? env.CITUS_LAB_PG_BIN;
  return {
    lang,
    labDir,
    basePort,
    pgBin: pgBin ? resolve(cwd, pgBin) : undefined,
    lessonsDir: raw.lessons ? resolve(cwd, raw.lessons) : builtinLessonsDir(),
    customLessons: raw.lessons !== undefined,
    rows,
    rowsGiven: rowsText !== undefined,
    ...((raw.until ?? env.CITUS_LAB_UNTIL) && { until: raw.until ?? env.CITUS_LAB_UNTIL }),
    ...resolveRemote(raw, env, basePort),
    ...resolveAuth(raw, env, cwd),
    host: '127.0.0.1',
    user: 'postgres',
    database: 'postgres',
  };
}

export function nodePorts(basePort: number): Record<NodeName, number> {
  return Object.fromEntries(NODE_NAMES.map((n, i) => [n, basePort + i])) as Record<
    NodeName,
    number
  >;
}
