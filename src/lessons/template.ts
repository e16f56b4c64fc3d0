import type { NodeName } from './schema.js';
import { NODE_NAMES } from './nodes.js';

/** The values a lesson's code and checks may name as `{{name}}`. */
export interface TemplateVars {
  labDir: string;
  pgBin: string;
  host: string;
  user: string;
  database: string;
  socketDir: string;
  rows: number;
  port: Record<NodeName, number>;
  dataDir: Record<NodeName, string>;
}

export const TEMPLATE_NAMES: readonly string[] = [
  'labDir',
  'pgBin',
  'host',
  'user',
  'database',
  'socketDir',
  'rows',
  ...NODE_NAMES.flatMap((n) => [`port.${n}`, `dataDir.${n}`]),
];

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9.]+)\s*\}\}/g;

export function templateNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** The `{{names}}` in `text` the runner cannot fill. */
export const unknownTemplates = (text: string) =>
  templateNames(text).filter((name) => !TEMPLATE_NAMES.includes(name));

export function lookup(vars: TemplateVars, name: string): string | number | undefined {
  const [head, tail] = name.split('.', 2) as [string, string | undefined];
  const value = (vars as unknown as Record<string, unknown>)[head];
  if (tail === undefined)
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  const inner = (value as Record<string, unknown> | undefined)?.[tail];
  return typeof inner === 'string' || typeof inner === 'number' ? inner : undefined;
}

/** Fills placeholders; strings go through `quote` (shell or SQL), numbers stay bare. */
export function fill(text: string, vars: TemplateVars, quote: (s: string) => string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = lookup(vars, name);
    if (value === undefined) throw new Error(`unknown template value {{${name}}}`);
    return typeof value === 'number' ? String(value) : quote(value);
  });
}

/** POSIX shell single quoting: safe for spaces, quotes, `$(...)` and every other character. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
export const sqlLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** For expectations: the value itself, unquoted. */
export const plain = (s: string) => s;
