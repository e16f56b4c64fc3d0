import type { Expectation } from '../lessons/schema.js';
import { display, type Msg } from './result.js';
import type { Cell } from './catalog.js';

const numeric = (v: unknown) =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;

function same(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  const [x, y] = [numeric(a), numeric(b)];
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
  if (typeof a === 'boolean' || typeof b === 'boolean') return bool(a) === bool(b);
  return String(a) === String(b);
}
const bool = (v: unknown) => v === true || v === 't' || v === 'true';

/** Compares one found value (a scalar, or rows) with an expectation; pure. */
export function meets(found: Cell | Cell[][], e: Expectation): boolean {
  const rows = Array.isArray(found) ? found : undefined;
  const scalar = rows ? (rows[0]?.[0] ?? null) : found;
  if (e.empty !== undefined && (rows ? rows.length === 0 : scalar === null) !== e.empty)
    return false;
  if (e.rows !== undefined) {
    if (!rows || rows.length !== e.rows.length) return false;
    if (
      !e.rows.every(
        (r, i) => r.length === rows[i]!.length && r.every((c, j) => same(rows[i]![j], c)),
      )
    )
      return false;
  }
  if (e.equals !== undefined && !same(scalar, e.equals)) return false;
  if (e.atLeast !== undefined && !(numeric(scalar) >= numeric(e.atLeast))) return false;
  if (e.atMost !== undefined && !(numeric(scalar) <= numeric(e.atMost))) return false;
  if (e.matches !== undefined && !new RegExp(e.matches).test(display(scalar))) return false;
  return true;
}

/** Does the expectation need every row, or just the first value? */
export const wantsRows = (e: Expectation) => e.rows !== undefined || e.empty !== undefined;

export function describeExpectation(e: Expectation): Msg {
  const parts: string[] = [];
  if (e.equals !== undefined) parts.push(`= ${display(e.equals)}`);
  if (e.atLeast !== undefined) parts.push(`>= ${e.atLeast}`);
  if (e.atMost !== undefined) parts.push(`<= ${e.atMost}`);
  if (e.matches !== undefined) parts.push(`~ /${e.matches}/`);
  if (e.rows !== undefined) parts.push(`[${display(e.rows)}]`);
  if (e.empty === true) return { key: 'expect.noRows' };
  if (e.empty === false && parts.length === 0) return { key: 'expect.someRows' };
  return { key: 'value.raw', params: { value: parts.join(' ') } };
}
