import type { CheckSpec } from '../../lessons/schema.js';
import { nodeByPort, resolveNodes, type CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import { raw, type CheckResult, type Msg } from '../result.js';

type Spec = Extract<CheckSpec, { kind: 'table' }>;

interface TableFacts {
  type?: string;
  distributionColumn?: string | null;
  shardCount?: number;
  accessMethod?: string;
  colocatedWith?: string;
  placedOn?: string[];
}

/** What kind of table it is, by what column, with how many shards, stored how, and where. */
export async function tableCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const what = whatOf(spec, ctx);
  const placedOnWanted =
    spec.placedOn === undefined
      ? undefined
      : (await resolveNodes(ctx, spec.placedOn)).map((n) => n.label).sort();
  const expected = describe({ ...spec, placedOn: placedOnWanted });
  const relation = await ctx.catalog.relation(spec.table);
  if (!relation)
    return {
      kind: 'table',
      passed: false,
      what,
      expected,
      found: { key: 'found.noTable', params: { table: spec.table } },
    };

  const tables = await ctx.catalog.citusTables();
  const entry = tables.find((t) => sameName(t.tableName, spec.table));
  const facts: TableFacts = { type: entry?.type ?? 'local', accessMethod: relation.accessMethod };
  if (entry) {
    facts.distributionColumn = entry.distributionColumn;
    facts.shardCount = entry.shardCount;
  }
  if (spec.colocatedWith !== undefined) {
    const other = tables.find((t) => sameName(t.tableName, spec.colocatedWith!));
    facts.colocatedWith =
      other && entry && other.colocationId === entry.colocationId ? spec.colocatedWith : '-';
  }
  if (spec.placedOn !== undefined) {
    const shards = await ctx.catalog.placementsPerNode();
    facts.placedOn = shards
      .filter((s) => sameName(s.tableName, spec.table))
      .map((s) => nodeByPort(ctx, s.nodeport) ?? `${s.nodename}:${s.nodeport}`)
      .sort();
  }

  const passed =
    facts.type === spec.type &&
    (spec.distributionColumn === undefined ||
      facts.distributionColumn === spec.distributionColumn) &&
    (spec.shardCount === undefined || facts.shardCount === spec.shardCount) &&
    (spec.accessMethod === undefined || facts.accessMethod === spec.accessMethod) &&
    (spec.colocatedWith === undefined || facts.colocatedWith === spec.colocatedWith) &&
    (spec.placedOn === undefined || placedOnWanted!.join() === facts.placedOn?.join());

  return {
    kind: 'table',
    passed,
    what,
    expected,
    found: describe({ ...facts, type: facts.type ?? 'local' }),
  };
}

/** Citus's own words (distributed, columnar) as they are; the links between them in the learner's language. */
function describe(f: TableFacts & { type?: string }): Msg {
  const parts: Msg[] = [raw(f.type ?? '?')];
  if (f.distributionColumn)
    parts.push({ key: 'facts.by', params: { column: f.distributionColumn } });
  if (f.shardCount !== undefined)
    parts.push({ key: 'facts.shards', params: { count: f.shardCount } });
  if (f.accessMethod) parts.push(raw(f.accessMethod));
  if (f.colocatedWith !== undefined)
    parts.push({ key: 'facts.colocatedWith', params: { table: f.colocatedWith } });
  if (f.placedOn !== undefined)
    parts.push({ key: 'facts.on', params: { nodes: f.placedOn.join(', ') || '-' } });
  return { key: 'found.tableFacts', parts };
}

/** `users` and `public.users` name the same table. */
export const sameName = (a: string, b: string) =>
  a.replace(/^public\./, '') === b.replace(/^public\./, '');
