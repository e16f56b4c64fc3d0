import type { MessageKey, Params } from './i18n/index.js';

/** Exit statuses: the one contract every command shares. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error a learner can act on: a translated message, a hint saying what to do,
 * and the exit status. Only cli.ts turns it into output and an exit.
 */
export class UserError extends Error {
  readonly key: MessageKey;
  readonly params: Params;
  readonly hint: MessageKey | undefined;
  readonly hintParams: Params;
  readonly exitCode: ExitCode;

  constructor(opts: {
    key: MessageKey;
    params?: Params;
    hint?: MessageKey;
    hintParams?: Params;
    exitCode?: ExitCode;
    cause?: unknown;
  }) {
    super(opts.key, { cause: opts.cause });
    this.name = 'UserError';
    this.key = opts.key;
    this.params = opts.params ?? {};
    this.hint = opts.hint;
    this.hintParams = opts.hintParams ?? opts.params ?? {};
    this.exitCode = opts.exitCode ?? ExitCode.usage;
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
