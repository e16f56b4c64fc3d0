import type { StepSpec } from '../lessons/schema.js';

/** "13.2-1" or "12.1.5" -> [13, 2]. */
export function majorMinor(version: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const compare = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];

/** Unknown versions run every step: the checks still say whether it worked. */
export function versionAllows(
  when: NonNullable<StepSpec['when']>,
  version: string | undefined,
): boolean {
  const found = version ? majorMinor(version) : undefined;
  if (!found) return true;
  if (when.citusAtLeast && compare(found, majorMinor(when.citusAtLeast)!) < 0) return false;
  if (when.citusBelow && compare(found, majorMinor(when.citusBelow)!) >= 0) return false;
  return true;
}
