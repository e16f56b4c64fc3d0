import type { Translate } from '../i18n/index.js';
import type { Progress } from '../runner/actions.js';

/** "120000 / 1000000 rows (12%)" in the learner's language. */
export function progressText(t: Translate, p: Progress): string {
  const percent = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
  return t('progress.line', {
    done: p.done,
    total: p.total,
    unit: t(`progress.${p.unit}`),
    percent,
  });
}

/**
 * Progress for the command line: a line when it moved, at most about once a second, and always the
 * last one.
 */
export function progressLines(
  t: Translate,
  out: (line: string) => void,
  clock: () => number = Date.now,
): (p: Progress) => void {
  let last = Number.NEGATIVE_INFINITY;
  let shown: Progress | undefined;
  return (p) => {
    const end = p.done >= p.total;
    if (shown && p.done === shown.done && p.total === shown.total) return;
    if (clock() - last < 1000 && !end) return;
    last = clock();
    shown = p;
    out(`  … ${progressText(t, p)}`);
  };
}
