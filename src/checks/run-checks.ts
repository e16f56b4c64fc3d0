import { errorText } from '../errors.js';
import type { CheckSpec } from '../lessons/schema.js';
import { askedOnce } from './asked-once.js';
import { NodeUnreachable } from './catalog.js';
import type { CheckContext } from './context.js';
import { explainCheck } from './kinds/explain.js';
import { extensionCheck } from './kinds/extension.js';
import { nodesCheck } from './kinds/nodes.js';
import { rowCountCheck } from './kinds/row-count.js';
import { settingCheck } from './kinds/setting.js';
import { shardsBalancedCheck } from './kinds/shards-balanced.js';
import { shellCheck } from './kinds/shell.js';
import { sqlCheck } from './kinds/sql.js';
import { tableCheck } from './kinds/table.js';
import type { CheckResult, Msg } from './result.js';
import { whatOf } from './what.js';

export async function runCheck(spec: CheckSpec, ctx: CheckContext): Promise<CheckResult> {
  try {
    switch (spec.kind) {
      case 'sql':
        return await sqlCheck(spec, ctx);
      case 'explain':
        return await explainCheck(spec, ctx);
      case 'nodes':
        return await nodesCheck(spec, ctx);
      case 'table':
        return await tableCheck(spec, ctx);
      case 'shards-balanced':
        return await shardsBalancedCheck(spec, ctx);
      case 'row-count':
        return await rowCountCheck(spec, ctx);
      case 'setting':
        return await settingCheck(spec, ctx);
      case 'extension':
        return await extensionCheck(spec, ctx);
      case 'shell':
        return await shellCheck(spec, ctx);
    }
  } catch (error) {
    return failedByError(spec, ctx, error);
  }
}

/** A check that could not ask (node down, SQL error) fails and says why; it never throws. */
function failedByError(spec: CheckSpec, ctx: CheckContext, error: unknown): CheckResult {
  const found: Msg =
    error instanceof NodeUnreachable
      ? { key: 'found.unreachable' as const, params: { node: error.node, port: error.port } }
      : {
          key: 'found.error' as const,
          params: { message: errorText(error) },
        };
  return {
    kind: spec.kind,
    passed: false,
    what: whatOf(spec, ctx),
    expected: { key: 'expect.answer' },
    found,
  };
}

/** Checks only read, so they ask at once, each question once; results keep the declared order. */
export function runChecks(specs: CheckSpec[], ctx: CheckContext): Promise<CheckResult[]> {
  const once = { ...ctx, catalog: askedOnce(ctx.catalog) };
  return Promise.all(specs.map((spec) => runCheck(spec, once)));
}
