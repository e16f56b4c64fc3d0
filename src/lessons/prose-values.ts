import type { Lang } from '../i18n/index.js';
import type { Lesson } from './lesson.js';
import type { ProseDoc } from './markdown.js';
import type { Problem } from './problem.js';
import { TEMPLATE_NAMES, lookup, templateNames, type TemplateVars } from './template.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9.]+)\s*\}\}/g;

/** Every string of a prose document, changed by `change` (ids and line numbers carry no placeholders). */
function mapProse(doc: ProseDoc, change: (text: string) => string): ProseDoc {
  return {
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
  };
}

/**
 * The lesson as this lab's learner reads it: `{{port.coordinator}}` and the other values written into
 * the prose as plain text, so a learner on other ports (a class, --base-port) reads their own.
 */
export function withLabValues(lesson: Lesson, vars: TemplateVars): Lesson {
  const change = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => String(lookup(vars, name) ?? whole));
  const prose = Object.fromEntries(
    (Object.entries(lesson.prose) as [Lang, ProseDoc][]).map(([lang, doc]) => [
      lang,
      mapProse(doc, change),
    ]),
  ) as Record<Lang, ProseDoc>;
  return { ...lesson, prose };
}

/** Every `{{name}}` in the prose must be a value the runner knows how to fill. */
export function checkProseTemplates(doc: ProseDoc, file: string): Problem[] {
  const problems: Problem[] = [];
  mapProse(doc, (text) => {
    for (const name of templateNames(text))
      if (!TEMPLATE_NAMES.includes(name))
        problems.push({
          file,
          key: 'lint.unknownTemplate',
          params: { name, known: TEMPLATE_NAMES.join(', ') },
        });
    return text;
  });
  return problems;
}
