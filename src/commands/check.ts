import { ExitCode, UserError } from '../errors.js';
import type { CheckResult } from '../checks/result.js';
import { openLab, type Lab } from '../lab/open-lab.js';
import { exerciseProse, stepTitle, type Lesson } from '../lessons/lesson.js';
import { findLesson } from '../lessons/order.js';
import { closedLessonError } from '../lessons/pacing.js';
import { checkLines, msg } from '../present/text.js';
import { runLessonChecks } from '../runner/lesson-checks.js';
import type { ProgressBook } from '../store/book.js';
import { lessonOf, updateExercise } from '../store/progress.js';
import type { Command, CommandContext } from './context.js';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../adapters/fs.js';
import { lessonTimings } from '../report/timings.js';
import { templateNames } from '../lessons/template.js';
import { junitXml } from '../report/junit.js';
import { junitSuites } from '../report/junit-report.js';
import type { LessonReport } from '../report/lesson-report.js';

export const checkCommand: Command = async (ctx) => {
  const { parsed, options, io, t } = ctx;
  const target = parsed.positionals[0];
  const checked = (open: Lesson[]) => {
    if (!target || parsed.flags.all) return open;
    const lesson = findLesson(open, target);
    return lesson ? [lesson] : [];
  };
  const lab = await openLab(options, {
    needsBinaries: (open) =>
      checked(open).some((l) =>
        [...l.spec.steps, ...l.spec.exercises].some((item) =>
          templateNames(JSON.stringify(item.checks)).includes('pgBin'),
        ),
      ),
  });
  try {
    const book = lab.book;
    let lessons = lab.lessons;
    if (target && !parsed.flags.all) {
      const lesson = findLesson(lab.lessons, target);
      if (!lesson)
        throw (
          closedLessonError(lab.paced, target) ??
          new UserError({ key: 'error.unknownLesson', params: { id: target }, hint: 'hint.list' })
        );
      lessons = [lesson];
    }
    if (parsed.flags.answers.length > 0) await recordAnswers(ctx, book, lessons);
    const reports: LessonReport[] = [];
    for (const lesson of lessons) reports.push(await checkLesson(lab, book, lesson, ctx));
    if (parsed.flags.junit) {
      const xml = junitXml('citus-lab-tutor', junitSuites(t, lessons, reports, options.lang));
      await writeFileAtomic(resolve(parsed.flags.junit), xml, 0o644);
    }
    if (parsed.flags.json) {
      io.out(JSON.stringify({ lessons: reports.map((r) => renderReport(ctx, r)) }, null, 2));
    } else {
      for (const r of reports)
        printReport(
          ctx,
          lessons.find((l) => l.id === r.id)!,
          r,
        );
      if (parsed.flags.junit)
        io.out(t('class.junit.written', { file: resolve(parsed.flags.junit) }));
      const unreachable = reports.some((r) =>
        [...r.steps, ...r.exercises].some((s) =>
          s.checks.some((c) => c.found.key === 'found.unreachable'),
        ),
      );
      if (unreachable) io.out(t('hint.clusterDown'));
    }
    return reports.every((r) => r.passed) ? ExitCode.ok : ExitCode.failed;
  } finally {
    await lab.close();
  }
};

