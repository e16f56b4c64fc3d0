import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_ROW,
  batchesOf,
  humanBytes,
  loadUsersAction,
  RESUME_SQL,
  COPY_PROGRESS_SQL,
  statementsAction,
  USER_INDEXES,
} from '../../src/lab/actions/load-users.js';
import type { ActionContext, Progress } from '../../src/runner/actions.js';
import { t } from '../../src/i18n/index.js';
import { testVars } from '../helpers/snapshot.js';

function context(rows: number, failOn?: RegExp, loaded = 0, copied: number[] = []) {
  const statements: string[] = [];
  const progress: Progress[] = [];
  const output: string[] = [];
  const polled: string[] = [];
  const ctx: ActionContext = {
    vars: { ...testVars(), rows },
    runSql: async (node, sql) => {
      if (sql === COPY_PROGRESS_SQL) {
        polled.push(node);
        // Each worker reports half of the next figure, as two workers share the shards.
        const next = copied[Math.floor((polled.length - 1) / 3)] ?? copied.at(-1) ?? 0;
        if (node === 'worker3') throw new Error('connect ECONNREFUSED 127.0.0.1:55167');
        return [{ command: 'SELECT', rowCount: 1, columns: ['sum'], rows: [[next / 2]] }];
      }
      if (failOn?.test(sql)) throw new Error('could not extend file: No space left on device');
      if (sql === RESUME_SQL)
        return [{ command: 'SELECT', rowCount: 1, columns: ['max'], rows: [[loaded]] }];
      statements.push(sql);
      // A statement that loads rows lasts long enough for the progress to be polled a few times.
      if (sql.startsWith('INSERT') && copied.length > 0)
        await new Promise((r) => setTimeout(r, 5 * copied.length + 20));
      return [];
    },
    onProgress: (p) => progress.push(p),
    onOutput: (chunk) => output.push(chunk),
  };
  return { ctx, statements, progress, output, polled };
}

