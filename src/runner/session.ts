import { translator, type Lang } from '../i18n/index.js';
import type { CheckResult } from '../checks/result.js';
import type { PreflightItem } from '../cluster/preflight.js';
import type { LabOptions } from '../config/options.js';
import type { Lab } from '../lab/open-lab.js';
import type { Lesson } from '../lessons/lesson.js';
import { findLesson, prerequisites } from '../lessons/order.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';
import type { StepSpec } from '../lessons/schema.js';
import type { ProgressBook } from '../store/book.js';
import { forgetLesson, lessonOf, updateExercise, type Progress } from '../store/progress.js';
import type { Progress as WorkProgress } from './actions.js';
import { buildClusterView, type ClusterView } from './cluster-view.js';
import { executeStep, stepCommand } from './execute-step.js';
import { gradeExercise, type Grade } from './grade.js';
import type { StepOutcome } from './outcome.js';
import { runChecks } from '../checks/run-checks.js';
import { resetSteps } from './reset-steps.js';
import { stepDone } from './step-done.js';

export interface RunHooks {
  signal?: AbortSignal;
  /** The language the learner reads now (the tutor switches it with l); the lab's own otherwise. */
  lang?: Lang;
  onOutput?: (chunk: string) => void;
  onProgress?: (progress: WorkProgress) => void;
}

/**
 * Everything the terminal UI may ask of the lab. The UI never runs a command or a query itself;
 * tests hand it a fake session built from plain data.
 */
export interface TutorSession {
  lessons: Lesson[];
  /** Each node's port, as the lessons' {{port.*}} values. */
  ports: Record<NodeName, number>;
  /** True when this lab folder has no progress yet. */
  firstRun: boolean;
  progress(): Progress;
  /** The command or SQL a step will run, values filled in. */
  command(lessonId: string, stepId: string, lang: Lang): string | undefined;
  doctor(): Promise<PreflightItem[]>;
  runStep(lessonId: string, stepId: string, hooks?: RunHooks): Promise<StepOutcome>;
  checkStep(lessonId: string, stepId: string): Promise<CheckResult[]>;
  /** Runs the learner's SQL for an exercise, then grades the exercise on the catalog. */
  submitSql(
    lessonId: string,
    exerciseId: string,
    sql: string,
    hooks?: RunHooks,
  ): Promise<{ outcome: StepOutcome; grade: Grade }>;
  gradeExercise(lessonId: string, exerciseId: string): Promise<Grade>;
  answerChoice(lessonId: string, exerciseId: string, answer: string): Promise<Grade>;
  noteHint(lessonId: string, exerciseId: string): Promise<void>;
  noteSolution(lessonId: string, exerciseId: string): Promise<void>;
  resetLesson(lessonId: string, hooks?: RunHooks): Promise<StepOutcome['error'] | undefined>;
  /** Required earlier lessons whose steps are not all done. */
  missingPrerequisites(lessonId: string): string[];
  /** Runs every step of a lesson in order; stops at the first failure. */
  runLessonSteps(lessonId: string, hooks?: RunHooks): Promise<boolean>;
  clusterView(): Promise<ClusterView>;
  /** Opens $EDITOR on the text and returns what the learner saved. */
  editExternally(text: string): Promise<string>;
  close(): Promise<void>;
}

export interface SessionPorts {
  lab: Lab;
  book: ProgressBook;
  preflight(): Promise<PreflightItem[]>;
  editText(text: string): Promise<string>;
}

const stepsDone = (progress: Progress, lesson: Lesson) =>
  lesson.spec.steps.every((s) => s.id in lessonOf(progress, lesson.id).steps);

