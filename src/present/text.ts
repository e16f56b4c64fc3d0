import type { CheckResult } from '../checks/result.js';
import type { Translate } from '../i18n/index.js';
import type { StepOutcome } from '../runner/outcome.js';
import { stepKind } from '../lessons/lesson.js';
import type { StepSpec } from '../lessons/schema.js';
import { msg, outputLines } from './output.js';

export { msg };

export const mark = (passed: boolean) => (passed ? '✔' : '✘');

/** Every line of `text` indented under its heading, as the run and reset commands print commands and output. */
export const indent = (text: string, prefix = '  ') =>
  text
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');

/** A step's command as run and reset print it before running it: shell lines behind `$ `. */
export const commandText = (step: StepSpec, command: string) =>
  indent(command, stepKind(step) === 'shell' ? '  $ ' : '  ');

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
