import type { CheckSpec } from '../../lessons/schema.js';
import { fill, shellQuote } from '../../lessons/template.js';
import type { CheckContext } from '../context.js';
import { whatOf } from '../what.js';
import type { CheckResult } from '../result.js';
import { oneLine } from './sql.js';

type Spec = Extract<CheckSpec, { kind: 'shell' }>;

export async function shellCheck(spec: Spec, ctx: CheckContext): Promise<CheckResult> {
  const command = fill(spec.command, ctx.vars, shellQuote);
  const result = await ctx.catalog.shell(command);
  const outputOk =
    spec.stdoutMatches === undefined || new RegExp(spec.stdoutMatches).test(result.stdout);
  return {
    kind: 'shell',
    passed: result.exitCode === spec.exitCode && outputOk,
    what: whatOf(spec, ctx),
    expected: {
      key: 'expect.exit',
      params: { code: spec.exitCode, output: spec.stdoutMatches ?? '' },
    },
    found: {
      key: 'expect.exit',
      params: { code: result.exitCode, output: oneLine(result.stdout, 60) },
    },
  };
}
