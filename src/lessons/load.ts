import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lesson } from './lesson.js';
import { cachedLesson, readLessonCache, type LessonCache } from './cache.js';
import { LESSON_FOLDER, SPEC_FILE, readLessonTexts } from './files.js';
import type { Problem } from './problem.js';

export interface LoadResult {
  lessons: Lesson[];
  problems: Problem[];
}

/**
 * Loads every lesson folder; a broken lesson is reported and left out, the others still load.
 * A folder whose three files are byte for byte those the build parsed comes from the build's cache;
 * any other is read, parsed and validated here (and its parser loaded only then).
 */
export async function loadLessons(root: string, cache?: LessonCache | null): Promise<LoadResult> {
  let entries: string[];
  try {
    entries = (await readdir(root, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return { lessons: [], problems: [{ file: root, key: 'lint.noLessonDir' }] };
  }
  const folders = entries.filter((name) => LESSON_FOLDER.test(name)).sort();
  const known = cache === undefined ? await readLessonCache() : cache;
  const results = await Promise.all(
    folders.map((name) => loadFolder(join(root, name), name, known)),
  );
  const lessons = results.flatMap((r) => (r.lesson ? [r.lesson] : []));
  const problems = results.flatMap((r) => r.problems);

  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    const previous = seen.get(lesson.id);
    if (previous)
      problems.push({
        file: lesson.dir,
        key: 'lint.duplicateId',
        params: { id: lesson.id, other: previous },
      });
    seen.set(lesson.id, lesson.dir);
  }
  const ids = new Set(lessons.map((l) => l.id));
  for (const lesson of lessons) {
    for (const required of lesson.spec.requires) {
      const target = lessons.find((l) => l.id === required);
      if (!ids.has(required)) {
        problems.push({
          file: join(lesson.dir, SPEC_FILE),
          field: 'requires',
          key: 'lint.unknownRequire',
          params: { id: required },
        });
      } else if (target && target.number >= lesson.number) {
        problems.push({
          file: join(lesson.dir, SPEC_FILE),
          field: 'requires',
          key: 'lint.requireLater',
          params: { id: required },
        });
      }
    }
  }
  if (folders.length === 0) problems.push({ file: root, key: 'lint.noLessons' });
  return { lessons, problems };
}

async function loadFolder(
  dir: string,
  name: string,
  cache: LessonCache | null,
): Promise<{ lesson?: Lesson; problems: Problem[] }> {
  const texts = await readLessonTexts(dir);
  const hit = cache && cachedLesson(cache, name, texts, dir);
  if (hit) return { lesson: hit, problems: [] };
  const { loadLesson } = await import('./parse-lesson.js');
  return loadLesson(dir, texts);
}
