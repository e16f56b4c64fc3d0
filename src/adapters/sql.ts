import type pg from 'pg';
import type CursorClass from 'pg-cursor';
import type { Cell, QueryResult } from '../checks/catalog.js';
import { NodeUnreachable } from '../checks/catalog.js';
import type { NodeName } from '../lessons/schema.js';
import { splitSql } from '../lessons/split-sql.js';

export interface NodeAddress {
  host: string;
  port: number;
  user: string;
  database: string;
  /** Set when the lab uses password authentication (scram-sha-256); never logged or shown. */
  password?: string;
}

/**
 * Rows kept per statement for display. A learner's SELECT over millions of rows is read through a
 * cursor: the first rows are kept, the rest are only counted, so memory stays bounded.
 */
export const KEPT_ROWS = 1000;
const FETCH_ROWS = 1000;

/** PostgreSQL's own error, with what the learner needs to fix the statement. */
export class SqlError extends Error {
  /** Results of the statements that ran before the failing one. */
  partial: StatementResult[] = [];

  constructor(
    message: string,
    readonly code: string | undefined,
    public position: number | undefined,
    readonly detail: string | undefined,
    readonly hint: string | undefined,
  ) {
    super(message);
    this.name = 'SqlError';
  }
}

export interface StatementResult extends QueryResult {
  command: string;
  /** Every row the statement returned or touched; more than rows.length when the rows were cut. */
  rowCount: number;
  notices?: string[];
  /** How long the statement took, as psql's \timing shows it. */
  ms?: number;
}

/**
 * pg and pg-cursor load on the first connection, not at start-up (~50 ms): `cluster up` imports this
 * module at once but connects only after initdb, which the import then overlaps.
 */
let lib: { pg: typeof pg; Cursor: typeof CursorClass } | undefined;
let loading: Promise<{ pg: typeof pg; Cursor: typeof CursorClass }> | undefined;
async function loadPg() {
  loading ??= importWithNavigator(() => Promise.all([import('pg'), import('pg-cursor')])).then(
    ([p, c]) => (lib = { pg: p.default, Cursor: c.default }),
  );
  return lib ?? loading;
}

/**
 * On import, pg asks whether it runs on Cloudflare: with no `navigator` (Node 20 has none, Node 21+
 * has one) it builds a `Response`, and that alone loads Node's fetch implementation (~20 ms of every
 * command). A navigator as Node 21 defines it answers the question instead; it is removed afterwards.
 */
async function importWithNavigator<T>(load: () => Promise<T>): Promise<T> {
  const g = globalThis as { navigator?: unknown };
  if (g.navigator !== undefined) return load();
  g.navigator = { userAgent: `Node.js/${process.versions.node.split('.')[0]}` };
  try {
    return await load();
  } finally {
    delete g.navigator;
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P03',
]);

export interface PoolShape {
  /** Connections per node. */
  max?: number;
  /**
   * Settings for every session, SET when a connection opens. Not libpq's start-up `options`: a
   * connection pooler in front of a hosted coordinator (PgBouncer) refuses start-up options it does not know.
   */
  settings?: Record<string, string>;
}

/**
 * The catalog's own connections: one per node. On two cores a check's time is CPU, and every backend
 * costs ~7 ms of it to start; each coordinator session also opens its own connection to every node for
 * the questions Citus spreads (a count, a table's size). With two per node a check started 16 backends;
 * with one, 8, and load-sizes took 260 ms instead of 280 (340 ms of CPU instead of 420). One connection
 * per worker inside Citus too: it reuses the connection Citus keeps per worker instead of opening more
 * for a count(*) over 32 small shards (70 ms on a new session instead of 30 ms).
 */
export const CATALOG_POOL: PoolShape = {
  max: 1,
  settings: { 'citus.max_adaptive_executor_pool_size': '1' },
};

/** One small pool per node; the only place the program talks to PostgreSQL. */
export class SqlNodes {
  private readonly pools = new Map<NodeName, pg.Pool>();

  constructor(
    private readonly addresses: Record<NodeName, NodeAddress>,
    private readonly shape: PoolShape = {},
  ) {}

