import { translator } from '../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { COPY_PROGRESS_SQL } from '../../src/lab/actions/copy-progress.js';
import { diskNeeded, loadUsersAction } from '../../src/lab/actions/load-users.js';
import { humanBytes } from '../../src/runner/cluster-view.js';
import type { NodeName } from '../../src/lessons/nodes.js';
import type { ActionContext, Progress } from '../../src/runner/actions.js';
import { testVars } from '../helpers/snapshot.js';

interface Fake {
  rows: number;
  /** Rows already in users, per batch of the plan (the resume query's answer). */
  loaded?: [number, number][];
  failOn?: RegExp;
  /** What the workers' COPY progress says, one figure per poll round. */
  copied?: number[];
  /** How long a batch's statement lasts, in ms. */
  batchMs?: number;
  /** Nodes this machine cannot connect to. */
  unreachable?: NodeName[];
  /** The learner cancels when this many batches have started. */
  abortAtStart?: number;
}

function context(fake: Fake) {
  const batches: { node: NodeName; first: number; last: number }[] = [];
  const events: string[] = [];
  const progress: Progress[] = [];
  const output: string[] = [];
  const polled: string[] = [];
  const controller = new AbortController();
  const ctx: ActionContext = {
    vars: { ...testVars(), rows: fake.rows },
    say: translator('en'),
    signal: controller.signal,
    runSql: async (node, sql) => {
      if (sql === COPY_PROGRESS_SQL) {
        polled.push(node);
        if (node === 'worker3') throw new Error('connect ECONNREFUSED 127.0.0.1:55167');
        const copied = fake.copied ?? [];
        // Each of the two workers reports half of the round's figure.
        const round = Math.floor((polled.length - 1) / 3);
        return [
          {
            command: 'SELECT',
            rowCount: 1,
            columns: ['sum'],
            rows: [[(copied[round] ?? copied.at(-1) ?? 0) / 2]],
          },
        ];
      }
      if (fake.unreachable?.includes(node)) throw new Error(`connect ECONNREFUSED 10.0.0.9:5432`);
      if (sql === 'SELECT 1') {
        return [{ command: 'SELECT', rowCount: 1, columns: ['?column?'], rows: [[1]] }];
      }
      if (sql.startsWith('SELECT CASE'))
        return [
          { command: 'SELECT', rowCount: 0, columns: ['batch', 'count'], rows: fake.loaded ?? [] },
        ];
      const [, first, last] = /generate_series\((\d+), (\d+)\)/.exec(sql) ?? [];
      expect(sql).toMatch(
        /^BEGIN;\nSET LOCAL citus\.max_adaptive_executor_pool_size = 1;\nINSERT INTO users/,
      );
      expect(sql).toMatch(/COMMIT;$/);
      events.push(`start ${node} ${first}`);
      if (fake.failOn?.test(sql)) throw new Error('could not extend file: No space left on device');
      if (fake.abortAtStart === events.filter((e) => e.startsWith('start')).length)
        controller.abort();
      if (fake.batchMs) await new Promise((r) => setTimeout(r, fake.batchMs));
      if (controller.signal.aborted) throw new Error('canceling statement due to user request');
      batches.push({ node, first: Number(first), last: Number(last) });
      events.push(`end ${node} ${first}`);
      return [];
    },
    onProgress: (p) => progress.push(p),
    onOutput: (chunk) => output.push(chunk),
  };
  return { ctx, batches, events, progress, output, polled, controller };
}

const roomy = { freeBytes: async () => 1024 ** 5, pollMs: 1 };

