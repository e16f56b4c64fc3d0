import { say } from '../helpers/say.js';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/checks/run-checks.js';
import { taskCountOf } from '../../src/checks/kinds/explain.js';
import { checkSpec, type CheckSpec } from '../../src/lessons/schema.js';
import { contextFor, snapshot } from '../helpers/snapshot.js';

const routed = [
  ['Custom Scan (Citus Adaptive)'],
  ['  Task Count: 1'],
  ['  Tasks Shown: All'],
  ['  ->  Task'],
  ['        Node: host=127.0.0.1 port=55165 dbname=postgres'],
  ['        ->  Index Scan using activity_log_pkey_102009 on activity_log_102009 activity_log'],
  ['              Index Cond: (user_id = 1)'],
];
const fanned = [
  ['Custom Scan (Citus Adaptive)'],
  ['  Task Count: 32'],
  ['  Tasks Shown: One of 32'],
  ['  ->  Task'],
];
const local = [['Seq Scan on notes']];

const plans = snapshot([
  [
    'query',
    ['coordinator', 'EXPLAIN (COSTS OFF) SELECT * FROM activity_log WHERE user_id = 1'],
    { columns: ['QUERY PLAN'], rows: routed },
  ],
  [
    'query',
    ['coordinator', 'EXPLAIN (COSTS OFF) SELECT count(*) FROM activity_log'],
    { columns: ['QUERY PLAN'], rows: fanned },
  ],
  [
    'query',
    ['coordinator', 'EXPLAIN (COSTS OFF) SELECT * FROM notes'],
    { columns: ['QUERY PLAN'], rows: local },
  ],
]);
const check = (raw: Record<string, unknown>) =>
  runCheck(checkSpec.parse({ kind: 'explain', ...raw }) as CheckSpec, contextFor(plans));

describe('explain check', () => {
  it('reads the task count from a Citus plan', () => {
    expect(taskCountOf(routed.map((r) => r[0]!))).toBe(1);
    expect(taskCountOf(fanned.map((r) => r[0]!))).toBe(32);
    expect(taskCountOf(local.map((r) => r[0]!))).toBeNull();
  });

  it('passes when a query on one user_id is routed to one task', async () => {
    const r = await check({
      query: 'SELECT * FROM activity_log WHERE user_id = 1',
      taskCount: { equals: 1 },
    });
    expect(r.passed).toBe(true);
    expect(say(r.found)).toBe('Task Count 1');
  });

  it('fails when one task was expected but the plan fans out, saying how many', async () => {
    const r = await check({ query: 'SELECT count(*) FROM activity_log', taskCount: { equals: 1 } });
    expect(r.passed).toBe(false);
    expect(say(r.expected)).toBe('Task Count = 1');
    expect(say(r.found)).toBe('Task Count 32');
    expect(
      (await check({ query: 'SELECT count(*) FROM activity_log', taskCount: { atLeast: 2 } }))
        .passed,
    ).toBe(true);
  });

  it('fails on a plain PostgreSQL plan, which has no tasks', async () => {
    const r = await check({ query: 'SELECT * FROM notes', taskCount: { equals: 1 } });
    expect(r.passed).toBe(false);
    expect(say(r.found)).toContain('no Citus task count');
  });

  it('fails, without throwing, when the query cannot be planned', async () => {
    const r = await check({ query: 'SELECT * FROM ghost', taskCount: { equals: 1 } });
    expect(r.passed).toBe(false);
    expect(r.found.key).toBe('found.error');
  });
});
