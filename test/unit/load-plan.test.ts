import { describe, expect, it } from 'vitest';
import { BATCH_ROWS, loadPlan, resumeFrom } from '../../src/lab/actions/load-plan.js';

const covered = (rows: number) => {
  const ids = loadPlan(rows).batches.flatMap((b) => [b.first, b.last]);
  return { first: ids[0], last: ids.at(-1) };
};

describe('the load plan', () => {
  it('loads a million rows as two halves, one through each first worker', () => {
    expect(loadPlan(1_000_000).batches).toEqual([
      { node: 'worker1', first: 1, last: 500_000 },
      { node: 'worker2', first: 500_001, last: 1_000_000 },
    ]);
  });

  it('cuts larger loads into equal batches of at most a million rows, as many for each worker, with no gap or overlap', () => {
    for (const rows of [1, 3, 2_500_000, 12_000_000, 1_000_000_000]) {
      const { batches, size } = loadPlan(rows);
      expect(size).toBeLessThanOrEqual(BATCH_ROWS);
      expect(covered(rows)).toEqual({ first: 1, last: rows });
      batches.slice(1).forEach((b, i) => expect(b.first).toBe(batches[i]!.last + 1));
      batches.slice(0, -1).forEach((b) => expect(b.last - b.first + 1).toBe(size));
      expect(batches.at(-1)!.last - batches.at(-1)!.first + 1).toBeLessThanOrEqual(size);
      const per = (node: string) => batches.filter((b) => b.node === node).length;
      expect(Math.abs(per('worker1') - per('worker2'))).toBeLessThanOrEqual(1);
    }
    expect(loadPlan(12_000_000).batches).toHaveLength(12);
    expect(loadPlan(2_500_000).size).toBe(625_000);
  });

  it('resumes with the batches not in the table, counting the whole ones already in', () => {
    const plan = loadPlan(4_000_000);
    const resume = resumeFrom(
      plan,
      new Map([
        [0, 1_000_000],
        [2, 1_000_000],
      ]),
    );
    expect(resume).toEqual({
      ok: true,
      loaded: 2_000_000,
      todo: [plan.batches[1], plan.batches[3]],
    });
    expect(resumeFrom(plan, new Map())).toEqual({ ok: true, loaded: 0, todo: plan.batches });
  });

  it('refuses to load on top of rows that are not whole batches of this plan: they would give ids twice', () => {
    const plan = loadPlan(1_000_000);
    // A load of another --rows, or rows of the learner's own.
    expect(resumeFrom(plan, new Map([[0, 1000]]))).toEqual({ ok: false, stray: 1000 });
    expect(
      resumeFrom(
        plan,
        new Map([
          [-1, 5],
          [1, 500_000],
        ]),
      ),
    ).toEqual({ ok: false, stray: 5 });
  });
});
