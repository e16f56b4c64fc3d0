import { UserError } from '../errors.js';
import type { Lesson } from './lesson.js';
import { findLesson } from './order.js';

export interface Paced {
  /** The lessons a learner may open: up to and including `until`. */
  open: Lesson[];
  /** The lessons the class has not reached yet. */
  later: Lesson[];
  until?: Lesson;
}

/** `--until <lesson>`: the class has reached this lesson; later ones stay closed. */
export function paceLessons(lessons: Lesson[], until: string | undefined): Paced {
  if (until === undefined) return { open: lessons, later: [] };
  const limit = findLesson(lessons, until);
  if (!limit)
    throw new UserError({
      key: 'class.error.unknownUntil',
      params: { id: until },
      hint: 'hint.list',
    });
  return {
    open: lessons.filter((l) => l.number <= limit.number),
    later: lessons.filter((l) => l.number > limit.number),
    until: limit,
  };
}

/** The error for a lesson the class has not reached, or undefined when `target` is not a closed lesson. */
export function closedLessonError(
  paced: Pick<Paced, 'later' | 'until'>,
  target: string,
): UserError | undefined {
  const closed = findLesson(paced.later, target);
  if (!closed || !paced.until) return undefined;
  return new UserError({
    key: 'class.error.notOpenYet',
    params: { id: closed.id, until: paced.until.id },
    hint: 'class.hint.notOpenYet',
  });
}
