import { appendFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../adapters/fs.js';
import type { PostgresInstall } from './discover.js';
import type { ClusterLayout, ClusterNode } from './layout.js';

/** The lab's settings live in their own file, included from postgresql.conf; ALTER SYSTEM still wins over them. */
export const SETTINGS_FILE = 'citus-lab.conf';
const INCLUDE_LINE = `include '${SETTINGS_FILE}'`;

/**
 * How Citus connects one node to another. Its default, sslmode=require, makes every node a self-signed
 * certificate at CREATE EXTENSION and pays a TLS handshake on each new connection between nodes (6-8 ms
 * here; a shard move opens two per table it moves). The lab's nodes talk over 127.0.0.1 only.
 */
export const NODE_CONNINFO = 'sslmode=disable';

/** Libraries to preload: Citus first (it must be), pg_stat_statements for the monitoring lesson when installed. */
export function preloadLibraries(install: PostgresInstall): string[] {
  const has = (name: string) =>
    ['.so', '.dylib'].some((ext) => existsSync(join(install.libDir, `${name}${ext}`)));
  const libraries: string[] = [];
  if (install.citusVersion) libraries.push('citus');
  if (has('pg_stat_statements')) libraries.push('pg_stat_statements');
  return libraries;
}

/**
 * One node's settings: the seed's, made safe. Loopback only (the nodes trust every local connection,
 * so they must never listen on the network), the unix socket inside the lab folder, logical WAL and
 * enough senders, slots and workers for shard moves between four nodes, and Citus's connections between
 * nodes without TLS (NODE_CONNINFO).
 */
export function settingsText(
  node: ClusterNode,
  layout: ClusterLayout,
  libraries: string[],
): string {
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return [
    `# Written by citus-lab-tutor for ${node.name}. Change settings with ALTER SYSTEM: it wins over this file.`,
    `port = ${node.port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = ${quote(layout.socketDir)}`,
    `wal_level = logical`,
    `shared_preload_libraries = ${quote(libraries.join(','))}`,
    ...(libraries.includes('citus') ? [`citus.node_conninfo = ${quote(NODE_CONNINFO)}`] : []),
    `max_wal_senders = 20`,
    `max_replication_slots = 20`,
    `max_worker_processes = 24`,
    `max_logical_replication_workers = 12`,
    `max_connections = 150`,
    `shared_buffers = '64MB'`,
    '',
  ].join('\n');
}

/** Writes the node's settings file (only when it changed) and includes it once from postgresql.conf. */
export async function configureNode(
  node: ClusterNode,
  layout: ClusterLayout,
  libraries: string[],
): Promise<boolean> {
  const path = join(node.dataDir, SETTINGS_FILE);
  const wanted = settingsText(node, layout, libraries);
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current !== wanted) await writeFileAtomic(path, wanted, 0o600);
  const mainConf = join(node.dataDir, 'postgresql.conf');
  const main = await readFile(mainConf, 'utf8');
  if (!main.split('\n').some((l) => l.trim() === INCLUDE_LINE))
    await appendFile(mainConf, `\n# citus-lab-tutor\n${INCLUDE_LINE}\n`);
  return current !== wanted;
}

export function describeConfigure(
  node: ClusterNode,
  layout: ClusterLayout,
  libraries: string[],
): string {
  return [
    `cat > ${join(node.dataDir, SETTINGS_FILE)} <<'EOF'`,
    settingsText(node, layout, libraries).trimEnd(),
    'EOF',
    `echo "${INCLUDE_LINE}" >> ${join(node.dataDir, 'postgresql.conf')}`,
  ].join('\n');
}
