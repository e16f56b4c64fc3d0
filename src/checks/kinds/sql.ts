import type { CheckSpec } from '../../lessons/schema.js';
import { fill, sqlLiteral } from '../../lessons/template.js';
import type { CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import { describeExpectation, meets, wantsRows } from '../expect.js';
import { display, raw, type CheckResult } from '../result.js';
import { fillExpectation } from './fill-expectation.js';

type Spec = Extract<CheckSpec, { kind: 'sql' }>;

export async function sqlCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const query = fill(spec.query, ctx.vars, sqlLiteral);
  const expect = fillExpectation(spec.expect, ctx.vars);
  const result = await ctx.catalog.query(spec.node, query);
  const found = wantsRows(expect) ? result.rows : (result.rows[0]?.[0] ?? null);
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
