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
