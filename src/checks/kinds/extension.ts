import type { CheckSpec } from '../../lessons/schema.js';
import type { CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import type { CheckResult } from '../result.js';
import { selectNodes } from './setting.js';

type Spec = Extract<CheckSpec, { kind: 'extension' }>;

export async function extensionCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const nodes = selectNodes(spec.nodes);
  const versions = await Promise.all(
    nodes.map((node) => ctx.catalog.extensionVersion(node, spec.name)),
  );
  return {
    kind: 'extension',
    passed: versions.every((v) => v !== null),
    what: whatOf(spec, ctx),
    expected: { key: 'expect.installedEverywhere' },
    found: {
      key: 'value.raw',
      params: { value: nodes.map((n, i) => `${n}=${versions[i] ?? '-'}`).join(', ') },
    },
  };
}
