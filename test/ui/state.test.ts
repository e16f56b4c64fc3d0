import { describe, expect, it } from 'vitest';
import {
  currentItem,
  exerciseOf,
  initialState,
  reduce,
  viewOf,
  type ItemRef,
  type TutorAction,
  type TutorState,
} from '../../src/runner/state.js';
import { emptyProgress, markStepDone, updateExercise } from '../../src/store/progress.js';
import type { StepOutcome } from '../../src/runner/outcome.js';
import type { CheckResult } from '../../src/checks/result.js';
import { buildClusterView } from '../../src/runner/cluster-view.js';

const items: ItemRef[] = [
  { kind: 'step', id: 'a' },
  { kind: 'step', id: 'b' },
  { kind: 'exercise', id: 'q' },
];
const run = (s: TutorState, ...actions: TutorAction[]) => actions.reduce(reduce, s);
const loaded = (progress = emptyProgress()) =>
  run(initialState('es'), { type: 'loaded', lessonIds: ['one', 'two'], progress, firstRun: false });
const opened = (progress = emptyProgress()) =>
  run(loaded(progress), { type: 'openLesson', lessonId: 'one', items });
const outcome = (status: StepOutcome['status']): StepOutcome => ({
  status,
  ms: 5,
  output: { kind: 'none' },
  checks: [],
});
const check = (passed: boolean): CheckResult => ({
  kind: 'table',
  passed,
  what: { key: 'value.raw' },
  expected: { key: 'value.raw' },
  found: { key: 'value.raw' },
});

