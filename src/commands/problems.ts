import { messageCatalog, type MessageKey, type Translate } from '../i18n/index.js';
import type { Problem } from '../lessons/problem.js';

/** How to fix a problem: every lint key has its own fix; schema details share one. */
export function problemFix(t: Translate, p: Problem): string {
  const name = p.key.replace(/^lint\./, '');
  const key = (
    `lintfix.${name}` in messageCatalog('en') ? `lintfix.${name}` : 'lintfix.schema'
  ) as MessageKey;
  return t(key, { item: p.item ?? '', ...p.params });
}

/** "file:line [step] field: message", then the fix: enough to find and mend the problem. */
export function problemLines(t: Translate, problems: Problem[]): string[] {
  return problems.flatMap((p) => {
    const where = [
      p.line ? `${p.file}:${p.line}` : p.file,
      p.item && `[${p.item}]`,
      p.field && `${p.field}:`,
    ]
      .filter(Boolean)
      .join(' ');
    return [`${where} ${t(p.key, p.params)}`, `    → ${problemFix(t, p)}`];
  });
}
