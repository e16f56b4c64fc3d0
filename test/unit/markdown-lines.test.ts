import { describe, expect, it } from 'vitest';
import { loadMarkdownRenderer, markdownLines } from '../../src/present/markdown-width.js';

describe('markdownLines', () => {
  it('renders the same prose at the same width once, and again for another width or style', async () => {
    const prose = 'Some **prose** about shards, long enough to wrap at a narrow width of twenty.';
    const plain = markdownLines(prose, false, 30);
    expect(markdownLines(prose, false, 30)).toBe(plain);
    expect(plain.every((l) => l.length <= 30)).toBe(true);
    const narrow = markdownLines(prose, false, 20);
    expect(narrow).not.toBe(plain);
    expect(narrow.length).toBeGreaterThan(plain.length);
    await loadMarkdownRenderer();
    const styled = markdownLines(prose, true, 30);
    expect(styled).not.toBe(plain);
    expect(styled.join('\n')).not.toContain('**');
    expect(markdownLines(prose, false, 30)).toBe(plain);
  });
});
