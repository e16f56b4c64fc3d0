import type { MessageKey, Params } from '../i18n/index.js';
import type { CheckKind } from '../lessons/schema.js';

/** A translatable piece of text: rendered in the learner's language only at the edge. */
export interface Msg {
  key: MessageKey;
  params?: Params;
  /** Pieces rendered one by one and joined with commas into the `{parts}` placeholder. */
  parts?: Msg[];
}

export interface CheckResult {
  kind: CheckKind | 'choice';
  passed: boolean;
  /** What was checked, e.g. "activity_log is distributed by user_id". */
  what: Msg;
  expected: Msg;
  found: Msg;
}

export const raw = (value: unknown): Msg => ({
  key: 'value.raw',
  params: { value: display(value) },
});

export function display(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return value.map(display).join(value.some(Array.isArray) ? '; ' : ', ');
  return String(value);
}
