import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { junitXml, xmlEscape } from '../../src/report/junit.js';
import { lessonTimings } from '../../src/report/timings.js';
import { tempTree } from '../helpers/temp.js';
import { childrenNamed, parseXml } from '../helpers/xml.js';
import { runInTree } from '../helpers/run-main.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

const yaml = `needsCluster: false
steps:
  - id: folder
    checks:
      - kind: shell
        command: test -d {{labDir}}
  - id: missing
    checks:
      - kind: shell
        command: test -e {{labDir}}/missing
exercises:
  - id: quiz
    choice: { options: [a, b], answer: a }
  - id: later
    choice: { options: [a, b], answer: b }
`;
const prose = (lang: 'en' | 'es') => {
  const w = lang === 'en' ? { step: 'Step', q: 'Question' } : { step: 'Paso', q: 'Pregunta' };
  return `# ${lang === 'en' ? 'Hello <world> & "friends"' : 'Hola <mundo> & "amigos"'}

Intro.

<!-- step: folder -->
## ${w.step} folder

Text.

<!-- step: missing -->
## ${w.step} <missing> & 'gone'

Text.

<!-- exercise: quiz -->
## ${w.q} one

Q?
<!-- choice: a -->
A
<!-- choice: b -->
B
<!-- hint -->
H

<!-- exercise: later -->
## ${w.q} two

Q?
<!-- choice: a -->
A
<!-- choice: b -->
B
<!-- hint -->
H
`;
};

const progress = {
  version: 1,
  lessons: {
    hello: {
      startedAt: '2025-01-01T10:00:00.000Z',
      steps: {
        folder: { doneAt: '2025-01-01T10:00:01.000Z', ms: 1000 },
        missing: { doneAt: '2025-01-01T10:00:03.000Z', ms: 500 },
      },
      exercises: {
        quiz: {
          passed: true,
          passedAt: '2025-01-01T10:01:03.000Z',
          hintsUsed: 2,
          attempts: 3,
          answer: 'a',
          solutionShown: false,
        },
        later: { passed: false, hintsUsed: 1, attempts: 1, answer: 'a', solutionShown: false },
      },
    },
  },
};

async function classroom() {
  const tree = await tempTree({
    'lessons/01-hello/lesson.yaml': yaml,
    'lessons/01-hello/en.md': prose('en'),
    'lessons/01-hello/es.md': prose('es'),
    'lab/.citus-lab-tutor': 'This folder is a citus-lab-tutor lab.\n',
    'lab/progress.json': JSON.stringify(progress),
  });
  cleanups.push(tree.cleanup);
  return { dir: tree.dir, run: runInTree(tree.dir) };
}

describe('timings from progress.json', () => {
  it('gives each step its run time and each exercise the time from the moment before it to its pass', () => {
    const t = lessonTimings(
      progress.lessons.hello,
      ['folder', 'missing', 'never'],
      ['quiz', 'later'],
    );
    expect(t.steps).toEqual({ folder: 1000, missing: 500, never: null });
    expect(t.exercises.quiz).toEqual({
      ms: 60_000,
      hintsUsed: 2,
      attempts: 3,
      passedAt: '2025-01-01T10:01:03.000Z',
    });
    expect(t.exercises.later).toMatchObject({ ms: null, hintsUsed: 1, passedAt: null });
    expect(t).toMatchObject({ ms: 61_500, hintsUsed: 3 });
  });

  it('is zero and empty for a lesson not begun', () => {
    expect(lessonTimings({ steps: {}, exercises: {} }, ['a'], ['b'])).toEqual({
      ms: 0,
      hintsUsed: 0,
      steps: { a: null },
      exercises: { b: { ms: null, hintsUsed: 0, attempts: 0, passedAt: null } },
    });
  });
});

