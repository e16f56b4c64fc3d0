import { Text } from 'ink';
import type { Lesson } from '../../lessons/lesson.js';
import { tint, useLook } from '../context.js';
import { Overlay } from './Overlay.js';

/** `g`: pick any lesson by arrows or its number. */
export function LessonPicker({ lessons, cursor }: { lessons: Lesson[]; cursor: number }) {
  const look = useLook();
  return (
    <Overlay title={look.t('ui.goto.title')}>
      {lessons.map((l, i) => (
        <Text
          key={l.id}
          inverse={i === cursor}
          color={tint(look, i === cursor ? 'cyan' : 'white')}
          wrap="truncate"
        >
          {i === cursor ? '› ' : '  '}
          {String(l.number).padStart(2)}. {l.prose[look.lang].title}
        </Text>
      ))}
      <Text dimColor>{look.t('ui.goto.hint')}</Text>
    </Overlay>
  );
}
