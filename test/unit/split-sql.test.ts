import { describe, expect, it } from 'vitest';
import { splitSql } from '../../src/lessons/split-sql.js';

const texts = (sql: string) => splitSql(sql).map((s) => s.text);

describe('splitting SQL like psql', () => {
  it('cuts at top-level semicolons and drops empty and comment-only statements', () => {
    expect(texts('CREATE INDEX a ON t(x);\nCREATE INDEX b ON t(y);\n-- done\n;')).toEqual([
      'CREATE INDEX a ON t(x)',
      'CREATE INDEX b ON t(y)',
    ]);
  });

  it('keeps semicolons inside quotes, identifiers, dollar quotes and comments', () => {
    const sql = `INSERT INTO puestos VALUES (1, 'Jefe; de área');
SELECT "odd;name" FROM t /* a; comment */;
DO $body$ BEGIN RAISE NOTICE 'x;y'; END $body$;
SELECT $$;$$, E'it\\'s; fine', 'O''Brien; ok'`;
    expect(texts(sql)).toEqual([
      "INSERT INTO puestos VALUES (1, 'Jefe; de área')",
      'SELECT "odd;name" FROM t /* a; comment */',
      "DO $body$ BEGIN RAISE NOTICE 'x;y'; END $body$",
      "SELECT $$;$$, E'it\\'s; fine', 'O''Brien; ok'",
    ]);
  });

  it('tells each statement where it starts, for error positions', () => {
    const sql = 'SELECT 1;\n  SELECT * FROM nowhere;';
    const [, second] = splitSql(sql);
    expect(sql.slice(second!.offset)).toMatch(/^SELECT \* FROM nowhere/);
  });

  it('leaves an unterminated quote to PostgreSQL to report', () => {
    expect(texts("SELECT 'oops; SELECT 2")).toEqual(["SELECT 'oops; SELECT 2"]);
  });
});
