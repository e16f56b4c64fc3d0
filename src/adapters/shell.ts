import type { ShellResult } from '../checks/catalog.js';
import { runCommand } from './process.js';

export interface ShellOptions {
  cwd?: string;
  env?: Record<string, string>;
  signal?: AbortSignal;
  onOutput?: (chunk: string) => void;
}

/** Runs a lesson's shell step through bash (values in it were quoted when the template was filled). */
export async function runShell(
  script: string,
  options: ShellOptions = {},
): Promise<ShellResult & { stderr: string }> {
  // zx loads when a shell step first runs (~100 ms): `check` and the UI's first frame do not pay for it.
  const { $ } = await import('zx');
  const shell = $({
    quiet: true,
    nothrow: true,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    signal: options.signal,
  });
  const child = shell`bash -c ${script}`;
  if (options.onOutput) {
    child.stdout.on('data', (d: Buffer) => options.onOutput!(d.toString()));
    child.stderr.on('data', (d: Buffer) => options.onOutput!(d.toString()));
  }
  const result = await child;
  return { exitCode: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A check's shell question (`test -d ...`): the same `bash -c`, without zx, whose import would cost a
 * `check` ~100 ms; a question needs no streamed output and no cancelling.
 */
export async function askShell(
  script: string,
  options: Pick<ShellOptions, 'cwd' | 'env'> = {},
): Promise<ShellResult> {
  const r = await runCommand('bash', ['-c', script], { cwd: options.cwd, env: options.env });
  return { exitCode: r.exitCode, stdout: r.stdout };
}
