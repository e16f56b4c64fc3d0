import type { Catalog } from '../checks/catalog.js';
import { runChecks } from '../checks/run-checks.js';
import type { StatementResult } from '../adapters/sql.js';
import type { ShellResult } from '../checks/catalog.js';
import { stepKind } from '../lessons/lesson.js';
import type { NodeName, StepSpec } from '../lessons/schema.js';
import { fill, shellQuote, sqlLiteral, type TemplateVars } from '../lessons/template.js';
import type { ActionContext, ActionRegistry } from './actions.js';
import type { StepError, StepOutcome, StepOutput } from './outcome.js';
import { versionAllows } from './version.js';
import { checkNeedsLocalFiles, remoteSkip } from './remote-steps.js';

export interface StepDeps {
  vars: TemplateVars;
  catalog: Catalog;
  actions: ActionRegistry;
  runSql(node: NodeName, sql: string, signal?: AbortSignal): Promise<StatementResult[]>;
  runShell(
    script: string,
    opts: { signal?: AbortSignal; onOutput?: (chunk: string) => void },
  ): Promise<ShellResult & { stderr: string }>;
  /** Citus version found on the coordinator ("13.2-1"), when known. */
  citusVersion?: string;
  signal?: AbortSignal;
  onOutput?: (chunk: string) => void;
  onProgress?: ActionContext['onProgress'];
  /** The coordinator's URL when the cluster runs elsewhere (--coordinator, --provider docker). */
  remote?: string;
}

/** Shows what a step will run, values filled in; undefined for a step that only reads. */
export function stepCommand(
  step: StepSpec,
  deps: Pick<StepDeps, 'vars' | 'actions'>,
): string | undefined {
  if (step.sql !== undefined) return fill(step.sql, deps.vars, sqlLiteral);
  if (step.shell !== undefined) return fill(step.shell, deps.vars, shellQuote);
  if (step.action !== undefined) return deps.actions[step.action]?.describe(deps.vars);
  return undefined;
}

/** Runs one step, then its checks. Never throws for what a learner can cause. */
export async function executeStep(given: StepSpec, deps: StepDeps): Promise<StepOutcome> {
  let step = given;
  const started = performance.now();
  const done = (o: Omit<StepOutcome, 'ms'>): StepOutcome => ({
    ...o,
    ms: performance.now() - started,
  });

  if (step.when && !versionAllows(step.when, deps.citusVersion)) {
    return done({
      status: 'skipped',
      output: { kind: 'none' },
      checks: [],
      note: { key: 'step.skippedVersion', params: { version: deps.citusVersion ?? '?' } },
    });
  }
  if (deps.remote !== undefined) {
    const skipped = remoteSkip(step, deps.remote, (name) => name in deps.actions);
    if (skipped)
      return done({ status: 'skipped', output: { kind: 'none' }, checks: [], note: skipped });
    step = { ...step, checks: step.checks.filter((c) => !checkNeedsLocalFiles(c)) };
  }
  const ran = await runBody(step, deps);
  if (ran.error)
    return done({ status: 'failed', output: ran.output, error: ran.error, checks: [] });
  const checks = await runChecks(step.checks, { catalog: deps.catalog, vars: deps.vars });
  const status = checks.every((c) => c.passed) ? 'passed' : 'failed';
  return done({ status, output: ran.output, checks, ...(ran.note && { note: ran.note }) });
}

async function runBody(
  step: StepSpec,
  deps: StepDeps,
): Promise<{ output: StepOutput; error?: StepError; note?: StepOutcome['note'] }> {
  const kind = stepKind(step);
  const expectError =
    step.expectError === undefined ? undefined : new RegExp(step.expectError, 'i');
  try {
    if (kind === 'sql') {
      const results = await deps.runSql(
        step.node ?? 'coordinator',
        fill(step.sql!, deps.vars, sqlLiteral),
        deps.signal,
      );
      if (expectError)
        return {
          output: { kind: 'results', results },
          error: { key: 'step.expectedErrorMissing', params: { pattern: step.expectError! } },
        };
      return { output: { kind: 'results', results } };
    }
    if (kind === 'shell') {
      const result = await deps.runShell(fill(step.shell!, deps.vars, shellQuote), {
        signal: deps.signal,
        onOutput: deps.onOutput,
      });
      const text = [result.stdout, result.stderr].filter(Boolean).join('\n').trimEnd();
      if (expectError) {
        const matched = result.exitCode !== 0 && expectError.test(text);
        return matched
          ? {
              output: { kind: 'text', text },
              note: { key: 'step.expectedError', params: { detail: '' } },
            }
          : {
              output: { kind: 'text', text },
              error: { key: 'step.expectedErrorMissing', params: { pattern: step.expectError! } },
            };
      }
      if (result.exitCode !== 0) {
        return {
          output: { kind: 'text', text },
          error: {
            key: 'step.shellFailed',
            params: { code: result.exitCode },
            detail: result.stderr.trim(),
          },
        };
      }
      return { output: { kind: 'text', text } };
    }
    if (kind === 'action') {
      const action = deps.actions[step.action!];
      if (!action)
        return {
          output: { kind: 'none' },
          error: { key: 'step.unknownAction', params: { action: step.action! } },
        };
      const result = await action.run({
        vars: deps.vars,
        runSql: deps.runSql,
        signal: deps.signal,
        onOutput: deps.onOutput,
        onProgress: deps.onProgress,
      });
      return result.ok
        ? { output: { kind: 'text', text: result.log } }
        : {
            output: { kind: 'text', text: result.log },
            error: result.error ?? { key: 'step.actionFailed' },
          };
    }
    return { output: { kind: 'none' } };
  } catch (error) {
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
    if (expectError && expectError.test(detail)) {
      return { output, note: { key: 'step.expectedError', params: { detail } } };
    }
    if (e?.name === 'NodeUnreachable') {
      return {
        output,
        error: { key: 'step.nodeDown', params: { node: e.node ?? '?', port: e.port ?? 0 }, detail },
      };
    }
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
}
