import type { StatementResult } from '../adapters/sql.js';
import { stepKind } from '../lessons/lesson.js';
import type { StepSpec } from '../lessons/schema.js';
import { fill, shellQuote, sqlLiteral } from '../lessons/template.js';
import type { StepDeps } from './execute-step.js';
import type { StepError, StepOutcome, StepOutput } from './outcome.js';

/** What running a step's own SQL, shell or action gave, before its checks. */
export interface BodyResult {
  output: StepOutput;
  error?: StepError;
  note?: StepOutcome['note'];
}

/** The step's `expectError`: the error the step exists to show (a refusal Citus makes). */
type Expected = { pattern: string; regex: RegExp } | undefined;

const missing = (output: StepOutput, expected: NonNullable<Expected>): BodyResult => ({
  output,
  error: { key: 'step.expectedErrorMissing', params: { pattern: expected.pattern } },
});

async function sqlBody(step: StepSpec, deps: StepDeps, expected: Expected): Promise<BodyResult> {
  const results = await deps.runSql(
    step.node ?? 'coordinator',
    fill(step.sql!, deps.vars, sqlLiteral),
    deps.signal,
  );
  const output: StepOutput = { kind: 'results', results };
  return expected ? missing(output, expected) : { output };
}

async function shellBody(step: StepSpec, deps: StepDeps, expected: Expected): Promise<BodyResult> {
  const result = await deps.runShell(fill(step.shell!, deps.vars, shellQuote), {
    signal: deps.signal,
    onOutput: deps.onOutput,
  });
  const text = [result.stdout, result.stderr].filter(Boolean).join('\n').trimEnd();
  const output: StepOutput = { kind: 'text', text };
  // A cancelled command ends with a signal's exit status: that is the learner's doing, not a failure.
  if (deps.signal?.aborted) return { output, error: { key: 'step.cancelled' } };
  if (expected)
    return result.exitCode !== 0 && expected.regex.test(text)
      ? { output, note: { key: 'step.expectedError', params: { detail: '' } } }
      : missing(output, expected);
  if (result.exitCode !== 0)
    return {
      output,
      error: {
        key: 'step.shellFailed',
        params: { code: result.exitCode },
        detail: result.stderr.trim(),
      },
    };
  return { output };
}

async function actionBody(step: StepSpec, deps: StepDeps): Promise<BodyResult> {
  const action = deps.actions[step.action!];
  if (!action)
    return {
      output: { kind: 'none' },
      error: { key: 'step.unknownAction', params: { action: step.action! } },
    };
  const result = await action.run({
    vars: deps.vars,
    say: deps.say,
    runSql: deps.runSql,
    signal: deps.signal,
    onOutput: deps.onOutput,
    onProgress: deps.onProgress,
    ...(deps.remote !== undefined && { remote: deps.remote }),
  });
  const output: StepOutput = { kind: 'text', text: result.log };
  return result.ok ? { output } : { output, error: result.error ?? { key: 'step.actionFailed' } };
}

/** A thrown error as the learner sees it: expected, a node down, cancelled, or refused SQL. */
function thrown(error: unknown, deps: StepDeps, expected: Expected): BodyResult {
  const e = error as {
    message?: string;
    position?: number;
    name?: string;
    node?: string;
    port?: number;
    partial?: StatementResult[];
  };
  const detail = e?.message ?? String(error);
  // What ran before the failing statement is shown, as psql shows it.
  const output: StepOutput = e?.partial?.length
    ? { kind: 'results', results: e.partial }
    : { kind: 'none' };
  if (expected?.regex.test(detail))
    return { output, note: { key: 'step.expectedError', params: { detail } } };
  if (e?.name === 'NodeUnreachable')
    return {
      output,
      error: { key: 'step.nodeDown', params: { node: e.node ?? '?', port: e.port ?? 0 }, detail },
    };
  if (deps.signal?.aborted) return { output, error: { key: 'step.cancelled' } };
  return {
    output,
    error: {
      key: 'step.sqlFailed',
      detail,
      ...(e?.position !== undefined && { position: e.position }),
    },
  };
}

/** Runs a step's SQL, shell or action. Never throws for what a learner can cause. */
export async function runBody(step: StepSpec, deps: StepDeps): Promise<BodyResult> {
  const expected: Expected =
    step.expectError === undefined
      ? undefined
      : { pattern: step.expectError, regex: new RegExp(step.expectError, 'i') };
  try {
    switch (stepKind(step)) {
      case 'sql':
        return await sqlBody(step, deps, expected);
      case 'shell':
        return await shellBody(step, deps, expected);
      case 'action':
        return await actionBody(step, deps);
      case 'read':
        return { output: { kind: 'none' } };
    }
  } catch (error) {
    return thrown(error, deps, expected);
  }
}
