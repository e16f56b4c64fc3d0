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
