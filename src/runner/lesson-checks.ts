import type { CheckContext } from '../checks/context.js';
import type { CheckResult } from '../checks/result.js';
import { askedOnce } from '../checks/asked-once.js';
import { runChecks } from '../checks/run-checks.js';
import type { Lesson } from '../lessons/lesson.js';
import type { CheckSpec } from '../lessons/schema.js';
import { gradeExercise } from './grade.js';
import { versionAllows } from './version.js';
import { checkNeedsLocalFiles } from './remote-steps.js';

export interface LessonCheckResults {
  steps: { id: string; passed: boolean; checks: CheckResult[] }[];
  exercises: { id: string; passed: boolean; checks: CheckResult[] }[];
}

/**
 * Every check a lesson declares (but transient ones, once a later lesson may have changed them), run against one catalog: the steps' checks (those that apply to
 * this Citus version) and the exercises' grades. `check`, the fixture recorder and the golden
 * tests all ask through here, so they ask the same questions.
 */
export async function runLessonChecks(
  lesson: Lesson,
  given: CheckContext,
  citusVersion: string | undefined,
  answers: Record<string, string | undefined> = {},
  options: { skipTransient?: boolean; remote?: boolean } = {},
): Promise<LessonCheckResults> {
  // A cluster that runs elsewhere has none of the lab's local files to look at.
  const keep = (specs: CheckSpec[]) =>
    specs.filter(
      (c) =>
        !(options.skipTransient && c.transient) && !(options.remote && checkNeedsLocalFiles(c)),
    );
  const stepsToCheck = lesson.spec.steps.filter(
    (step) =>
      keep(step.checks).length > 0 && !(step.when && !versionAllows(step.when, citusVersion)),
  );
  // Every question is a read: ask them all at once (the pools bound how many run on a node), and a
  // question several checks share only once.
  const ctx = { ...given, catalog: askedOnce(given.catalog) };
  const [steps, exercises] = await Promise.all([
    Promise.all(
      stepsToCheck.map(async (step) => {
        const checks = await runChecks(keep(step.checks), ctx);
        return { id: step.id, passed: checks.every((c) => c.passed), checks };
      }),
    ),
    Promise.all(
      lesson.spec.exercises.map(async (exercise) => {
        const grade = await gradeExercise(
          { ...exercise, checks: keep(exercise.checks) },
          ctx,
          answers[exercise.id],
        );
        return { id: exercise.id, passed: grade.passed, checks: grade.checks };
      }),
    ),
  ]);
  return { steps, exercises };
}
