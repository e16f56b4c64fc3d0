import { execa } from 'execa';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** True when the command was stopped because `signal` was aborted. */
  cancelled?: boolean;
}

/** Runs a program with an argument list (never through a shell), e.g. initdb or pg_ctl. */
export async function runCommand(
  file: string,
  args: string[],
  options: { env?: Record<string, string>; timeoutMs?: number; detached?: boolean; signal?: AbortSignal; cwd?: string } = {},
): Promise<CommandResult> {
  const result = await execa(file, args, {
    reject: false,
    env: options.env,
    timeout: options.timeoutMs,
    stdin: 'ignore',
    detached: options.detached,
    cancelSignal: options.signal,
    cwd: options.cwd,
  });
  const failedToStart = result.exitCode === undefined;
  return {
    exitCode: result.exitCode ?? 127,
    stdout: String(result.stdout ?? ''),
    stderr: failedToStart ? String(result.message) : String(result.stderr ?? ''),
    ...(result.isCanceled && { cancelled: true }),
  };
}

export const currentUid = (): number | undefined => process.getuid?.();
