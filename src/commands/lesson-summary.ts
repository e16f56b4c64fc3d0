import type { Lang } from '../i18n/index.js';
import { exerciseKind, stepKind, type Lesson } from '../lessons/lesson.js';
import type { Progress } from '../store/progress.js';
import { lessonOf } from '../store/progress.js';

/** The stable `list --json` shape of one lesson (documented in the README). */
export function lessonSummary(lesson: Lesson, lang: Lang, progress: Progress) {
  const state = lessonOf(progress, lesson.id);
  const prose = lesson.prose[lang];
  const steps = lesson.spec.steps.map((s) => ({
    id: s.id,
    title: prose.steps.find((p) => p.id === s.id)?.title ?? s.id,
    kind: stepKind(s),
    node: s.sql !== undefined ? (s.node ?? 'coordinator') : null,
    done: s.id in state.steps,
  }));
  const exercises = lesson.spec.exercises.map((e) => ({
    id: e.id,
    title: prose.exercises.find((p) => p.id === e.id)?.title ?? e.id,
    kind: exerciseKind(e),
    passed: state.exercises[e.id]?.passed ?? false,
    hintsUsed: state.exercises[e.id]?.hintsUsed ?? 0,
  }));
  const stepsDone = steps.filter((s) => s.done).length;
  const exercisesPassed = exercises.filter((e) => e.passed).length;
  return {
    id: lesson.id,
    number: lesson.number,
    title: prose.title,
    requires: lesson.spec.requires,
    steps,
    exercises,
    progress: {
      stepsDone,
      stepsTotal: steps.length,
      exercisesPassed,
      exercisesTotal: exercises.length,
      completed: stepsDone === steps.length && exercisesPassed === exercises.length,
    },
  };
}

export const lessonStepsDone = (lesson: Lesson, progress: Progress) =>
  lesson.spec.steps.every((s) => s.id in lessonOf(progress, lesson.id).steps);
