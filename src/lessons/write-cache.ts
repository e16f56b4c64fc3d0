import { readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../package-root.js';
import { buildLessonCache, CACHE_FILE } from './cache.js';
import { LESSON_FOLDER, readLessonTexts } from './files.js';
import { loadLesson } from './parse-lesson.js';

/**
 * Run by `npm run build`: parses the shipped lessons once and writes dist/lessons-cache.json. A lesson
 * with problems is left out, so it is parsed (and its problems reported) at run time as before.
 */
export async function writeLessonCache(
  lessonsDir: string,
  file: string = CACHE_FILE,
): Promise<number> {
  const folders = (await readdir(lessonsDir)).filter((name) => LESSON_FOLDER.test(name)).sort();
  const parsed = await Promise.all(
    folders.map(async (name) => {
      const dir = join(lessonsDir, name);
      const texts = await readLessonTexts(dir);
      const { lesson } = await loadLesson(dir, texts);
      return lesson && { ...lesson, texts };
    }),
  );
  const lessons = parsed.filter((l) => l !== undefined);
  await writeFile(file, JSON.stringify(buildLessonCache(packageVersion(), lessons)));
  return lessons.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'lessons');
  const count = await writeLessonCache(dir);
  console.log(`lessons cache: ${count} lessons from ${dir} -> ${CACHE_FILE}`);
}
