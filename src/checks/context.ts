import type { NodeName } from '../lessons/schema.js';
import type { TemplateVars } from '../lessons/template.js';
import type { Catalog } from './catalog.js';

export interface CheckContext {
  catalog: Catalog;
  vars: TemplateVars;
}

export const portOf = (ctx: CheckContext, node: NodeName) => ctx.vars.port[node];

export function nodeByPort(ctx: CheckContext, port: number): NodeName | undefined {
  return (Object.entries(ctx.vars.port) as [NodeName, number][]).find(([, p]) => p === port)?.[0];
}

export const nodeLabel = (ctx: CheckContext, node: NodeName) => `${node} (${portOf(ctx, node)})`;

/** A node the catalog knows, named as the lab names it (worker2) or, when it is not the lab's, host:port. */
export interface KnownNode {
  label: string;
  port: number;
}

/** The active primary nodes in pg_dist_node (only the workers when asked). */
export async function activeNodes(ctx: CheckContext, workersOnly: boolean): Promise<KnownNode[]> {
  const nodes = await ctx.catalog.nodes();
  return nodes
    .filter((n) => n.isactive && n.noderole === 'primary' && (!workersOnly || n.groupid !== 0))
    .map((n) => ({
      label: nodeByPort(ctx, n.nodeport) ?? `${n.nodename}:${n.nodeport}`,
      port: n.nodeport,
    }));
}

/**
 * One number asked of each node at `ports`, side by side, added up. Undefined when there is no node
 * or one is not the lab's (the tutor reaches only the lab's nodes by name).
 */
export async function sumOverLabNodes(
  ctx: CheckContext,
  ports: number[],
  ask: (node: NodeName) => Promise<number>,
): Promise<number | undefined> {
  const named = ports.map((port) => nodeByPort(ctx, port));
  if (named.length === 0 || named.some((n) => n === undefined)) return undefined;
  const answers = await Promise.all(named.map((n) => ask(n!)));
  return answers.reduce((a, b) => a + b, 0);
}

/** A list of lab nodes, or a dynamic selection resolved against the catalog. */
export async function resolveNodes(
  ctx: CheckContext,
  selection: 'workers' | 'all' | NodeName[],
): Promise<KnownNode[]> {
  if (selection === 'workers' || selection === 'all')
    return activeNodes(ctx, selection === 'workers');
  return selection.map((node) => ({ label: node, port: portOf(ctx, node) }));
}
