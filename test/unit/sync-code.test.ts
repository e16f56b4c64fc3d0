import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProse } from '../../src/lessons/markdown.js';
import { checkParity } from '../../src/lessons/parity.js';
import { lessonSpec } from '../../src/lessons/schema.js';
import { syncCode } from '../../src/lessons/sync-code.js';
import { proseFor, validYaml } from '../helpers/lesson-files.js';

describe('lint --fix code sync', () => {
  const spec = lessonSpec.parse(parse(validYaml));

  it('replaces drifted code with the code lesson.yaml owns', () => {
    const fixed = syncCode(proseFor('en', { greetCode: 'echo stale' }), spec);
    const doc = parseProse(fixed, 'en.md').doc;
    expect(doc.steps[1]!.codeBlocks.map((b) => b.code)).toEqual(['echo {{labDir}}']);
  });

  it('adds a missing code block, after which parity holds', () => {
    const withoutBlock = proseFor('en').replace(/```bash step=greet\n.*\n```/, '');
    const fixed = syncCode(withoutBlock, spec);
    const en = parseProse(fixed, 'en.md').doc;
    const es = parseProse(syncCode(proseFor('es'), spec), 'es.md').doc;
    expect(checkParity(spec, { en, es }, { en: 'en.md', es: 'es.md' })).toEqual([]);
  });

  it('leaves a correct file unchanged', () => {
    const text = proseFor('es');
    expect(syncCode(text, spec)).toBe(text);
  });
});