  private async pool(node: NodeName): Promise<pg.Pool> {
    let pool = this.pools.get(node);
    if (!pool) {
      const { pg } = await loadPg();
      pool = this.pools.get(node);
      if (pool) return pool;
      const a = this.addresses[node];
      pool = new pg.Pool({
        host: a.host,
        port: a.port,
        user: a.user,
        database: a.database,
        ...(a.password !== undefined && { password: a.password }),
        max: this.shape.max ?? 4,
        idleTimeoutMillis: 2_000,
        connectionTimeoutMillis: 5_000,
        allowExitOnIdle: true,
        application_name: 'citus-lab-tutor',
        types: typeParsers,
      });
      pool.on('error', () => undefined);
      const settings = Object.entries(this.shape.settings ?? {})
        .map(([name, value]) => `SET ${name} TO '${value.replace(/'/g, "''")}'`)
        .join('; ');
      // Queued on the new connection ahead of the query that asked for it. A setting the server
      // refuses only loses what it would have gained.
      if (settings)
        pool.on('connect', (client) => void client.query(settings).catch(() => undefined));
      this.pools.set(node, pool);
    }
    return pool;
  }

  /**
   * Runs SQL as psql does: one statement at a time, each in its own transaction (a multi-statement
   * string sent whole would run as one transaction, which Citus treats differently). With params,
   * the text is one statement. A failing statement keeps the results of those before it.
   */
  async run(
    node: NodeName,
    sql: string,
    params?: unknown[],
    signal?: AbortSignal,
    keepRows = KEPT_ROWS,
  ): Promise<StatementResult[]> {
    let client: pg.PoolClient;
    try {
      client = await (await this.pool(node)).connect();
    } catch (error) {
      throw this.translate(node, error);
    }
    // A connection that dies while checked out (the server killed, pg_terminate_backend) emits 'error':
    // with no listener that would end the program. The statement's own promise reports it.
    const onClientError = () => undefined;
    client.on('error', onClientError);
    const cancel = () =>
      void this.cancelBackend(node, (client as unknown as { processID?: number }).processID);
    signal?.addEventListener('abort', cancel, { once: true });
    const statements = params ? [{ text: sql, offset: 0 }] : splitSql(sql);
    const results: StatementResult[] = [];
    // NOTICE and WARNING lines, as psql prints them, kept with the statement that raised them.
    let notices: string[] = [];
    const onNotice = (n: { severity?: string; message?: string }) =>
      notices.push(`${n.severity ?? 'NOTICE'}:  ${n.message ?? ''}`);
    client.on('notice', onNotice);
    let current = statements[0];
    try {
      for (const statement of statements) {
        current = statement;
        if (signal?.aborted) throw new Cancelled();
        const started = performance.now();
        // A cursor caps what a learner's statement keeps; the catalog's own questions keep every row,
        // and there it would only cost round trips (pg-cursor sends each message in a write of its own).
        const r =
          returnsRows(statement.text) && Number.isFinite(keepRows)
            ? await readCursor(client, statement.text, params, keepRows, signal)
            : await plainQuery(client, statement.text, params);
        results.push({
          ...r,
          ...(notices.length > 0 && { notices }),
          ms: performance.now() - started,
        });
        notices = [];
      }
      // A cancel that came as the last statement ended may still be on its way: that connection is not reused.
      client.release(!!signal?.aborted || !(await endTransaction(client)));
      return results;
    } catch (error) {
      // After a cancel the connection is dropped, not reused: a cursor left open has no Sync behind
      // it, and a pg_cancel_backend still on its way would hit the next statement sent there.
      client.release(
        error instanceof Cancelled || isConnectionError(error) || !(await endTransaction(client)),
      );
      const translated = this.translate(node, error);
      if (translated instanceof SqlError) {
        translated.partial = results;
        if (translated.position !== undefined && current) translated.position += current.offset;
      }
      throw translated;
    } finally {
      client.off('notice', onNotice);
      client.off('error', onClientError);
      signal?.removeEventListener('abort', cancel);
    }
  }

  /** The last statement's result, every row kept (the catalog's own questions). */
  async query(node: NodeName, sql: string, params?: unknown[]): Promise<QueryResult> {
    const results = await this.run(node, sql, params, undefined, Number.POSITIVE_INFINITY);
    return results[results.length - 1] ?? { columns: [], rows: [] };
  }

