/** A teacher's lesson of shell steps only (no cluster needed): lesson.yaml and both languages' prose. */
export function shellLesson(
  folder: string,
  steps: { id: string; shell: string }[],
): Record<string, string> {
  const yaml = [
    'needsCluster: false',
    'steps:',
    ...steps.flatMap((s) => [`  - id: ${s.id}`, `    shell: ${JSON.stringify(s.shell)}`]),
    'exercises:',
    '  - id: quiz',
    '    choice: { options: [a, b], answer: a }',
    '',
  ].join('\n');
  const prose = (word: string) =>
    [
      `# ${word} lesson`,
      '',
      'Intro.',
      '',
      ...steps.flatMap((s) => [
        `<!-- step: ${s.id} -->`,
        `## ${word} ${s.id}`,
        '',
        '```bash step=' + s.id,
        s.shell,
        '```',
        '',
      ]),
      '<!-- exercise: quiz -->',
      `## ${word} quiz`,
      '',
      '?',
      '<!-- choice: a -->',
      'A',
      '<!-- choice: b -->',
      'B',
      '<!-- hint -->',
      'A.',
      '',
    ].join('\n');
  return {
    [`${folder}/lesson.yaml`]: yaml,
    [`${folder}/en.md`]: prose('Step'),
    [`${folder}/es.md`]: prose('Paso'),
  };
}