describe('the lab state reducer', () => {
  it('starts loading, then shows the welcome on a first run or the list otherwise', () => {
    expect(initialState('en').screen).toBe('loading');
    const first = reduce(initialState('en'), {
      type: 'loaded',
      lessonIds: ['one'],
      progress: emptyProgress(),
      firstRun: true,
    });
    expect(first.screen).toBe('welcome');
    expect(reduce(first, { type: 'welcomeDone' }).screen).toBe('lessons');
    expect(loaded().screen).toBe('lessons');
    expect(reduce(loaded(), { type: 'welcomeDone' }).screen).toBe('lessons');
  });

  it('places the list cursor on the suggested lesson, within bounds', () => {
    const s = reduce(initialState('en'), {
      type: 'loaded',
      lessonIds: ['one', 'two'],
      progress: emptyProgress(),
      firstRun: false,
      next: 7,
    });
    expect(s.listCursor).toBe(1);
  });

  it('keeps the doctor report and the cluster view', () => {
    const items = [{ id: 'node' as const, ok: true, detail: { key: 'doctor.node' as const } }];
    expect(reduce(loaded(), { type: 'doctor', items }).doctor).toEqual(items);
    const view = buildClusterView(
      { coordinator: 1, worker1: 2, worker2: 3, worker3: 4 },
      { coordinator: true },
      [],
    );
    expect(reduce(loaded(), { type: 'cluster', view }).cluster).toBe(view);
  });

  it('switches language, or sets one', () => {
    expect(reduce(loaded(), { type: 'lang' }).lang).toBe('en');
    expect(run(loaded(), { type: 'lang' }, { type: 'lang' }).lang).toBe('es');
    expect(reduce(loaded(), { type: 'lang', lang: 'es' }).lang).toBe('es');
  });

  it('moves the list cursor within the lessons', () => {
    expect(reduce(loaded(), { type: 'listMove', delta: 1 }).listCursor).toBe(1);
    expect(reduce(loaded(), { type: 'listMove', delta: 5 }).listCursor).toBe(1);
    expect(reduce(loaded(), { type: 'listMove', delta: -1 }).listCursor).toBe(0);
  });

  it('opens a lesson at its first open item, with statuses from progress', () => {
    const progress = markStepDone(emptyProgress(), 'one', 'a', 10);
    const s = opened(progress);
    expect(s.screen).toBe('lesson');
    expect(currentItem(s)).toEqual({ kind: 'step', id: 'b' });
    expect(viewOf(s, 'a').status).toBe('passed');
    expect(viewOf(s, 'b').status).toBe('todo');
    const all = updateExercise(markStepDone(progress, 'one', 'b', 1), 'one', 'q', (e) => ({
      ...e,
      passed: true,
      hintsUsed: 2,
      answer: 'b',
    }));
    const done = opened(all);
    expect(done.cursor).toBe(0);
    expect(exerciseOf(done, 'q')).toMatchObject({ hintsShown: 2, answer: 'b' });
  });

  it('moves between items within bounds and resets the scroll; scrolls never above the top', () => {
    const s = run(opened(), { type: 'scroll', delta: 3 });
    expect(s.scroll).toBe(3);
    const moved = reduce(s, { type: 'move', delta: 1 });
    expect(moved.cursor).toBe(1);
    expect(moved.scroll).toBe(0);
    expect(reduce(moved, { type: 'move', delta: 9 }).cursor).toBe(2);
    const atStart = opened();
    expect(reduce(atStart, { type: 'move', delta: -1 })).toBe(atStart);
    expect(reduce(opened(), { type: 'scroll', delta: -4 }).scroll).toBe(0);
  });

  it('goes back to the list, but not while busy', () => {
    expect(reduce(opened(), { type: 'back' }).screen).toBe('lessons');
    const busy = reduce(opened(), { type: 'started', kind: 'step', itemId: 'a', at: 1 });
    expect(reduce(busy, { type: 'back' }).screen).toBe('lesson');
    expect(reduce(busy, { type: 'openLesson', lessonId: 'two', items })).toBe(busy);
  });

  it('runs a step: running, streamed output, work progress, finished', () => {
    let s = reduce(opened(), { type: 'started', kind: 'step', itemId: 'a', at: 100 });
    expect(s.busy).toMatchObject({ kind: 'step', itemId: 'a', startedAt: 100, cancelling: false });
    expect(viewOf(s, 'a').status).toBe('running');
    s = run(
      s,
      { type: 'output', itemId: 'a', chunk: 'one\n' },
      { type: 'output', itemId: 'a', chunk: 'two\n' },
    );
    expect(viewOf(s, 'a').output).toBe('one\ntwo\n');
    s = reduce(s, { type: 'work', work: { done: 3, total: 10, unit: 'rows' } });
    expect(s.busy?.work).toEqual({ done: 3, total: 10, unit: 'rows' });
    expect(reduce(s, { type: 'started', kind: 'check', at: 1 })).toBe(s);
    s = reduce(s, { type: 'stepFinished', itemId: 'a', outcome: outcome('passed') });
    expect(s.busy).toBeUndefined();
    expect(viewOf(s, 'a').status).toBe('passed');
    expect(reduce(s, { type: 'work', work: { done: 1, total: 1, unit: 'rows' } })).toBe(s);
  });

  it('marks a cancel once, only while busy', () => {
    expect(reduce(opened(), { type: 'cancel' })).toEqual(opened());
    const busy = reduce(opened(), { type: 'started', kind: 'step', itemId: 'a', at: 1 });
    const cancelling = reduce(busy, { type: 'cancel' });
    expect(cancelling.busy?.cancelling).toBe(true);
    expect(reduce(cancelling, { type: 'cancel' })).toBe(cancelling);
  });

  it('records checks: failing ones undo a done step, passing ones mark it', () => {
    const done = reduce(reduce(opened(), { type: 'started', kind: 'step', itemId: 'a', at: 1 }), {
      type: 'stepFinished',
      itemId: 'a',
      outcome: outcome('passed'),
    });
    const failed = reduce(done, { type: 'checked', itemId: 'a', checks: [check(false)] });
    expect(viewOf(failed, 'a').status).toBe('failed');
    expect(
      viewOf(reduce(opened(), { type: 'checked', itemId: 'b', checks: [check(true)] }), 'b').status,
    ).toBe('passed');
  });

  it('edits exercise SQL: editing flag, replace, append, erase', () => {
    const s = run(
      opened(),
      { type: 'edit', itemId: 'q', editing: true },
      { type: 'input', itemId: 'q', text: 'SELEC' },
      { type: 'append', itemId: 'q', text: 'T 1;' },
      { type: 'erase', itemId: 'q' },
    );
    expect(exerciseOf(s, 'q')).toMatchObject({ editing: true, input: 'SELECT 1' });
    expect(exerciseOf(reduce(s, { type: 'edit', itemId: 'q', editing: false }), 'q').editing).toBe(
      false,
    );
  });

  it('shows hints one at a time up to the last, and the solution on request', () => {
    const s = run(
      opened(),
      { type: 'hint', itemId: 'q', total: 2 },
      { type: 'hint', itemId: 'q', total: 2 },
      { type: 'hint', itemId: 'q', total: 2 },
    );
    expect(exerciseOf(s, 'q').hintsShown).toBe(2);
    expect(exerciseOf(reduce(s, { type: 'solution', itemId: 'q' }), 'q').solutionShown).toBe(true);
  });

  it('grades: a choice keeps the answer; a pass stays a pass', () => {
    const s = run(
      opened(),
      { type: 'choose', itemId: 'q', answer: 'b' },
      { type: 'started', kind: 'grade', itemId: 'q', at: 1 },
      { type: 'graded', itemId: 'q', passed: true, checks: [check(true)] },
    );
    expect(exerciseOf(s, 'q').answer).toBe('b');
    expect(viewOf(s, 'q').status).toBe('passed');
    expect(s.busy).toBeUndefined();
    expect(
      viewOf(reduce(s, { type: 'graded', itemId: 'q', passed: false, checks: [check(false)] }), 'q')
        .status,
    ).toBe('passed');
    expect(
      viewOf(
        reduce(opened(), {
          type: 'graded',
          itemId: 'q',
          passed: false,
          checks: [check(false)],
          outcome: outcome('failed'),
        }),
        'q',
      ),
    ).toMatchObject({ status: 'failed', outcome: { status: 'failed' } });
  });

  it('ends a task with a notice, and sets or clears notices', () => {
    const busy = reduce(opened(), { type: 'started', kind: 'reset', at: 1 });
    const done = reduce(busy, { type: 'finished', notice: { key: 'ui.notice.cancelled' } });
    expect(done.busy).toBeUndefined();
    expect(done.notice).toEqual({ key: 'ui.notice.cancelled' });
    expect(reduce(done, { type: 'notice' }).notice).toBeUndefined();
  });

  it('takes new progress, and a reset clears the lesson it shows', () => {
    const progress = markStepDone(emptyProgress(), 'one', 'a', 1);
    expect(reduce(loaded(), { type: 'progress', progress }).progress).toBe(progress);
    const s = run(
      opened(progress),
      { type: 'move', delta: 1 },
      { type: 'overlay', overlay: { kind: 'confirmReset', lessonId: 'one' } },
    );
    const reset = reduce(s, { type: 'resetDone', lessonId: 'one', progress: emptyProgress() });
    expect(reset.cursor).toBe(0);
    expect(reset.overlay).toBeUndefined();
    expect(viewOf(reset, 'a').status).toBe('todo');
    expect(reset.notice).toEqual({ key: 'ui.notice.resetDone', params: { id: 'one' } });
    const other = reduce(s, { type: 'resetDone', lessonId: 'two', progress });
    expect(viewOf(other, 'a').status).toBe('passed');
  });

  it('opens and closes overlays; the lesson picker moves within the lessons', () => {
    const s = reduce(loaded(), { type: 'overlay', overlay: { kind: 'goto', cursor: 0 } });
    expect(reduce(s, { type: 'gotoMove', delta: 1 }).overlay).toEqual({ kind: 'goto', cursor: 1 });
    expect(reduce(s, { type: 'gotoMove', delta: 9 }).overlay).toEqual({ kind: 'goto', cursor: 1 });
    expect(reduce(loaded(), { type: 'gotoMove', delta: 1 })).toEqual(loaded());
    expect(reduce(s, { type: 'overlay' }).overlay).toBeUndefined();
  });

  it('toggles the cluster map and marks quitting', () => {
    expect(reduce(loaded(), { type: 'toggleMap' }).showMap).toBe(true);
    expect(reduce(loaded(), { type: 'quit' }).quitting).toBe(true);
  });
});
