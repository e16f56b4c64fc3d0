import type { CheckSpec, Expectation } from '../../lessons/schema.js';
import type { CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import { describeExpectation, meets } from '../expect.js';
import { raw, type CheckResult } from '../result.js';
import { fillExpectation } from './fill-expectation.js';

type Spec = Extract<CheckSpec, { kind: 'row-count' }>;

/**
 * "At least N" and nothing else, for a small N: N rows decide it, however many the table holds. Every
 * shard sends up to N rows back for that, so past a thousand a plain count(*) is cheaper.
 */
const MOST_ROWS_TO_FETCH = 1000;
function enoughToCount(expect: Expectation): number | undefined {
  const { atLeast, ...rest } = expect;
  const n = Number(atLeast);
  return Object.keys(rest).length === 0 && Number.isInteger(n) && n > 0 && n <= MOST_ROWS_TO_FETCH
    ? n
    : undefined;
}

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
  const upTo = enoughToCount(expect);
  const count = await ctx.catalog.rowCount(spec.table, upTo);
  return {
    kind: 'row-count',
    passed: meets(count, expect),
    what,
    expected: describeExpectation(expect),
    found: raw(upTo !== undefined && count >= upTo ? `>= ${upTo}` : count),
  };
}
