import type { Lang } from '../i18n/index.js';
import type { ProseDoc } from './markdown.js';
import type { LessonSpec, StepSpec, ExerciseSpec } from './schema.js';

export interface Lesson {
  /** The folder name without its number: `03-distribute` is `distribute`. */
  id: string;
  number: number;
  dir: string;
  spec: LessonSpec;
  prose: Record<Lang, ProseDoc>;
}

export type StepKind = 'sql' | 'shell' | 'action' | 'read';

export function stepKind(step: StepSpec): StepKind {
  if (step.sql !== undefined) return 'sql';
  if (step.shell !== undefined) return 'shell';
  if (step.action !== undefined) return 'action';
  return 'read';
}

export function stepCode(step: StepSpec): string | undefined {
  return step.sql ?? step.shell;
}

export function exerciseKind(exercise: ExerciseSpec): 'choice' | 'sql' {
  return exercise.choice ? 'choice' : 'sql';
}

export function stepTitle(lesson: Lesson, lang: Lang, stepId: string): string {
  return lesson.prose[lang].steps.find((s) => s.id === stepId)?.title || stepId;
}

export function exerciseProse(lesson: Lesson, lang: Lang, exerciseId: string) {
  return lesson.prose[lang].exercises.find((e) => e.id === exerciseId);
}
