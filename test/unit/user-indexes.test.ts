import { translator } from '../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { statementsAction, USER_INDEXES } from '../../src/lab/actions/user-indexes.js';
import type { ActionContext } from '../../src/runner/actions.js';
import { testVars } from '../helpers/snapshot.js';

/** A coordinator that runs a script statement by statement, each taking 0.4 s, or refuses one. */
function ddlContext(refuse?: RegExp) {
  const scripts: string[] = [];
  const output: string[] = [];
  const ctx: ActionContext = {
    vars: { ...testVars(), rows: 10 },
    say: translator('en'),
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
    onOutput: (chunk) => output.push(chunk),
  };
  return { ctx, scripts, output };
}

describe('statement actions', () => {
  it('builds the primary key and the three indexes in one transaction, timing each', async () => {
    const { ctx, scripts, output } = ddlContext();
    const result = await statementsAction(USER_INDEXES).run(ctx);
    expect(result.ok).toBe(true);
    expect(scripts).toEqual([
      [
        'BEGIN;',
        'SET LOCAL citus.max_adaptive_executor_pool_size = 1;',
        ...USER_INDEXES,
        'COMMIT;',
      ].join('\n'),
    ]);
    // One round trip: the timings come after it, one line per statement.
    expect(output).toHaveLength(4);
    expect(result.log).toMatch(/ADD PRIMARY KEY \(id\);\s+-- 0\.4 s/);
    expect(result.log).toMatch(/idx_users_created_at ON users \(created_at\);\s+-- 0\.4 s/);
  });

  it('fails on the statement PostgreSQL refuses, naming it with its message, then ROLLBACK', async () => {
    const { ctx } = ddlContext(/idx_users_email/);
    const refused = USER_INDEXES.find((s) => s.includes('idx_users_email'))!;
    const result = await statementsAction(USER_INDEXES).run(ctx);
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({ key: 'step.sqlFailed' });
    expect(result.log).toContain(
      `${refused}\nERROR: could not extend file: No space left on device\nROLLBACK;`,
    );
  });
});
