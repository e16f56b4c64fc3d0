import type { Catalog } from '../checks/catalog.js';
import { runChecks } from '../checks/run-checks.js';
import type { StatementResult } from '../adapters/sql.js';
import type { ShellResult } from '../checks/catalog.js';
import type { NodeName, StepSpec } from '../lessons/schema.js';
import { fill, shellQuote, sqlLiteral, type TemplateVars } from '../lessons/template.js';
import type { ActionContext, ActionRegistry } from './actions.js';
import type { Translate } from '../i18n/index.js';
import type { StepOutcome } from './outcome.js';
import { runBody } from './step-body.js';
import { versionAllows } from './version.js';
import { checkNeedsLocalFiles, remoteSkip } from './remote-steps.js';

export interface StepDeps {
  vars: TemplateVars;
  /** The learner's language, for the comments an action shows and logs. */
  say: Translate;
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
  deps: Pick<StepDeps, 'vars' | 'actions' | 'say'>,
): string | undefined {
  if (step.sql !== undefined) return fill(step.sql, deps.vars, sqlLiteral);
  if (step.shell !== undefined) return fill(step.shell, deps.vars, shellQuote);
  if (step.action !== undefined) return deps.actions[step.action]?.describe(deps.vars, deps.say);
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
