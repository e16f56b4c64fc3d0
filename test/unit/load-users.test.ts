import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_ROW,
  batchesOf,
  humanBytes,
  loadUsersAction,
  RESUME_SQL,
  statementsAction,
  USER_INDEXES,
} from '../../src/lab/actions/load-users.js';
import type { ActionContext, Progress } from '../../src/runner/actions.js';
import { t } from '../../src/i18n/index.js';
import { testVars } from '../helpers/snapshot.js';

function context(rows: number, failOn?: RegExp, loaded = 0) {
  const statements: string[] = [];
  const progress: Progress[] = [];
  const output: string[] = [];
  const ctx: ActionContext = {
    vars: { ...testVars(), rows },
    runSql: async (_node, sql) => {
      if (failOn?.test(sql)) throw new Error('could not extend file: No space left on device');
      if (sql === RESUME_SQL)
        return [{ command: 'SELECT', rowCount: 1, columns: ['max'], rows: [[loaded]] }];
      statements.push(sql);
      return [];
    },
    onProgress: (p) => progress.push(p),
    onOutput: (chunk) => output.push(chunk),
  };
  return { ctx, statements, progress, output };
}

describe('lab.load-users', () => {
  it('cuts the rows into batches that cover 1..rows exactly once', () => {
    expect(batchesOf(1_000_000)).toHaveLength(10);
    expect(batchesOf(1_000_000)[9]).toEqual([900_001, 1_000_000]);
    expect(batchesOf(25_000)).toEqual([
      [1, 10_000],
      [10_001, 20_000],
      [20_001, 25_000],
    ]);
    expect(batchesOf(5)).toEqual([[1, 5]]);
  });

  it('loads in batches and reports rows done after each one', async () => {
    const { ctx, statements, progress, output } = context(1_000_000);
    const result = await loadUsersAction({ freeBytes: async () => 10 * 1024 ** 3 }).run(ctx);
    expect(result.ok).toBe(true);
    expect(statements).toHaveLength(10);
    expect(statements[0]).toContain('generate_series(1, 100000)');
    expect(progress.at(0)).toEqual({ done: 0, total: 1_000_000, unit: 'rows' });
    expect(progress.at(-1)).toEqual({ done: 1_000_000, total: 1_000_000, unit: 'rows' });
    expect(output.join('')).toContain('500000/1000000 rows (50%)');
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

  it('stops at the failing batch and says how far it got', async () => {
    const { ctx } = context(30_000, /generate_series\(20001/);
    const result = await loadUsersAction({ freeBytes: async () => 1024 ** 4 }).run(ctx);
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({ key: 'load.failed', params: { done: 20_000, total: 30_000 } });
    expect(result.log).toContain('No space left on device');
  });

  it('run again after a load stopped halfway, resumes after the whole batches already in (no row loaded twice)', async () => {
    const half = context(25_000, undefined, 10_000);
    const resumed = await loadUsersAction({ freeBytes: async () => 10 * 1024 ** 3 }).run(half.ctx);
    expect(resumed.ok).toBe(true);
    expect(
      half.statements
        .filter((s) => s.startsWith('INSERT'))
        .map((s) => /generate_series\((\d+), (\d+)\)/.exec(s)!.slice(1)),
    ).toEqual([
      ['10001', '20000'],
      ['20001', '25000'],
    ]);
    expect(half.progress.at(0)).toEqual({ done: 10_000, total: 25_000, unit: 'rows' });
    const full = context(25_000, undefined, 25_000);
    expect(
      (await loadUsersAction({ freeBytes: async () => 10 * 1024 ** 3 }).run(full.ctx)).ok,
    ).toBe(true);
    expect(full.statements.filter((s) => s.startsWith('INSERT'))).toEqual([]);
  });

  it('shows the SQL it runs, with the rows filled in', () => {
    const text = loadUsersAction().describe({ ...testVars(), rows: 1_000_000 });
    expect(text).toContain('INSERT INTO users');
    expect(text).toContain('generate_series(1, 100000)');
    expect(text).toContain('generate_series(900001, 1000000)');
  });
});

describe('statement actions', () => {
  it('runs each index statement on its own and times it', async () => {
    const { ctx, statements, progress } = context(10);
    const result = await statementsAction(USER_INDEXES).run(ctx);
    expect(result.ok).toBe(true);
    expect(statements).toEqual(USER_INDEXES);
    expect(progress.at(-1)).toEqual({ done: 4, total: 4, unit: 'steps' });
    expect(result.log).toMatch(/ADD PRIMARY KEY \(id\);\s+-- \d+\.\d s/);
  });

  it('fails on the statement PostgreSQL refuses, keeping its message', async () => {
    const { ctx, statements } = context(10, /idx_users_email/);
    const result = await statementsAction(USER_INDEXES).run(ctx);
    expect(result.ok).toBe(false);
    expect(statements).toHaveLength(2);
    expect(result.log).toContain('No space left on device');
  });
});