export function createSession({ lab, book, preflight, editText }: SessionPorts): TutorSession {
  const lessonOfId = (id: string) => {
    const lesson = findLesson(lab.lessons, id);
    if (!lesson) throw new Error(`no lesson ${id}`);
    return lesson;
  };
  const stepOf = (lessonId: string, stepId: string) => {
    const step = lessonOfId(lessonId).spec.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`no step ${lessonId}/${stepId}`);
    return step;
  };
  const exerciseOf = (lessonId: string, id: string) => {
    const exercise = lessonOfId(lessonId).spec.exercises.find((e) => e.id === id);
    if (!exercise) throw new Error(`no exercise ${lessonId}/${id}`);
    return exercise;
  };
  const checkCtx = () => ({ catalog: lab.catalog, vars: lab.vars });
  const run = async (step: StepSpec, hooks: RunHooks = {}) =>
    executeStep(
      step,
      await lab.stepDeps({
        signal: hooks.signal,
        onOutput: hooks.onOutput,
        onProgress: hooks.onProgress,
        ...(hooks.lang && { say: translator(hooks.lang) }),
      }),
    );
  const recordGrade = async (lessonId: string, exerciseId: string, grade: Grade, answer?: string) =>
    book.update((p) =>
      updateExercise(p, lessonId, exerciseId, (e) => ({
        ...e,
        attempts: e.attempts + 1,
        ...(answer !== undefined && { answer }),
        passed: e.passed || grade.passed,
        ...(grade.passed && !e.passed && { passedAt: new Date().toISOString() }),
      })),
    );

  const session: TutorSession = {
    lessons: lab.lessons,
    ports: lab.vars.port,
    firstRun: Object.keys(book.progress.lessons).length === 0,
    progress: () => book.progress,
    command: (lessonId, stepId, lang) =>
      stepCommand(stepOf(lessonId, stepId), {
        vars: lab.vars,
        actions: lab.actions,
        say: translator(lang),
      }),
    doctor: preflight,
    async runStep(lessonId, stepId, hooks) {
      const outcome = await run(stepOf(lessonId, stepId), hooks);
      if (outcome.status !== 'failed')
        await book.update((p) =>
          stepDone(p, lessonOfId(lessonId), stepId, outcome.ms, lab.vars.rows),
        );
      return outcome;
    },
    checkStep: (lessonId, stepId) => runChecks(stepOf(lessonId, stepId).checks, checkCtx()),
    async submitSql(lessonId, exerciseId, sql, hooks) {
      const exercise = exerciseOf(lessonId, exerciseId);
      const outcome = await run(
        { id: exerciseId, sql, node: exercise.solution?.node, checks: [] },
        hooks,
      );
      const grade = await gradeExercise(exercise, checkCtx());
      await recordGrade(lessonId, exerciseId, grade);
      return { outcome, grade };
    },
    async gradeExercise(lessonId, exerciseId) {
      const exercise = exerciseOf(lessonId, exerciseId);
      const answer = lessonOf(book.progress, lessonId).exercises[exerciseId]?.answer;
      const grade = await gradeExercise(exercise, checkCtx(), answer);
      if (grade.passed) await recordGrade(lessonId, exerciseId, grade);
      return grade;
    },
    async answerChoice(lessonId, exerciseId, answer) {
      const grade = await gradeExercise(exerciseOf(lessonId, exerciseId), checkCtx(), answer);
      await recordGrade(lessonId, exerciseId, grade, answer);
      return grade;
    },
    noteHint: (lessonId, exerciseId) =>
      book.update((p) =>
        updateExercise(p, lessonId, exerciseId, (e) => ({ ...e, hintsUsed: e.hintsUsed + 1 })),
      ),
    noteSolution: (lessonId, exerciseId) =>
      book.update((p) =>
        updateExercise(p, lessonId, exerciseId, (e) => ({ ...e, solutionShown: true })),
      ),
    async resetLesson(lessonId, hooks) {
      const lesson = lessonOfId(lessonId);
      for (const step of resetSteps(lesson)) {
        const outcome = await run(step, hooks);
        if (outcome.error) return outcome.error;
      }
      await book.update((p) => forgetLesson(p, lesson.id));
      return undefined;
    },
    missingPrerequisites: (lessonId) =>
      prerequisites(lab.lessons, lessonId)
        .filter((l) => !stepsDone(book.progress, l))
        .map((l) => l.id),
    async runLessonSteps(lessonId, hooks) {
      const lesson = lessonOfId(lessonId);
      for (const step of lesson.spec.steps) {
        if (hooks?.signal?.aborted) return false;
        const outcome = await session.runStep(lessonId, step.id, hooks);
        if (outcome.status === 'failed') return false;
      }
      return true;
    },
    async clusterView() {
      const up: Partial<Record<NodeName, boolean>> = {};
      await Promise.all(
        NODE_NAMES.map(
          async (n) =>
            (up[n] = await lab.catalog.query(n, 'SELECT 1').then(
              () => true,
              () => false,
            )),
        ),
      );
      if (!up.coordinator) return buildClusterView(lab.vars.port, up, undefined);
      const nodes = await lab.catalog.nodes().catch(() => undefined);
      const shards = nodes ? await lab.catalog.shardsPerNode().catch(() => []) : [];
      return buildClusterView(lab.vars.port, up, nodes, shards);
    },
    editExternally: editText,
    close: () => lab.close(),
  };
  return session;
}

/** Opens the real lab: lessons, adapters, progress and the doctor's checks. */
export async function openSession(options: LabOptions): Promise<TutorSession> {
  const [{ openLab }, { preflight }, { ownRunningNodes }, { editInEditor }] = await Promise.all([
    import('../lab/open-lab.js'),
    import('../cluster/preflight.js'),
    import('../cluster/status.js'),
    import('../adapters/editor.js'),
  ]);
  const lab = await openLab(options);
  return createSession({
    lab,
    book: lab.book,
    preflight: async () =>
      preflight({
        options,
        discovery: lab.discovery,
        ownRunning: await ownRunningNodes(options.labDir),
      }),
    editText: (text) => editInEditor(text),
  });
}
