import type { LessonProgress } from '../store/progress.js';

/**
 * Time taken and hints used, read from progress.json. A step's time is how long it ran; an
 * exercise's is from the learner's previous recorded moment in the lesson (the last step done or
 * exercise passed before it) to the moment it passed: how long it took to solve once it was reached.
 */
export interface LessonTimings {
  /** Steps' run time plus exercises' solving time, in ms; 0 when nothing was done. */
  ms: number;
  hintsUsed: number;
  steps: Record<string, number | null>;
  exercises: Record<
    string,
    { ms: number | null; hintsUsed: number; attempts: number; passedAt: string | null }
  >;
}

const when = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

export function lessonTimings(
  state: LessonProgress,
  stepIds: string[],
  exerciseIds: string[],
): LessonTimings {
  const steps = Object.fromEntries(stepIds.map((id) => [id, state.steps[id]?.ms ?? null]));
  const moments = [
    when(state.startedAt),
    ...Object.values(state.steps).map((s) => when(s.doneAt)),
    ...Object.values(state.exercises).map((e) => when(e.passedAt)),
  ].filter((m): m is number => m !== undefined && Number.isFinite(m));
  const exercises = Object.fromEntries(
    exerciseIds.map((id) => {
      const e = state.exercises[id];
      const passed = when(e?.passedAt);
      let ms: number | null = null;
      if (passed !== undefined && Number.isFinite(passed)) {
        const before = moments.filter((m) => m < passed);
        ms = before.length > 0 ? passed - Math.max(...before) : null;
      }
      return [
        id,
        {
          ms,
          hintsUsed: e?.hintsUsed ?? 0,
          attempts: e?.attempts ?? 0,
          passedAt: e?.passedAt ?? null,
        },
      ];
    }),
  );
  const ms =
    Object.values(steps).reduce<number>((sum, v) => sum + (v ?? 0), 0) +
    Object.values(exercises).reduce<number>((sum, e) => sum + (e.ms ?? 0), 0);
  const hintsUsed = Object.values(exercises).reduce((sum, e) => sum + e.hintsUsed, 0);
  return { ms, hintsUsed, steps, exercises };
}
