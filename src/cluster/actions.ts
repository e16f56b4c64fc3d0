import type { LabOptions } from '../config/options.js';
import type { ActionRegistry } from '../runner/actions.js';
import type { Discovery } from './discover.js';

/** The cluster operations lesson steps may name as `action: cluster.<name>`. */
export function clusterActions(_options: LabOptions, _discovery: Discovery): ActionRegistry {
  return {};
}