describe('lab.load-users', () => {
  it('cuts the rows into statements of up to five million that cover 1..rows exactly once', () => {
    expect(batchesOf(1_000_000)).toEqual([[1, 1_000_000]]);
    expect(batchesOf(12_000_000)).toEqual([
      [1, 5_000_000],
      [5_000_001, 10_000_000],
      [10_000_001, 12_000_000],
    ]);
    expect(batchesOf(5)).toEqual([[1, 5]]);
  });

  it("loads a million rows in one statement, its progress read from the workers' COPY progress while it runs", async () => {
    const { ctx, statements, progress, output, polled } = context(
      1_000_000,
      undefined,
      0,
      [200_000, 200_000, 650_000, 400_000, 990_000],
    );
    const result = await loadUsersAction({ freeBytes: async () => 10 * 1024 ** 3, pollMs: 1 }).run(
      ctx,
    );
    expect(result.ok).toBe(true);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('generate_series(1, 1000000)');
    expect(new Set(polled)).toEqual(new Set(['worker1', 'worker2', 'worker3']));
    const seen = progress.map((p) => p.done);
    expect(seen[0]).toBe(0);
    expect(seen).toContain(200_000);
    expect(seen).toContain(650_000);
    // Never backwards (a COPY that ended leaves the view), and the end only once the statement ended.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: 1_000_000, total: 1_000_000, unit: 'rows' });
    expect(output.join('')).toContain('1000000/1000000 rows (100%)');
  });

  it("refuses the seed's billion rows when the disk is short, saying the estimate and the free space", async () => {
    const { ctx, statements } = context(1_000_000_000);
    const result = await loadUsersAction({ freeBytes: async () => 80 * 1024 ** 3 }).run(ctx);
    expect(result.ok).toBe(false);
    expect(statements).toEqual([]);
    const text = t('en', result.error!.key, result.error!.params);
    expect(text).toContain(humanBytes(1_000_000_000 * BYTES_PER_ROW));
    expect(text).toContain('80 GB');
    expect(t('es', result.error!.key, result.error!.params)).toContain('80 GB');
  });

  it('stops at the failing statement and says how many rows the table keeps', async () => {
    const { ctx } = context(12_000_000, /generate_series\(5000001/);
    const result = await loadUsersAction({ freeBytes: async () => 1024 ** 5 }).run(ctx);
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({
      key: 'load.failed',
      params: { done: 5_000_000, total: 12_000_000 },
    });
    expect(result.log).toContain('No space left on device');
  });

  it('run again after a load stopped halfway, resumes after the whole statements already in (no row loaded twice)', async () => {
    const half = context(12_000_000, undefined, 5_000_000);
    const resumed = await loadUsersAction({ freeBytes: async () => 1024 ** 5 }).run(half.ctx);
    expect(resumed.ok).toBe(true);
    expect(
      half.statements
        .filter((s) => s.startsWith('INSERT'))
        .map((s) => /generate_series\((\d+), (\d+)\)/.exec(s)!.slice(1)),
    ).toEqual([
      ['5000001', '10000000'],
      ['10000001', '12000000'],
    ]);
    expect(half.progress.at(0)).toEqual({ done: 5_000_000, total: 12_000_000, unit: 'rows' });
    const full = context(25_000, undefined, 25_000);
    expect(
      (await loadUsersAction({ freeBytes: async () => 10 * 1024 ** 3 }).run(full.ctx)).ok,
    ).toBe(true);
    expect(full.statements.filter((s) => s.startsWith('INSERT'))).toEqual([]);
  });

  it('shows the SQL it runs, with the rows filled in', () => {
    const text = loadUsersAction().describe({ ...testVars(), rows: 12_000_000 });
    expect(text).toContain('INSERT INTO users');
    expect(text).toContain('generate_series(1, 5000000)');
    expect(text).toContain('generate_series(10000001, 12000000)');
  });
});

describe('statement actions', () => {
  /** A coordinator that runs a script statement by statement, each taking 0.4 s, or refuses one. */
  function ddlContext(refuse?: RegExp) {
    const scripts: string[] = [];
    const progress: Progress[] = [];
    const ctx: ActionContext = {
      vars: { ...testVars(), rows: 10 },
      runSql: async (_node, sql) => {
        scripts.push(sql);
        const results = [];
        for (const statement of sql.split('\n')) {
          if (refuse?.test(statement))
            throw Object.assign(new Error('could not extend file: No space left on device'), {
              partial: results,
            });
          results.push({
            command: statement.split(' ')[0]!,
            rowCount: 0,
            columns: [],
            rows: [],
            ms: 400,
          });
        }
        return results;
      },
      onProgress: (p) => progress.push(p),
    };
    return { ctx, scripts, progress };
  }

  it('builds the primary key and the three indexes in one transaction, timing each', async () => {
    const { ctx, scripts, progress } = ddlContext();
    const result = await statementsAction(USER_INDEXES).run(ctx);
    expect(result.ok).toBe(true);
    expect(scripts).toEqual([['BEGIN;', ...USER_INDEXES, 'COMMIT;'].join('\n')]);
    expect(progress.at(-1)).toEqual({ done: 4, total: 4, unit: 'steps' });
    expect(result.log).toMatch(/ADD PRIMARY KEY \(id\);\s+-- 0\.4 s/);
    expect(result.log).toMatch(/idx_users_created_at ON users \(created_at\);\s+-- 0\.4 s/);
  });

  it('fails on the statement PostgreSQL refuses, naming it with its message, and all is rolled back', async () => {
    const { ctx } = ddlContext(/idx_users_email/);
    const result = await statementsAction(USER_INDEXES).run(ctx);
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({ key: 'step.sqlFailed' });
    expect(result.log).toContain(
      `${USER_INDEXES[2]}\nERROR: could not extend file: No space left on device\nROLLBACK;`,
    );
  });
});
