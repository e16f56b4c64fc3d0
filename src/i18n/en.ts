import { core } from './en/core.js';
import { klass } from './en/class.js';
import { cluster } from './en/cluster.js';
import { ui } from './en/ui.js';
import { lessons } from './en/lessons.js';
import { lessons2 } from './en/lessons2.js';
import { reliability } from './en/reliability.js';
import { lint } from './en/lint.js';
import { actions } from './en/actions.js';

export const en = {
  ...core,
  ...klass,
  ...cluster,
  ...ui,
  ...lessons,
  ...lessons2,
  ...reliability,
  ...lint,
  ...actions,
} as const;
