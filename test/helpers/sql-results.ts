import type { StatementResult } from '../../src/adapters/sql.js';

/** What one SELECT returns through the adapter, for fake coordinators in action tests. */
export const selectResult = (rows: unknown[][]): StatementResult[] => [
  { command: 'SELECT', rowCount: rows.length, columns: [], rows: rows as never },
];
