import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT, RUNS_BUILT, packageVersion } from '../package-root.js';
import type { LessonTexts } from './files.js';
import type { Lesson } from './lesson.js';

/**
 * The shipped lessons, parsed and validated by the build (`npm run build` writes dist/lessons-cache.json).
 * Parsing nine lessons' yaml and prose, with their schema, costs about a third of a `check`; a folder
 * whose files hash the same as when the build parsed them is taken from here instead. The key covers the
 * folder's name and its three files byte for byte, so an edited lesson is always parsed again.
 */
export interface LessonCache {
  /** The program's version: a cache written by another build is not trusted. */
  version: string;
  lessons: Record<string, { hash: string; lesson: Omit<Lesson, 'dir'> }>;
}

export const CACHE_FILE = join(PACKAGE_ROOT, 'dist', 'lessons-cache.json');

export function lessonHash(folder: string, texts: LessonTexts): string {
  return createHash('sha256')
    .update(JSON.stringify([folder, texts.spec ?? null, texts.es ?? null, texts.en ?? null]))
    .digest('hex');
}

export function cachedLesson(
  cache: LessonCache,
  folder: string,
  texts: LessonTexts,
  dir: string,
): Lesson | undefined {
  const entry = cache.lessons[folder];
  if (!entry || entry.hash !== lessonHash(folder, texts)) return undefined;
  return { ...entry.lesson, dir };
}

export function buildLessonCache(
  version: string,
  lessons: readonly (Lesson & { texts: LessonTexts })[],
): LessonCache {
  const entries = lessons.map(({ texts, dir, ...lesson }) => {
    const folder = dir.split(/[\\/]/).pop()!;
    return [folder, { hash: lessonHash(folder, texts), lesson }] as const;
  });
  return { version, lessons: Object.fromEntries(entries) };
}

/** The build's cache, or null (not built, another version, unreadable): then every lesson is parsed. */
export async function readLessonCache(
  file?: string,
  version?: string,
): Promise<LessonCache | null> {
  // Sources run by tsx or vitest may differ from the build that wrote the cache: they parse.
  if (file === undefined && !RUNS_BUILT) return null;
  try {
    const cache = JSON.parse(await readFile(file ?? CACHE_FILE, 'utf8')) as LessonCache;
    const expected = version ?? packageVersion();
    return cache.version === expected && cache.lessons ? cache : null;
  } catch {
    return null;
  }
}
