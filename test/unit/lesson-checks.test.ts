import { afterAll, describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/lessons/load.js';
import { runLessonChecks } from '../../src/runner/lesson-checks.js';
import { tempTree } from '../helpers/temp.js';
import { lessonFiles } from '../helpers/lesson-files.js';
import { contextFor, healthyLab } from '../helpers/snapshot.js';

const yaml = `steps:
  - id: intro
  - id: greet
    shell: echo {{labDir}}
    checks:
      - kind: nodes
        workers: [worker1, worker2]
        absent: [worker3]
        transient: true
      - kind: row-count
        table: activity_log
        expect: { equals: 5 }
exercises:
  - id: quiz
    choice: { options: [a, b], answer: a }
`;
const tree = await tempTree(lessonFiles('01-hello', { yaml }));
afterAll(() => tree.cleanup());
const [lesson] = (await loadLessons(tree.dir)).lessons;

describe("a lesson's checks", () => {
  it('asks transient checks until a later lesson begins, then only the lasting ones', async () => {
    const ctx = contextFor(healthyLab());
    const all = await runLessonChecks(lesson!, ctx, '13.2-1', { quiz: 'a' });
    expect(all.steps[0]!.checks.map((c) => c.kind)).toEqual(['nodes', 'row-count']);
    const lasting = await runLessonChecks(
      lesson!,
      ctx,
      '13.2-1',
      { quiz: 'a' },
      { skipTransient: true },
    );
    expect(lasting.steps[0]!.checks.map((c) => c.kind)).toEqual(['row-count']);
  });

  it('grades a choice exercise on the answer given', async () => {
    const ctx = contextFor(healthyLab());
    expect(
      (await runLessonChecks(lesson!, ctx, undefined, { quiz: 'b' })).exercises[0]!.passed,
    ).toBe(false);
    expect(
      (await runLessonChecks(lesson!, ctx, undefined, { quiz: 'a' })).exercises[0]!.passed,
    ).toBe(true);
  });
});
