import type { Lesson } from '../lessons/lesson.js';
import { templateNames } from '../lessons/template.js';
import { markRows, markStepDone, type Progress } from '../store/progress.js';

/** Does the lesson use {{rows}} (the data-load lesson's size, and the checks that count it)? */
export const usesRows = (lesson: Lesson) =>
  templateNames(JSON.stringify(lesson.spec)).includes('rows');

/**
 * A step done, and the rows it ran with when its lesson uses them: later commands then count against
 * the rows the lab was loaded with, whether or not --rows is given again.
 */
export function stepDone(
  p: Progress,
  lesson: Lesson,
  stepId: string,
  ms: number,
  rows: number,
): Progress {
  const done = markStepDone(p, lesson.id, stepId, ms);
  return usesRows(lesson) ? markRows(done, lesson.id, rows) : done;
}
