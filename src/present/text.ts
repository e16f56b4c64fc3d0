import type { CheckResult, Msg } from '../checks/result.js';
import type { Translate } from '../i18n/index.js';
import type { StepOutcome } from '../runner/outcome.js';
import { formatTable } from './table.js';

export const msg = (t: Translate, m: Msg) => t(m.key, m.params);

export const mark = (passed: boolean) => (passed ? '✔' : '✘');

export function checkLines(t: Translate, checks: CheckResult[]): string[] {
  return checks.flatMap((c) => {
    const head = `  ${mark(c.passed)} ${msg(t, c.what)}`;
    if (c.passed) return [head];
    return [head, `      ${t('check.expected')}: ${msg(t, c.expected)}`, `      ${t('check.found')}: ${msg(t, c.found)}`];
  });
}

/** The output of a step as plain text lines, in the learner's language. */
export function outcomeLines(t: Translate, outcome: StepOutcome, opts: { textShown?: boolean } = {}): string[] {
  const lines: string[] = [];
  const out = outcome.output;
  if (out.kind === 'text' && out.text.trim() && !opts.textShown) lines.push(...out.text.trimEnd().split('\n').map((l) => `  ${l}`));
  if (out.kind === 'results') {
    for (const r of out.results) {
      if (r.columns.length === 0) {
        lines.push(`  ${r.command}${r.rowCount ? ` ${r.rowCount}` : ''}`.trimEnd());
        continue;
      }
      const table = formatTable(r.columns, r.rows);
      lines.push(...table.lines.map((l) => `  ${l}`));
      lines.push(`  ${t(r.rows.length === 1 ? 'output.row' : 'output.rows', { count: r.rows.length })}${table.hidden ? ` ${t('output.hidden', { count: table.hidden })}` : ''}`);
    }
  }
  if (outcome.note) lines.push(`  ${msg(t, outcome.note)}`);
  if (outcome.error) {
    lines.push(`  ${mark(false)} ${msg(t, outcome.error)}`);
    if (outcome.error.detail) lines.push(`    ${outcome.error.detail}`);
  }
  lines.push(...checkLines(t, outcome.checks));
  return lines;
}
