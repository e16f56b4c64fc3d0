import type { Cell } from '../checks/catalog.js';

export interface TableView {
  lines: string[];
  /** Rows not shown because the result was cut. */
  hidden: number;
}

const cellText = (c: Cell) => (c === null ? 'NULL' : String(c)).replace(/\n/g, '⏎');

/** Aligns a result as text columns, cut at `maxRows` rows and `maxWidth` characters. */
export function formatTable(
  columns: string[],
  rows: Cell[][],
  maxRows = 20,
  maxWidth = 120,
): TableView {
  const shown = rows.slice(0, maxRows).map((r) => r.map(cellText));
  // One column (an EXPLAIN plan, a list) may use the whole width; several share it.
  const cap = columns.length === 1 ? maxWidth : 40;
  const widths = columns.map((c, i) =>
    Math.min(cap, Math.max(c.length, ...shown.map((r) => r[i]?.length ?? 0))),
  );
  const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => fit(c, widths[i]!))
      .join(' │ ')
      .slice(0, maxWidth)
      .trimEnd();
  const lines = [
    line(columns),
    widths
      .map((w) => '─'.repeat(w))
      .join('─┼─')
      .slice(0, maxWidth),
    ...shown.map(line),
  ];
  return { lines, hidden: Math.max(0, rows.length - maxRows) };
}