describe('JUnit XML', () => {
  it('escapes markup, quotes and control characters so any reader parses it', () => {
    expect(xmlEscape(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const xml = junitXml('t<>', [
      {
        name: 'a & b',
        id: 'x',
        seconds: 1.5,
        cases: [
          {
            name: '"q" <1>',
            classname: 'c',
            failure: { message: 'm & <n>', text: 'line 1\nline <2>' },
          },
          { name: 'ok', classname: 'c' },
        ],
      },
    ]);
    const root = parseXml(xml);
    expect(root.attributes).toMatchObject({ name: 't<>', tests: '2', failures: '1' });
    const [suite] = childrenNamed(root, 'testsuite');
    expect(suite!.attributes).toMatchObject({ name: 'a & b', time: '1.500', failures: '1' });
    const [failed, ok] = childrenNamed(suite!, 'testcase');
    expect(failed!.attributes.name).toBe('"q" <1>');
    expect(childrenNamed(failed!, 'failure')[0]).toMatchObject({
      attributes: { message: 'm & <n>' },
      text: 'line 1\nline <2>',
    });
    expect(ok!.children).toEqual([]);
  });

  it('the test parser refuses XML that is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
  });
});

describe('check --all --json and --junit', () => {
  it('report per lesson, step and exercise: passed or failed with the reason, time taken and hints used', async () => {
    const { run } = await classroom();
    const { code, out } = await run(['check', '--all', '--json']);
    expect(code).toBe(1);
    const [lesson] = JSON.parse(out).lessons;
    expect(lesson).toMatchObject({ id: 'hello', passed: false, ms: 61_500, hintsUsed: 3 });
    expect(lesson.steps).toMatchObject([
      { id: 'folder', passed: true, ms: 1000 },
      { id: 'missing', passed: false, ms: 500, checks: [{ kind: 'shell', passed: false }] },
    ]);
    expect(lesson.exercises).toMatchObject([
      {
        id: 'quiz',
        passed: true,
        hintsUsed: 2,
        attempts: 3,
        ms: 60_000,
        passedAt: '2025-01-01T10:01:03.000Z',
      },
      { id: 'later', passed: false, hintsUsed: 1, ms: null, passedAt: null },
    ]);
  });

  it("writes JUnit XML: a testsuite per lesson, a testcase per step and exercise, failures in the learner's language", async () => {
    const { dir, run } = await classroom();
    const file = join(dir, 'out', 'report.xml');
    const en = await run(['check', '--all', '--junit', file]);
    expect(en.code).toBe(1);
    expect(en.out).toContain(`JUnit report written to ${file}`);
    const root = parseXml(await readFile(file, 'utf8'));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2' });
    const [suite] = childrenNamed(root, 'testsuite');
    expect(suite!.attributes).toMatchObject({
      name: '1. Hello <world> & "friends"',
      id: 'hello',
      tests: '4',
      failures: '2',
      time: '61.500',
    });
    const cases = childrenNamed(suite!, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual([
      'step folder: Step folder',
      "step missing: Step <missing> & 'gone'",
      'Exercise quiz: Question one',
      'Exercise later: Question two',
    ]);
    expect(cases.map((c) => c.attributes.time)).toEqual(['1.000', '0.500', '60.000', undefined]);
    expect(cases[0]!.children).toEqual([]);
    expect(childrenNamed(cases[1]!, 'failure')[0]!.attributes.message).toMatch(
      /expected .*; found /,
    );
    const hints = childrenNamed(childrenNamed(cases[2]!, 'properties')[0]!, 'property');
    expect(hints.map((p) => p.attributes)).toEqual([
      { name: 'hintsUsed', value: '2' },
      { name: 'attempts', value: '3' },
    ]);
    expect(childrenNamed(cases[3]!, 'failure')).toHaveLength(1);

    await run(['check', '--all', '--junit', file, '--lang', 'es']);
    const es = parseXml(await readFile(file, 'utf8'));
    const esCases = childrenNamed(childrenNamed(es, 'testsuite')[0]!, 'testcase');
    expect(esCases[1]!.attributes.name).toBe("paso missing: Paso <missing> & 'gone'");
    expect(childrenNamed(esCases[1]!, 'failure')[0]!.attributes.message).toMatch(
      /se esperaba .*; se encontró /,
    );
  });
});
