import type { CheckSpec } from '../../lessons/schema.js';
import { sqlNode } from '../../lessons/sql-node.js';
import { fill, sqlLiteral } from '../../lessons/template.js';
import { activeNodes, sumOverLabNodes, type CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import { describeExpectation, meets, wantsRows } from '../expect.js';
import { display, raw, type CheckResult } from '../result.js';
import { fillExpectation } from './fill-expectation.js';

type Spec = Extract<CheckSpec, { kind: 'sql' }>;

export async function sqlCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const query = fill(spec.query, ctx.vars, sqlLiteral);
  const expect = fillExpectation(spec.expect, ctx.vars);
  const found = spec.sumOver
    ? await sumOverWorkers(ctx, query)
    : await ctx.catalog
        .query(sqlNode(spec), query)
        .then((result) => (wantsRows(expect) ? result.rows : (result.rows[0]?.[0] ?? null)));
  return {
    kind: 'sql',
    passed: meets(found, expect),
    what: whatOf(spec, ctx),
    expected: describeExpectation(expect),
    found:
      Array.isArray(found) && found.length === 0 ? { key: 'expect.noRows' } : raw(display(found)),
  };
}

export { oneLine } from '../what.js';

/**
 * The query on every active worker, asked by the tutor itself and side by side: Citus's
 * run_command_on_workers opens new connections to every worker on each call (~30 ms a check).
 * Null when a worker is not one of the lab's nodes or an answer is not a number.
 */
async function sumOverWorkers(ctx: CheckContext, query: string): Promise<number | null> {
  const workers = await activeNodes(ctx, true);
  const sum = await sumOverLabNodes(
    ctx,
    workers.map((w) => w.port),
    (node) => ctx.catalog.query(node, query).then((r) => Number(r.rows[0]?.[0] ?? NaN)),
  );
  return sum !== undefined && Number.isFinite(sum) ? sum : null;
}
