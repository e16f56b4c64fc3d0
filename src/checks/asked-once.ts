import { CATALOG_METHODS, type Catalog } from './catalog.js';
import { answerKey } from './recorded-catalog.js';

const wrapped = new WeakSet<Catalog>();

/**
 * The catalog for one round of checks: each question asked once, however many checks ask it. Checks
 * only read and the cluster does not change while they run, so the nodes, placements and tables that
 * every `table` and `shards-balanced` check needs are fetched once (a failed question fails once, too).
 */
export function askedOnce(inner: Catalog): Catalog {
  if (wrapped.has(inner)) return inner;
  const answers = new Map<string, Promise<unknown>>();
  const catalog = Object.fromEntries(
    CATALOG_METHODS.map((method) => [
      method,
      (...args: unknown[]) => {
        const key = answerKey(method, args);
        let answer = answers.get(key);
        if (!answer) {
          answer = (inner[method] as (...a: unknown[]) => Promise<unknown>)(...args);
          answers.set(key, answer);
        }
        return answer;
      },
    ]),
  ) as unknown as Catalog;
  wrapped.add(catalog);
  return catalog;
}
