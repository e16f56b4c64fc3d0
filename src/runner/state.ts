import type { CheckResult, Msg } from '../checks/result.js';
import type { PreflightItem } from '../cluster/preflight.js';
import type { Lang } from '../i18n/index.js';
import type { Progress } from '../store/progress.js';
import { lessonOf } from '../store/progress.js';
import type { Progress as WorkProgress } from './actions.js';
import type { ClusterView } from './cluster-view.js';
import type { StepOutcome } from './outcome.js';

/**
 * The lab's interactive state and its transitions: a pure reducer, tested without a terminal.
 * The UI renders this state and turns keys into actions; the controller turns results into actions.
 */

export type Screen = 'loading' | 'welcome' | 'lessons' | 'lesson';
export interface ItemRef {
  kind: 'step' | 'exercise';
  id: string;
}
export type ItemStatus = 'todo' | 'running' | 'passed' | 'failed' | 'skipped';

export interface ItemView {
  status: ItemStatus;
  /** Shell output as it streams in. */
  output: string;
  outcome?: StepOutcome;
  /** Results of the last `c` check or grade. */
  checks?: CheckResult[];
}

export interface ExerciseView {
  input: string;
  editing: boolean;
  hintsShown: number;
  solutionShown: boolean;
  answer?: string;
}

export type BusyKind = 'step' | 'check' | 'grade' | 'reset' | 'prerequisites';
export interface Busy {
  kind: BusyKind;
  itemId?: string;
  startedAt: number;
  cancelling: boolean;
  work?: WorkProgress;
}

export type Overlay =
  | { kind: 'keys' }
  | { kind: 'goto'; cursor: number }
  | { kind: 'confirmQuit' }
  | { kind: 'confirmReset'; lessonId: string }
  | { kind: 'prerequisites'; lessonId: string; missing: string[] };

export interface TutorState {
  screen: Screen;
  lang: Lang;
  progress: Progress;
  listCursor: number;
  lessonIds: string[];
  lessonId?: string;
  items: ItemRef[];
  cursor: number;
  /** Lines the current item's prose is scrolled down. */
  scroll: number;
  views: Record<string, ItemView>;
  exercises: Record<string, ExerciseView>;
  busy?: Busy;
  overlay?: Overlay;
  notice?: Msg;
  cluster?: ClusterView;
  doctor?: PreflightItem[];
  /** On a narrow terminal the cluster map takes the body's place while this is on. */
  showMap: boolean;
  quitting: boolean;
}

export type TutorAction =
  | { type: 'loaded'; lessonIds: string[]; progress: Progress; firstRun: boolean; next?: number }
  | { type: 'doctor'; items: PreflightItem[] }
  | { type: 'lang'; lang?: Lang }
  | { type: 'welcomeDone' }
  | { type: 'listMove'; delta: number }
  | { type: 'openLesson'; lessonId: string; items: ItemRef[] }
  | { type: 'back' }
  | { type: 'move'; delta: number }
  | { type: 'scroll'; delta: number }
  | { type: 'started'; kind: BusyKind; itemId?: string; at: number }
  | { type: 'output'; itemId: string; chunk: string }
  | { type: 'work'; work: WorkProgress }
  | { type: 'cancel' }
  | { type: 'stepFinished'; itemId: string; outcome: StepOutcome }
  | { type: 'checked'; itemId: string; checks: CheckResult[] }
  | { type: 'edit'; itemId: string; editing: boolean }
  | { type: 'input'; itemId: string; text: string }
  | { type: 'append'; itemId: string; text: string }
  | { type: 'erase'; itemId: string }
  | { type: 'hint'; itemId: string; total: number }
  | { type: 'solution'; itemId: string }
  | { type: 'choose'; itemId: string; answer: string }
  | {
      type: 'graded';
      itemId: string;
      passed: boolean;
      checks: CheckResult[];
      outcome?: StepOutcome;
    }
  | { type: 'finished'; notice?: Msg }
  | { type: 'progress'; progress: Progress }
  | { type: 'resetDone'; lessonId: string; progress: Progress }
  | { type: 'cluster'; view: ClusterView }
  | { type: 'overlay'; overlay?: Overlay }
  | { type: 'gotoMove'; delta: number }
  | { type: 'notice'; notice?: Msg }
  | { type: 'toggleMap' }
  | { type: 'quit' };

