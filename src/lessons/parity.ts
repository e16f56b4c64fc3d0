import type { Lang } from '../i18n/index.js';
import { stepCode } from './lesson.js';
import type { ProseDoc } from './markdown.js';
import type { Problem } from './problem.js';
import type { LessonSpec } from './schema.js';

/**
 * The prose of each language must follow lesson.yaml exactly: same steps and exercises in the
 * same order, the same choices, as many hints, and code blocks equal to the code yaml owns.
 */
export function checkParity(
  spec: LessonSpec,
  prose: Record<Lang, ProseDoc>,
  files: Record<Lang, string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const lang of ['es', 'en'] as const) {
    const doc = prose[lang];
    const file = files[lang];
    sameIds(
      spec.steps.map((s) => s.id),
      doc.steps,
      file,
      'step',
      problems,
    );
    sameIds(
      spec.exercises.map((e) => e.id),
      doc.exercises,
      file,
      'exercise',
      problems,
    );

    for (const step of doc.steps) {
      const yamlStep = spec.steps.find((s) => s.id === step.id);
      if (!yamlStep) continue;
      const code = stepCode(yamlStep);
      if (code === undefined && step.codeBlocks.length > 0) {
        problems.push({
          file,
          line: step.codeBlocks[0]!.line,
          item: step.id,
          field: 'code',
          key: 'lint.codeWithoutStep',
        });
      }
      if (code === undefined) continue;
      if (step.codeBlocks.length === 0) {
        problems.push({
          file,
          line: step.line,
          item: step.id,
          field: 'code',
          key: 'lint.codeMissing',
        });
      }
      for (const block of step.codeBlocks) {
        if (block.code.trim() !== code.trim()) {
          problems.push({
            file,
            line: block.line,
            item: step.id,
            field: 'code',
            key: 'lint.codeDrift',
          });
        }
      }
    }

    for (const exercise of doc.exercises) {
      const yamlExercise = spec.exercises.find((e) => e.id === exercise.id);
      if (!yamlExercise) continue;
      if (exercise.hints.length === 0) {
        problems.push({
          file,
          line: exercise.line,
          item: exercise.id,
          field: 'hints',
          key: 'lint.noHints',
        });
      }
      const options = yamlExercise.choice?.options ?? [];
      const keys = exercise.choices.map((c) => c.key);
      if (options.join(',') !== keys.join(',')) {
        problems.push({
          file,
          line: exercise.line,
          item: exercise.id,
          field: 'choices',
          key: 'lint.choicesDiffer',
          params: { expected: options.join(', ') || '-', found: keys.join(', ') || '-' },
        });
      }
    }
  }

  for (const exercise of prose.es.exercises) {
    const other = prose.en.exercises.find((e) => e.id === exercise.id);
    if (other && other.hints.length !== exercise.hints.length) {
      problems.push({
        file: files.en,
        line: other.line,
        item: exercise.id,
        field: 'hints',
        key: 'lint.hintCountDiffers',
        params: { es: exercise.hints.length, en: other.hints.length },
      });
    }
  }
  return problems;
}

function sameIds(
  expected: string[],
  found: { id: string; line: number }[],
  file: string,
  field: 'step' | 'exercise',
  problems: Problem[],
) {
  const foundIds = found.map((f) => f.id);
  for (const id of expected) {
    if (!foundIds.includes(id))
      problems.push({ file, item: id, field, key: 'lint.itemMissing', params: { kind: field } });
  }
  for (const item of found) {
    if (!expected.includes(item.id))
      problems.push({
        file,
        line: item.line,
        item: item.id,
        field,
        key: 'lint.itemUnknown',
        params: { kind: field },
      });
  }
  const common = foundIds.filter((id) => expected.includes(id));
  const expectedOrder = expected.filter((id) => foundIds.includes(id));
  if (common.join() !== expectedOrder.join()) {
    problems.push({
      file,
      field,
      key: 'lint.itemOrder',
      params: { kind: field, expected: expectedOrder.join(', ') },
    });
  }
}
