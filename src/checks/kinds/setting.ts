import type { CheckSpec, NodeName } from '../../lessons/schema.js';
import { NODE_NAMES } from '../../lessons/nodes.js';
import type { CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import { describeExpectation, meets } from '../expect.js';
import type { CheckResult } from '../result.js';
import { fillExpectation } from './fill-expectation.js';

type Spec = Extract<CheckSpec, { kind: 'setting' }>;

export const selectNodes = (nodes: 'all' | NodeName[]): NodeName[] =>
  nodes === 'all' ? [...NODE_NAMES] : nodes;

/** A setting in force (SHOW, not the file) on each named node. */
export async function settingCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const expect = fillExpectation(spec.expect, ctx.vars);
  const nodes = selectNodes(spec.nodes);
  const values = await Promise.all(nodes.map((node) => ctx.catalog.setting(node, spec.name)));
  const passed = values.every((v) => meets(v, expect));
  return {
    kind: 'setting',
    passed,
    what: whatOf(spec, ctx),
    expected: describeExpectation(expect),
    found: {
      key: 'value.raw',
      params: { value: nodes.map((n, i) => `${n}=${values[i] || "''"}`).join(', ') },
    },
  };
}
