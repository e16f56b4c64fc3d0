import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseExercise,
  parseProgress,
  type ExerciseProgress,
  type LessonProgress,
  type Progress,
} from './progress-shape.js';
import { writeFileAtomic } from '../adapters/fs.js';

export const PROGRESS_FILE = 'progress.json';

export type { ExerciseProgress, LessonProgress, Progress } from './progress-shape.js';

export const emptyProgress = (): Progress => ({ version: 1, lessons: {} });
export const emptyLesson = (): LessonProgress => ({ steps: {}, exercises: {} });

export interface LoadedProgress {
  progress: Progress;
  /** Where a damaged or unknown file was set aside, so the learner can look at it. */
  setAside?: string;
}

/** Reads progress; a damaged or unknown-version file is moved aside, never a crash and never lost. */
export async function loadProgress(labDir: string): Promise<LoadedProgress> {
  const path = join(labDir, PROGRESS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { progress: emptyProgress() };
  }
  try {
    return { progress: parseProgress(JSON.parse(text)) };
  } catch {
    const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    return { progress: emptyProgress(), setAside: aside };
  }
}

/** Reads progress without touching the folder (a teacher's class status): undefined when absent, 'damaged' when unreadable. */
export async function peekProgress(labDir: string): Promise<Progress | 'damaged' | undefined> {
  let text: string;
  try {
    text = await readFile(join(labDir, PROGRESS_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parseProgress(JSON.parse(text));
  } catch {
    return 'damaged';
  }
}

export async function saveProgress(labDir: string, progress: Progress): Promise<void> {
  await writeFileAtomic(join(labDir, PROGRESS_FILE), JSON.stringify(progress, null, 2) + '\n');
}

/** Pure updates: each returns a new Progress. */
export function lessonOf(progress: Progress, lessonId: string): LessonProgress {
  return progress.lessons[lessonId] ?? emptyLesson();
}

export function withLesson(
  progress: Progress,
  lessonId: string,
  update: (l: LessonProgress) => LessonProgress,
): Progress {
  return {
    ...progress,
    lessons: { ...progress.lessons, [lessonId]: update(lessonOf(progress, lessonId)) },
  };
}

export const markStepDone = (
  p: Progress,
  lessonId: string,
  stepId: string,
  ms: number,
  now = new Date(),
) =>
  withLesson(p, lessonId, (l) => ({
    ...l,
    startedAt: l.startedAt ?? now.toISOString(),
    steps: { ...l.steps, [stepId]: { doneAt: now.toISOString(), ms: Math.round(ms) } },
  }));

/** Keeps the rows a lesson ran with, so later commands count against them without --rows. */
export const markRows = (p: Progress, lessonId: string, rows: number) =>
  withLesson(p, lessonId, (l) => ({ ...l, rows }));

/**
 * The rows the lab was loaded with: the record of the first lesson, in `order`, that kept one. A lab
 * loaded with --rows 200000 is checked against 200000 without --rows being given again.
 */
export function recordedRows(p: Progress, order: readonly string[]): number | undefined {
  for (const id of order) {
    const rows = p.lessons[id]?.rows;
    if (rows !== undefined) return rows;
  }
  return undefined;
}

export const updateExercise = (
  p: Progress,
  lessonId: string,
  exerciseId: string,
  update: (e: ExerciseProgress) => ExerciseProgress,
) =>
  withLesson(p, lessonId, (l) => ({
    ...l,
    exercises: {
      ...l.exercises,
      [exerciseId]: update(parseExercise(l.exercises[exerciseId] ?? {})),
    },
  }));

export const forgetLesson = (p: Progress, lessonId: string): Progress => {
  const lessons = { ...p.lessons };
  delete lessons[lessonId];
  return { ...p, lessons };
};
