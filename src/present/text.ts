import type { CheckResult } from '../checks/result.js';
import type { Translate } from '../i18n/index.js';
import type { StepOutcome } from '../runner/outcome.js';
import { msg, outputLines } from './output.js';

export { msg };

export const mark = (passed: boolean) => (passed ? '✔' : '✘');

/** Every line of `text` indented under its heading, as the run and reset commands print commands and output. */
export const indent = (text: string, prefix = '  ') =>
  text
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');

export function checkLines(t: Translate, checks: CheckResult[]): string[] {
  return checks.flatMap((c) => {
    const head = `  ${mark(c.passed)} ${msg(t, c.what)}`;
    if (c.passed) return [head];
    return [
      head,
      `      ${t('check.expected')}: ${msg(t, c.expected)}`,
      `      ${t('check.found')}: ${msg(t, c.found)}`,
    ];
  });
}

/** The output of a step as plain text lines, in the learner's language: the UI's output pane, uncoloured. */
export function outcomeLines(
  t: Translate,
  outcome: StepOutcome,
  opts: { textShown?: boolean } = {},
): string[] {
  const lines = outputLines(t, outcome, 120, 20, opts).map((l) => `  ${l.text}`);
  return [...lines, ...checkLines(t, outcome.checks)];
}
