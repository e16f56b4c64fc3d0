import type { Translate } from '../i18n/index.js';
import type { StepOutcome } from '../runner/outcome.js';
import type { Msg } from '../checks/result.js';
import { formatTable } from './table.js';

export interface OutputLine {
  text: string;
  tone?: 'error' | 'note' | 'dim';
}

export const msg = (t: Translate, m: Msg): string =>
  t(m.key, m.parts ? { ...m.params, parts: m.parts.map((p) => msg(t, p)).join(', ') } : m.params);

/**
 * A finished step's output for the output pane: shell text, SQL results as aligned tables cut at
 * `maxRows` with a row count, and errors in the learner's language next to PostgreSQL's own message.
 */
export function outputLines(
  t: Translate,
  outcome: StepOutcome,
  width: number,
  maxRows = 8,
  opts: { textShown?: boolean } = {},
): OutputLine[] {
  const lines: OutputLine[] = [];
  const out = outcome.output;
  if (out.kind === 'text' && out.text.trim() && !opts.textShown)
    lines.push(
      ...out.text
        .trimEnd()
        .split('\n')
        .map((text) => ({ text })),
    );
  if (out.kind === 'results') {
    for (const r of out.results) {
      lines.push(...(r.notices ?? []).map((text) => ({ text, tone: 'note' as const })));
      if (r.columns.length === 0) {
        lines.push({ text: `${r.command}${r.rowCount ? ` ${r.rowCount}` : ''}`, tone: 'dim' });
        continue;
      }
      const table = formatTable(r.columns, r.rows, maxRows, width);
      lines.push(...table.lines.map((text) => ({ text })));
      // A long result arrives cut (the adapter counts the rows it did not keep).
      const total = Math.max(r.rowCount ?? 0, r.rows.length);
      const hidden = table.hidden + (total - r.rows.length);
      const count = t(total === 1 ? 'output.row' : 'output.rows', { count: total });
      lines.push({
        text: hidden ? `${count} ${t('output.hidden', { count: hidden })}` : count,
        tone: 'dim',
      });
    }
  }
  if (outcome.note) lines.push({ text: msg(t, outcome.note), tone: 'note' });
  if (outcome.error) {
    lines.push({ text: `✘ ${msg(t, outcome.error)}`, tone: 'error' });
    if (outcome.error.detail)
      lines.push(
        ...outcome.error.detail
          .split('\n')
          .map((text) => ({ text: `  ${text}`, tone: 'error' as const })),
      );
    if (outcome.error.position !== undefined)
      lines.push({
        text: `  ${t('ui.output.position', { position: outcome.error.position })}`,
        tone: 'error',
      });
  }
  return lines;
}

/** 1234 ms -> "1.2 s"; 65000 -> "1:05"; 5712000 (a learner's morning) -> "1:35:12". */
export function elapsed(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const two = (n: number) => String(Math.floor(n)).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}:${two(s % 60)}`;
  return `${Math.floor(s / 3600)}:${two((s % 3600) / 60)}:${two(s % 60)}`;
}
