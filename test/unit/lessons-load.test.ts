import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadLessons } from '../../src/lessons/load.js';
import { builtinLessonsDir } from '../../src/config/options.js';
import { tempTree } from '../helpers/temp.js';
import { t } from '../../src/i18n/index.js';
import { lessonFiles, proseFor, validYaml } from '../helpers/lesson-files.js';
import { testVars } from '../helpers/snapshot.js';
import { withLabValues } from '../../src/lessons/prose-values.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function load(files: Record<string, string>) {
  const tree = await tempTree(files);
  cleanups.push(tree.cleanup);
  return { ...(await loadLessons(tree.dir)), dir: tree.dir };
}

describe('loading lessons', () => {
  it('loads a valid lesson with its id, number, titles and steps', async () => {
    const { lessons, problems } = await load(lessonFiles('01-hello'));
    expect(problems).toEqual([]);
    expect(lessons).toHaveLength(1);
    const [lesson] = lessons;
    expect(lesson!.id).toBe('hello');
    expect(lesson!.number).toBe(1);
    expect(lesson!.prose.es.title).toBe('Hola lesson');
    expect(lesson!.prose.en.steps.map((s) => s.id)).toEqual(['intro', 'greet']);
    expect(lesson!.prose.en.steps[1]!.body).not.toContain('echo');
  });

  it('refuses a lesson whose Spanish lacks a step, naming file, step and field', async () => {
    const { lessons, problems } = await load(
      lessonFiles('01-hello', { es: proseFor('es', { skipStep: 'greet' }) }),
    );
    expect(lessons).toEqual([]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/es\.md$/),
        item: 'greet',
        field: 'step',
        key: 'lint.itemMissing',
      }),
    );
  });

  it('refuses code in the markdown that drifted from lesson.yaml', async () => {
    const { problems } = await load(
      lessonFiles('01-hello', { en: proseFor('en', { greetCode: 'rm -rf {{labDir}}' }) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/en\.md$/),
        item: 'greet',
        field: 'code',
        key: 'lint.codeDrift',
      }),
    );
  });

  it('refuses languages with different numbers of hints', async () => {
    const { problems } = await load(
      lessonFiles('01-hello', { es: proseFor('es', { hintsQuiz: 2 }) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ item: 'quiz', field: 'hints', key: 'lint.hintCountDiffers' }),
    );
  });

  it('reports a schema error with its line and item', async () => {
    const yaml = validYaml.replace(
      'shell: echo {{labDir}}',
      'shell: echo {{labDir}}\n    node: worker9',
    );
    const { problems } = await load(lessonFiles('01-hello', { yaml }));
    const problem = problems.find((p) => p.field === 'steps.1.node');
    expect(problem).toMatchObject({ item: 'greet', line: 6, key: 'lint.zodEnum' });
    expect(t('es', problem!.key, problem!.params)).toBe(
      'Usa uno de: coordinator, worker1, worker2, worker3.',
    );
  });

  it('refuses an unknown template value', async () => {
    const yaml = validYaml.replace('echo {{labDir}}', 'echo {{secret}}');
    const { problems } = await load(
      lessonFiles('01-hello', {
        yaml,
        en: proseFor('en', { greetCode: 'echo {{secret}}' }),
        es: proseFor('es', { greetCode: 'echo {{secret}}' }),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'lint.unknownTemplate',
        params: expect.objectContaining({ name: 'secret' }),
      }),
    );
  });

  it("writes the lab's own values into the prose, and refuses a value it does not know there too", async () => {
    const withPort = (lang: 'en' | 'es') =>
      proseFor(lang).replace('Text.', 'Connect to port {{port.worker1}} in {{labDir}}.');
    const { lessons } = await load(
      lessonFiles('01-hello', { en: withPort('en'), es: withPort('es') }),
    );
    const vars = testVars(40100);
    const mine = withLabValues(lessons[0]!, vars);
    for (const lang of ['en', 'es'] as const)
      expect(mine.prose[lang].steps[0]!.body).toBe(`Connect to port 40101 in ${vars.labDir}.`);
    // The code blocks stay as written: the runner fills the code it shows from lesson.yaml.
    expect(mine.prose.en.steps[1]!.codeBlocks[0]!.code).toBe('echo {{labDir}}');

    const { problems } = await load(
      lessonFiles('01-hello', { en: proseFor('en').replace('Text.', 'See {{port.worker9}}.') }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'lint.unknownTemplate',
        file: expect.stringMatching(/en\.md$/),
        params: expect.objectContaining({ name: 'port.worker9' }),
      }),
    );
  });

  it('loads the good lessons when one lesson in the folder is broken', async () => {
    const { lessons, problems } = await load({
      ...lessonFiles('01-hello'),
      ...lessonFiles('02-broken', { yaml: 'steps: [' }),
    });
    expect(lessons.map((l) => l.id)).toEqual(['hello']);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining(join('02-broken', 'lesson.yaml')),
        key: 'lint.yamlSyntax',
      }),
    );
  });

  it('refuses a requirement on a lesson that does not exist', async () => {
    const { problems } = await load(
      lessonFiles('01-hello', { yaml: `requires: [ghost]\n${validYaml}` }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'requires', key: 'lint.unknownRequire' }),
    );
  });

  it('ships lessons that all load, in both languages, with no problem', async () => {
    const { lessons, problems } = await loadLessons(builtinLessonsDir());
    expect(problems).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) {
      expect(lesson.prose.es.steps.map((s) => s.id)).toEqual(lesson.spec.steps.map((s) => s.id));
      expect(lesson.prose.en.steps.map((s) => s.id)).toEqual(lesson.spec.steps.map((s) => s.id));
      expect(lesson.spec.exercises.length).toBeGreaterThan(0);
    }
  });
});
