import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/present/table.js';

describe('result tables', () => {
  it('aligns columns and cuts long results with the number hidden', () => {
    const rows = Array.from({ length: 25 }, (_, i) => [i, `user_${i}`]);
    const view = formatTable(['id', 'name'], rows, 20);
    expect(view.lines[0]).toBe('id │ name');
    expect(view.lines[2]).toBe('0  │ user_0');
    expect(view.lines).toHaveLength(22);
    expect(view.hidden).toBe(5);
  });

  it('gives a single column (an EXPLAIN plan) the whole width', () => {
    const plan = '      Node: host=127.0.0.1 port=46102 dbname=postgres (a long plan line)';
    expect(formatTable(['QUERY PLAN'], [[plan]]).lines[2]).toBe(plan);
    expect(formatTable(['a', 'b'], [[plan, 'x']]).lines[2]).toContain('…');
  });

  it('shows NULL and keeps Unicode', () => {
    expect(formatTable(['puesto'], [[null], ['Jefe de Departamento ñ']]).lines.slice(2)).toEqual([
      'NULL',
      'Jefe de Departamento ñ',
    ]);
  });
});
