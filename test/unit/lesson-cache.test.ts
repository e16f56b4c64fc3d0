import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLessonCache, type LessonCache } from '../../src/lessons/cache.js';
import { loadLessons } from '../../src/lessons/load.js';
import { writeLessonCache } from '../../src/lessons/write-cache.js';
import { tempTree } from '../helpers/temp.js';

// The example lesson teachers start from, read from fixtures/lessons.
const example = join(import.meta.dirname, '..', '..', 'fixtures', 'lessons', '01-hello');
const files = Object.fromEntries(
  await Promise.all(
    ['lesson.yaml', 'en.md', 'es.md'].map(async (f) => [
      `01-hello/${f}`,
      await readFile(join(example, f), 'utf8'),
    ]),
  ),
) as Record<string, string>;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function lessonsAndCache() {
  const lessons = await tempTree(files);
  const out = await tempTree();
  cleanups.push(lessons.cleanup, out.cleanup);
  const file = join(out.dir, 'lessons-cache.json');
  expect(await writeLessonCache(lessons.dir, file)).toBe(1);
  const version = (JSON.parse(await readFile(file, 'utf8')) as LessonCache).version;
  const cache = await readLessonCache(file, version);
  return { dir: lessons.dir, file, cache: cache!, version };
}

describe('the lessons cache the build writes', () => {
  it('gives back the lessons exactly as parsing them does', async () => {
    const { dir, cache } = await lessonsAndCache();
    expect(cache).not.toBeNull();
    expect(await loadLessons(dir, cache)).toEqual(await loadLessons(dir, null));
  });

  it('is used while the files are unchanged, and not once one byte of a lesson changed', async () => {
    const { dir, cache } = await lessonsAndCache();
    const marked: LessonCache = structuredClone(cache);
    marked.lessons['01-hello']!.lesson.prose.en.title = 'FROM THE CACHE';
    expect((await loadLessons(dir, marked)).lessons[0]!.prose.en.title).toBe('FROM THE CACHE');

    const en = files['01-hello/en.md']!.replace('# Hello, lab', '# Hello again');
    await writeFile(join(dir, '01-hello', 'en.md'), en);
    const reparsed = await loadLessons(dir, marked);
    expect(reparsed.lessons[0]!.prose.en.title).toBe('Hello again');
  });

  it('still reports a broken lesson: a cache never hides a problem', async () => {
    const { dir, cache } = await lessonsAndCache();
    await writeFile(join(dir, '01-hello', 'lesson.yaml'), 'steps: [');
    const loaded = await loadLessons(dir, cache);
    expect(loaded.lessons).toEqual([]);
    expect(loaded.problems.map((p) => p.key)).toContain('lint.yamlSyntax');
  });

  it('is not trusted when another version of the program wrote it, or when it is damaged', async () => {
    const { file, version } = await lessonsAndCache();
    expect(await readLessonCache(file, `${version}-other`)).toBeNull();
    await writeFile(file, '{ not json');
    expect(await readLessonCache(file, version)).toBeNull();
  });
});
