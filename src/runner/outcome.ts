import type { CheckResult, Msg } from '../checks/result.js';
import type { StatementResult } from '../adapters/sql.js';

export type StepOutput =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'results'; results: StatementResult[] };

export interface StepError extends Msg {
  /** PostgreSQL's own message, shown as it is next to the translated one. */
  detail?: string;
  position?: number;
}

export interface StepOutcome {
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  output: StepOutput;
  error?: StepError;
  /** Why a step was skipped, or what an expected error looked like. */
  note?: Msg;
  checks: CheckResult[];
}

export const failedChecks = (o: StepOutcome) => o.checks.filter((c) => !c.passed);
