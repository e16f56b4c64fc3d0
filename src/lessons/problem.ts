import type { MessageKey, Params } from '../i18n/index.js';

/** One thing wrong with a lesson folder: where it is and what to do, as a translatable message. */
export interface Problem {
  file: string;
  line?: number;
  /** The step or exercise id, when the problem belongs to one. */
  item?: string;
  field?: string;
  key: MessageKey;
  params?: Params;
}
