import type { Msg } from '../checks/result.js';
import type { CheckSpec, StepSpec } from '../lessons/schema.js';
import { templateNames } from '../lessons/template.js';

/** Values that name files of the lab folder on this machine: meaningless for a cluster that runs elsewhere. */
const LOCAL_VALUES = /^(labDir|pgBin|socketDir|dataDir)(\.|$)/;

export const needsLocalFiles = (text: string) =>
  templateNames(text).some((name) => LOCAL_VALUES.test(name));

export const checkNeedsLocalFiles = (check: CheckSpec) =>
  check.kind === 'shell' && needsLocalFiles(check.command);

/**
 * On a remote (or Docker) cluster at `url`: a step that builds local nodes (`cluster.*`, with no
 * remote counterpart) was done elsewhere, and a shell step that needs the lab's files is skipped; both say so.
 */
export function remoteSkip(
  step: StepSpec,
  url: string,
  hasAction: (name: string) => boolean,
): Msg | undefined {
  if (step.action?.startsWith('cluster.') && !hasAction(step.action))
    return { key: 'class.remote.doneElsewhere', params: { url } };
  if (step.shell !== undefined && needsLocalFiles(step.shell))
    return { key: 'class.remote.shellSkipped', params: { url } };
  return undefined;
}
