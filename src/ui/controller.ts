import { errorText } from '../errors.js';
import type { Msg } from '../checks/result.js';
import type { Lesson } from '../lessons/lesson.js';
import type { TutorSession } from '../runner/session.js';
import type { Progress } from '../runner/actions.js';
import {
  currentItem,
  exerciseOf,
  type ItemRef,
  type TutorAction,
  type TutorState,
} from '../runner/state.js';
import { lessonSummary } from '../commands/lesson-summary.js';
import { lessonOf } from '../store/progress.js';

/** A lesson's steps, then its exercises: the items the lesson view walks through. */
export const itemsOf = (lesson: Lesson): ItemRef[] => [
  ...lesson.spec.steps.map((s) => ({ kind: 'step' as const, id: s.id })),
  ...lesson.spec.exercises.map((e) => ({ kind: 'exercise' as const, id: e.id })),
];

export interface ControllerDeps {
  session: TutorSession;
  getState(): TutorState;
  dispatch(action: TutorAction): void;
  /** Ends the program (after the session is closed by the caller). */
  exit(): void;
  now?: () => number;
}

export type Controller = ReturnType<typeof createController>;

/**
 * The UI's actions: each asks the session (the only way to the lab) and turns its answer into reducer
 * actions. Nothing here knows about ink; keys are mapped to these calls in keys.ts.
 */
