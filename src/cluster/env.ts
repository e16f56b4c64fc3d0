import type { StatementResult } from '../adapters/sql.js';
import type { NodeName } from '../lessons/schema.js';
import type { PostgresInstall } from './discover.js';
import type { ClusterLayout } from './layout.js';

/** What every cluster operation needs: where the lab is, which PostgreSQL, a way to talk SQL. */
export interface ClusterEnv {
  layout: ClusterLayout;
  install: PostgresInstall;
  runSql(node: NodeName, sql: string, signal?: AbortSignal): Promise<StatementResult[]>;
  signal?: AbortSignal;
  /** The lab's password with --auth scram; never logged. */
  password?: string;
  /** One line per command run, as the learner would type it. */
  log(line: string): void;
}

/** The first cell of the last statement's first row, or undefined. */
export async function scalar(
  env: ClusterEnv,
  node: NodeName,
  sql: string,
): Promise<string | undefined> {
  const results = await env.runSql(node, sql, env.signal);
  const cell = results[results.length - 1]?.rows[0]?.[0];
  return cell === null || cell === undefined ? undefined : String(cell);
}

export async function rows(env: ClusterEnv, node: NodeName, sql: string) {
  const results = await env.runSql(node, sql, env.signal);
  return results[results.length - 1]?.rows ?? [];
}
