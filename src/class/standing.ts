import type { Lesson } from '../lessons/lesson.js';
import { lessonTimings } from '../report/timings.js';
import { lessonOf, type Progress } from '../store/progress.js';

/** Where one learner stands, read from their progress file alone (no server, no network). */
export interface Standing {
  lessonsCompleted: number;
  lessonsTotal: number;
  /** The lesson they are in (the first not completed that they began), else the next to begin. */
  current: string | null;
  stepsDone: number;
  stepsTotal: number;
  exercisesPassed: number;
  exercisesTotal: number;
  hintsUsed: number;
  ms: number;
  lastActivity: string | null;
}

export function standingOf(lessons: Lesson[], progress: Progress): Standing {
  let stepsDone = 0,
    stepsTotal = 0,
    exercisesPassed = 0,
    exercisesTotal = 0,
    hintsUsed = 0,
    ms = 0,
    completed = 0;
  let current: string | null = null;
  let next: string | null = null;
  const moments: string[] = [];
  for (const lesson of lessons) {
    const state = lessonOf(progress, lesson.id);
    const steps = lesson.spec.steps.filter((s) => s.id in state.steps).length;
    const passed = lesson.spec.exercises.filter((e) => state.exercises[e.id]?.passed).length;
    const timings = lessonTimings(
      state,
      lesson.spec.steps.map((s) => s.id),
      lesson.spec.exercises.map((e) => e.id),
    );
    stepsDone += steps;
    stepsTotal += lesson.spec.steps.length;
    exercisesPassed += passed;
    exercisesTotal += lesson.spec.exercises.length;
    hintsUsed += timings.hintsUsed;
    ms += timings.ms;
    const done = steps === lesson.spec.steps.length && passed === lesson.spec.exercises.length;
    if (done) completed += 1;
    else if (steps > 0 || Object.keys(state.exercises).length > 0) current ??= lesson.id;
    else next ??= lesson.id;
    moments.push(
      ...Object.values(state.steps).map((s) => s.doneAt),
      ...Object.values(state.exercises).flatMap((e) => (e.passedAt ? [e.passedAt] : [])),
    );
  }
  const lastActivity =
    moments.length > 0 ? moments.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
  return {
    lessonsCompleted: completed,
    lessonsTotal: lessons.length,
    current: current ?? next,
    stepsDone,
    stepsTotal,
    exercisesPassed,
    exercisesTotal,
    hintsUsed,
    ms,
    lastActivity,
  };
}
