import { say } from '../helpers/say.js';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/checks/run-checks.js';
import { checkSpec, type CheckSpec } from '../../src/lessons/schema.js';
import { contextFor, healthyLab } from '../helpers/snapshot.js';
import type { CatalogSnapshot } from '../../src/checks/recorded-catalog.js';
import { answerKey } from '../../src/checks/recorded-catalog.js';

const spec = (raw: Record<string, unknown>) => checkSpec.parse(raw) as CheckSpec;
const check = (raw: Record<string, unknown>, snap: CatalogSnapshot = healthyLab()) =>
  runCheck(spec(raw), contextFor(snap));

/** Changes one recorded answer: the way a test makes the cluster wrong. */
function broken(method: string, args: unknown[], change: (value: any) => unknown): CatalogSnapshot {
  const snap = healthyLab();
  const entry = snap.answers[answerKey(method, args)] as { value: unknown };
  entry.value = change(structuredClone(entry.value));
  return snap;
}

describe('check kinds, each passing on the right state and failing on a wrong one', () => {
  it('nodes: passes with the coordinator and both workers', async () => {
    expect((await check({ kind: 'nodes', workers: ['worker1', 'worker2'] })).passed).toBe(true);
  });
  it('nodes: fails when a worker is missing, saying which were found', async () => {
    const r = await check(
      { kind: 'nodes', workers: ['worker1', 'worker2'] },
      broken('nodes', [], (n) => n.slice(0, 2)),
    );
    expect(r.passed).toBe(false);
    expect(say(r.expected)).toContain('worker2:55166');
    expect(say(r.found)).toBe('coordinator (group 0) and workers: worker1:55165');
  });
  it('nodes: fails without the coordinator row', async () => {
    const r = await check(
      { kind: 'nodes', workers: ['worker1', 'worker2'] },
      broken('nodes', [], (n) => n.slice(1)),
    );
    expect(r.passed).toBe(false);
    expect(say(r.found)).toContain('no coordinator row');
  });
  it('nodes: fails when worker3 was added too early', async () => {
    const snap = broken('nodes', [], (n) => [
      ...n,
      { ...n[2], nodeid: 4, groupid: 3, nodeport: 55167 },
    ]);
    expect(
      (await check({ kind: 'nodes', workers: ['worker1', 'worker2'], absent: ['worker3'] }, snap))
        .passed,
    ).toBe(false);
  });

  it('table: passes for the right distribution column and shard count', async () => {
    expect(
      (
        await check({
          kind: 'table',
          table: 'activity_log',
          type: 'distributed',
          distributionColumn: 'user_id',
          shardCount: 32,
          accessMethod: 'heap',
        })
      ).passed,
    ).toBe(true);
  });
  it('table: fails on a wrong distribution column, naming the one found', async () => {
    const snap = broken('citusTables', [], (ts) =>
      ts.map((x: any) =>
        x.tableName === 'activity_log' ? { ...x, distributionColumn: 'log_id' } : x,
      ),
    );
    const r = await check(
      { kind: 'table', table: 'activity_log', type: 'distributed', distributionColumn: 'user_id' },
      snap,
    );
    expect(r.passed).toBe(false);
    expect(say(r.found)).toContain('by log_id');
    expect(say(r.expected)).toContain('by user_id');
    // Citus's own words stay as the catalog has them; what links them is in the learner's language.
    expect(say(r.found, 'es')).toBe('distributed, por log_id, 32 shards, heap');
    expect(say(r.expected, 'es')).toBe('distributed, por user_id');
  });
  it('table: fails on a heap table where columnar was asked', async () => {
    const r = await check({
      kind: 'table',
      table: 'activity_log',
      type: 'distributed',
      accessMethod: 'columnar',
    });
    expect(r.passed).toBe(false);
    expect(say(r.found)).toContain('heap');
  });
  it('table: a plain local table is not distributed', async () => {
    const r = await check({ kind: 'table', table: 'notes', type: 'distributed' });
    expect(r.passed).toBe(false);
    expect(say(r.found)).toMatch(/^local/);
    expect((await check({ kind: 'table', table: 'notes', type: 'local' })).passed).toBe(true);
  });
  it('table: a missing table says so', async () => {
    const r = await check({ kind: 'table', table: 'ghost', type: 'distributed' });
    expect(say(r.found)).toBe('no table named ghost');
  });
  it('table: checks colocation and placement of a reference table on every node', async () => {
    const snap = healthyLab();
    snap.answers[answerKey('relation', ['clicks'])] = { value: { accessMethod: 'heap' } };
    expect(
      (
        await check(
          { kind: 'table', table: 'clicks', type: 'distributed', colocatedWith: 'activity_log' },
          snap,
        )
      ).passed,
    ).toBe(true);
    expect(
      (
        await check({
          kind: 'table',
          table: 'puestos',
          type: 'reference',
          placedOn: ['coordinator', 'worker1', 'worker2'],
        })
      ).passed,
    ).toBe(true);
    const missingCopy = broken('placementsPerNode', [], (s) =>
      s.filter((x: any) => !(x.tableName === 'puestos' && x.nodeport === 55166)),
    );
    expect(
      (
        await check(
          {
            kind: 'table',
            table: 'puestos',
            type: 'reference',
            placedOn: ['coordinator', 'worker1', 'worker2'],
          },
          missingCopy,
        )
      ).passed,
    ).toBe(false);
  });

  it('shards-balanced: passes at 16/16 and fails at 30/2', async () => {
    expect(
      (
        await check({
          kind: 'shards-balanced',
          table: 'activity_log',
          across: ['worker1', 'worker2'],
        })
      ).passed,
    ).toBe(true);
    const snap = broken('placementsPerNode', [], (s) =>
      s.map((x: any) =>
        x.tableName === 'activity_log' ? { ...x, shards: x.nodeport === 55165 ? 30 : 2 } : x,
      ),
    );
    const r = await check(
      { kind: 'shards-balanced', table: 'activity_log', across: ['worker1', 'worker2'] },
      snap,
    );
    expect(r.passed).toBe(false);
    expect(say(r.found)).toBe('worker1=30, worker2=2');
  });
  it('shards-balanced: fails when the new worker holds nothing', async () => {
    const r = await check({
      kind: 'shards-balanced',
      table: 'activity_log',
      across: ['worker1', 'worker2', 'worker3'],
    });
    expect(r.passed).toBe(false);
    expect(say(r.found)).toContain('worker3=0');
  });

  it('shards-balanced across: workers follows pg_dist_node, so a new empty worker fails it', async () => {
    expect(
      (await check({ kind: 'shards-balanced', table: 'activity_log', across: 'workers' })).passed,
    ).toBe(true);
    const withWorker3 = broken('nodes', [], (n) => [
      ...n,
      { ...n[2], nodeid: 4, groupid: 3, nodeport: 55167 },
    ]);
    const r = await check(
      { kind: 'shards-balanced', table: 'activity_log', across: 'workers' },
      withWorker3,
    );
    expect(r.passed).toBe(false);
    expect(say(r.found)).toBe('worker1=16, worker2=16, worker3=0');
  });

  it('table placedOn: all asks for a copy on every active node, the new one included', async () => {
    expect(
      (await check({ kind: 'table', table: 'puestos', type: 'reference', placedOn: 'all' })).passed,
    ).toBe(true);
    const withWorker3 = broken('nodes', [], (n) => [
      ...n,
      { ...n[2], nodeid: 4, groupid: 3, nodeport: 55167 },
    ]);
    const r = await check(
      { kind: 'table', table: 'puestos', type: 'reference', placedOn: 'all' },
      withWorker3,
    );
    expect(r.passed).toBe(false);
    expect(say(r.expected)).toContain('on coordinator, worker1, worker2, worker3');
  });

  it('row-count: passes on 5 rows and fails on missing rows', async () => {
    expect(
      (await check({ kind: 'row-count', table: 'activity_log', expect: { equals: 5 } })).passed,
    ).toBe(true);
    const r = await check(
      { kind: 'row-count', table: 'activity_log', expect: { equals: 5 } },
      broken('rowCount', ['activity_log'], () => 3),
    );
    expect(r.passed).toBe(false);
    expect(say(r.found)).toBe('3');
  });
  it('row-count: "at least N" counts no further than N, and fails below it with the exact count', async () => {
    const atLeast3 = { kind: 'row-count', table: 'activity_log', expect: { atLeast: 3 } };
    const r = await check(atLeast3);
    expect(r.passed).toBe(true);
    expect(say(r.found)).toBe('>= 3');
    const short = await check(
      atLeast3,
      broken('rowCount', ['activity_log', 3], () => 2),
    );
    expect(short.passed).toBe(false);
    expect(say(short.found)).toBe('2');
  });
  it('a question asked with a trailing undefined argument is the question without it', () => {
    expect(answerKey('rowCount', ['users', undefined])).toBe(answerKey('rowCount', ['users']));
    expect(answerKey('rowCount', ['users', 3])).toBe('rowCount | users | 3');
  });
  it('row-count: a missing table says so instead of counting', async () => {
    const r = await check({ kind: 'row-count', table: 'ghost', expect: { atLeast: 1 } });
    expect(r.passed).toBe(false);
    expect(say(r.found)).toBe('no table named ghost');
  });
  it('row-count: "at least" a large N is a plain count (every shard would send N rows back)', async () => {
    const r = await check({ kind: 'row-count', table: 'activity_log', expect: { atLeast: 5000 } });
    expect(r.passed).toBe(false);
    expect(say(r.found)).toBe('5');
  });

  it("row-count: a columnar table's rows are added up from every node's stripe metadata", async () => {
    const users = { kind: 'row-count', table: 'users', expect: { equals: 1000 } };
    const r = await check(users);
    expect(r.passed).toBe(true);
    expect(say(r.found)).toBe('1000');
    // Rows missing on one worker, and "at least" is read the same way: exactly, not through a LIMIT.
    const short = broken('columnarRowsOn', ['worker2', 'users'], () => 399);
    expect(say((await check(users, short)).found)).toBe('999');
    expect((await check(users, short)).passed).toBe(false);
    const atLeast = await check({ kind: 'row-count', table: 'users', expect: { atLeast: 1000 } });
    expect(say(atLeast.found)).toBe('1000');
  });
  it("row-count: a columnar table is counted when a node refuses the metadata question or is not the lab's", async () => {
    const refused = healthyLab();
    refused.answers[answerKey('columnarRowsOn', ['worker1', 'users'])] = {
      error: 'relation "columnar_internal.stripe" does not exist',
    };
    refused.answers[answerKey('rowCount', ['users'])] = { value: 998 };
    const r = await check({ kind: 'row-count', table: 'users', expect: { equals: 1000 } }, refused);
    expect(r.passed).toBe(false);
    expect(say(r.found)).toBe('998');
    const elsewhere = broken('nodes', [], (nodes: any[]) => [
      ...nodes,
      { ...nodes[2], nodeid: 9, groupid: 9, nodeport: 6000 },
    ]);
    // The node outside the lab holds 200 rows the lab's nodes cannot tell of: only count(*) sees them.
    elsewhere.answers[answerKey('rowCount', ['users'])] = { value: 1200 };
    const counted = await check(
      { kind: 'row-count', table: 'users', expect: { equals: 1200 } },
      elsewhere,
    );
    expect(say(counted.found)).toBe('1200');
    expect(counted.passed).toBe(true);
  });
  it('row-count: a node that holds a columnar table and does not answer fails the check', async () => {
    const down = healthyLab();
    down.answers[answerKey('columnarRowsOn', ['worker2', 'users'])] = {
      unreachable: { node: 'worker2', port: 55166, message: 'connection refused' },
    };
    const r = await check({ kind: 'row-count', table: 'users', expect: { equals: 1000 } }, down);
    expect(r.passed).toBe(false);
    expect(say(r.found)).toMatch(/worker2/);
  });

  it('setting: passes when every node has wal_level logical, fails naming the node that does not', async () => {
    expect(
      (await check({ kind: 'setting', name: 'wal_level', expect: { equals: 'logical' } })).passed,
    ).toBe(true);
    const r = await check(
      { kind: 'setting', name: 'wal_level', expect: { equals: 'logical' } },
      broken('setting', ['worker2', 'wal_level'], () => 'replica'),
    );
    expect(r.passed).toBe(false);
    expect(say(r.found)).toContain('worker2=replica');
  });

  it('extension: fails while worker3 lacks citus', async () => {
    expect(
      (
        await check({
          kind: 'extension',
          name: 'citus',
          nodes: ['coordinator', 'worker1', 'worker2'],
        })
      ).passed,
    ).toBe(true);
    const r = await check({ kind: 'extension', name: 'citus' });
    expect(r.passed).toBe(false);
    expect(say(r.found)).toContain('worker3=-');
  });

  it('sql: compares a scalar, and fails with what it found', async () => {
    const q = { kind: 'sql', query: 'SELECT count(*) FROM activity_log WHERE user_id = 1' };
    expect((await check({ ...q, expect: { equals: 2 } })).passed).toBe(true);
    expect((await check({ ...q, expect: { atLeast: 1, atMost: 2 } })).passed).toBe(true);
    const r = await check({ ...q, expect: { equals: 3 } });
    expect(r.passed).toBe(false);
    expect(say(r.found)).toBe('2');
  });

  it('sql summed over the workers: asks every active worker the same question and adds the answers', async () => {
    const q = 'SELECT count(*) FROM pg_dist_placement';
    const answering = (w1: unknown, w2: unknown, nodes = healthyLab()) => {
      nodes.answers[answerKey('query', ['worker1', q])] = {
        value: { columns: ['count'], rows: [[w1]] },
      };
      nodes.answers[answerKey('query', ['worker2', q])] = {
        value: { columns: ['count'], rows: [[w2]] },
      };
      return nodes;
    };
    const spec = { kind: 'sql', sumOver: 'workers', query: q, expect: { equals: 32 } };
    const right = await check(spec, answering('16', '16'));
    expect(right.passed).toBe(true);
    expect(say(right.what)).toBe(`added up over every worker: ${q}`);
    // One worker's shards lack what was asked for.
    const short = await check(spec, answering('16', '11'));
    expect(short.passed).toBe(false);
    expect(say(short.found)).toBe('27');
    // A worker with no answer, or one that is not the lab's, cannot be added up: counting it as 0 or
    // leaving it out would give worker1's 16, which this expectation would take.
    const sixteen = { ...spec, expect: { equals: 16 } };
    expect((await check(sixteen, answering('16', null))).passed).toBe(false);
    const stranger = answering('16', '16');
    const nodes = stranger.answers[answerKey('nodes', [])] as { value: { nodeport: number }[] };
    nodes.value.find((n) => n.nodeport === 55166)!.nodeport = 6000;
    expect((await check(sixteen, stranger)).passed).toBe(false);
  });

  it('sql summed over the workers: the schema refuses a node and row expectations, saying why', () => {
    const base = { kind: 'sql', sumOver: 'workers', query: 'SELECT 1', expect: { equals: 1 } };
    expect(checkSpec.safeParse(base).success).toBe(true);
    const messages = (raw: Record<string, unknown>) => {
      const r = checkSpec.safeParse(raw);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages({ ...base, node: 'worker1' })).toEqual(['lint.sumOverNode']);
    expect(messages({ ...base, expect: { rows: [[1]] } })).toEqual(['lint.sumOverRows']);
    expect(messages({ ...base, expect: { empty: false } })).toEqual(['lint.sumOverRows']);
    expect(messages({ ...base, sumOver: undefined, node: 'worker1' })).toEqual([]);
  });

  it('shell: checks the exit status of a command with quoted values', async () => {
    expect((await check({ kind: 'shell', command: 'test -d {{labDir}}' })).passed).toBe(true);
    const r = await check(
      { kind: 'shell', command: 'test -d {{labDir}}' },
      broken('shell', ["test -d '/tmp/lab'"], () => ({ exitCode: 1, stdout: '' })),
    );
    expect(r.passed).toBe(false);
  });

  it('a node that does not answer fails the check with the node and port, never a crash', async () => {
    const snap = healthyLab();
    snap.answers[answerKey('setting', ['worker2', 'wal_level'])] = {
      unreachable: { node: 'worker2', port: 55166, message: 'ECONNREFUSED' },
    };
    const r = await check(
      { kind: 'setting', name: 'wal_level', expect: { equals: 'logical' } },
      snap,
    );
    expect(r.passed).toBe(false);
    expect(say(r.found)).toBe('worker2 (port 55166) does not answer');
    expect(say(r.what)).toBe('wal_level on coordinator, worker1, worker2, worker3');
  });

  it("a query that errors fails the check, naming the query and PostgreSQL's message", async () => {
    const snap = healthyLab();
    snap.answers[answerKey('query', ['coordinator', 'SELECT count(*) FROM gone'])] = {
      error: 'relation "gone" does not exist',
    };
    const r = await check(
      { kind: 'sql', query: 'SELECT count(*) FROM gone', expect: { equals: 1 } },
      snap,
    );
    expect(r.passed).toBe(false);
    expect(say(r.what)).toBe('on coordinator: SELECT count(*) FROM gone');
    expect(say(r.found)).toBe('error: relation "gone" does not exist');
  });
});