  private async cancelBackend(node: NodeName, pid: number | null | undefined) {
    if (!pid) return;
    const a = this.addresses[node];
    const { pg } = await loadPg();
    const client = new pg.Client({
      host: a.host,
      port: a.port,
      user: a.user,
      database: a.database,
      ...(a.password !== undefined && { password: a.password }),
    });
    try {
      await client.connect();
      await client.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch {
      // The statement may have ended on its own; nothing to cancel.
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private translate(node: NodeName, error: unknown): Error {
    const e = error as {
      code?: string;
      message?: string;
      position?: string;
      detail?: string;
      hint?: string;
    };
    if (isConnectionError(error))
      return new NodeUnreachable(node, this.addresses[node].port, e.message ?? String(error));
    if (e && typeof e.message === 'string' && (e.code || e.position))
      return new SqlError(
        e.message,
        e.code,
        e.position ? Number(e.position) : undefined,
        e.detail,
        e.hint,
      );
    return error instanceof Error ? error : new Error(String(error));
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  }
}

/**
 * A BEGIN without COMMIT (or a failed statement inside one) must not reach the next caller of this
 * pooled connection: it is rolled back, as psql does when it quits. False when the connection is unusable.
 */
async function endTransaction(client: pg.PoolClient): Promise<boolean> {
  const status = (
    client as unknown as { getTransactionStatus?: () => string | null }
  ).getTransactionStatus?.();
  if (status === 'I' || status === undefined || status === null) return true;
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

type Read = Omit<StatementResult, 'notices'>;

async function plainQuery(
  client: pg.PoolClient,
  text: string,
  params: unknown[] | undefined,
): Promise<Read> {
  const r = (await client.query({ text, values: params, rowMode: 'array' })) as pg.QueryArrayResult;
  return {
    command: r.command ?? '',
    rowCount: r.rowCount ?? r.rows?.length ?? 0,
    columns: (r.fields ?? []).map((f) => f.name),
    rows: (r.rows ?? []) as Cell[][],
  };
}

/**
 * The learner cancelled while the server was not running a statement (between two statements, or
 * between two batches of a cursor): the same error, with the same SQLSTATE, as PostgreSQL's own cancel.
 */
class Cancelled extends Error {
  readonly code = '57014';
  constructor() {
    super('canceling statement due to user request');
  }
}

/**
 * Reads a row-returning statement in batches: the first `keep` rows are kept, the others only counted.
 * Between two batches the server waits for the next fetch, and a cancel request sent then is dropped
 * (PostgreSQL ignores it while reading a command): so a cancel is also checked here, between batches,
 * or a statement with endless rows (a recursive CTE without an end) would never stop.
 */
async function readCursor(
  client: pg.PoolClient,
  text: string,
  params: unknown[] | undefined,
  keep: number,
  signal?: AbortSignal,
): Promise<Read> {
  const cursor = client.query(
    new lib!.Cursor(text, params, { rowMode: 'array', types: typeParsers }),
  );
  const rows: Cell[][] = [];
  let count = 0;
  // When this loop ends normally every row is read and the cursor has closed its portal. After an error
  // or a cancel it is not closed: close() would wait for a ReadyForQuery that may never come (the
  // connection is dropped instead).
  for (;;) {
    if (signal?.aborted) throw new Cancelled();
    const batch = (await cursor.read(FETCH_ROWS)) as Cell[][];
    count += batch.length;
    for (const row of batch) if (rows.length < keep) rows.push(row);
    if (batch.length < FETCH_ROWS) break;
  }
  const result = (
    cursor as unknown as { _result?: { command?: string; fields?: { name: string }[] } }
  )._result;
  return {
    command: result?.command ?? 'SELECT',
    rowCount: count,
    columns: (result?.fields ?? []).map((f) => f.name),
    rows,
  };
}

/** Statements that return rows (a learner's SELECT may return millions); others run as a plain query. */
export function returnsRows(text: string): boolean {
  const body = text.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '');
  return /^(\(|select\b|with\b|table\b|values\b|show\b|explain\b|fetch\b)/i.test(body);
}

/**
 * The node itself did not answer: a socket error, or the server saying it is starting or stopping.
 * An error the server sent with its own SQLSTATE (a worker down behind the coordinator, say) is
 * the statement's error, not this node's.
 */
function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; severity?: string };
  if (e?.code && CONNECTION_CODES.has(e.code)) return true;
  if (e?.severity) return false;
  return /connect|Connection terminated|timeout expired|the database system is (starting|shutting) up/i.test(
    e?.message ?? '',
  );
}

/** Types shown as PostgreSQL prints them (as psql does): dates, times, intervals, JSON, arrays. */
const NATIVE_TYPES = new Set([16, 20, 21, 23, 26, 700, 701, 1700]);
const asText = (value: string) => value;
const typeParsers = {
  getTypeParser: ((oid: number, format?: string) =>
    NATIVE_TYPES.has(oid)
      ? lib!.pg.types.getTypeParser(oid, format as 'text')
      : asText) as typeof pg.types.getTypeParser,
};
