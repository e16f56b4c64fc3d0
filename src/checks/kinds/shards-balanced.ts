import type { CheckSpec } from '../../lessons/schema.js';
import { resolveNodes, type CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import type { CheckResult } from '../result.js';
import { sameName } from './table.js';

type Spec = Extract<CheckSpec, { kind: 'shards-balanced' }>;

/** Shards per node for one table differ by at most `maxDifference` across the named nodes. */
export async function shardsBalancedCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const shards = (await ctx.catalog.placementsPerNode()).filter((s) =>
    sameName(s.tableName, spec.table),
  );
  const across = await resolveNodes(ctx, spec.across);
  const counts = across.map((node) => shards.find((s) => s.nodeport === node.port)?.shards ?? 0);
  const outside = shards.filter((s) => !across.some((n) => n.port === s.nodeport));
  const passed =
    shards.length > 0 &&
    across.length > 0 &&
    outside.length === 0 &&
    Math.max(...counts) - Math.min(...counts) <= spec.maxDifference;
  const perNode = across.map((n, i) => `${n.label}=${counts[i]}`);
  perNode.push(...outside.map((s) => `${s.nodename}:${s.nodeport}=${s.shards}`));
  return {
    kind: 'shards-balanced',
    passed,
    what: whatOf(spec, ctx),
    expected: {
      key: 'expect.balanced',
      params: {
        nodes: spec.across === 'workers' ? 'workers' : spec.across.join(', '),
        max: spec.maxDifference,
      },
    },
    found: { key: 'value.raw', params: { value: perNode.join(', ') } },
  };
}