export function initialState(
  lang: Lang,
  progress: Progress = { version: 1, lessons: {} },
): TutorState {
  return {
    screen: 'loading',
    lang,
    progress,
    listCursor: 0,
    lessonIds: [],
    items: [],
    cursor: 0,
    scroll: 0,
    views: {},
    exercises: {},
    showMap: false,
    quitting: false,
  };
}

export const currentItem = (s: TutorState): ItemRef | undefined => s.items[s.cursor];
export const emptyView = (): ItemView => ({ status: 'todo', output: '' });
export const emptyExercise = (): ExerciseView => ({
  input: '',
  editing: false,
  hintsShown: 0,
  solutionShown: false,
});
export const viewOf = (s: TutorState, id: string): ItemView => s.views[id] ?? emptyView();
export const exerciseOf = (s: TutorState, id: string): ExerciseView =>
  s.exercises[id] ?? emptyExercise();

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));
const setView = (s: TutorState, id: string, change: Partial<ItemView>): TutorState => ({
  ...s,
  views: { ...s.views, [id]: { ...viewOf(s, id), ...change } },
});
const setExercise = (s: TutorState, id: string, change: Partial<ExerciseView>): TutorState => ({
  ...s,
  exercises: { ...s.exercises, [id]: { ...exerciseOf(s, id), ...change } },
});

/** Where a lesson opens: its first step not done, else its first exercise not passed. */
function firstOpenItem(progress: Progress, lessonId: string, items: ItemRef[]): number {
  const l = lessonOf(progress, lessonId);
  const index = items.findIndex((i) =>
    i.kind === 'step' ? !(i.id in l.steps) : !l.exercises[i.id]?.passed,
  );
  return index < 0 ? 0 : index;
}

function viewsFromProgress(progress: Progress, lessonId: string, items: ItemRef[]) {
  const l = lessonOf(progress, lessonId);
  const views: Record<string, ItemView> = {};
  const exercises: Record<string, ExerciseView> = {};
  for (const item of items) {
    if (item.kind === 'step')
      views[item.id] = { ...emptyView(), status: item.id in l.steps ? 'passed' : 'todo' };
    else {
      const e = l.exercises[item.id];
      views[item.id] = { ...emptyView(), status: e?.passed ? 'passed' : 'todo' };
      exercises[item.id] = {
        ...emptyExercise(),
        hintsShown: e?.hintsUsed ?? 0,
        solutionShown: e?.solutionShown ?? false,
        answer: e?.answer,
      };
    }
  }
  return { views, exercises };
}

