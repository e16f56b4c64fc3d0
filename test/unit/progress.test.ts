import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  loadProgress,
  markStepDone,
  saveProgress,
  updateExercise,
  forgetLesson,
  emptyProgress,
  PROGRESS_FILE,
} from '../../src/store/progress.js';
import { ProgressBook } from '../../src/store/book.js';
import { hasMark } from '../../src/lab/mark.js';
import { tempTree } from '../helpers/temp.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));
async function lab(files: Record<string, string> = {}) {
  const tree = await tempTree(files);
  cleanups.push(tree.cleanup);
  return tree.dir;
}

describe('progress store', () => {
  it('starts empty where there is no file', async () => {
    expect((await loadProgress(await lab())).progress).toEqual(emptyProgress());
  });

  it('round-trips steps, exercises and timings', async () => {
    const dir = await lab();
    let p = markStepDone(
      emptyProgress(),
      'concepts',
      'roles',
      12.4,
      new Date('2026-01-01T00:00:00Z'),
    );
    p = updateExercise(p, 'concepts', 'quiz', (e) => ({
      ...e,
      passed: true,
      hintsUsed: 2,
      attempts: 3,
      answer: 'b',
    }));
    await saveProgress(dir, p);
    const loaded = (await loadProgress(dir)).progress;
    expect(loaded.lessons.concepts!.steps.roles).toEqual({
      doneAt: '2026-01-01T00:00:00.000Z',
      ms: 12,
    });
    expect(loaded.lessons.concepts!.exercises.quiz).toMatchObject({
      passed: true,
      hintsUsed: 2,
      attempts: 3,
      answer: 'b',
    });
    expect(forgetLesson(loaded, 'concepts').lessons).toEqual({});
  });

  it('sets a damaged file aside with a warning path, and keeps it', async () => {
    const dir = await lab({ [PROGRESS_FILE]: '{"version": 1, "lessons": {' });
    const { progress, setAside } = await loadProgress(dir);
    expect(progress).toEqual(emptyProgress());
    expect(setAside).toMatch(/progress\.json\.damaged-/);
    expect(await readFile(setAside!, 'utf8')).toBe('{"version": 1, "lessons": {');
  });

  it('sets an unknown version aside instead of misreading it', async () => {
    const dir = await lab({ [PROGRESS_FILE]: JSON.stringify({ version: 99, lessons: {} }) });
    expect((await loadProgress(dir)).setAside).toBeDefined();
    expect(await readdir(dir)).not.toContain(PROGRESS_FILE);
  });

  it('writes atomically: no temporary file is left and the old content survives a failed write', async () => {
    const dir = await lab();
    await saveProgress(dir, markStepDone(emptyProgress(), 'a', 'b', 1));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await writeFile(join(dir, 'blocker'), '');
    await expect(saveProgress(join(dir, 'blocker'), emptyProgress())).rejects.toThrow();
    expect((await loadProgress(dir)).progress.lessons.a?.steps.b).toBeDefined();
  });

  it("marks the lab folder as the lab's own on the first write", async () => {
    const dir = join(await lab(), 'new-lab');
    const book = await ProgressBook.open(dir);
    await book.update((p) => markStepDone(p, 'x', 'y', 1));
    expect(await hasMark(dir)).toBe(true);
  });

  it('refuses to take over a folder that holds other things and no mark, writing nothing there', async () => {
    const dir = await lab({ 'notes.txt': 'mine', 'data/keep.txt': 'mine too' });
    const book = await ProgressBook.open(dir);
    await expect(book.update((p) => markStepDone(p, 'x', 'y', 1))).rejects.toMatchObject({
      key: 'error.labDirNotOurs',
    });
    expect(await hasMark(dir)).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(['data', 'notes.txt']);
  });
});
