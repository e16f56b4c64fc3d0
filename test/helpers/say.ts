import type { Msg } from '../../src/checks/result.js';
import { translator, type Lang } from '../../src/i18n/index.js';
import { msg } from '../../src/present/output.js';

/** A check's message as the learner reads it. */
export const say = (m: Msg, lang: Lang = 'en') => msg(translator(lang), m);
