/** The lab's four nodes, by the names lessons use (kept apart from the schema so reading them loads no zod). */
export const NODE_NAMES = ['coordinator', 'worker1', 'worker2', 'worker3'] as const;
export type NodeName = (typeof NODE_NAMES)[number];
