import { afterEach, describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/temp.js';
import { runInTree } from '../helpers/run-main.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

const lesson = (requires: string[]) =>
  `needsCluster: false\nrequires: [${requires.join(', ')}]\nsteps:\n  - id: intro\nexercises:\n  - id: quiz\n    choice: { options: [a, b], answer: a }\n`;
const prose = (title: string) =>
  `# ${title}\n\nIntro.\n\n<!-- step: intro -->\n## ${title} intro\n\nText.\n\n<!-- exercise: quiz -->\n## ${title} quiz\n\nQ?\n<!-- choice: a -->\nA\n<!-- choice: b -->\nB\n<!-- hint -->\nH\n`;
const files = (folder: string, requires: string[]) => ({
  [`lessons/${folder}/lesson.yaml`]: lesson(requires),
  [`lessons/${folder}/en.md`]: prose(`${folder} en`),
  [`lessons/${folder}/es.md`]: prose(`${folder} es`),
});

/** Three lessons, each requiring the one before, and an empty lab folder. */
async function course() {
  const tree = await tempTree({
    ...files('01-one', []),
    ...files('02-two', ['one']),
    ...files('03-three', ['two']),
  });
  cleanups.push(tree.cleanup);
  return runInTree(tree.dir);
}

describe('--until: pacing a class', () => {
  it('list shows only the lessons up to --until and says how many are still closed', async () => {
    const cli = await course();
    const listed = JSON.parse((await cli(['list', '--json', '--until', 'two'])).out);
    expect(listed.lessons.map((l: { id: string }) => l.id)).toEqual(['one', 'two']);
    const text = await cli(['list', '--until', '2']);
    expect(text.out).toContain('1 more lesson(s) open when the class reaches them (--until two)');
    expect(text.out).not.toContain('three');
  });

  it('run and check refuse a later lesson with a clear error, in both languages', async () => {
    const cli = await course();
    const run = await cli(['run', 'three', '--yes', '--until', 'two']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Lesson three is not open yet: the class has reached lesson two.');
    const check = await cli(['check', '03-three', '--until', 'two', '--lang', 'es']);
    expect(check.code).toBe(2);
    expect(check.err).toContain(
      'La lección three aún no está abierta: la clase ha llegado hasta la lección two.',
    );
    const all = JSON.parse((await cli(['check', '--all', '--json', '--until', 'one'])).out);
    expect(all.lessons.map((l: { id: string }) => l.id)).toEqual(['one']);
  });

  it('an unknown --until lesson is a usage error', async () => {
    const cli = await course();
    const listed = await cli(['list', '--until', 'nine']);
    expect(listed.code).toBe(2);
    expect(listed.err).toContain('No lesson "nine" for --until.');
  });
});

describe('fast-forward: run <lesson> does the required earlier lessons first', () => {
  it('offers them at a terminal; Enter accepts and runs them in order', async () => {
    const cli = await course();
    const run = await cli(['run', 'three'], ['', 'a']);
    expect(run.asked[0]).toBe(
      'Lesson three needs one, two first. Run them now, then three? [Y/n] ',
    );
    expect(run.code).toBe(0);
    expect(run.out.indexOf('1. 01-one en')).toBeLessThan(run.out.indexOf('2. 02-two en'));
    expect(run.out.indexOf('2. 02-two en')).toBeLessThan(run.out.indexOf('3. 03-three en'));
    const listed = JSON.parse((await cli(['list', '--json'])).out);
    // The lessons caught up on ran every step without stopping for their quiz; the asked lesson asked it.
    expect(run.asked).toHaveLength(2);
    expect(
      listed.lessons.map((l: { progress: { stepsDone: number; completed: boolean } }) => [
        l.progress.stepsDone,
        l.progress.completed,
      ]),
    ).toEqual([
      [1, false],
      [1, false],
      [1, true],
    ]);
  });

  it('only asks for what is missing, and a "no" runs nothing', async () => {
    const cli = await course();
    expect((await cli(['run', 'one'])).code).toBe(0);
    const declined = await cli(['run', 'three', '--lang', 'es'], ['n']);
    expect(declined.asked[0]).toBe(
      'La lección three necesita antes two. ¿Las ejecuto ahora y después three? [S/n] ',
    );
    expect(declined.code).toBe(2);
    expect(declined.err).toContain('two');
    expect(declined.out).not.toContain('02-two');
  });

  it('does them at once with --yes, and without a terminal refuses saying how', async () => {
    const cli = await course();
    const refused = await cli(['run', 'two']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('run two --yes');
    const yes = await cli(['run', 'two', '--yes']);
    expect(yes.code).toBe(0);
    expect(yes.asked).toEqual([]);
    expect(yes.out).toContain('1. 01-one en');
  });
});
