import type { en } from './en.js';
import { core } from './es/core.js';
import { klass } from './es/class.js';
import { cluster } from './es/cluster.js';
import { ui } from './es/ui.js';
import { lessons } from './es/lessons.js';
import { lessons2 } from './es/lessons2.js';
import { reliability } from './es/reliability.js';
import { lint } from './es/lint.js';
import { actions } from './es/actions.js';

/** Spanish: the compiler refuses a key English has and Spanish lacks (and the reverse). */
export const es: Record<keyof typeof en, string> = {
  ...core,
  ...klass,
  ...cluster,
  ...ui,
  ...lessons,
  ...lessons2,
  ...reliability,
  ...lint,
  ...actions,
};
