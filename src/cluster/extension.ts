import type { ClusterEnv } from './env.js';
import { rows } from './env.js';
import { clusterError, throwIfCancelled } from './cluster-error.js';
import type { ClusterNode } from './layout.js';

/** "13.2-1" → [13, 2]. */
export function parseCitusVersion(version: string | undefined): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Since Citus 13.2, CREATE EXTENSION citus no longer creates citus_columnar: the lab creates it itself. */
export function needsColumnarExtension(citusVersion: string | undefined): boolean {
  const v = parseCitusVersion(citusVersion);
  return v !== undefined && (v[0] > 13 || (v[0] === 13 && v[1] >= 2));
}

export const CREATE_CITUS = 'CREATE EXTENSION IF NOT EXISTS citus;';
export const CREATE_COLUMNAR = 'CREATE EXTENSION IF NOT EXISTS citus_columnar;';

export const OWN_SERVER_ID = `UPDATE pg_dist_node_metadata SET metadata = jsonb_set(metadata, '{server_id}', to_jsonb(gen_random_uuid()::text)) WHERE metadata ->> 'server_id' = 'citus-lab-template';`;

/** Creates Citus (and citus_columnar where the installed Citus no longer does it) on one node; returns Citus's version. */
export async function createExtension(env: ClusterEnv, node: ClusterNode): Promise<string> {
  throwIfCancelled(env.signal);
  const state = async () => {
    const found = await rows(
      env,
      node.name,
      `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'citus'),
              EXISTS (SELECT FROM pg_extension WHERE extname = 'citus_columnar'),
              EXISTS (SELECT FROM pg_available_extensions WHERE name = 'citus_columnar')`,
    );
    const [version, hasColumnar, columnarAvailable] = found[0] ?? [];
    return {
      version: version === null || version === undefined ? undefined : String(version),
      hasColumnar: hasColumnar === true,
      columnarAvailable: columnarAvailable === true,
    };
  };
  try {
    let now = await state();
    if (!now.version) {
      // CREATE EXTENSION installs the control file's default version: the one discovery read.
      const withColumnar =
        needsColumnarExtension(env.install.citusVersion) && now.columnarAvailable;
      const sql = withColumnar ? `${CREATE_CITUS} ${CREATE_COLUMNAR}` : CREATE_CITUS;
      env.log(`psql -h 127.0.0.1 -p ${node.port} -U postgres -c '${sql}'`);
      await env.runSql(node.name, sql, env.signal);
      now = await state();
    }
    if (needsColumnarExtension(now.version) && now.columnarAvailable && !now.hasColumnar) {
      env.log(`psql -h 127.0.0.1 -p ${node.port} -U postgres -c '${CREATE_COLUMNAR}'`);
      await env.runSql(node.name, CREATE_COLUMNAR, env.signal);
    }
    // A node copied from cluster up's template gets its own server_id: Citus tells nodes apart by it.
    if (now.version) await env.runSql(node.name, OWN_SERVER_ID, env.signal);
    return now.version ?? '?';
  } catch (error) {
    throwIfCancelled(env.signal);
    throw clusterError(
      'cluster.extensionFailed',
      { node: node.name, port: node.port, detail: (error as Error).message, log: node.logFile },
      'cluster.hint.log',
      error,
    );
  }
}

export function describeCreateExtension(
  nodes: ClusterNode[],
  citusVersion: string | undefined,
): string {
  return nodes
    .flatMap((n) => [
      `psql -h 127.0.0.1 -p ${n.port} -U postgres -c '${needsColumnarExtension(citusVersion) ? `${CREATE_CITUS} ${CREATE_COLUMNAR}` : CREATE_CITUS}'`,
    ])
    .join('\n');
}
