import { join } from 'node:path';
import { runCommand, type CommandResult } from '../adapters/process.js';

export const CITUS_IMAGE = 'citusdata/citus:13.2';
export const COMPOSE_FILE = 'docker-compose.yaml';

export const composePath = (labDir: string) => join(labDir, COMPOSE_FILE);
/** One Compose project per lab, named by its first port, so two labs never share containers. */
export const projectName = (basePort: number) => `citus-lab-${basePort}`;

/** `docker compose` on the lab's file; what it says is returned, never thrown. */
export function compose(
  labDir: string,
  basePort: number,
  args: string[],
  signal?: AbortSignal,
): Promise<CommandResult> {
  return runCommand(
    'docker',
    ['compose', '-f', composePath(labDir), '-p', projectName(basePort), ...args],
    { env: { PATH: process.env.PATH ?? '' }, ...(signal && { signal }) },
  );
}

export const describeCompose = (labDir: string, basePort: number, args: string[]) =>
  ['docker', 'compose', '-f', composePath(labDir), '-p', projectName(basePort), ...args].join(' ');

/** True where a Docker engine answers. */
export async function dockerAvailable(): Promise<boolean> {
  const info = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}'], {
    env: { PATH: process.env.PATH ?? '' },
    timeoutMs: 10_000,
  });
  return info.exitCode === 0;
}
