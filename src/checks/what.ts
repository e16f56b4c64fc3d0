import type { CheckSpec } from '../lessons/schema.js';
import { sqlNode } from '../lessons/sql-node.js';
import { fill, shellQuote, sqlLiteral } from '../lessons/template.js';
import type { CheckContext } from './context.js';
import type { Msg } from './result.js';
import { selectNodes } from './kinds/setting.js';

export const oneLine = (text: string, max = 90) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** What a check looks at, said the same way whether it passed, failed or could not ask. */
export function whatOf(spec: CheckSpec, ctx: CheckContext): Msg {
  switch (spec.kind) {
    case 'sql':
      return {
        key: spec.sumOver ? 'check.sqlSum' : 'check.sql',
        params: { node: sqlNode(spec), query: oneLine(fill(spec.query, ctx.vars, sqlLiteral)) },
      };
    case 'explain':
      return {
        key: 'check.explain',
        params: { node: spec.node, query: oneLine(fill(spec.query, ctx.vars, sqlLiteral)) },
      };
    case 'nodes':
      return { key: 'check.nodes' };
    case 'table':
      return { key: 'check.table', params: { table: spec.table } };
    case 'shards-balanced':
      return { key: 'check.shardsBalanced', params: { table: spec.table } };
    case 'row-count':
      return { key: 'check.rowCount', params: { table: spec.table } };
    case 'setting':
      return {
        key: 'check.setting',
        params: { name: spec.name, nodes: selectNodes(spec.nodes).join(', ') },
      };
    case 'extension':
      return {
        key: 'check.extension',
        params: { name: spec.name, nodes: selectNodes(spec.nodes).join(', ') },
      };
    case 'shell':
      return {
        key: 'check.shell',
        params: { command: oneLine(fill(spec.command, ctx.vars, shellQuote)) },
      };
  }
}
