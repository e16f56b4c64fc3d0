import type { CheckSpec, NodeName } from './schema.js';

/**
 * The node a sql check asks: the coordinator unless it names another. Apart from the schema, so a
 * command that only runs checks does not load the schema's validator.
 */
export const sqlNode = (check: Extract<CheckSpec, { kind: 'sql' }>): NodeName =>
  check.node ?? 'coordinator';
