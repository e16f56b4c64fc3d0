import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { progressLines } from '../../src/present/progress.js';

describe('progress on the command line', () => {
  it('prints when the work moved, at most once a second, and always the end', () => {
    const lines: string[] = [];
    let now = 0;
    const report = progressLines(
      translator('en'),
      (l) => lines.push(l),
      () => now,
    );
    report({ done: 0, total: 8, unit: 'shards' });
    now = 300;
    report({ done: 2, total: 8, unit: 'shards' }); // too soon
    now = 1200;
    report({ done: 2, total: 8, unit: 'shards' });
    now = 2400;
    report({ done: 2, total: 8, unit: 'shards' }); // the same as shown
    now = 2500;
    report({ done: 8, total: 8, unit: 'shards' }); // the end, however soon
    expect(lines).toEqual([
      '  … 0 / 8 shards moved (0%)',
      '  … 2 / 8 shards moved (25%)',
      '  … 8 / 8 shards moved (100%)',
    ]);
    const es: string[] = [];
    progressLines(translator('es'), (l) => es.push(l))({ done: 1, total: 4, unit: 'shards' });
    expect(es).toEqual(['  … 1 / 4 shards movidos (25%)']);
  });
});
