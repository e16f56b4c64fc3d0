import type { CheckSpec } from '../../lessons/schema.js';
import type { CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import { describeExpectation, meets } from '../expect.js';
import type { CheckResult } from '../result.js';
import { fill, sqlLiteral } from '../../lessons/template.js';
import { fillExpectation } from './fill-expectation.js';

type Spec = Extract<CheckSpec, { kind: 'explain' }>;

/** Citus prints `Task Count: N` under its Custom Scan: how many shard queries the plan sends. */
export function taskCountOf(planLines: string[]): number | null {
  for (const line of planLines) {
    const m = /Task Count:\s*(\d+)/.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Plans the query (EXPLAIN without running it) and compares the number of tasks Citus would send. */
export async function explainCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const query = fill(spec.query, ctx.vars, sqlLiteral);
  const expect = fillExpectation(spec.taskCount, ctx.vars);
  const result = await ctx.catalog.query(spec.node, `EXPLAIN (COSTS OFF) ${query}`);
  const tasks = taskCountOf(result.rows.map((r) => String(r[0] ?? '')));
  return {
    kind: 'explain',
    passed: tasks !== null && meets(tasks, expect),
    what: whatOf(spec, ctx),
    expected: { key: 'expect.taskCount', params: { value: describeValue(expect) } },
    found:
      tasks === null
        ? { key: 'found.noTaskCount' }
        : { key: 'expect.taskCount', params: { value: String(tasks) } },
  };
}

const describeValue = (e: Spec['taskCount']) => {
  const m = describeExpectation(e);
  return String(m.params?.value ?? '');
};
