import { access, chmod, cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from '../adapters/process.js';
import type { NodeName } from '../lessons/schema.js';
import { hostAuthArgs, withPasswordFile } from './auth.js';
import { clusterError, throwIfCancelled } from './cluster-error.js';
import { commandLine } from './commands-text.js';
import type { ClusterEnv } from './env.js';
import type { ClusterNode } from './layout.js';
import { CREATE_CITUS, CREATE_COLUMNAR } from './extension.js';
import { NODE_CONNINFO } from './settings.js';

/**
 * initdb's arguments: UTF-8 with the C locale (server messages in English, the same on every machine),
 * data checksums, the postgres superuser, and trust only for local sockets and loopback (initdb's
 * pg_hba.conf names no other address). --no-sync: a fresh lab can be rebuilt, and skipping the fsync
 * of ~1000 files is most of initdb's wait on a slow disk.
 */
export function initdbArgs(dataDir: string, pwfile?: string): string[] {
  return [
    '-D',
    dataDir,
    '--username=postgres',
    '--encoding=UTF8',
    '--locale=C',
    '--data-checksums',
    '--auth-local=trust',
    ...hostAuthArgs(pwfile),
    '--no-sync',
  ];
}

/** A data folder is complete once PG_VERSION is there: initdb writes into `<node>.partial` and renames at the end. */
export async function isInitialized(node: ClusterNode): Promise<boolean> {
  return access(join(node.dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

const partialOf = (node: ClusterNode) => `${node.dataDir}.partial`;

/**
 * Creates the data folders that are missing. Every fresh node is the same empty cluster, so initdb
 * runs once and the result is copied: a copy takes a tenth of an initdb. Nothing is copied from a
 * folder a server ever ran in.
 */
export async function initdbNodes(
  env: ClusterEnv,
  nodes: ClusterNode[],
  onReady?: (node: ClusterNode) => void,
  template?: TemplateSetup,
): Promise<NodeName[]> {
  const missing: ClusterNode[] = [];
  for (const node of nodes) if (!(await isInitialized(node))) missing.push(node);
  const [first, ...rest] = missing;
  if (!first) return [];
  throwIfCancelled(env.signal);
  // Leftovers of an interrupted run: a half-written folder is never trusted.
  await Promise.all(
    missing.flatMap((n) => [
      rm(partialOf(n), { recursive: true, force: true }),
      rm(n.dataDir, { recursive: true, force: true }),
    ]),
  );
  const initdb = join(env.install.binDir, 'initdb');
  // With --auth scram the password reaches initdb in a private file removed right after, never as an argument.
  const runInitdb = (pwfile?: string) => {
    env.log(commandLine(initdb, initdbArgs(first.dataDir, pwfile)));
    return runCommand(initdb, initdbArgs(partialOf(first), pwfile), {
      signal: env.signal,
      env: { LC_ALL: 'C', LANG: 'C' },
    });
  };
  const result =
    env.password === undefined
      ? await runInitdb()
      : await withPasswordFile(env.layout.socketDir, env.password, runInitdb);
  throwIfCancelled(env.signal);
  if (result.exitCode !== 0) {
    await rm(partialOf(first), { recursive: true, force: true });
    throw clusterError(
      'cluster.initdbFailed',
      { node: first.name, detail: lastLines(result.stderr || result.stdout) },
      'cluster.hint.initdb',
    );
  }
  if (template && rest.length > 0)
    await prepareTemplate(env, partialOf(first), first.dataDir, template);
  throwIfCancelled(env.signal);
  const complete = async (node: ClusterNode) => {
    await chmod(partialOf(node), 0o700);
    await rename(partialOf(node), node.dataDir);
    onReady?.(node);
  };
  // The copies run side by side; each node is handed on as soon as its copy is complete, so its start and
  // CREATE EXTENSION overlap the other copies. The first folder, the copies' source, is handed on last.
  for (const node of rest) env.log(commandLine('cp', ['-a', first.dataDir, node.dataDir]));
  await Promise.all(
    rest.map(async (node) => {
      await copyFolder(partialOf(first), partialOf(node));
      await complete(node);
    }),
  );
  throwIfCancelled(env.signal);
  await complete(first);
  return missing.map((n) => n.name);
}

/** What `cluster up` puts in the fresh data folder once, before it is copied to every node. */
export interface TemplateSetup {
  libraries: string[];
  statements: string[];
}

/** Marks the template's Citus server_id; each node replaces it with its own at its first start (see extension.ts). */
export const TEMPLATE_SERVER_ID = 'citus-lab-template';

export const templateStatements = (withColumnar: boolean) => [
  CREATE_CITUS,
  ...(withColumnar ? [CREATE_COLUMNAR] : []),
  `UPDATE pg_dist_node_metadata SET metadata = jsonb_set(metadata, '{server_id}', '"${TEMPLATE_SERVER_ID}"');`,
];

/**
 * CREATE EXTENSION citus costs about half a second of CPU per node; run once in the fresh folder (a
 * single-user postgres, no server, no port) it is copied with the folder instead of being repeated on every
 * node. Best effort: whatever fails here, each node's own CREATE EXTENSION IF NOT EXISTS does after its start.
 * With the lab's node_conninfo Citus leaves SSL off (it turns it on, makes a certificate and signals its
 * "postmaster" to reload only under sslmode=require). Its own process group all the same: a single-user
 * backend has no postmaster, and such a signal would go to the whole group.
 */
async function prepareTemplate(
  env: ClusterEnv,
  dataDir: string,
  shownDir: string,
  template: TemplateSetup,
): Promise<void> {
  const postgres = join(env.install.binDir, 'postgres');
  const argsFor = (dir: string) => [
    '--single',
    '-D',
    dir,
    '-c',
    `shared_preload_libraries=${template.libraries.join(',')}`,
    '-c',
    'max_worker_processes=24',
    '-c',
    `citus.node_conninfo=${NODE_CONNINFO}`,
    'postgres',
  ];
  const args = argsFor(dataDir);
  env.log(
    `printf '%s\\n' ${template.statements.map((s) => `"${s.replace(/(["\\$`])/g, '\\$1')}"`).join(' ')} | ${commandLine(postgres, argsFor(shownDir))}`,
  );
  const result = await runCommand(postgres, args, {
    input: `${template.statements.join('\n')}\n`,
    detached: true,
    signal: env.signal,
    env: { LC_ALL: 'C', LANG: 'C' },
  });
  if (result.exitCode !== 0 || /\bERROR:/.test(result.stderr))
    env.log(`# ${lastLines(result.stderr || result.stdout, 3)}`);
}

/** `cp -a` is ~40x faster than node's fs.cp on a fresh data folder (a thousand small files); fs.cp where there is no cp. */
async function copyFolder(from: string, to: string): Promise<void> {
  const result = await runCommand('cp', ['-a', from, to]).catch(() => undefined);
  if (result?.exitCode === 0) return;
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true, preserveTimestamps: true });
}

export const lastLines = (text: string, count = 8) =>
  text.trim().split('\n').slice(-count).join('\n');

export function describeInitdb(pgBin: string, nodes: ClusterNode[], copyNote: string): string {
  const [first, ...rest] = nodes;
  if (!first) return '';
  return [
    commandLine(join(pgBin, 'initdb'), initdbArgs(first.dataDir)),
    ...rest.map((n) => `${commandLine('cp', ['-a', first.dataDir, n.dataDir])}   # ${copyNote}`),
  ].join('\n');
}
