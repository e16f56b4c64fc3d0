import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_ROWS, SqlNodes, SqlError } from '../../src/adapters/sql.js';
import { NodeUnreachable } from '../../src/checks/catalog.js';
import { liveCatalog } from '../../src/checks/live-catalog.js';
import { runShell } from '../../src/adapters/shell.js';
import { runCheck } from '../../src/checks/run-checks.js';
import { checkSpec } from '../../src/lessons/schema.js';
import { findFreePortBlock } from '../../src/adapters/net.js';
import { startPlainPostgres, whyNoServer, type TestServer } from '../helpers/pg-server.js';
import { testVars } from '../helpers/snapshot.js';

const reason = await whyNoServer();

describe.skipIf(reason)(
  `SQL adapter and live catalog on a real PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let server: TestServer;
    let sql: SqlNodes;
    let closedPort: number;

    beforeAll(async () => {
      server = await startPlainPostgres();
      closedPort = await findFreePortBlock(1, server.port + 50);
      const at = (port: number) => ({
        host: '127.0.0.1',
        port,
        user: 'postgres',
        database: 'postgres',
      });
      sql = new SqlNodes({
        coordinator: at(server.port),
        worker1: at(closedPort),
        worker2: at(closedPort),
        worker3: at(closedPort),
      });
    });
    afterAll(async () => {
      await sql?.close();
      await server?.stop();
    });

    it("a pool's settings are in force on every one of its connections, set after connecting", async () => {
      const address = {
        host: '127.0.0.1',
        port: server.port,
        user: 'postgres',
        database: 'postgres',
      };
      const shaped = new SqlNodes(
        { coordinator: address, worker1: address, worker2: address, worker3: address },
        { max: 2, settings: { work_mem: '7MB', 'citus.max_adaptive_executor_pool_size': '1' } },
      );
      try {
        const both = await Promise.all(
          [0, 1].map(() =>
            shaped.query('coordinator', "SELECT current_setting('work_mem'), pg_sleep(0.05)"),
          ),
        );
        expect(both.map((r) => r.rows[0]![0])).toEqual(['7MB', '7MB']);
        // SET by the session, not sent as start-up options (source 'client'), which a pooler in
        // front of a coordinator may refuse.
        const source = await shaped.query(
          'coordinator',
          "SELECT source FROM pg_settings WHERE name = 'work_mem'",
        );
        expect(source.rows[0]![0]).toBe('session');
      } finally {
        await shaped.close();
      }
    });

    it('runs several statements and returns each result with columns and rows', async () => {
      const results = await sql.run(
        'coordinator',
        "CREATE TABLE t (id int, name text); INSERT INTO t VALUES (1, 'ñandú'), (2, 'año'); SELECT * FROM t ORDER BY id",
      );
      expect(results.map((r) => r.command)).toEqual(['CREATE', 'INSERT', 'SELECT']);
      expect(results[2]).toMatchObject({
        columns: ['id', 'name'],
        rows: [
          [1, 'ñandú'],
          [2, 'año'],
        ],
      });
    });

    it('runs statements one at a time like psql: what ran before a failure stays, and its results are kept', async () => {
      const error = await sql
        .run(
          'coordinator',
          'CREATE TABLE kept (id int);\nINSERT INTO kept VALUES (1);\nSELECT 1/0;',
        )
        .catch((e) => e);
      expect(error).toBeInstanceOf(SqlError);
      expect(error.partial.map((r: { command: string }) => r.command)).toEqual([
        'CREATE',
        'INSERT',
      ]);
      expect((await sql.query('coordinator', 'SELECT count(*) FROM kept')).rows).toEqual([['1']]);
    });

    it('gives error positions in the whole text, not the statement', async () => {
      const text = 'SELECT 1;\nSELECT * FROM nowhere';
      const error = await sql.run('coordinator', text).catch((e) => e);
      expect(text.slice(error.position - 1)).toMatch(/^nowhere/);
    });

    it("turns a SQL error into PostgreSQL's message with its position", async () => {
      const error = await sql.run('coordinator', 'SELECT * FROM nowhere').catch((e) => e);
      expect(error).toBeInstanceOf(SqlError);
      expect(error.message).toContain('relation "nowhere" does not exist');
      expect(error.position).toBe(15);
    });

    it('shows dates, JSON and arrays as PostgreSQL prints them, and keeps NOTICE lines with their statement', async () => {
      const [r, select] = await sql.run(
        'coordinator',
        "DO $$ BEGIN RAISE NOTICE 'hola, ñandú'; END $$; SELECT date '2026-08-01' AS d, '{\"a\": 1}'::jsonb AS j, ARRAY[1,2] AS a, interval '90 minutes' AS i",
      );
      expect(r!.notices).toEqual(['NOTICE:  hola, ñandú']);
      expect(select!.rows).toEqual([['2026-08-01', '{"a": 1}', '{1,2}', '01:30:00']]);
    });

    it('blames the statement, not this node, for an error the server reports about another node', async () => {
      const error = await sql
        .run(
          'coordinator',
          "DO $$ BEGIN RAISE EXCEPTION 'connection to the remote node 127.0.0.1:1 failed'; END $$",
        )
        .catch((e) => e);
      expect(error).toBeInstanceOf(SqlError);
      expect(error).not.toBeInstanceOf(NodeUnreachable);
    });

    it('reports a node that does not listen as unreachable, naming node and port', async () => {
      const error = await sql.run('worker2', 'SELECT 1').catch((e) => e);
      expect(error).toBeInstanceOf(NodeUnreachable);
      expect(error).toMatchObject({ node: 'worker2', port: closedPort });
    });

    it('cancels a statement that would never end', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const started = Date.now();
      const error = await sql
        .run('coordinator', 'SELECT pg_sleep(30)', undefined, controller.signal)
        .catch((e) => e);
      expect(error.message).toMatch(/cancel/i);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('cancels a statement whose rows never end even when the server drops the cancel request, and the pool still works', async () => {
      // PostgreSQL drops a cancel that arrives while it waits for the cursor's next fetch; that race is
      // made certain here by sending no cancel request at all, so only the check between batches can stop it.
      const deaf: SqlNodes = Object.create(sql);
      Object.defineProperty(deaf, 'cancelBackend', { value: async () => undefined });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const started = Date.now();
      const endless =
        'WITH RECURSIVE r AS (SELECT 1 AS one UNION ALL SELECT 1 FROM r) SELECT * FROM r';
      const error = await Promise.race([
        deaf.run('coordinator', endless, undefined, controller.signal).catch((e: unknown) => e),
        new Promise((resolve) =>
          setTimeout(() => resolve(new Error('still reading rows after 10 s')), 10_000),
        ),
      ]);
      expect(error).toBeInstanceOf(SqlError);
      expect((error as Error).message).toMatch(/cancel/i);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await sql.query('coordinator', 'SELECT 41 + 1 AS answer')).rows).toEqual([[42]]);
    });

    it('reads millions of rows through a cursor: the first rows kept, the rest counted, memory bounded', async () => {
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
      try {
        const [r] = await sql.run(
          'coordinator',
          "SELECT i, 'fila número ' || i AS texto FROM generate_series(1, 2000000) AS i",
        );
        expect(r).toMatchObject({
          command: 'SELECT',
          rowCount: 2_000_000,
          columns: ['i', 'texto'],
        });
        expect(r!.rows).toHaveLength(KEPT_ROWS);
        expect(r!.rows[0]).toEqual([1, 'fila número 1']);
        // All rows in memory would take several hundred MB; batches of a thousand take a few.
        expect(peak - before).toBeLessThan(150 * 1024 ** 2);
      } finally {
        clearInterval(timer);
      }
      const all = await sql.query('coordinator', 'SELECT i FROM generate_series(1, 2500) AS i');
      expect(all.rows).toHaveLength(2500);
    });

    it('keeps Spanish and other Unicode text in names, values, errors and positions', async () => {
      const [, , r] = await sql.run(
        'coordinator',
        'CREATE TABLE "señales_año" ("niño" text, "🐘" int);\nINSERT INTO "señales_año" VALUES (\'¿Qué tal? ñandú 🐘\', 1);\nSELECT * FROM "señales_año"',
      );
      expect(r).toMatchObject({ columns: ['niño', '🐘'], rows: [['¿Qué tal? ñandú 🐘', 1]] });
      const text = "SELECT 'canción';\nSELECT * FROM tabla_pequeña";
      const error = await sql.run('coordinator', text).catch((e) => e);
      expect(error.message).toContain('relation "tabla_pequeña" does not exist');
      expect(text.slice(error.position - 1)).toMatch(/^tabla_pequeña/);
    });

    it('never hands an open or failed transaction to the next statement', async () => {
      await sql.run('coordinator', 'BEGIN; CREATE TABLE half_done (id int)');
      const error = await sql.run('coordinator', 'BEGIN; SELECT 1/0').catch((e) => e);
      expect(error).toBeInstanceOf(SqlError);
      for (let i = 0; i < 6; i++)
        expect((await sql.query('coordinator', 'SELECT 1 AS uno')).rows).toEqual([[1]]);
      expect(
        await sql.query('coordinator', "SELECT to_regclass('half_done') IS NULL AS gone"),
      ).toMatchObject({ rows: [[true]] });
    });

    it('answers typed catalog questions: settings, relations and row counts', async () => {
      const catalog = liveCatalog({
        query: (node, text, params) => sql.query(node, text, params),
        shell: (c) => runShell(c),
      });
      expect(await catalog.setting('coordinator', 'listen_addresses')).toBe('127.0.0.1');
      expect(await catalog.relation('t')).toEqual({ accessMethod: 'heap' });
      expect(await catalog.relation('missing')).toBeNull();
      expect(await catalog.rowCount('t')).toBe(2);
      expect(await catalog.rowCount('t', 1)).toBe(1);
      expect(await catalog.rowCount('t', 5)).toBe(2);
      const vars = { ...testVars(), port: { ...testVars().port, coordinator: server.port } };
      const ok = await runCheck(
        checkSpec.parse({ kind: 'row-count', table: 't', expect: { equals: 2 } }),
        { catalog, vars },
      );
      const wrong = await runCheck(
        checkSpec.parse({
          kind: 'sql',
          query: 'SELECT name FROM t WHERE id = 2',
          expect: { equals: 'ano' },
        }),
        { catalog, vars },
      );
      expect(ok.passed).toBe(true);
      expect(wrong.passed).toBe(false);
      expect(wrong.found.params?.value).toBe('año');
    });
  },
);
