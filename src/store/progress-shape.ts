/**
 * The shape of progress.json, checked by hand rather than with zod: every command reads this file,
 * and zod's import alone cost each of them ~5 ms. Unknown keys are dropped; a wrong type throws.
 */
export interface ExerciseProgress {
  passed: boolean;
  passedAt?: string;
  hintsUsed: number;
  attempts: number;
  answer?: string;
  solutionShown: boolean;
}

export interface StepProgress {
  doneAt: string;
  ms: number;
}

export interface LessonProgress {
  startedAt?: string;
  completedAt?: string;
  /** The --rows this lesson's steps ran with, when the lesson uses them (the data-load lesson). */
  rows?: number;
  steps: Record<string, StepProgress>;
  exercises: Record<string, ExerciseProgress>;
}

export interface Progress {
  version: 1;
  lessons: Record<string, LessonProgress>;
}

class BadProgress extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, where: string): Record<string, unknown> {
  if (!isObject(v)) throw new BadProgress(`${where}: not an object`);
  return v;
}

function optionalString(o: Record<string, unknown>, key: string, where: string) {
  const v = o[key];
  if (v === undefined) return {};
  if (typeof v !== 'string') throw new BadProgress(`${where}.${key}: not a string`);
  return { [key]: v };
}

function optionalRows(o: Record<string, unknown>, where: string) {
  const v = o.rows;
  if (v === undefined) return {};
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1)
    throw new BadProgress(`${where}.rows: not a whole number >= 1`);
  return { rows: v };
}

function count(o: Record<string, unknown>, key: string, where: string): number {
  const v = o[key] ?? 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new BadProgress(`${where}.${key}: not a whole number >= 0`);
  return v;
}

function flag(o: Record<string, unknown>, key: string, where: string): boolean {
  const v = o[key] ?? false;
  if (typeof v !== 'boolean') throw new BadProgress(`${where}.${key}: not true or false`);
  return v;
}

function record<T>(v: unknown, where: string, each: (v: unknown, where: string) => T) {
  const o = object(v ?? {}, where);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, each(x, `${where}.${k}`)]));
}

export function parseExercise(v: unknown, where = 'exercise'): ExerciseProgress {
  const o = object(v, where);
  return {
    passed: flag(o, 'passed', where),
    ...optionalString(o, 'passedAt', where),
    hintsUsed: count(o, 'hintsUsed', where),
    attempts: count(o, 'attempts', where),
    ...optionalString(o, 'answer', where),
    solutionShown: flag(o, 'solutionShown', where),
  };
}

function parseStep(v: unknown, where: string): StepProgress {
  const o = object(v, where);
  if (typeof o.doneAt !== 'string') throw new BadProgress(`${where}.doneAt: not a string`);
  if (typeof o.ms !== 'number' || !(o.ms >= 0)) throw new BadProgress(`${where}.ms: not >= 0`);
  return { doneAt: o.doneAt, ms: o.ms };
}

function parseLesson(v: unknown, where: string): LessonProgress {
  const o = object(v, where);
  return {
    ...optionalString(o, 'startedAt', where),
    ...optionalString(o, 'completedAt', where),
    ...optionalRows(o, where),
    steps: record(o.steps, `${where}.steps`, parseStep),
    exercises: record(o.exercises, `${where}.exercises`, parseExercise),
  };
}

/** progress.json's content, or a throw naming the first thing that is wrong. */
export function parseProgress(v: unknown): Progress {
  const o = object(v, 'progress');
  if (o.version !== 1) throw new BadProgress('progress.version: not 1');
  return { version: 1, lessons: record(o.lessons, 'progress.lessons', parseLesson) };
}
