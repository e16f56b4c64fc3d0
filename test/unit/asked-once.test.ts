import { describe, expect, it } from 'vitest';
import { askedOnce } from '../../src/checks/asked-once.js';
import type { Catalog } from '../../src/checks/catalog.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { snapshotCatalog } from '../../src/checks/recorded-catalog.js';
import { checkSpec } from '../../src/lessons/schema.js';
import { healthyLab, testVars } from '../helpers/snapshot.js';

/** The healthy lab's answers, counting how often each question reaches the cluster. */
function counting() {
  const inner = snapshotCatalog(healthyLab());
  const asked: string[] = [];
  const catalog = new Proxy(inner, {
    get: (target, method: keyof Catalog) => {
      const real = target[method] as (...a: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => (asked.push(String(method)), real(...args));
    },
  });
  return { catalog, asked };
}

describe('a round of checks', () => {
  it('asks each question once, however many checks share it', async () => {
    const { catalog, asked } = counting();
    const specs = [
      {
        kind: 'table',
        table: 'activity_log',
        type: 'distributed',
        placedOn: ['worker1', 'worker2'],
      },
      { kind: 'table', table: 'puestos', type: 'reference' },
      { kind: 'shards-balanced', table: 'activity_log', across: 'workers' },
      { kind: 'nodes', workers: ['worker1', 'worker2'] },
    ].map((raw) => checkSpec.parse(raw));
    const results = await runChecks(specs, { catalog, vars: testVars() });
    expect(results.map((r) => r.passed)).toEqual([true, true, true, true]);
    expect(asked.filter((m) => m === 'nodes')).toHaveLength(1);
    expect(asked.filter((m) => m === 'citusTables')).toHaveLength(1);
    expect(asked.filter((m) => m === 'placementsPerNode')).toHaveLength(1);
  });

  it('keeps a failed answer for the round, and a new round asks again', async () => {
    let calls = 0;
    const failing = {
      ...snapshotCatalog(healthyLab()),
      nodes: async () => {
        calls += 1;
        throw new Error('connection refused');
      },
    } as Catalog;
    const once = askedOnce(failing);
    await expect(once.nodes()).rejects.toThrow('connection refused');
    await expect(once.nodes()).rejects.toThrow('connection refused');
    expect(calls).toBe(1);
    expect(askedOnce(once)).toBe(once);
    await expect(askedOnce(failing).nodes()).rejects.toThrow();
    expect(calls).toBe(2);
  });
});
