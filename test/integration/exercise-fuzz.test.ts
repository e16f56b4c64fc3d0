import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/config/options.js';
import { openSession, type TutorSession } from '../../src/runner/session.js';
import { startPlainPostgres, whyNoServer, type TestServer } from '../helpers/pg-server.js';
import { tempTree } from '../helpers/temp.js';

const reason = await whyNoServer();

const lessonYaml = `needsCluster: false
steps:
  - id: prepare
    sql: CREATE TABLE IF NOT EXISTS fuzz_target (id int, nota text);
exercises:
  - id: insert-one
    checks:
      - kind: row-count
        table: fuzz_target
        expect: { atLeast: 1 }
    solution:
      sql: INSERT INTO fuzz_target VALUES (1, 'vale');
`;
const prose = (word: string) =>
  `# ${word}\n\nIntro.\n\n<!-- step: prepare -->\n## ${word} prepare\n\n\`\`\`sql step=prepare\nCREATE TABLE IF NOT EXISTS fuzz_target (id int, nota text);\n\`\`\`\n\n<!-- exercise: insert-one -->\n## ${word} insert\n\nInsert a row.\n<!-- hint -->\nINSERT.\n`;

/** A small deterministic generator (mulberry32): the same statements on every run, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const PIECES = [
  'SELECT',
  'FROM',
  'WHERE',
  'INSERT INTO',
  'VALUES',
  'UPDATE',
  'SET',
  'DELETE',
  'DROP TABLE',
  'CREATE TABLE',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'fuzz_target',
  'no_such_table',
  'pg_class',
  '*',
  '(',
  ')',
  ',',
  ';',
  ';;',
  "'",
  '"',
  '$$',
  '$x$',
  '--',
  '/*',
  '*/',
  '\\',
  '\n',
  '\t',
  '1',
  '-1',
  '1e309',
  "'ñandú'",
  "'¿Qué?'",
  '"año"',
  '🐘',
  'ß',
  '\u0000',
  '\u202e',
  'NULL',
  '::int',
  '::text[]',
  "E'\\x'",
  'generate_series(1, 100000)',
  'pg_sleep(60)',
  "citus_add_node('127.0.0.1', 1)",
  'COPY fuzz_target FROM STDIN',
  'VACUUM',
  'LOCK TABLE fuzz_target',
  'SAVEPOINT s',
  'PREPARE p AS SELECT 1',
];
/** The hard cases first: then the random ones. */
const KNOWN = [
  'SELEC 1',
  'SELECT * FROM no_such_table',
  "INSERT INTO fuzz_target VALUES ('x', 1)",
  'SELECT pg_sleep(60)',
  'BEGIN; SELECT 1/0',
  'BEGIN; LOCK TABLE fuzz_target',
  'COPY fuzz_target FROM STDIN',
  'COPY fuzz_target TO STDOUT',
  "SELECT 'a\u0000b'",
  'SELECT i FROM generate_series(1, 3000000) AS i',
  'VACUUM fuzz_target',
  '',
  ';;;',
  '-- nada',
  '/* sin cerrar',
  "SELECT 'sin cerrar",
  'SELECT $$sin cerrar',
  'SELECT "ñandú" FROM fuzz_target',
  "SELECT '¿Qué tal, ñandú? 🐘'",
  'WITH RECURSIVE r AS (SELECT 1 UNION ALL SELECT 1 FROM r) SELECT * FROM r',
  'SELECT pg_terminate_backend(pg_backend_pid())',
  'SELECT 1; SELECT pg_terminate_backend(pg_backend_pid()); SELECT 2',
  "SET statement_timeout = '1ms'; SELECT pg_sleep(1)",
  "SELECT repeat('ñ', 10000000)",
];
function statement(next: () => number, i: number): string {
  if (i < KNOWN.length) return KNOWN[i]!;
  const count = 1 + Math.floor(next() * 12);
  const words = Array.from({ length: count }, () => PIECES[Math.floor(next() * PIECES.length)]!);
  if (next() < 0.1)
    return String.fromCharCode(
      ...Array.from({ length: 1 + Math.floor(next() * 40) }, () => Math.floor(next() * 0xffff)),
    );
  return words.join(next() < 0.8 ? ' ' : '');
}

describe.skipIf(reason)(
  `the exercise input fuzzed on a real PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let server: TestServer;
    let session: TutorSession;
    let labDir: string;
    const cleanups: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      server = await startPlainPostgres();
      const lessons = await tempTree({
        '01-fuzz/lesson.yaml': lessonYaml,
        '01-fuzz/en.md': prose('Fuzz'),
        '01-fuzz/es.md': prose('Azar'),
      });
      const lab = await tempTree();
      cleanups.push(lessons.cleanup, lab.cleanup);
      labDir = lab.dir;
      session = await openSession(
        resolveOptions(
          {
            'lab-dir': lab.dir,
            'base-port': String(server.port),
            lessons: lessons.dir,
            lang: 'en',
          },
          {},
        ),
      );
    });
    afterAll(async () => {
      await session?.close();
      await server?.stop();
      for (const c of cleanups) await c();
    });

    it('takes 300 random and malformed statements: no crash, no hang, no lost progress, and the right answer still passes', async () => {
      expect(session.lessons.map((l) => l.id)).toEqual(['fuzz']);
      expect((await session.runStep('fuzz', 'prepare')).status).toBe('passed');
      const next = random(20261123);
      for (let i = 0; i < 300; i++) {
        const sql = statement(next, i);
        // A statement that never ends is cancelled, as the UI's Esc does.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 1500);
        const hang = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`hung on #${i}: ${JSON.stringify(sql)}`)), 15_000),
        );
        try {
          const { outcome } = await Promise.race([
            session.submitSql('fuzz', 'insert-one', sql, { signal: controller.signal }),
            hang,
          ]);
          expect(['passed', 'failed'], JSON.stringify(sql)).toContain(outcome.status);
          if (outcome.error) expect(outcome.error.key, JSON.stringify(sql)).toMatch(/^step\./);
        } finally {
          clearTimeout(timer);
        }
        const onDisk = JSON.parse(await readFile(join(labDir, 'progress.json'), 'utf8'));
        expect(Object.keys(onDisk.lessons.fuzz.steps)).toEqual(['prepare']);
        expect(onDisk.lessons.fuzz.exercises['insert-one'].attempts).toBe(i + 1);
      }
      const after = await session.submitSql(
        'fuzz',
        'insert-one',
        "DELETE FROM fuzz_target; INSERT INTO fuzz_target VALUES (1, 'vale, ñandú');",
      );
      expect(after.outcome.error).toBeUndefined();
      expect(after.grade.passed).toBe(true);
      expect(session.progress().lessons.fuzz!.exercises['insert-one']!.passed).toBe(true);
    }, 240_000);
  },
);
