import type { CheckSpec } from '../../lessons/schema.js';
import type { CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import { describeExpectation, meets } from '../expect.js';
import { raw, type CheckResult } from '../result.js';
import { fillExpectation } from './fill-expectation.js';

type Spec = Extract<CheckSpec, { kind: 'row-count' }>;

export async function rowCountCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const what = whatOf(spec, ctx);
  const expect = fillExpectation(spec.expect, ctx.vars);
  if (!(await ctx.catalog.relation(spec.table))) {
    return {
      kind: 'row-count',
      passed: false,
      what,
      expected: describeExpectation(expect),
      found: { key: 'found.noTable', params: { table: spec.table } },
    };
  }
  const count = await ctx.catalog.rowCount(spec.table);
  return {
    kind: 'row-count',
    passed: meets(count, expect),
    what,
    expected: describeExpectation(expect),
    found: raw(count),
  };
}
