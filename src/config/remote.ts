import { UserError } from '../errors.js';

export type Provider = 'local' | 'docker';

/** Where the cluster runs when it is not built in the lab folder: `--coordinator URL` or `--provider docker`. */
export interface RemoteOptions {
  provider: Provider;
  /** The coordinator of an existing Citus cluster; set for docker too (its published coordinator port). */
  coordinator?: string;
}

export interface CoordinatorTarget {
  host: string;
  port: number;
  user: string;
  database: string;
}

/**
 * `postgresql://user@host:port/db`. A password in the URL is refused: it would show in `ps` and the
 * shell history; PostgreSQL's own PGPASSWORD or ~/.pgpass supply it.
 */
export function parseCoordinatorUrl(url: string): CoordinatorTarget {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !/^postgres(ql)?:$/.test(parsed.protocol) || !parsed.hostname) {
    throw new UserError({
      key: 'class.error.badCoordinator',
      params: { value: url },
      hint: 'class.hint.coordinator',
    });
  }
  if (parsed.password)
    throw new UserError({ key: 'class.error.passwordInUrl', hint: 'class.hint.pgpass' });
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || 'postgres',
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
  };
}

export function resolveRemote(
  raw: { coordinator?: string; provider?: string },
  env: NodeJS.ProcessEnv,
  basePort: number,
): RemoteOptions {
  const provider = raw.provider ?? env.CITUS_LAB_PROVIDER ?? 'local';
  if (provider !== 'local' && provider !== 'docker')
    throw new UserError({ key: 'class.error.badProvider', params: { value: provider } });
  const url = raw.coordinator ?? env.CITUS_LAB_COORDINATOR;
  if (url !== undefined) {
    if (provider === 'docker') throw new UserError({ key: 'class.error.dockerAndCoordinator' });
    parseCoordinatorUrl(url);
    return { provider, coordinator: url };
  }
  // Docker publishes the coordinator on the lab's first port: lessons reach it as a remote cluster.
  if (provider === 'docker')
    return { provider, coordinator: `postgresql://postgres@127.0.0.1:${basePort}/postgres` };
  return { provider };
}