describe('lab.load-users', () => {
  it('loads a million rows through both workers at the same time, its progress read from their COPY progress', async () => {
    const fake = context({
      rows: 1_000_000,
      copied: [200_000, 150_000, 650_000, 990_000],
      batchMs: 40,
    });
    const result = await loadUsersAction(roomy).run(fake.ctx);
    expect(result.ok).toBe(true);
    expect(fake.batches).toEqual([
      { node: 'worker1', first: 1, last: 500_000 },
      { node: 'worker2', first: 500_001, last: 1_000_000 },
    ]);
    // Both statements were running before either ended.
    expect(fake.events.slice(0, 2).every((e) => e.startsWith('start'))).toBe(true);
    expect(new Set(fake.polled)).toEqual(new Set(['worker1', 'worker2', 'worker3']));
    const seen = fake.progress.map((p) => p.done);
    expect(seen[0]).toBe(0);
    expect(seen).toContain(200_000);
    expect(seen).toContain(650_000);
    // Never backwards (a COPY that ended leaves the view), and all rows only once both committed.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(fake.progress.at(-1)).toEqual({ done: 1_000_000, total: 1_000_000, unit: 'rows' });
    expect(fake.output.join('')).toContain('1000000/1000000 rows (100%)');
  });

  it("refuses the seed's billion rows when the disk is short, saying the estimate and the free space", async () => {
    const fake = context({ rows: 1_000_000_000 });
    const result = await loadUsersAction({ freeBytes: async () => 80 * 1024 ** 3 }).run(fake.ctx);
    expect(result.ok).toBe(false);
    expect(fake.events).toEqual([]);
    const text = t('en', result.error!.key, result.error!.params);
    expect(text).toContain(humanBytes(diskNeeded(1_000_000_000)));
    expect(text).toContain('80 GB');
    expect(t('es', result.error!.key, result.error!.params)).toContain('80 GB');
  });

  it('counts the write-ahead log in what a load needs: a million rows wrote ~540 MB in all, ~290 MB of it WAL', async () => {
    // Measured on a lab after the lesson (both workers): tables and indexes 252 MB, WAL 288 MB.
    expect(diskNeeded(1_000_000)).toBeGreaterThan(540 * 1024 ** 2);
    const fake = context({ rows: 1_000_000 });
    const result = await loadUsersAction({ freeBytes: async () => 500 * 1024 ** 2 }).run(fake.ctx);
    expect(result.ok).toBe(false);
    expect(result.error?.key).toBe('load.diskShort');
    expect(fake.events).toEqual([]);
    // A billion rows: the WAL stops growing with the rows (each worker recycles it past max_wal_size).
    expect(diskNeeded(1_000_000_000)).toBeLessThan(1_000_000_000 * 300 + 5 * 1024 ** 3);
  });

  it('after a failed batch starts no other, lets the running one end, and says how many rows the table keeps', async () => {
    // 4,000,000 rows: worker1 loads batches 0 and 2, worker2 batches 1 and 3. Worker1's first fails at once.
    const fake = context({ rows: 4_000_000, failOn: /generate_series\(1, /, batchMs: 20 });
    const result = await loadUsersAction(roomy).run(fake.ctx);
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({
      key: 'load.failed',
      params: { done: 1_000_000, total: 4_000_000 },
    });
    expect(fake.batches).toEqual([{ node: 'worker2', first: 1_000_001, last: 2_000_000 }]);
    expect(fake.events).not.toContain('start worker1 2000001');
    expect(fake.events).not.toContain('start worker2 3000001');
    expect(result.log).toContain('worker1: ERROR: could not extend file: No space left on device');
  });

  it('run again after a load stopped halfway, loads only the batches not in yet (no row loaded twice)', async () => {
    const half = context({
      rows: 4_000_000,
      loaded: [
        [0, 1_000_000],
        [2, 1_000_000],
      ],
    });
    expect((await loadUsersAction(roomy).run(half.ctx)).ok).toBe(true);
    expect(half.batches).toEqual([
      { node: 'worker2', first: 1_000_001, last: 2_000_000 },
      { node: 'worker2', first: 3_000_001, last: 4_000_000 },
    ]);
    expect(half.progress.at(0)).toEqual({ done: 2_000_000, total: 4_000_000, unit: 'rows' });

    const full = context({
      rows: 25_000,
      loaded: [
        [0, 12_500],
        [1, 12_500],
      ],
    });
    expect((await loadUsersAction(roomy).run(full.ctx)).ok).toBe(true);
    expect(full.events).toEqual([]);
  });

  it('refuses to load on top of rows that are not whole batches of this load, in both languages', async () => {
    const fake = context({ rows: 1_000_000, loaded: [[0, 250_000]] });
    const result = await loadUsersAction(roomy).run(fake.ctx);
    expect(result.ok).toBe(false);
    expect(fake.events).toEqual([]);
    expect(result.error).toEqual({
      key: 'load.strayRows',
      params: { stray: 250_000, rows: 1_000_000 },
    });
    expect(t('en', result.error!.key, result.error!.params)).toMatch(
      /250000 rows .*TRUNCATE users/,
    );
    expect(t('es', result.error!.key, result.error!.params)).toMatch(
      /250000 filas .*TRUNCATE users/,
    );
  });

  it('stops when the learner cancels, starting no other batch', async () => {
    const fake = context({ rows: 4_000_000, batchMs: 30, abortAtStart: 2 });
    const result = await loadUsersAction(roomy).run(fake.ctx);
    expect(result.error).toEqual({ key: 'step.cancelled' });
    expect(fake.events.filter((e) => e.startsWith('start'))).toHaveLength(2);
    expect(fake.batches).toEqual([]);
  });

  it("loads a worker's share through the coordinator when that worker does not answer from here (a managed cluster)", async () => {
    const fake = context({ rows: 2_000_000, unreachable: ['worker2'] });
    const result = await loadUsersAction(roomy).run({
      ...fake.ctx,
      remote: 'postgresql://postgres@db.example.com:5432/postgres',
    });
    expect(result.ok).toBe(true);
    expect(fake.batches).toEqual([
      { node: 'worker1', first: 1, last: 1_000_000 },
      { node: 'coordinator', first: 1_000_001, last: 2_000_000 },
    ]);
    expect(result.log).toContain('worker2 does not answer from here');
  });

  it("on the lab's own cluster, a worker that is down fails the load instead of being routed around", async () => {
    const fake = context({ rows: 2_000_000, unreachable: ['worker2'] });
    const result = await loadUsersAction(roomy).run(fake.ctx);
    expect(result.error).toMatchObject({ key: 'load.failed' });
    expect(result.log).not.toContain('does not answer from here');
    expect(fake.batches.map((b) => b.node)).not.toContain('coordinator');
  });

  it('shows the SQL it runs on each worker, with the rows and ports filled in', () => {
    const text = loadUsersAction().describe({ ...testVars(), rows: 12_000_000 }, translator('en'));
    expect(text).toContain('-- on worker1 (port 55165):');
    expect(text).toContain('-- on worker2 (port 55166):');
    expect(text).toContain('SET LOCAL citus.max_adaptive_executor_pool_size = 1;');
    expect(text).toContain('generate_series(1, 1000000)');
    expect(text).toContain('generate_series(1000001, 2000000)');
    expect(text).toContain('up to generate_series(11000001, 12000000)');
  });
});
