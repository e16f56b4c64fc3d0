/** Builds a small valid lesson's three files; tests change one piece to break it. */
export interface LessonParts {
  yaml?: string;
  en?: string;
  es?: string;
}

export const validYaml = `needsCluster: false
steps:
  - id: intro
  - id: greet
    shell: echo {{labDir}}
exercises:
  - id: quiz
    choice: { options: [a, b], answer: a }
`;

export const proseFor = (
  lang: 'en' | 'es',
  overrides: { hintsQuiz?: number; greetCode?: string; skipStep?: string } = {},
) => {
  const word = lang === 'en' ? 'Hello' : 'Hola';
  const hints = Array.from(
    { length: overrides.hintsQuiz ?? 1 },
    (_, i) => `<!-- hint -->\n${word} hint ${i + 1}`,
  ).join('\n');
  const steps = [
    `<!-- step: intro -->\n## ${word} intro\n\nText.`,
    `<!-- step: greet -->\n## ${word} greet\n\n\`\`\`bash step=greet\n${overrides.greetCode ?? 'echo {{labDir}}'}\n\`\`\``,
  ].filter((s) => !overrides.skipStep || !s.includes(`step: ${overrides.skipStep} `));
  return `# ${word} lesson\n\nIntro.\n\n${steps.join('\n\n')}\n\n<!-- exercise: quiz -->\n## ${word} quiz\n\nQuestion?\n<!-- choice: a -->\nYes\n<!-- choice: b -->\nNo\n${hints}\n`;
};

export function lessonFiles(folder: string, parts: LessonParts = {}): Record<string, string> {
  return {
    [`${folder}/lesson.yaml`]: parts.yaml ?? validYaml,
    [`${folder}/en.md`]: parts.en ?? proseFor('en'),
    [`${folder}/es.md`]: parts.es ?? proseFor('es'),
  };
}