export function reduce(s: TutorState, a: TutorAction): TutorState {
  switch (a.type) {
    case 'loaded':
      return {
        ...s,
        lessonIds: a.lessonIds,
        progress: a.progress,
        screen: a.firstRun ? 'welcome' : 'lessons',
        listCursor: clamp(a.next ?? 0, 0, Math.max(0, a.lessonIds.length - 1)),
      };
    case 'doctor':
      return { ...s, doctor: a.items };
    case 'lang':
      return { ...s, lang: a.lang ?? (s.lang === 'es' ? 'en' : 'es') };
    case 'welcomeDone':
      return s.screen === 'welcome' ? { ...s, screen: 'lessons' } : s;
    case 'listMove':
      return {
        ...s,
        listCursor: clamp(s.listCursor + a.delta, 0, Math.max(0, s.lessonIds.length - 1)),
      };
    case 'openLesson': {
      if (s.busy) return s;
      const { views, exercises } = viewsFromProgress(s.progress, a.lessonId, a.items);
      const listCursor = Math.max(0, s.lessonIds.indexOf(a.lessonId));
      return {
        ...s,
        screen: 'lesson',
        lessonId: a.lessonId,
        listCursor,
        items: a.items,
        cursor: firstOpenItem(s.progress, a.lessonId, a.items),
        scroll: 0,
        views,
        exercises,
        overlay: undefined,
        notice: undefined,
      };
    }
    case 'back':
      return s.busy ? s : { ...s, screen: 'lessons', overlay: undefined, notice: undefined };
    case 'move': {
      const cursor = clamp(s.cursor + a.delta, 0, Math.max(0, s.items.length - 1));
      return cursor === s.cursor ? s : { ...s, cursor, scroll: 0, notice: undefined };
    }
    case 'scroll':
      return { ...s, scroll: Math.max(0, s.scroll + a.delta) };
    case 'started': {
      if (s.busy) return s;
      const next: TutorState = {
        ...s,
        busy: { kind: a.kind, itemId: a.itemId, startedAt: a.at, cancelling: false },
        notice: undefined,
      };
      return a.kind === 'step' && a.itemId
        ? setView(next, a.itemId, {
            status: 'running',
            output: '',
            outcome: undefined,
            checks: undefined,
          })
        : next;
    }
    case 'output':
      return setView(s, a.itemId, {
        output: (viewOf(s, a.itemId).output + a.chunk).slice(-20_000),
      });
    case 'work':
      return s.busy ? { ...s, busy: { ...s.busy, work: a.work } } : s;
    case 'cancel':
      return s.busy && !s.busy.cancelling ? { ...s, busy: { ...s.busy, cancelling: true } } : s;
    case 'stepFinished':
      return {
        ...setView(s, a.itemId, {
          status: a.outcome.status,
          outcome: a.outcome,
          checks: a.outcome.checks,
        }),
        busy: undefined,
      };
    case 'checked': {
      const passed = a.checks.every((c) => c.passed);
      const view = viewOf(s, a.itemId);
      const status =
        view.status === 'passed' && !passed
          ? 'failed'
          : passed && a.checks.length > 0
            ? 'passed'
            : view.status;
      return { ...setView(s, a.itemId, { checks: a.checks, status }), busy: undefined };
    }
    case 'edit':
      return setExercise(s, a.itemId, { editing: a.editing });
    case 'input':
      return setExercise(s, a.itemId, { input: a.text });
    case 'append':
      return setExercise(s, a.itemId, { input: exerciseOf(s, a.itemId).input + a.text });
    case 'erase':
      return setExercise(s, a.itemId, {
        input: [...exerciseOf(s, a.itemId).input].slice(0, -1).join(''),
      });
    case 'hint':
      return setExercise(s, a.itemId, {
        hintsShown: Math.min(a.total, exerciseOf(s, a.itemId).hintsShown + 1),
      });
    case 'solution':
      return setExercise(s, a.itemId, { solutionShown: true });
    case 'choose':
      return setExercise(s, a.itemId, { answer: a.answer });
    case 'graded': {
      const was = viewOf(s, a.itemId).status;
      const status = a.passed || was === 'passed' ? 'passed' : 'failed';
      return {
        ...setView(s, a.itemId, {
          status,
          checks: a.checks,
          ...(a.outcome && { outcome: a.outcome }),
        }),
        busy: undefined,
      };
    }
    case 'finished':
      return { ...s, busy: undefined, notice: a.notice };
    case 'progress':
      return { ...s, progress: a.progress };
    case 'resetDone': {
      const next = {
        ...s,
        progress: a.progress,
        busy: undefined,
        overlay: undefined,
        notice: { key: 'ui.notice.resetDone' as const, params: { id: a.lessonId } },
      };
      if (s.lessonId !== a.lessonId) return next;
      const { views, exercises } = viewsFromProgress(a.progress, a.lessonId, s.items);
      return { ...next, views, exercises, cursor: 0, scroll: 0 };
    }
    case 'cluster':
      return { ...s, cluster: a.view };
    case 'overlay':
      return { ...s, overlay: a.overlay };
    case 'gotoMove':
      return s.overlay?.kind === 'goto'
        ? {
            ...s,
            overlay: {
              kind: 'goto',
              cursor: clamp(s.overlay.cursor + a.delta, 0, Math.max(0, s.lessonIds.length - 1)),
            },
          }
        : s;
    case 'notice':
      return { ...s, notice: a.notice };
    case 'toggleMap':
      return { ...s, showMap: !s.showMap };
    case 'quit':
      return { ...s, quitting: true };
  }
}
