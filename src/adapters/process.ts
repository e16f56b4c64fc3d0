import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** True when the command was stopped because `signal` was aborted. */
  cancelled?: boolean;
}

const stripFinalNewline = (text: string) => text.replace(/\r?\n$/, '');

/**
 * Runs a program with an argument list (never through a shell), e.g. initdb or pg_ctl. Node's own spawn,
 * not execa: importing execa costs ~90 ms, paid by every command of the program before it does anything.
 * The contract is execa's as this program used it: the environment extends process.env, the output's
 * final newline is stripped, a program that cannot start exits 127 with the reason in stderr, and an
 * aborted `signal` or an expired timeout kills the program (SIGTERM).
 */
export function runCommand(
  file: string,
  args: string[],
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    detached?: boolean;
    signal?: AbortSignal;
    cwd?: string;
    input?: string;
  } = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    if (options.signal?.aborted)
      return resolve({ exitCode: 1, stdout: '', stderr: 'cancelled', cancelled: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    let cancelled = false;
    let child: ReturnType<typeof spawn>;
    const finish = (result: CommandResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => {
      cancelled = true;
      child.kill('SIGTERM');
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      child = spawn(file, args, {
        env: { ...process.env, ...options.env },
        cwd: options.cwd,
        detached: options.detached,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      return resolve({
        exitCode: 127,
        stdout: '',
        stderr: `Command failed: ${file}: ${(error as Error).message}`,
      });
    }
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    if (options.input !== undefined) {
      child.stdin!.on('error', () => undefined); // a program that exits without reading its input
      child.stdin!.end(options.input);
    }
    if (options.timeoutMs) timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) =>
      finish({
        exitCode: 127,
        stdout: '',
        stderr: `Command failed with ${(error as NodeJS.ErrnoException).code ?? 'an error'}: ${file}\n${error.message}`,
      }),
    );
    child.on('close', (code, signal) => {
      finish({
        exitCode:
          code ??
          (signal
            ? 128 +
              (({ SIGTERM: 15, SIGKILL: 9, SIGINT: 2, SIGHUP: 1 } as Record<string, number>)[
                signal
              ] ?? 1)
            : 1),
        stdout: stripFinalNewline(Buffer.concat(stdout).toString()),
        stderr: stripFinalNewline(Buffer.concat(stderr).toString()),
        ...(cancelled && { cancelled: true }),
      });
    });
  });
}

export const currentUid = (): number | undefined => process.getuid?.();
