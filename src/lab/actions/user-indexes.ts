import type { Action, ActionContext, ActionResult } from '../../runner/actions.js';
import { errorText } from '../../errors.js';
import { elapsed } from '../../present/output.js';
import { ONE_CONNECTION_PER_NODE } from './load-plan.js';

/** The seed's primary key and three indexes on `users`, one statement at a time (Citus refuses them together). */
export const USER_INDEXES = [
  'ALTER TABLE users ADD PRIMARY KEY (id);',
  'CREATE INDEX idx_users_username ON users (username, email);',
  'CREATE INDEX idx_users_email ON users (email);',
  'CREATE INDEX idx_users_created_at ON users (created_at);',
];

export const DROP_USER_INDEXES = [
  'ALTER TABLE users DROP CONSTRAINT IF EXISTS users_pkey;',
  'DROP INDEX IF EXISTS idx_users_username;',
  'DROP INDEX IF EXISTS idx_users_email;',
  'DROP INDEX IF EXISTS idx_users_created_at;',
];

/**
 * Runs DDL statements on the coordinator in one transaction, timing each: `lab.index-users` and
 * `lab.drop-user-indexes`. Each distributed DDL committed on its own pays for its own two-phase commit
 * and metadata sync on every node; the four index builds together took 1.5 s instead of 2.2 s.
 * One connection per worker builds its shards' indexes one after the other: the cores are busy either
 * way, and Citus's default starts up to 16 backends on each (2.0 s instead of 2.2 s on two cores).
 * A statement PostgreSQL refuses rolls them all back.
 */
export function statementsAction(
  statements: readonly string[],
  options: { now?: () => number } = {},
): Action {
  const now = options.now ?? (() => performance.now());
  const prelude = ['BEGIN;', ONE_CONNECTION_PER_NODE];
  const script = [...prelude, ...statements, 'COMMIT;'].join('\n');
  return {
    describe: () => script,
    async run(ctx: ActionContext): Promise<ActionResult> {
      const log: string[] = [...prelude];
      const started = now();
      if (ctx.signal?.aborted)
        return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
      let results: { ms?: number }[];
      try {
        results = await ctx.runSql('coordinator', script, ctx.signal);
      } catch (error) {
        if (ctx.signal?.aborted)
          return { ok: false, log: log.join('\n'), error: { key: 'step.cancelled' } };
        // The statements before the one refused ran (the prelude's come first), then all rolled back.
        const ran = ((error as { partial?: unknown[] }).partial?.length ?? 0) - prelude.length;
        const failed = statements[Math.max(0, ran)] ?? '';
        log.push(
          ...statements.slice(0, Math.max(0, ran)),
          failed,
          `ERROR: ${errorText(error)}`,
          'ROLLBACK;',
        );
        return { ok: false, log: log.join('\n'), error: { key: 'step.sqlFailed' } };
      }
      for (const [i, statement] of statements.entries()) {
        const ms = results[i + prelude.length]?.ms;
        const line = `${statement}${ms === undefined ? '' : `  -- ${elapsed(ms)}`}`;
        log.push(line);
        ctx.onOutput?.(`${line}\n`);
      }
      log.push(
        'COMMIT;',
        `-- ${ctx.say('act.statements.done', { count: statements.length, time: elapsed(now() - started) })}`,
      );
      return { ok: true, log: log.join('\n') };
    },
  };
}
