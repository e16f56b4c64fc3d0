import { errorText } from '../errors.js';
import { CATALOG_METHODS, NodeUnreachable, type Catalog } from './catalog.js';

/** A catalog snapshot: every answer the checks asked for, keyed by question. */
export interface CatalogSnapshot {
  version: 1;
  recordedWith?: { postgres?: string; citus?: string };
  /** The lab the answers came from: checks are filled with these values to ask the same questions. */
  lab?: { labDir: string; basePort: number; rows: number; pgBin: string };
  answers: Record<string, Answer>;
}

type Answer =
  | { value: unknown }
  | { unreachable: { node: string; port: number; message: string } }
  | { error: string };

/** A question's key: its method and arguments. An argument left out and one passed as undefined are the same. */
export function answerKey(method: string, args: unknown[]): string {
  let given = args.length;
  while (given > 0 && args[given - 1] === undefined) given--;
  return [method, ...args.slice(0, given)].map(String).join(' | ');
}

/** Wraps a live catalog and keeps every answer, so the same checks can run later without a cluster. */
export function recordingCatalog(inner: Catalog, snapshot: CatalogSnapshot): Catalog {
  const wrapped = {} as Record<string, unknown>;
  for (const method of CATALOG_METHODS) {
    wrapped[method] = async (...args: unknown[]) => {
      const key = answerKey(method, args);
      try {
        const value = await (inner[method] as (...a: unknown[]) => Promise<unknown>)(...args);
        snapshot.answers[key] = { value };
        return value;
      } catch (error) {
        snapshot.answers[key] =
          error instanceof NodeUnreachable
            ? { unreachable: { node: error.node, port: error.port, message: error.message } }
            : { error: errorText(error) };
        throw error;
      }
    };
  }
  return wrapped as unknown as Catalog;
}

export class NotInSnapshot extends Error {}

/** Answers from a snapshot; a question it holds no answer for is an error, never a guess. */
export function snapshotCatalog(snapshot: CatalogSnapshot): Catalog {
  const answer =
    (method: string) =>
    async (...args: unknown[]) => {
      const key = answerKey(method, args);
      const found = snapshot.answers[key];
      if (!found) throw new NotInSnapshot(`the snapshot holds no answer for: ${key}`);
      if ('unreachable' in found) {
        const u = found.unreachable;
        throw new NodeUnreachable(u.node as never, u.port, u.message);
      }
      if ('error' in found) throw new Error(found.error);
      return structuredClone(found.value);
    };
  return Object.fromEntries(CATALOG_METHODS.map((m) => [m, answer(m)])) as unknown as Catalog;
}
