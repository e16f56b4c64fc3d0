import { ExitCode, UserError } from '../errors.js';
import type { LabOptions } from '../config/options.js';
import type { Discovery, PostgresInstall } from './discover.js';
import { preflight, type PreflightItem } from './preflight.js';
import { ownRunningNodes } from './status.js';
import { requireMatchingData } from './data-version.js';
import { layoutOf } from './layout.js';

/** The first preflight failure as an error the learner can act on (message + what to do), or undefined. */
export function firstFailure(items: PreflightItem[]): UserError | undefined {
  const failed = items.find((i) => !i.ok);
  if (!failed) return undefined;
  return new UserError({
    key: failed.detail.key,
    params: failed.detail.params,
    ...(failed.fix && { hint: failed.fix.key, hintParams: failed.fix.params ?? {} }),
    exitCode: ExitCode.usage,
  });
}

/** Runs the preflight and throws before anything is created when something is missing. */
export async function requireReady(
  options: LabOptions,
  discovery: Discovery,
  uid?: number,
): Promise<PostgresInstall> {
  const ownRunning = await ownRunningNodes(options.labDir);
  const items = await preflight({
    options,
    discovery,
    ownRunning,
    ...(uid !== undefined && { uid }),
  });
  const failure = firstFailure(items);
  if (failure) throw failure;
  await requireMatchingData(layoutOf(options), discovery.chosen!);
  return discovery.chosen!;
}

/** For commands that only start or stop what exists: PostgreSQL's programs are needed, nothing else. */
export function requireInstall(discovery: Discovery): PostgresInstall {
  if (discovery.chosen) return discovery.chosen;
  throw discovery.badPgBin
    ? new UserError({
        key: 'doctor.badPgBin',
        params: { dir: discovery.badPgBin },
        hint: 'fix.pgBin',
      })
    : new UserError({ key: 'doctor.noPostgres', hint: 'fix.installPostgres' });
}
