import { ExitCode, UserError } from '../errors.js';
import type { MessageKey, Params } from '../i18n/index.js';

/** A cluster operation that failed: a translated message (with PostgreSQL's own words in `detail`). */
export function clusterError(
  key: MessageKey,
  params: Params,
  hint: MessageKey = 'cluster.hint.log',
  cause?: unknown,
): UserError {
  return new UserError({ key, params, hint, hintParams: params, exitCode: ExitCode.failed, cause });
}

/** Raised between steps when the user pressed Ctrl-C: what is done stays done; `cluster up` finishes it. */
export function cancelledError(): UserError {
  return new UserError({
    key: 'cluster.cancelled',
    hint: 'cluster.hint.upAgain',
    exitCode: ExitCode.failed,
  });
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
