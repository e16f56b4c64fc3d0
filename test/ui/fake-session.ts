import { lessonSpec } from '../../src/lessons/schema.js';
import type { Lesson } from '../../src/lessons/lesson.js';
import type { ProseDoc } from '../../src/lessons/markdown.js';
import type { CheckResult } from '../../src/checks/result.js';
import type { PreflightItem } from '../../src/cluster/preflight.js';
import type { RunHooks, TutorSession } from '../../src/runner/session.js';
import type { StepOutcome } from '../../src/runner/outcome.js';
import { buildClusterView } from '../../src/runner/cluster-view.js';
import {
  emptyProgress,
  markStepDone,
  updateExercise,
  forgetLesson,
  type Progress,
} from '../../src/store/progress.js';

const PORTS = { coordinator: 47200, worker1: 47201, worker2: 47202, worker3: 47203 };

const prose = (lang: 'en' | 'es', n: number): ProseDoc => {
  const w = (en: string, es: string) => (lang === 'en' ? en : es);
  return {
    title: w(`Lesson ${n} title`, `Título de la lección ${n}`),
    intro: '',
    steps: [
      {
        id: 'intro',
        line: 1,
        title: w('Read me', 'Léeme'),
        body: w('Some **prose** about shards.', 'Un **texto** sobre shards.'),
        codeBlocks: [],
      },
      {
        id: 'make',
        line: 2,
        title: w('Make a table', 'Crea una tabla'),
        body: w('We create a table.', 'Creamos una tabla.'),
        codeBlocks: [],
      },
      {
        id: 'slow',
        line: 3,
        title: w('A slow load', 'Una carga lenta'),
        body: w('This takes a while.', 'Esto tarda.'),
        codeBlocks: [],
      },
    ],
    exercises: [
      {
        id: 'quiz',
        line: 4,
        title: w('Where do rows live?', '¿Dónde viven las filas?'),
        body: w('Pick one.', 'Elige una.'),
        choices: [
          { key: 'a', text: w('On the coordinator', 'En el coordinador'), line: 5 },
          { key: 'b', text: w('In shards on workers', 'En shards en los workers'), line: 6 },
        ],
        hints: [
          { text: w('First hint', 'Primera pista'), line: 7 },
          { text: w('Second hint', 'Segunda pista'), line: 8 },
        ],
      },
      {
        id: 'write',
        line: 9,
        title: w('Write SQL', 'Escribe SQL'),
        body: w('Distribute it.', 'Distribúyela.'),
        choices: [],
        hints: [
          { text: w('Use create_distributed_table', 'Usa create_distributed_table'), line: 10 },
        ],
      },
    ],
  };
};

export function fakeLesson(n: number, id: string, requires: string[] = []): Lesson {
  const spec = lessonSpec.parse({
    requires,
    steps: [
      { id: 'intro' },
      {
        id: 'make',
        sql: 'CREATE TABLE t (id int)',
        checks: [{ kind: 'table', table: 't', type: 'local' }],
      },
      { id: 'slow', shell: 'sleep 100' },
    ],
    exercises: [
      { id: 'quiz', choice: { options: ['a', 'b'], answer: 'b' } },
      {
        id: 'write',
        checks: [{ kind: 'table', table: 't', type: 'distributed' }],
        solution: { sql: "SELECT create_distributed_table('t', 'id')" },
      },
    ],
  });
  return {
    id,
    number: n,
    dir: `/lessons/0${n}-${id}`,
    spec,
    prose: { en: prose('en', n), es: prose('es', n) },
  };
}

const check = (passed: boolean): CheckResult => ({
  kind: 'table',
  passed,
  what: { key: 'check.table', params: { table: 't' } },
  expected: { key: 'value.raw', params: { value: 'distributed' } },
  found: { key: 'value.raw', params: { value: passed ? 'distributed' : 'local' } },
});

const outcome = (o: Partial<StepOutcome>): StepOutcome => ({
  status: 'passed',
  ms: 12,
  output: { kind: 'none' },
  checks: [],
  ...o,
});

/**
 * A session over plain data that records what the UI asked; `slow` runs until cancelled. A reset
 * moves 3 of 8 shards and waits for `finishReset()`.
 */
