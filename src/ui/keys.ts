import type { Key } from 'ink';
import type { Lesson } from '../lessons/lesson.js';
import { currentItem, exerciseOf, type TutorAction, type TutorState } from '../runner/state.js';
import type { Controller } from './controller.js';

export interface KeyContext {
  state: TutorState;
  lessons: Lesson[];
  dispatch(action: TutorAction): void;
  ctl: Controller;
}

const yes = (input: string) => /^[ysYS]$/.test(input);

/** Turns one key press into a reducer action or a controller call, by screen and overlay. */
export function handleKey(
  input: string,
  key: Key,
  { state: s, lessons, dispatch, ctl }: KeyContext,
): void {
  if (s.quitting) return;
  if (key.ctrl && input === 'c') {
    if (s.busy) ctl.cancel();
    else void ctl.quit();
    return;
  }
  if (s.overlay) return overlayKey(input, key, { state: s, lessons, dispatch, ctl });

  const item = currentItem(s);
  const exercise =
    s.screen === 'lesson' && item?.kind === 'exercise' ? exerciseOf(s, item.id) : undefined;
  if (exercise?.editing && item) return editKey(input, key, ctl);

  if (input === 'q') {
    if (s.busy) dispatch({ type: 'overlay', overlay: { kind: 'confirmQuit' } });
    else void ctl.quit();
    return;
  }
  if (input === 'l') return dispatch({ type: 'lang' });
  if (input === '?') return dispatch({ type: 'overlay', overlay: { kind: 'keys' } });
  if (s.screen === 'loading') return;
  if (s.screen === 'welcome') {
    if (key.return) dispatch({ type: 'welcomeDone' });
    return;
  }
  if (input === 'g')
    return dispatch({ type: 'overlay', overlay: { kind: 'goto', cursor: s.listCursor } });
  if (s.screen === 'lessons') return listKey(input, key, { state: s, lessons, dispatch, ctl });

  const lesson = lessons.find((l) => l.id === s.lessonId);
  if (!lesson || !item) return;
  const spec =
    item.kind === 'exercise' ? lesson.spec.exercises.find((e) => e.id === item.id) : undefined;
  if (spec?.choice && spec.choice.options.includes(input)) return void ctl.choose(input);
  if (key.return) return void ctl.run();
  if (key.escape || input === 'b') return dispatch({ type: 'back' });
  if (input === 'n' || key.rightArrow) return dispatch({ type: 'move', delta: 1 });
  if (input === 'p' || key.leftArrow) return dispatch({ type: 'move', delta: -1 });
  if (key.downArrow || input === 'j') return dispatch({ type: 'scroll', delta: 1 });
  if (key.upArrow || input === 'k') return dispatch({ type: 'scroll', delta: -1 });
  if (key.pageDown || input === ' ') return dispatch({ type: 'scroll', delta: 10 });
  if (key.pageUp) return dispatch({ type: 'scroll', delta: -10 });
  if (input === 'c') return void ctl.check();
  if (input === 'h') return void ctl.hint();
  if (input === 's') return void ctl.solution();
  if (input === 'e') return ctl.edit(true);
  if (input === 'E') return void ctl.openEditor();
  if (input === 'R')
    return dispatch({ type: 'overlay', overlay: { kind: 'confirmReset', lessonId: lesson.id } });
  if (input === 'm') return dispatch({ type: 'toggleMap' });
}

function listKey(input: string, key: Key, { state: s, dispatch, ctl }: KeyContext) {
  if (key.downArrow || input === 'j' || input === 'n')
    return dispatch({ type: 'listMove', delta: 1 });
  if (key.upArrow || input === 'k' || input === 'p')
    return dispatch({ type: 'listMove', delta: -1 });
  const id = s.lessonIds[s.listCursor];
  if (!id) return;
  if (key.return || key.rightArrow) return ctl.request(id);
  if (input === 'R')
    return dispatch({ type: 'overlay', overlay: { kind: 'confirmReset', lessonId: id } });
}

function overlayKey(input: string, key: Key, { state: s, dispatch, ctl }: KeyContext) {
  const overlay = s.overlay!;
  const close = () => dispatch({ type: 'overlay' });
  switch (overlay.kind) {
    case 'keys':
      return close();
    case 'confirmQuit':
      if (yes(input)) return void ctl.quit();
      if (input === 'n' || key.escape || input === 'q') return close();
      return;
    case 'confirmReset':
      if (yes(input)) return void ctl.reset(overlay.lessonId);
      if (input === 'n' || key.escape) return close();
      return;
    case 'prerequisites':
      if (yes(input)) return void ctl.runPrerequisites(overlay.lessonId);
      if (input === 'o') {
        close();
        return ctl.open(overlay.lessonId);
      }
      if (input === 'n' || key.escape) return close();
      return;
    case 'goto': {
      if (key.escape || input === 'g') return close();
      if (key.downArrow || input === 'j' || input === 'n')
        return dispatch({ type: 'gotoMove', delta: 1 });
      if (key.upArrow || input === 'k' || input === 'p')
        return dispatch({ type: 'gotoMove', delta: -1 });
      if (/^[1-9]$/.test(input))
        return dispatch({ type: 'gotoMove', delta: Number(input) - 1 - overlay.cursor });
      const id = s.lessonIds[overlay.cursor];
      if (key.return && id) {
        close();
        return ctl.request(id);
      }
      return;
    }
  }
}

function editKey(input: string, key: Key, ctl: Controller) {
  if (key.escape) return ctl.edit(false);
  if (key.ctrl && input === 'd') {
    ctl.edit(false);
    return void ctl.run();
  }
  if (key.return) return ctl.type('\n');
  if (key.backspace || key.delete) return ctl.type(undefined);
  if (
    key.ctrl ||
    key.meta ||
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.tab
  )
    return;
  if (input) ctl.type(input.replace(/\r\n?/g, '\n'));
}
