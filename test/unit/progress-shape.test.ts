import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../src/store/progress-shape.js';

describe('the shape of progress.json', () => {
  it('fills defaults and drops keys it does not know', () => {
    expect(
      parseProgress({
        version: 1,
        extra: true,
        lessons: {
          distribute: {
            steps: { create: { doneAt: '2026-11-23T08:00:00Z', ms: 12, x: 1 } },
            exercises: { colocate: { attempts: 2 } },
          },
          cluster: {},
        },
      }),
    ).toEqual({
      version: 1,
      lessons: {
        distribute: {
          steps: { create: { doneAt: '2026-11-23T08:00:00Z', ms: 12 } },
          exercises: {
            colocate: { passed: false, hintsUsed: 0, attempts: 2, solutionShown: false },
          },
        },
        cluster: { steps: {}, exercises: {} },
      },
    });
  });

  it('keeps the rows a lesson ran with', () => {
    expect(parseProgress({ version: 1, lessons: { 'load-sizes': { rows: 200000 } } })).toEqual({
      version: 1,
      lessons: { 'load-sizes': { rows: 200000, steps: {}, exercises: {} } },
    });
  });

  it.each([
    [null, 'progress: not an object'],
    [{ version: 2, lessons: {} }, 'progress.version: not 1'],
    [{ version: 1, lessons: [] }, 'progress.lessons: not an object'],
    [
      { version: 1, lessons: { a: { steps: { s: { doneAt: 1, ms: 1 } } } } },
      'progress.lessons.a.steps.s.doneAt',
    ],
    [
      { version: 1, lessons: { a: { steps: { s: { doneAt: 'x', ms: -1 } } } } },
      'progress.lessons.a.steps.s.ms',
    ],
    [
      { version: 1, lessons: { a: { exercises: { e: { hintsUsed: 1.5 } } } } },
      'progress.lessons.a.exercises.e.hintsUsed',
    ],
    [
      { version: 1, lessons: { a: { exercises: { e: { passed: 'yes' } } } } },
      'progress.lessons.a.exercises.e.passed',
    ],
    [{ version: 1, lessons: { a: { startedAt: 5 } } }, 'progress.lessons.a.startedAt'],
    [{ version: 1, lessons: { a: { rows: 0 } } }, 'progress.lessons.a.rows'],
    [{ version: 1, lessons: { a: { rows: '200000' } } }, 'progress.lessons.a.rows'],
  ])('refuses %j, naming what is wrong', (value, what) => {
    expect(() => parseProgress(value)).toThrow(what);
  });
});
