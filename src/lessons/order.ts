import type { Lesson } from './lesson.js';

/** The lessons that must run before `id`, earliest first (transitively, each once). */
export function prerequisites(lessons: Lesson[], id: string): Lesson[] {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const chain: Lesson[] = [];
  const visit = (lessonId: string, path: string[]) => {
    const lesson = byId.get(lessonId);
    if (!lesson || path.includes(lessonId)) return;
    for (const required of lesson.spec.requires) visit(required, [...path, lessonId]);
    if (lessonId !== id && !chain.includes(lesson)) chain.push(lesson);
  };
  visit(id, []);
  return chain.sort((a, b) => a.number - b.number);
}

export function findLesson(lessons: Lesson[], idOrNumber: string): Lesson | undefined {
  return lessons.find(
    (l) =>
      l.id === idOrNumber ||
      String(l.number) === idOrNumber.replace(/^0+/, '') ||
      `${String(l.number).padStart(2, '0')}-${l.id}` === idOrNumber,
  );
}
