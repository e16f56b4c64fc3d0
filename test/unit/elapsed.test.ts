import { describe, expect, it } from 'vitest';
import { elapsed } from '../../src/present/output.js';

describe('elapsed time', () => {
  it('reads as seconds, then minutes:seconds, then hours:minutes:seconds', () => {
    expect(elapsed(1234)).toBe('1.2 s');
    expect(elapsed(65_000)).toBe('1:05');
    expect(elapsed(59 * 60_000 + 59_000)).toBe('59:59');
    expect(elapsed(95 * 60_000 + 12_000)).toBe('1:35:12');
  });
});
