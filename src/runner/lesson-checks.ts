import type { CheckContext } from '../checks/context.js';
import type { CheckResult } from '../checks/result.js';
import { runChecks } from '../checks/run-checks.js';
import type { Lesson } from '../lessons/lesson.js';
import type { CheckSpec } from '../lessons/schema.js';
import { gradeExercise } from './grade.js';
import { versionAllows } from './version.js';

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
  ctx: CheckContext,
  citusVersion: string | undefined,
  answers: Record<string, string | undefined> = {},
  options: { skipTransient?: boolean } = {},
): Promise<LessonCheckResults> {
  const keep = (specs: CheckSpec[]) => (options.skipTransient ? specs.filter((c) => !c.transient) : specs);
  const steps = [];
  for (const step of lesson.spec.steps) {
    const specs = keep(step.checks);
    if (specs.length === 0 || (step.when && !versionAllows(step.when, citusVersion))) continue;
    const checks = await runChecks(specs, ctx);
    steps.push({ id: step.id, passed: checks.every((c) => c.passed), checks });
  }
  const exercises = [];
  for (const exercise of lesson.spec.exercises) {
    const grade = await gradeExercise({ ...exercise, checks: keep(exercise.checks) }, ctx, answers[exercise.id]);
    exercises.push({ id: exercise.id, passed: grade.passed, checks: grade.checks });
  }
  return { steps, exercises };
}
