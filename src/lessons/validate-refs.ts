import type { Problem } from './problem.js';
import type { LessonSpec } from './schema.js';
import { TEMPLATE_NAMES, unknownTemplates } from './template.js';

/** Every `{{name}}` a lesson uses must be a value the runner knows how to fill. */
export function checkTemplates(spec: LessonSpec, file: string): Problem[] {
  const problems: Problem[] = [];
  const scan = (text: string | undefined, item: string, field: string) => {
    for (const name of unknownTemplates(text ?? ''))
      problems.push({
        file,
        item,
        field,
        key: 'lint.unknownTemplate',
        params: { name, known: TEMPLATE_NAMES.join(', ') },
      });
  };
  const scanChecks = (checks: LessonSpec['steps'][number]['checks'], item: string) =>
    checks.forEach((c, i) => scan(JSON.stringify(c), item, `checks.${i}`));
  for (const step of spec.steps) {
    scan(step.sql ?? step.shell, step.id, step.sql !== undefined ? 'sql' : 'shell');
    scanChecks(step.checks, step.id);
  }
  for (const exercise of spec.exercises) {
    scan(exercise.solution?.sql, exercise.id, 'solution.sql');
    scanChecks(exercise.checks, exercise.id);
  }
  spec.reset.forEach((r, i) => scan(r.sql, `reset.${i}`, 'sql'));
  return problems;
}
