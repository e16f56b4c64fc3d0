import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIo } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';
import { lessonFiles } from '../helpers/lesson-files.js';
import { shellLesson } from '../helpers/shell-lesson.js';
import { runMain } from '../helpers/run-main.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

/** Runs the program in-process with a temporary lab folder and an unused port block. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}, answers: string[] = []) {
  const tree = await tempTree();
  cleanups.push(tree.cleanup);
  return cliIn(tree.dir, args, env, answers);
}
async function cliIn(
  labDir: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  answers: string[] = [],
) {
  const r = await runMain(
    [...args, '--lab-dir', labDir, '--base-port', '45170'],
    { LANG: 'en_US.UTF-8', ...env },
    answers,
  );
  return { ...r, labDir };
}

describe('command line contract', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    expect((await cli(['--version'])).out).toBe(pkg.version);
  });

  it("--help is in the locale's language", async () => {
    expect((await cli(['--help'], { LANG: 'es_ES.UTF-8' })).out).toContain('Uso:');
    expect((await cli(['--help'])).out).toContain('Usage:');
  });

  it('list --json has the documented shape with usable ids', async () => {
    const { code, out } = await cli(['list', '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(out);
    const concepts = data.lessons.find((l: { id: string }) => l.id === 'concepts');
    expect(concepts).toMatchObject({
      id: 'concepts',
      number: 1,
      title: 'Citus concepts',
      progress: { stepsDone: 0, completed: false },
    });
    expect(concepts.steps[0]).toEqual({
      id: 'roles',
      title: 'Coordinator and workers',
      kind: 'read',
      node: null,
      done: false,
    });
    expect(concepts.exercises[0]).toMatchObject({
      id: 'where-rows-live',
      kind: 'choice',
      passed: false,
    });
  });

  it('list in Spanish with --lang es', async () => {
    expect((await cli(['list', '--lang', 'es'])).out).toContain('Conceptos de Citus');
  });

  it("usage errors exit 2 with a message in the learner's language", async () => {
    const unknown = await cli(['fly'], { LANG: 'es_ES.UTF-8' });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Comando desconocido "fly"');
    const badPort = await main(['list', '--base-port', '80'], {}, bufferIo());
    expect(badPort).toBe(2);
    expect((await cli(['list', '--lang', 'fr'])).err).toContain('Unknown language "fr"');
    expect((await cli(['run'])).code).toBe(2);
    expect((await cli(['run', 'nope'])).err).toContain('No lesson "nope"');
  });

  it('run, check and reset the concepts lesson end to end without a cluster', async () => {
    const tree = await tempTree();
    cleanups.push(tree.cleanup);
    const before = await cliIn(tree.dir, ['check', 'concepts']);
    expect(before.code).toBe(1);
    expect(before.out).toContain('no answer yet');

    const run = await cliIn(tree.dir, ['run', 'concepts', '--yes', '--solutions']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Lesson concepts complete');

    const after = await cliIn(tree.dir, ['check', 'concepts', '--json']);
    expect(after.code).toBe(0);
    const report = JSON.parse(after.out);
    expect(report.lessons[0]).toMatchObject({ id: 'concepts', passed: true });
    expect(report.lessons[0].exercises.every((e: { passed: boolean }) => e.passed)).toBe(true);

    const listed = JSON.parse((await cliIn(tree.dir, ['list', '--json'])).out);
    expect(listed.lessons[0].progress).toMatchObject({
      stepsDone: 5,
      exercisesPassed: 4,
      completed: true,
    });

    expect((await cliIn(tree.dir, ['reset', 'concepts'])).code).toBe(2);
    expect((await cliIn(tree.dir, ['reset', 'concepts', '--yes'])).code).toBe(0);
    expect((await cliIn(tree.dir, ['check', 'concepts'])).code).toBe(1);
  });

  it('grades a wrong and then a right answer given with --answer', async () => {
    const tree = await tempTree();
    cleanups.push(tree.cleanup);
    const wrong = await cliIn(tree.dir, ['check', 'concepts', '--answer', 'routing=a', '--json']);
    const routing = (r: string) =>
      JSON.parse(r).lessons[0].exercises.find((e: { id: string }) => e.id === 'routing');
    expect(routing(wrong.out)).toMatchObject({ passed: false });
    const right = await cliIn(tree.dir, ['check', 'concepts', '--answer', 'routing=b', '--json']);
    expect(routing(right.out)).toMatchObject({ passed: true });
    expect((await cliIn(tree.dir, ['check', 'concepts', '--answer', 'routing=z'])).code).toBe(2);
  });

  it('asks the question when a person is at the terminal', async () => {
    const { code, out } = await cli(['run', 'concepts'], {}, ['b', 'b', 'a', 'b']);
    expect(code).toBe(0);
    expect(out).toContain('Lesson concepts complete');
    // The prose names this lab's ports (--base-port 45170), not the default ones.
    expect(out).toMatch(/psql -h 127\.0\.0\.1 -p 45170 -U postgres/);
    expect(out).toMatch(/worker 3 .*45173/);
    expect(out).not.toMatch(/5516[4-7]|\{\{port/);
  });

  it('keeps the progress and warns when the progress file is damaged', async () => {
    const tree = await tempTree({ 'progress.json': 'not json' });
    cleanups.push(tree.cleanup);
    const { code, err } = await cliIn(tree.dir, ['list']);
    expect(code).toBe(0);
    expect(err).toContain('damaged');
  });

  it('lint exits 1 and names the file and step of a broken lesson; 0 on a good folder', async () => {
    const bad = await tempTree(lessonFiles('01-hello', { es: '# Hola\n' }));
    const good = await tempTree(lessonFiles('01-hello'));
    cleanups.push(bad.cleanup, good.cleanup);
    const failed = await cli(['lint', bad.dir]);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/es\.md \[intro\] step: /);
    expect(failed.out).toContain(
      '→ Add a section that starts with <!-- step: intro --> followed by a ## title.',
    );
    const json = JSON.parse((await cli(['lint', bad.dir, '--json', '--lang', 'es'])).out);
    expect(json.problems[0].fix).toMatch(/^Añade una sección que empiece con <!-- step: intro -->/);
    expect((await cli(['lint', good.dir])).code).toBe(0);
  });

  it("runs a teacher's lesson from --lessons only after showing its shell commands", async () => {
    const lessons = await tempTree(lessonFiles('01-hello'));
    cleanups.push(lessons.cleanup);
    const refused = await cli(['run', 'hello', '--lessons', lessons.dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('echo');
    const ran = await cli(['run', 'hello', '--lessons', lessons.dir, '--yes', '--solutions']);
    expect(ran.code).toBe(0);
    expect(ran.out).toContain(join('citus-lab-test-'));
    // At a terminal: every shell command of every lesson shown first, one question for all of them.
    const two = await tempTree({
      ...lessonFiles('01-hello'),
      ...shellLesson('02-more', [
        { id: 'a', shell: 'echo uno' },
        { id: 'b', shell: 'echo dos' },
      ]),
    });
    const lab = await tempTree();
    cleanups.push(two.cleanup, lab.cleanup);
    const io = bufferIo(['y', 'a', 'a']);
    const questions: string[] = [];
    const ask = io.ask;
    io.ask = (q) => (questions.push(q), ask(q));
    const code = await main(
      [
        'run',
        '--all',
        '--lessons',
        two.dir,
        '--lab-dir',
        lab.dir,
        '--base-port',
        '45170',
        '--lang',
        'en',
      ],
      {},
      io,
    );
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(questions.filter((q) => q.startsWith('Run them?'))).toHaveLength(1);
    const shown = io.stderr.join('\n');
    for (const c of ['[hello/greet] echo', '[more/a] echo uno', '[more/b] echo dos'])
      expect(shown).toContain(c);
    expect(questions[0]).toMatch(/^Run them\?/);
  });

  it('refuses to run a lesson before its prerequisites without --yes', async () => {
    const files = {
      ...lessonFiles('01-hello'),
      ...lessonFiles('02-next', {
        yaml: `requires: [hello]\n${(await import('../helpers/lesson-files.js')).validYaml}`,
      }),
    };
    const lessons = await tempTree(files);
    cleanups.push(lessons.cleanup);
    const refused = await cli(
      ['run', 'next', '--lessons', lessons.dir, '--yes'].filter((a) => a !== '--yes'),
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('needs hello first');
  });

  it('refuses, as root, to run a lesson that starts servers, saying what to do', async () => {
    const yaml = (await import('../helpers/lesson-files.js')).validYaml.replace(
      'needsCluster: false',
      'needsCluster: true',
    );
    const lessons = await tempTree(lessonFiles('01-hello', { yaml }));
    cleanups.push(lessons.cleanup);
    const spy = vi.spyOn(process as unknown as { getuid(): number }, 'getuid').mockReturnValue(0);
    try {
      const { code, err } = await cli(['run', 'hello', '--lessons', lessons.dir, '--yes'], {
        LANG: 'es_ES.UTF-8',
      });
      expect(code).toBe(2);
      expect(err).toContain('como root');
      expect(err).toContain('usuario normal');
    } finally {
      spy.mockRestore();
    }
  });
});
