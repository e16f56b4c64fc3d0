import type { Lesson } from '../lessons/lesson.js';
import type { StepSpec } from '../lessons/schema.js';

/** What undoes a lesson: its reset entries as steps to run in order, for `reset` and the tutor alike. */
export const resetSteps = (lesson: Lesson): StepSpec[] =>
  lesson.spec.reset.map((entry, i) =>
    entry.sql !== undefined
      ? { id: `reset-${i}`, sql: entry.sql, node: entry.node, checks: [] }
      : { id: `reset-${i}`, action: entry.action!, checks: [] },
  );
