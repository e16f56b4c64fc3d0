import type { CheckSpec, Expectation } from '../../lessons/schema.js';
import { NodeUnreachable } from '../catalog.js';
import { sumOverLabNodes, type CheckContext } from '../context.js';
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
  const relation = await ctx.catalog.relation(spec.table);
  if (!relation) {
    return {
      kind: 'row-count',
      passed: false,
      what,
      expected: describeExpectation(expect),
      found: { key: 'found.noTable', params: { table: spec.table } },
    };
  }
  const written =
    relation.accessMethod === 'columnar' ? await columnarRows(ctx, spec.table) : undefined;
  const upTo = written === undefined ? enoughToCount(expect) : undefined;
  const count = written ?? (await ctx.catalog.rowCount(spec.table, upTo));
  return {
    kind: 'row-count',
    passed: meets(count, expect),
    what,
    expected: describeExpectation(expect),
    found: raw(upTo !== undefined && count >= upTo ? `>= ${upTo}` : count),
  };
}

/**
 * A columnar table's rows, added up from every node's stripe metadata: a count(*) of a million rows
 * takes a tenth of a second, this a few milliseconds. Undefined, so the rows are counted, where the
 * nodes cannot be listed (no Citus yet), one of them is not the lab's, or a node refuses the question.
 */
async function columnarRows(ctx: CheckContext, table: string): Promise<number | undefined> {
  // Inactive nodes too: one that holds shards and does not answer must fail the check, not shrink the sum.
  const nodes = await ctx.catalog.nodes().catch(() => []);
  try {
    return await sumOverLabNodes(
      ctx,
      nodes.filter((n) => n.noderole === 'primary').map((n) => n.nodeport),
      (node) => ctx.catalog.columnarRowsOn(node, table),
    );
  } catch (error) {
    // A node down fails the check as count(*) would; any other refusal leaves the counting to count(*).
    if (error instanceof NodeUnreachable) throw error;
    return undefined;
  }
}
