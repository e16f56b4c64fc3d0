import type { CheckResult } from '../checks/result.js';
import type { Translate } from '../i18n/index.js';
import type { Lesson } from '../lessons/lesson.js';
import { msg } from '../present/text.js';
import type { JunitCase, JunitSuite } from './junit.js';
import type { LessonReport } from './lesson-report.js';

/** Why an item failed, in the learner's language: each failed check with what was expected and found. */
function failure(t: Translate, checks: CheckResult[]): JunitCase['failure'] {
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0)
    return { message: t('class.junit.failedNoCheck'), text: t('class.junit.failedNoCheck') };
  const line = (c: CheckResult) =>
    `${msg(t, c.what).trim()}: ${t('check.expected')} ${msg(t, c.expected).trim()}; ${t('check.found')} ${msg(t, c.found).trim()}`;
  return { message: line(failed[0]!), text: failed.map(line).join('\n') };
}

const secs = (ms: number | null) => (ms === null ? undefined : ms / 1000);

export function junitSuites(
  t: Translate,
  lessons: Lesson[],
  reports: LessonReport[],
  lang: 'es' | 'en',
): JunitSuite[] {
  return reports.map((r) => {
    const lesson = lessons.find((l) => l.id === r.id);
    const classname = `${String(lesson?.number ?? 0).padStart(2, '0')}-${r.id}`;
    const steps: JunitCase[] = r.steps.map((s) => ({
      name: `${t('check.step')} ${s.id}: ${s.title}`,
      classname,
      seconds: secs(s.ms),
      ...(!s.passed && { failure: failure(t, s.checks) }),
    }));
    const exercises: JunitCase[] = r.exercises.map((e) => ({
      name: `${t('run.exercise')} ${e.id}: ${e.title}`,
      classname,
      seconds: secs(e.ms),
      properties: { hintsUsed: e.hintsUsed, attempts: e.attempts },
      ...(!e.passed && { failure: failure(t, e.checks) }),
    }));
    return {
      name: lesson ? `${lesson.number}. ${lesson.prose[lang].title}` : r.id,
      id: r.id,
      seconds: r.ms / 1000,
      properties: { hintsUsed: r.hintsUsed },
      cases: [...steps, ...exercises],
    };
  });
}
