import type { CheckContext } from '../checks/context.js';
import type { CheckResult } from '../checks/result.js';
import { runChecks } from '../checks/run-checks.js';
import type { ExerciseSpec } from '../lessons/schema.js';

export interface Grade {
  passed: boolean;
  checks: CheckResult[];
}

/** A choice is graded on the answer; a SQL exercise only on the catalog's state. */
export async function gradeExercise(
  exercise: ExerciseSpec,
  ctx: CheckContext,
  answer?: string,
): Promise<Grade> {
  if (exercise.choice) {
    const passed = answer === exercise.choice.answer;
    return {
      passed,
      checks: [
        {
          kind: 'choice',
          passed,
          what: { key: 'check.choice', params: { exercise: exercise.id } },
          expected: { key: 'expect.rightChoice' },
          found:
            answer === undefined
              ? { key: 'found.noAnswer' }
              : { key: 'value.raw', params: { value: answer } },
        },
      ],
    };
  }
  const checks = await runChecks(exercise.checks, ctx);
  return { passed: checks.every((c) => c.passed), checks };
}
