import type { Lang } from '../i18n/index.js';
import type { Lesson } from './lesson.js';
import type { ProseDoc } from './markdown.js';
import type { Problem } from './problem.js';
import { TEMPLATE_NAMES, fill, plain, unknownTemplates, type TemplateVars } from './template.js';

/** Every piece of prose in a document, with the step or exercise it belongs to. */
function proseTexts(doc: ProseDoc): { item: string; text: string }[] {
  return [
    { item: 'title', text: doc.title },
    { item: 'intro', text: doc.intro },
    ...doc.steps.flatMap((s) => [s.title, s.body].map((text) => ({ item: s.id, text }))),
    ...doc.exercises.flatMap((e) =>
      [e.title, e.body, ...e.choices.map((c) => c.text), ...e.hints.map((h) => h.text)].map(
        (text) => ({ item: e.id, text }),
      ),
    ),
  ];
}

/**
 * The lesson as this lab's learner reads it: `{{port.coordinator}}` and the other values written into
 * the prose as plain text, so a learner on other ports (a class, --base-port) reads their own. A
 * lesson with an unknown value does not load (lint refuses it), so every name here can be filled.
 */
export function withLabValues(lesson: Lesson, vars: TemplateVars): Lesson {
  const change = (text: string) => fill(text, vars, plain);
  const withValues = (doc: ProseDoc): ProseDoc => ({
    title: change(doc.title),
    intro: change(doc.intro),
    steps: doc.steps.map((s) => ({ ...s, title: change(s.title), body: change(s.body) })),
    exercises: doc.exercises.map((e) => ({
      ...e,
      title: change(e.title),
      body: change(e.body),
      choices: e.choices.map((c) => ({ ...c, text: change(c.text) })),
      hints: e.hints.map((h) => ({ ...h, text: change(h.text) })),
    })),
  });
  const prose = Object.fromEntries(
    (Object.entries(lesson.prose) as [Lang, ProseDoc][]).map(([lang, doc]) => [
      lang,
      withValues(doc),
    ]),
  ) as Record<Lang, ProseDoc>;
  return { ...lesson, prose };
}

/** Every `{{name}}` in the prose must be a value the runner knows how to fill. */
export function checkProseTemplates(doc: ProseDoc, file: string): Problem[] {
  return proseTexts(doc).flatMap(({ item, text }) =>
    unknownTemplates(text).map((name) => ({
      file,
      item,
      field: 'prose',
      key: 'lint.unknownTemplate' as const,
      params: { name, known: TEMPLATE_NAMES.join(', ') },
    })),
  );
}