export function fakeSession(
  opts: { firstRun?: boolean; progress?: Progress; doctor?: PreflightItem[] } = {},
) {
  let progress = opts.progress ?? emptyProgress();
  const calls: string[] = [];
  let graded = false;
  let finishReset = () => {};
  const resetHeld = new Promise<void>((resolve) => (finishReset = resolve));
  const session: TutorSession & { calls: string[]; finishReset(): void } = {
    calls,
    finishReset: () => finishReset(),
    lessons: [fakeLesson(1, 'first'), fakeLesson(2, 'second', ['first'])],
    ports: PORTS,
    firstRun: opts.firstRun ?? false,
    progress: () => progress,
    command: (_l, step) =>
      step === 'make' ? 'CREATE TABLE t (id int)' : step === 'slow' ? 'sleep 100' : undefined,
    doctor: async () =>
      opts.doctor ?? [
        { id: 'node', ok: true, detail: { key: 'doctor.node', params: { version: '20.0.0' } } },
      ],
    async runStep(lessonId, stepId, hooks?: RunHooks) {
      calls.push(`run ${lessonId}/${stepId}`);
      if (stepId === 'slow') {
        hooks?.onOutput?.('loading...\n');
        hooks?.onProgress?.({ done: 5, total: 10, unit: 'rows' });
        await new Promise<void>((resolve) =>
          hooks?.signal?.addEventListener('abort', () => resolve(), { once: true }),
        );
        calls.push(`cancelled ${lessonId}/${stepId}`);
        return outcome({ status: 'failed', error: { key: 'step.cancelled' } });
      }
      if (stepId === 'make' && progress.lessons[lessonId]?.steps.make)
        return outcome({
          status: 'failed',
          error: { key: 'step.sqlFailed', detail: 'relation "t" already exists' },
        });
      const o =
        stepId === 'make'
          ? outcome({
              output: {
                kind: 'results',
                results: [
                  {
                    command: 'SELECT',
                    rowCount: 2,
                    columns: ['id', 'name'],
                    rows: [
                      [1, 'uno'],
                      [2, 'dos'],
                    ],
                  },
                ],
              },
              checks: [check(true)],
            })
          : outcome({});
      progress = markStepDone(progress, lessonId, stepId, o.ms);
      return o;
    },
    async checkStep(lessonId, stepId) {
      calls.push(`check ${lessonId}/${stepId}`);
      return [check(false)];
    },
    async submitSql(lessonId, exerciseId, sql) {
      calls.push(`submit ${lessonId}/${exerciseId}: ${sql}`);
      graded = /create_distributed_table/.test(sql);
      if (graded)
        progress = updateExercise(progress, lessonId, exerciseId, (e) => ({ ...e, passed: true }));
      const o = graded
        ? outcome({})
        : outcome({
            status: 'failed',
            error: {
              key: 'step.sqlFailed',
              detail: 'ERROR: syntax error at or near "SELEC"',
              position: 1,
            },
          });
      return { outcome: o, grade: { passed: graded, checks: [check(graded)] } };
    },
    async gradeExercise(lessonId, exerciseId) {
      calls.push(`grade ${lessonId}/${exerciseId}`);
      return { passed: graded, checks: [check(graded)] };
    },
    async answerChoice(lessonId, exerciseId, answer) {
      calls.push(`answer ${lessonId}/${exerciseId}=${answer}`);
      const passed = answer === 'b';
      progress = updateExercise(progress, lessonId, exerciseId, (e) => ({
        ...e,
        answer,
        passed: e.passed || passed,
      }));
      return {
        passed,
        checks: [
          {
            ...check(passed),
            kind: 'choice',
            what: { key: 'check.choice', params: { exercise: exerciseId } },
          },
        ],
      };
    },
    async noteHint(lessonId, exerciseId) {
      calls.push(`hint ${lessonId}/${exerciseId}`);
    },
    async noteSolution(lessonId, exerciseId) {
      calls.push(`solution ${lessonId}/${exerciseId}`);
    },
    async resetLesson(lessonId, hooks) {
      calls.push(`reset ${lessonId}`);
      hooks?.onProgress?.({ done: 3, total: 8, unit: 'shards' });
      const cancelled = await Promise.race([
        resetHeld.then(() => false),
        new Promise<boolean>((resolve) =>
          hooks?.signal?.addEventListener('abort', () => resolve(true), { once: true }),
        ),
      ]);
      if (cancelled) return { key: 'step.cancelled' as const };
      progress = forgetLesson(progress, lessonId);
      return undefined;
    },
    missingPrerequisites: (lessonId) =>
      lessonId === 'second' && !progress.lessons.first?.steps.make ? ['first'] : [],
    async runLessonSteps(lessonId) {
      calls.push(`runAll ${lessonId}`);
      for (const s of ['intro', 'make', 'slow']) progress = markStepDone(progress, lessonId, s, 1);
      return true;
    },
    async clusterView() {
      return buildClusterView(
        PORTS,
        { coordinator: true, worker1: true, worker2: false },
        [
          {
            nodeid: 1,
            groupid: 0,
            nodename: '127.0.0.1',
            nodeport: 47200,
            noderole: 'primary',
            isactive: true,
            shouldhaveshards: false,
          },
          {
            nodeid: 2,
            groupid: 1,
            nodename: '127.0.0.1',
            nodeport: 47201,
            noderole: 'primary',
            isactive: true,
            shouldhaveshards: true,
          },
        ],
        [
          {
            tableName: 'events',
            nodename: '127.0.0.1',
            nodeport: 47201,
            shards: 32,
            bytes: 262144,
          },
          { tableName: 'puestos', nodename: '127.0.0.1', nodeport: 47200, shards: 1, bytes: 8192 },
          { tableName: 'puestos', nodename: '127.0.0.1', nodeport: 47201, shards: 1, bytes: 8192 },
        ],
      );
    },
    async editExternally(text) {
      calls.push(`editor ${text}`);
      return `${text}SELECT create_distributed_table('t', 'id');`;
    },
    async close() {
      calls.push('close');
    },
  };
  return session;
}
