import type { Lesson } from '../lessons/lesson.js';
import { currentItem, exerciseOf, type TutorState } from '../runner/state.js';
import type { KeyHint } from './components/Footer.js';

/** The keys worth showing now, most useful first; the footer keeps as many as fit. */
export function footerKeys(s: TutorState, lessons: Lesson[]): KeyHint[] {
  const tail: KeyHint[] = [
    ['?', 'ui.keys.help'],
    ['q', 'ui.keys.quit'],
    ['l', 'ui.keys.lang'],
  ];
  if (s.busy) return [['Ctrl-C', 'ui.keys.cancel'], ...tail];
  if (s.screen === 'welcome') return [['Enter', 'ui.keys.start'], ...tail];
  if (s.screen === 'lessons')
    return [
      ['Enter', 'ui.keys.open'],
      ['↑↓', 'ui.keys.move'],
      ...tail,
      ['g', 'ui.keys.goto'],
      ['R', 'ui.keys.reset'],
    ];
  if (s.screen !== 'lesson') return tail;
  const item = currentItem(s);
  const nav: KeyHint[] = [
    ['n', 'ui.keys.next'],
    ['p', 'ui.keys.prev'],
  ];
  if (item?.kind === 'exercise') {
    const spec = lessons
      .find((l) => l.id === s.lessonId)
      ?.spec.exercises.find((e) => e.id === item.id);
    if (spec?.choice)
      return [
        [spec.choice.options.join(' '), 'ui.keys.answer'],
        ['h', 'ui.keys.hint'],
        ...nav,
        ...tail,
        ['s', 'ui.keys.solution'],
        ['Esc', 'ui.keys.back'],
      ];
    if (exerciseOf(s, item.id).editing)
      return [
        ['Esc', 'ui.keys.close'],
        ['Ctrl-D', 'ui.keys.submit'],
      ];
    return [
      ['e', 'ui.keys.edit'],
      ['Enter', 'ui.keys.submit'],
      ['h', 'ui.keys.hint'],
      ...nav,
      ...tail,
      ['E', 'ui.keys.editor'],
      ['c', 'ui.keys.check'],
      ['s', 'ui.keys.solution'],
    ];
  }
  return [
    ['Enter', 'ui.keys.run'],
    ['c', 'ui.keys.check'],
    ...nav,
    ...tail,
    ['g', 'ui.keys.goto'],
    ['R', 'ui.keys.reset'],
    ['Esc', 'ui.keys.back'],
  ];
}
