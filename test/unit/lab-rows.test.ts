import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROWS, resolveOptions } from '../../src/config/options.js';
import { openLab } from '../../src/lab/open-lab.js';
import { loadLessons } from '../../src/lessons/load.js';
import { builtinLessonsDir } from '../../src/config/options.js';
import { stepDone } from '../../src/runner/step-done.js';
import { emptyProgress, recordedRows } from '../../src/store/progress.js';
import { tempTree } from '../helpers/temp.js';

const progressWith = (lessons: Record<string, object>) => JSON.stringify({ version: 1, lessons });

describe('the rows the lab was loaded with', () => {
  // Every lab folder a test made, removed after it: a test may make more than one.
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  /** The lab's template values for a lab folder built from `files`, with extra command-line options. */
  async function rowsOf(files: Record<string, string>, raw: Record<string, string> = {}) {
    const tree = await tempTree(files);
    cleanups.push(tree.cleanup);
    const lab = await openLab(resolveOptions({ 'lab-dir': tree.dir, ...raw }, {}), {
      needsBinaries: () => false,
    });
    await lab.close();
    return { rows: lab.vars.rows, setAside: lab.book.setAside };
  }

  it('are kept by a step of a lesson that uses {{rows}}, and by no other lesson', async () => {
    const { lessons } = await loadLessons(builtinLessonsDir());
    const load = lessons.find((l) => l.id === 'load-sizes')!;
    const distribute = lessons.find((l) => l.id === 'distribute')!;
    let p = stepDone(emptyProgress(), distribute, 'create-table', 5, 200000);
    expect(p.lessons.distribute!.rows).toBeUndefined();
    p = stepDone(p, load, 'load', 5, 200000);
    expect(p.lessons['load-sizes']).toMatchObject({ rows: 200000, steps: { load: { ms: 5 } } });
    expect(
      recordedRows(
        p,
        lessons.map((l) => l.id),
      ),
    ).toBe(200000);
  });

  it('are what later commands use without --rows, and --rows still wins', async () => {
    const files = { 'progress.json': progressWith({ 'load-sizes': { rows: 200000 } }) };
    expect((await rowsOf(files)).rows).toBe(200000);
    expect((await rowsOf(files, { rows: '5000' })).rows).toBe(5000);
  });

  it('fall back to the default on a new lab or a damaged progress file, which is kept aside', async () => {
    expect((await rowsOf({})).rows).toBe(DEFAULT_ROWS);
    const { rows, setAside } = await rowsOf({ 'progress.json': '{ not json' });
    expect(rows).toBe(DEFAULT_ROWS);
    expect(await readFile(setAside!, 'utf8')).toBe('{ not json');
  });
});