export function createController({
  session,
  getState,
  dispatch,
  exit,
  now = Date.now,
}: ControllerDeps) {
  let abort: AbortController | undefined;
  let running: Promise<unknown> | undefined;
  const lesson = () => session.lessons.find((l) => l.id === getState().lessonId);
  const notice = (n?: Msg) => dispatch({ type: 'notice', notice: n });
  const syncProgress = () => dispatch({ type: 'progress', progress: session.progress() });
  const refreshCluster = () =>
    session.clusterView().then(
      (view) => dispatch({ type: 'cluster', view }),
      () => undefined,
    );
  const failed = (error: unknown) => ({
    key: 'ui.notice.error' as const,
    params: { detail: errorText(error) },
  });

  /** Runs one busy task at a time; a second key while busy only says so. */
  async function task(
    kind: Parameters<typeof start>[0],
    itemId: string | undefined,
    body: (signal: AbortSignal) => Promise<void>,
  ) {
    if (getState().busy) return notice({ key: 'ui.notice.busy' });
    start(kind, itemId);
    abort = new AbortController();
    const signal = abort.signal;
    running = body(signal)
      .catch((error) => dispatch({ type: 'finished', notice: failed(error) }))
      .finally(() => {
        abort = undefined;
        running = undefined;
        syncProgress();
        void refreshCluster();
      });
    await running;
  }
  const start = (kind: 'step' | 'check' | 'grade' | 'reset' | 'prerequisites', itemId?: string) =>
    dispatch({ type: 'started', kind, itemId, at: now() });

  const hooks = (itemId: string, signal: AbortSignal) => ({
    signal,
    lang: getState().lang,
    onOutput: (chunk: string) => dispatch({ type: 'output', itemId, chunk }),
    onProgress: (work: Progress) => dispatch({ type: 'work', work }),
  });

  const open = (lessonId: string) => {
    const target = session.lessons.find((l) => l.id === lessonId);
    if (target) dispatch({ type: 'openLesson', lessonId, items: itemsOf(target) });
  };

  const allDone = (l: Lesson) => {
    const p = lessonSummary(l, getState().lang, session.progress()).progress;
    return p.completed;
  };

  return {
    start() {
      const progress = session.progress();
      const next = session.lessons.findIndex(
        (l) => !lessonSummary(l, getState().lang, progress).progress.completed,
      );
      dispatch({
        type: 'loaded',
        lessonIds: session.lessons.map((l) => l.id),
        progress,
        firstRun: session.firstRun,
        next: Math.max(0, next),
      });
      if (session.firstRun)
        session.doctor().then(
          (items) => dispatch({ type: 'doctor', items }),
          () => undefined,
        );
      void refreshCluster();
    },
    /** Opens a lesson, first offering to run required earlier lessons whose steps are not done. */
    request(lessonId: string) {
      if (getState().busy) return notice({ key: 'ui.notice.busy' });
      const missing = session.missingPrerequisites(lessonId);
      if (missing.length > 0)
        dispatch({ type: 'overlay', overlay: { kind: 'prerequisites', lessonId, missing } });
      else open(lessonId);
    },
    open,
    async runPrerequisites(lessonId: string) {
      const missing = session.missingPrerequisites(lessonId);
      dispatch({ type: 'overlay' });
      await task('prerequisites', undefined, async (signal) => {
        for (const id of missing) {
          const ok = await session.runLessonSteps(id, { signal, lang: getState().lang });
          if (!ok)
            return dispatch({
              type: 'finished',
              notice: signal.aborted
                ? { key: 'ui.notice.cancelled' }
                : { key: 'ui.notice.prerequisitesFailed', params: { id } },
            });
        }
        dispatch({ type: 'finished' });
        syncProgress();
        open(lessonId);
        notice({ key: 'ui.notice.prerequisitesDone', params: { id: lessonId } });
      });
    },
    /** Enter: runs the current step, or submits the current SQL exercise. */
    async run() {
      const s = getState();
      const item = currentItem(s);
      const l = lesson();
      if (!item || !l) return;
      if (item.kind === 'exercise') {
        const spec = l.spec.exercises.find((e) => e.id === item.id);
        if (!spec || spec.choice) return notice({ key: 'ui.exercise.choose' });
        const sql = exerciseOf(s, item.id).input.trim();
        if (!sql) return notice({ key: 'ui.exercise.nothingToRun' });
        return task('grade', item.id, async (signal) => {
          const { outcome, grade } = await session.submitSql(
            l.id,
            item.id,
            sql,
            hooks(item.id, signal),
          );
          dispatch({
            type: 'graded',
            itemId: item.id,
            passed: grade.passed,
            checks: grade.checks,
            outcome,
          });
        });
      }
      // A step done before usually fails when run again ("relation ... already exists"): say how to redo it.
      const doneBefore = item.id in lessonOf(session.progress(), l.id).steps;
      await task('step', item.id, async (signal) => {
        const outcome = await session.runStep(l.id, item.id, hooks(item.id, signal));
        dispatch({ type: 'stepFinished', itemId: item.id, outcome });
        syncProgress();
        if (outcome.error?.key === 'step.cancelled' || signal.aborted)
          notice({ key: 'ui.notice.cancelled' });
        else if (outcome.status !== 'failed')
          notice(allDone(l) ? { key: 'ui.notice.lessonDone' } : { key: 'ui.notice.stepDone' });
        else if (doneBefore) notice({ key: 'ui.notice.doneBefore' });
      });
    },
    /** c: checks the lab against the current step's checks, or grades the exercise as the lab is. */
    async check() {
      const item = currentItem(getState());
      const l = lesson();
      if (!item || !l) return;
      if (item.kind === 'step') {
        if ((l.spec.steps.find((st) => st.id === item.id)?.checks.length ?? 0) === 0)
          return notice({ key: 'ui.notice.nothingToCheck' });
        return task('check', item.id, async () =>
          dispatch({
            type: 'checked',
            itemId: item.id,
            checks: await session.checkStep(l.id, item.id),
          }),
        );
      }
      await task('grade', item.id, async () => {
        const grade = await session.gradeExercise(l.id, item.id);
        dispatch({ type: 'graded', itemId: item.id, passed: grade.passed, checks: grade.checks });
      });
    },
    async choose(answer: string) {
      const item = currentItem(getState());
      const l = lesson();
      if (!item || !l || item.kind !== 'exercise') return;
      dispatch({ type: 'choose', itemId: item.id, answer });
      await task('grade', item.id, async () => {
        const grade = await session.answerChoice(l.id, item.id, answer);
        dispatch({ type: 'graded', itemId: item.id, passed: grade.passed, checks: grade.checks });
      });
    },
    async hint() {
      const s = getState();
      const item = currentItem(s);
      const l = lesson();
      if (!item || !l || item.kind !== 'exercise') return;
      const total = l.prose[s.lang].exercises.find((e) => e.id === item.id)?.hints.length ?? 0;
      if (exerciseOf(s, item.id).hintsShown >= total) return notice({ key: 'ui.exercise.noHints' });
      dispatch({ type: 'hint', itemId: item.id, total });
      await session.noteHint(l.id, item.id).catch(() => undefined);
    },
    async solution() {
      const item = currentItem(getState());
      const l = lesson();
      if (!item || !l || item.kind !== 'exercise') return;
      dispatch({ type: 'solution', itemId: item.id });
      await session.noteSolution(l.id, item.id).catch(() => undefined);
    },
    edit(editing: boolean) {
      const item = currentItem(getState());
      const spec = lesson()?.spec.exercises.find((e) => e.id === item?.id);
      if (item && spec && !spec.choice) dispatch({ type: 'edit', itemId: item.id, editing });
    },
    /** Adds typed text to the exercise's SQL; `undefined` erases the last character. */
    type(text: string | undefined) {
      const item = currentItem(getState());
      if (!item) return;
      dispatch(
        text === undefined
          ? { type: 'erase', itemId: item.id }
          : { type: 'append', itemId: item.id, text },
      );
    },
    async openEditor() {
      const s = getState();
      const item = currentItem(s);
      const spec = lesson()?.spec.exercises.find((e) => e.id === item?.id);
      if (!item || !spec || spec.choice || s.busy) return;
      try {
        const text = await session.editExternally(exerciseOf(s, item.id).input);
        dispatch({ type: 'input', itemId: item.id, text });
      } catch (error) {
        notice(failed(error));
      }
    },
    async reset(lessonId: string) {
      dispatch({ type: 'overlay' });
      await task('reset', undefined, async (signal) => {
        const error = await session.resetLesson(lessonId, {
          signal,
          lang: getState().lang,
          onProgress: (work) => dispatch({ type: 'work', work }),
        });
        if (error)
          return dispatch({
            type: 'finished',
            // Without PostgreSQL's words, the error's own message says what happened.
            notice:
              error.key === 'step.cancelled'
                ? { key: 'ui.notice.resetCancelled', params: { id: lessonId } }
                : error.detail !== undefined
                  ? { key: 'ui.notice.resetFailed', params: { id: lessonId, detail: error.detail } }
                  : { key: error.key, ...(error.params && { params: error.params }) },
          });
        dispatch({ type: 'resetDone', lessonId, progress: session.progress() });
      });
    },
    cancel() {
      if (!abort) return;
      dispatch({ type: 'cancel' });
      abort.abort();
    },
    /** Quits at once when idle; a running step is cancelled first (the caller asked the learner). */
    async quit() {
      dispatch({ type: 'quit' });
      if (abort) {
        abort.abort();
        await Promise.race([running, new Promise((r) => setTimeout(r, 3_000))]);
      }
      exit();
    },
    refreshCluster,
  };
}
