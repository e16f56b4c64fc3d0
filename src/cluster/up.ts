import type { NodeName } from '../lessons/schema.js';
import { throwIfCancelled } from './cluster-error.js';
import type { ClusterEnv } from './env.js';
import { createExtension, needsColumnarExtension } from './extension.js';
import { createFolders } from './folders.js';
import { initdbNodes, templateStatements } from './initdb.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_WORKERS, nodeList, type ClusterNode } from './layout.js';
import { addWorkers, setCoordinator } from './membership.js';
import { allOrFirstError } from './parallel.js';
import { configureNode, preloadLibraries } from './settings.js';
import { serverState, startNode, stopNode, waitReady } from './server.js';

export interface UpSummary {
  initialized: NodeName[];
  started: NodeName[];
  added: string[];
}

/** Writes a node's settings; a running node whose settings changed is stopped, so its next start applies them. */
async function configureOne(
  env: ClusterEnv,
  node: ClusterNode,
  libraries: string[],
): Promise<boolean> {
  const changed = await configureNode(node, env.layout, libraries);
  if (changed && (await serverState(node)).state === 'running') await stopNode(env, node);
  return changed;
}

/** Writes every node's settings (a running node whose settings changed is stopped so they apply at its next start). */
export async function configureNodes(env: ClusterEnv, nodes: ClusterNode[]): Promise<NodeName[]> {
  const libraries = preloadLibraries(env.install);
  const changed: NodeName[] = [];
  for (const node of nodes) if (await configureOne(env, node, libraries)) changed.push(node.name);
  return changed;
}

/** Starts every stopped node, all at once, and waits until each answers. */
export async function startNodes(env: ClusterEnv, nodes: ClusterNode[]): Promise<NodeName[]> {
  const results = await allOrFirstError(
    nodes.map(async (node) => {
      const result = await startNode(env, node);
      await waitReady(env, node);
      return result === 'started' ? [node.name] : [];
    }),
  );
  return results.flat();
}

export async function createExtensions(env: ClusterEnv, nodes: ClusterNode[]): Promise<void> {
  await allOrFirstError(nodes.map((node) => createExtension(env, node)));
}

/**
 * `cluster up`: builds what is missing and starts what is stopped, with the very functions the
 * cluster lesson's steps run one by one. Each phase is idempotent, so after an interruption or a
 * crash running it again finishes the job; on a healthy cluster every phase only looks.
 * Speed: one initdb copied to every node, then each node starts and creates Citus on its own
 * (the coordinator's CREATE EXTENSION overlaps the workers' starts).
 */
export async function clusterUp(env: ClusterEnv, options: { workers: 2 | 3 }): Promise<UpSummary> {
  const { layout } = env;
  const nodes = nodeList(layout);
  const libraries = preloadLibraries(env.install);
  await createFolders(layout);
  // Citus is created once in the fresh folder before it is copied, instead of once per node.
  const columnar =
    needsColumnarExtension(env.install.citusVersion) &&
    existsSync(join(env.install.shareDir, 'extension', 'citus_columnar.control'));
  const template = env.install.citusVersion
    ? { libraries, statements: templateStatements(columnar) }
    : undefined;
  const bringUp = async (node: ClusterNode): Promise<NodeName[]> => {
    await configureOne(env, node, libraries);
    const result = await startNode(env, node);
    await waitReady(env, node);
    await createExtension(env, node);
    return result === 'started' ? [node.name] : [];
  };
  // Each new node starts as soon as its folder is complete, while the next one is copied.
  const tasks: Promise<NodeName[]>[] = [];
  let initialized: NodeName[];
  try {
    initialized = await initdbNodes(env, nodes, (node) => tasks.push(bringUp(node)), template);
  } catch (error) {
    await Promise.allSettled(tasks);
    throw error;
  }
  for (const node of nodes) if (!initialized.includes(node.name)) tasks.push(bringUp(node));
  const started = (await allOrFirstError(tasks)).flat();
  throwIfCancelled(env.signal);
  await setCoordinator(env);
  const workers = options.workers === 3 ? [...FIRST_WORKERS, 'worker3' as const] : FIRST_WORKERS;
  const added = await addWorkers(
    env,
    workers.map((w) => layout.nodes[w]),
  );
  return { initialized, started, added };
}

/** Stops every running node, all at once. */
export async function stopNodes(env: ClusterEnv, nodes: ClusterNode[]): Promise<NodeName[]> {
  const results = await allOrFirstError(
    nodes.map(async (node) => ((await stopNode(env, node)) === 'stopped' ? [node.name] : [])),
  );
  return results.flat();
}
