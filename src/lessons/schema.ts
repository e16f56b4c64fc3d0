import { z } from 'zod';

/**
 * The language-neutral half of a lesson: `lesson.yaml`. Prose lives in es.md / en.md.
 * Validation messages are message keys, translated where problems are shown (see schema-issues.ts).
 */

import { NODE_NAMES } from './nodes.js';

export { NODE_NAMES, type NodeName } from './nodes.js';
export const nodeName = z.enum(NODE_NAMES);

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lint.idFormat');

/** A value an expectation compares with: literal, or a `{{var}}` filled at run time. */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const expectation = z
  .object({
    equals: scalar.optional(),
    atLeast: z.union([z.number(), z.string()]).optional(),
    atMost: z.union([z.number(), z.string()]).optional(),
    matches: z.string().optional(),
    rows: z.array(z.array(scalar)).optional(),
    empty: z.boolean().optional(),
  })
  .strict()
  .refine((e) => Object.keys(e).length > 0, 'lint.expectationEmpty');
export type Expectation = z.infer<typeof expectation>;

const nodesSelector = z.union([z.literal('all'), z.array(nodeName)]);

/**
 * Fields every check may carry. `transient`: true right after its step, but a later lesson may
 * legitimately change it (worker 3 not yet added); `check` stops asking it once a later lesson began.
 */
const common = { transient: z.boolean().optional() };

const checkKinds = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sql'),
      ...common,
      /** Where the query runs: the coordinator when not named (sqlNode). */
      node: nodeName.optional(),
      /**
       * `workers`: the query runs on every active worker instead, side by side, and the first cells of
       * their answers are added up (a per-shard question each worker answers for its own shards): a
       * number, so no `node` and no `rows` or `empty` expectation.
       */
      sumOver: z.literal('workers').optional(),
      query: z.string().min(1),
      expect: expectation,
    })
    .strict(),
  z
    .object({
      kind: z.literal('explain'),
      ...common,
      node: nodeName.default('coordinator'),
      /** The statement to plan, without EXPLAIN: the check adds EXPLAIN (COSTS OFF). */
      query: z.string().min(1),
      /** How many tasks (shard queries) Citus's plan sends: 1 for a routed query. */
      taskCount: expectation,
    })
    .strict(),
  z
    .object({
      kind: z.literal('nodes'),
      ...common,
      workers: z.array(nodeName),
      coordinator: z.boolean().default(true),
      absent: z.array(nodeName).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('table'),
      ...common,
      table: z.string().min(1),
      type: z.enum(['distributed', 'reference', 'local']),
      distributionColumn: z.string().optional(),
      shardCount: z.number().int().positive().optional(),
      accessMethod: z.enum(['heap', 'columnar']).optional(),
      colocatedWith: z.string().optional(),
      /** Nodes holding a placement; `all` is every active node in pg_dist_node. */
      placedOn: z.union([z.literal('all'), z.array(nodeName)]).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('shards-balanced'),
      ...common,
      table: z.string().min(1),
      /** The nodes to compare; `workers` is every active worker in pg_dist_node, however many. */
      across: z.union([z.literal('workers'), z.array(nodeName).min(1)]),
      maxDifference: z.number().int().nonnegative().default(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('row-count'),
      ...common,
      table: z.string().min(1),
      expect: expectation,
    })
    .strict(),
  z
    .object({
      kind: z.literal('setting'),
      ...common,
      name: z.string().regex(/^[a-z_.]+$/),
      nodes: nodesSelector.default('all'),
      expect: expectation,
    })
    .strict(),
  z
    .object({
      kind: z.literal('extension'),
      ...common,
      name: z.string().regex(/^[a-z_]+$/),
      nodes: nodesSelector.default('all'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('shell'),
      ...common,
      command: z.string().min(1),
      exitCode: z.number().int().default(0),
      stdoutMatches: z.string().optional(),
    })
    .strict(),
]);
export const checkSpec = checkKinds.superRefine((check, ctx) => {
  if (check.kind !== 'sql' || !check.sumOver) return;
  if (check.node !== undefined)
    ctx.addIssue({ code: 'custom', path: ['node'], message: 'lint.sumOverNode' });
  if (check.expect.rows !== undefined || check.expect.empty !== undefined)
    ctx.addIssue({ code: 'custom', path: ['expect'], message: 'lint.sumOverRows' });
});
export type CheckSpec = z.infer<typeof checkSpec>;

export type CheckKind = CheckSpec['kind'];

const when = z
  .object({
    citusAtLeast: z
      .string()
      .regex(/^\d+\.\d+$/)
      .optional(),
    citusBelow: z
      .string()
      .regex(/^\d+\.\d+$/)
      .optional(),
  })
  .strict();

export const stepSpec = z
  .object({
    id,
    sql: z.string().min(1).optional(),
    shell: z.string().min(1).optional(),
    action: z
      .string()
      .regex(/^[a-z]+(\.[a-z0-9-]+)*$/)
      .optional(),
    node: nodeName.optional(),
    /** The step demonstrates an error: it passes when the statement fails with a message matching this. */
    expectError: z.string().optional(),
    when: when.optional(),
    timeoutSeconds: z.number().positive().optional(),
    checks: z.array(checkSpec).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const runnable = [s.sql, s.shell, s.action].filter((x) => x !== undefined).length;
    if (runnable > 1) ctx.addIssue({ code: 'custom', message: 'lint.stepOneRunnable' });
    if (s.node && s.sql === undefined)
      ctx.addIssue({ code: 'custom', path: ['node'], message: 'lint.nodeWithSql' });
    if (s.expectError !== undefined && s.sql === undefined && s.shell === undefined)
      ctx.addIssue({ code: 'custom', path: ['expectError'], message: 'lint.expectErrorWith' });
  });
export type StepSpec = z.infer<typeof stepSpec>;

export const exerciseSpec = z
  .object({
    id,
    choice: z
      .object({ options: z.array(id).min(2), answer: id })
      .strict()
      .refine((c) => c.options.includes(c.answer), 'lint.answerInOptions')
      .optional(),
    checks: z.array(checkSpec).default([]),
    solution: z
      .object({ sql: z.string().min(1), node: nodeName.default('coordinator') })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (!e.choice && e.checks.length === 0)
      ctx.addIssue({ code: 'custom', message: 'lint.exerciseKind' });
    if (!e.choice && !e.solution)
      ctx.addIssue({ code: 'custom', path: ['solution'], message: 'lint.needsSolution' });
  });
export type ExerciseSpec = z.infer<typeof exerciseSpec>;

export const resetSpec = z
  .object({
    sql: z.string().min(1).optional(),
    node: nodeName.default('coordinator'),
    action: z
      .string()
      .regex(/^[a-z]+(\.[a-z0-9-]+)*$/)
      .optional(),
  })
  .strict()
  .refine((r) => (r.sql === undefined) !== (r.action === undefined), 'lint.resetEntry');
export type ResetSpec = z.infer<typeof resetSpec>;

export const lessonSpec = z
  .object({
    requires: z.array(id).default([]),
    minutes: z.number().int().positive().optional(),
    needsCluster: z.boolean().default(true),
    steps: z.array(stepSpec).min(1),
    exercises: z.array(exerciseSpec).min(1),
    reset: z.array(resetSpec).default([]),
  })
  .strict();
export type LessonSpec = z.infer<typeof lessonSpec>;