export async function checkLesson(
  lab: Lab,
  book: ProgressBook,
  lesson: Lesson,
  ctx: CommandContext,
): Promise<LessonReport> {
  const lang = ctx.options.lang;
  // Citus's version only decides steps written for some versions: no question when the lesson has none.
  const citus = lesson.spec.steps.some((s) => s.when)
    ? (await lab.stepDeps()).citusVersion
    : undefined;
  const state = lessonOf(book.progress, lesson.id);
  const answers = Object.fromEntries(
    Object.entries(state.exercises).map(([id, e]) => [id, e.answer]),
  );
  // Once a later lesson has begun, what was only true right after a step (worker 3 not yet added) is not re-asked.
  const skipTransient = lab.lessons.some(
    (l) => l.number > lesson.number && Object.keys(lessonOf(book.progress, l.id).steps).length > 0,
  );
  const results = await runLessonChecks(
    lesson,
    { catalog: lab.catalog, vars: lab.vars },
    citus,
    answers,
    { skipTransient, remote: lab.remote !== undefined },
  );
  for (const exercise of results.exercises) {
    if (exercise.passed && !state.exercises[exercise.id]?.passed) {
      await book.update((p) =>
        updateExercise(p, lesson.id, exercise.id, (e) => ({
          ...e,
          passed: true,
          passedAt: new Date().toISOString(),
        })),
      );
    }
  }
  const timings = lessonTimings(
    lessonOf(book.progress, lesson.id),
    lesson.spec.steps.map((s) => s.id),
    lesson.spec.exercises.map((e) => e.id),
  );
  const steps = results.steps.map((s) => ({
    id: s.id,
    title: stepTitle(lesson, lang, s.id),
    passed: s.passed,
    ms: timings.steps[s.id] ?? null,
    checks: s.checks,
  }));
  const exercises = results.exercises.map((e) => ({
    id: e.id,
    title: exerciseProse(lesson, lang, e.id)?.title ?? e.id,
    passed: e.passed,
    ...timings.exercises[e.id]!,
    checks: e.checks,
  }));
  const passed = [...steps, ...exercises].every((s) => s.passed);
  return { id: lesson.id, passed, ms: timings.ms, hintsUsed: timings.hintsUsed, steps, exercises };
}

async function recordAnswers(ctx: CommandContext, book: ProgressBook, lessons: Lesson[]) {
  if (lessons.length !== 1) throw new UserError({ key: 'error.answerNeedsLesson' });
  const lesson = lessons[0]!;
  for (const pair of ctx.parsed.flags.answers) {
    const [exerciseId, answer] = pair.split('=', 2);
    const exercise = lesson.spec.exercises.find((e) => e.id === exerciseId);
    if (
      !exercise?.choice ||
      !answer ||
      !exercise.choice.options.includes(answer.trim().toLowerCase())
    ) {
      throw new UserError({ key: 'error.badAnswer', params: { value: pair, lesson: lesson.id } });
    }
    await book.update((p) =>
      updateExercise(p, lesson.id, exercise.id, (e) => ({
        ...e,
        answer: answer.trim().toLowerCase(),
        attempts: e.attempts + 1,
      })),
    );
  }
}

function renderChecks(ctx: CommandContext, checks: CheckResult[]) {
  return checks.map((c) => ({
    kind: c.kind,
    passed: c.passed,
    what: msg(ctx.t, c.what),
    expected: msg(ctx.t, c.expected),
    found: msg(ctx.t, c.found),
  }));
}

/** The stable `check --json` shape (documented in the README). */
export function renderReport(ctx: CommandContext, r: LessonReport) {
  return {
    id: r.id,
    passed: r.passed,
    ms: r.ms,
    hintsUsed: r.hintsUsed,
    steps: r.steps.map((s) => ({ ...s, checks: renderChecks(ctx, s.checks) })),
    exercises: r.exercises.map((e) => ({ ...e, checks: renderChecks(ctx, e.checks) })),
  };
}

function printReport(ctx: CommandContext, lesson: Lesson, r: LessonReport) {
  const { io, t } = ctx;
  io.out(`\n${r.passed ? '✔' : '✘'} ${lesson.number}. ${lesson.prose[ctx.options.lang].title}`);
  for (const s of r.steps) {
    io.out(`  ${t('check.step')} ${s.id}: ${s.title}`);
    for (const line of checkLines(t, s.checks)) io.out(`  ${line}`);
  }
  for (const e of r.exercises) {
    io.out(`  ${t('run.exercise')} ${e.id}: ${e.title}`);
    for (const line of checkLines(t, e.checks)) io.out(`  ${line}`);
  }
}
