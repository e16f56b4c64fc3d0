import type { Translate } from '../i18n/index.js';
import type { Problem } from '../lessons/problem.js';

/** "file:line [step] field: message" — enough to find and fix the problem. */
export function problemLines(t: Translate, problems: Problem[]): string[] {
  return problems.map((p) => {
    const where = [p.line ? `${p.file}:${p.line}` : p.file, p.item && `[${p.item}]`, p.field && `${p.field}:`]
      .filter(Boolean)
      .join(' ');
    return `${where} ${t(p.key, p.params)}`;
  });
}
