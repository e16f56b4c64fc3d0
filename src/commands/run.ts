import { ExitCode, UserError } from '../errors.js';
import { currentUid } from '../adapters/process.js';
import { exerciseProse, stepTitle, type Lesson } from '../lessons/lesson.js';
import { findLesson, prerequisites } from '../lessons/order.js';
import { closedLessonError } from '../lessons/pacing.js';
import { openLab, type Lab } from '../lab/open-lab.js';
import { executeStep, stepCommand } from '../runner/execute-step.js';
import { gradeExercise } from '../runner/grade.js';
import { checkLines, commandText, indent, msg, outcomeLines } from '../present/text.js';
import { renderMarkdown } from '../present/markdown.js';
import { withInterrupt } from './interrupt.js';
import { progressLines } from '../present/progress.js';
import type { ProgressBook } from '../store/book.js';
import { updateExercise, lessonOf } from '../store/progress.js';
import { stepDone } from '../runner/step-done.js';
import type { Command, CommandContext } from './context.js';
import { lessonStepsDone } from './lesson-summary.js';
import { confirmShellSteps } from './trust.js';
import type { ExerciseSpec } from '../lessons/schema.js';
import { isYes } from './confirm.js';

export const runCommand: Command = async (ctx) => {
  const { parsed, options } = ctx;
  const target = parsed.positionals[0];
  if (!parsed.flags.all && !target)
    throw new UserError({ key: 'error.runNeedsLesson', hint: 'hint.list' });
  const lab = await openLab(options);
  try {
    const book = lab.book;
    if (book.setAside) ctx.io.err(ctx.t('warn.progressSetAside', { path: book.setAside }));
    const plan = await planLessons(ctx, lab, book, target);
    if (currentUid() === 0 && !lab.remote && plan.some((l) => l.spec.needsCluster)) {
      throw new UserError({ key: 'doctor.root', hint: 'fix.root' });
    }
    await confirmShellSteps(ctx, plan);
    for (const [index, lesson] of plan.entries()) {
      const last = index === plan.length - 1;
      const from = last ? parsed.flags.from : undefined;
      // Lessons run to catch up (fast-forward) do not stop to ask their quiz questions.
      const lessonCtx =
        last || parsed.flags.all
          ? ctx
          : { ...ctx, parsed: { ...parsed, flags: { ...parsed.flags, yes: true } } };
      const ok = await runOneLesson(lessonCtx, lab, book, lesson, from);
      if (!ok) return ExitCode.failed;
    }
    return ExitCode.ok;
  } finally {
    await lab.close();
  }
};

async function planLessons(
  ctx: CommandContext,
  lab: Lab,
  book: ProgressBook,
  target: string | undefined,
): Promise<Lesson[]> {
  if (ctx.parsed.flags.all) return lab.lessons;
  const lesson = findLesson(lab.lessons, target!);
  if (!lesson) {
    const closed = closedLessonError(lab.paced, target!);
    if (closed) throw closed;
    const broken = lab.problems.some((p) => p.file.includes(`-${target}`));
    throw new UserError({
      key: broken ? 'error.lessonBroken' : 'error.unknownLesson',
      params: { id: target! },
      hint: broken ? 'hint.lint' : 'hint.list',
    });
  }
  const missing = prerequisites(lab.lessons, lesson.id).filter(
    (l) => !lessonStepsDone(l, book.progress),
  );
  if (missing.length > 0 && !ctx.parsed.flags.yes) {
    const names = missing.map((l) => l.id).join(', ');
    const refused = new UserError({
      key: 'error.prerequisites',
      params: { id: lesson.id, missing: names },
      hint: 'hint.prerequisites',
      hintParams: { id: lesson.id },
    });
    // Fast-forward: offered to a person at a terminal (Enter accepts), done at once with --yes.
    if (!ctx.io.interactive) throw refused;
    const answer = await ctx.io.ask(
      ctx.t('class.fastForward.ask', { id: lesson.id, missing: names }),
    );
    if (!isYes(answer, true)) throw refused;
  }
  if (ctx.parsed.flags.from && !lesson.spec.steps.some((s) => s.id === ctx.parsed.flags.from)) {
    throw new UserError({
      key: 'error.unknownStep',
      params: { id: lesson.id, step: ctx.parsed.flags.from },
      hint: 'hint.list',
    });
  }
  return [...missing, lesson];
}

async function runOneLesson(
  ctx: CommandContext,
  lab: Lab,
  book: ProgressBook,
  lesson: Lesson,
  from?: string,
): Promise<boolean> {
  const { io, t, options } = ctx;
  const lang = options.lang;
  const doneBefore = lessonStepsDone(lesson, book.progress);
  io.out(`\n━━ ${lesson.number}. ${lesson.prose[lang].title} ━━`);
  let streamed = false;
  const deps = await lab.stepDeps({
    onOutput: (chunk) => {
      streamed = true;
      io.out(indent(chunk.replace(/\n$/, '')));
    },
    // Long steps (loads, rebalances) say how far they are.
    onProgress: progressLines(t, (line) => io.out(line)),
  });
  const start = from ? lesson.spec.steps.findIndex((s) => s.id === from) : 0;
  const steps = lesson.spec.steps.slice(start);
  for (const [i, step] of steps.entries()) {
    const where = step.sql !== undefined ? ` @ ${step.node ?? 'coordinator'}` : '';
    io.out(
      `\n▶ [${start + i + 1}/${lesson.spec.steps.length}] ${stepTitle(lesson, lang, step.id)}${where}`,
    );
    const body = lesson.prose[lang].steps.find((p) => p.id === step.id)?.body;
    if (body) io.out(renderMarkdown(body, io.color));
    const command = stepCommand(step, deps);
    if (command) io.out(commandText(step, command));
    streamed = false;
    // Ctrl-C cancels the step (its statement, its shell) and the lesson stops there; a second ends
    // the program at once. Only while a step runs: prompts keep the terminal's own Ctrl-C.
    const outcome = await withInterrupt((signal) => executeStep(step, { ...deps, signal }));
    for (const line of outcomeLines(t, outcome, { textShown: streamed })) io.out(line);
    if (outcome.status === 'failed') {
      io.out(t('run.stepFailed', { lesson: lesson.id, step: step.id }));
      if (doneBefore) io.out(t('run.doneBefore', { lesson: lesson.id }));
      return false;
    }
    await book.update((p) => stepDone(p, lesson, step.id, outcome.ms, lab.vars.rows));
  }
  for (const exercise of lesson.spec.exercises) await runExercise(ctx, lab, book, lesson, exercise);
  const state = lessonOf(book.progress, lesson.id);
  const open = lesson.spec.exercises.filter((e) => !state.exercises[e.id]?.passed);
  io.out(
    open.length === 0
      ? t('run.lessonDone', { id: lesson.id })
      : t('run.lessonStepsDone', { id: lesson.id, open: open.length }),
  );
  return true;
}

async function runExercise(
  ctx: CommandContext,
  lab: Lab,
  book: ProgressBook,
  lesson: Lesson,
  exercise: ExerciseSpec,
) {
  const { io, t, options, parsed } = ctx;
  const prose = exerciseProse(lesson, options.lang, exercise.id);
  io.out(`\n✎ ${t('run.exercise')}: ${prose?.title ?? exercise.id}`);
  if (prose?.body) io.out(renderMarkdown(prose.body, io.color));
  let answer: string | undefined = lessonOf(book.progress, lesson.id).exercises[exercise.id]
    ?.answer;

  if (exercise.choice) {
    for (const choice of prose?.choices ?? []) io.out(`  ${choice.key}) ${choice.text}`);
    if (parsed.flags.solutions) answer = exercise.choice.answer;
    else if (io.interactive && !parsed.flags.yes)
      answer = (await io.ask(t('run.chooseAnswer'))).toLowerCase();
  } else if (parsed.flags.solutions && exercise.solution) {
    io.out(`  ${t('run.applyingSolution')}`);
    const result = await executeStep(
      { id: exercise.id, sql: exercise.solution.sql, node: exercise.solution.node, checks: [] },
      await lab.stepDeps(),
    );
    if (result.error) io.out(`  ${msg(t, result.error)} ${result.error.detail ?? ''}`);
  }

  const grade = await gradeExercise(exercise, { catalog: lab.catalog, vars: lab.vars }, answer);
  for (const line of checkLines(t, grade.checks)) io.out(line);
  const attempted = answer !== undefined || !exercise.choice;
  await book.update((p) =>
    updateExercise(p, lesson.id, exercise.id, (e) => ({
      ...e,
      attempts: e.attempts + (attempted ? 1 : 0),
      ...(answer !== undefined && { answer }),
      passed: e.passed || grade.passed,
      ...(grade.passed && !e.passed && { passedAt: new Date().toISOString() }),
      ...(parsed.flags.solutions && { solutionShown: true }),
    })),
  );
  if (!grade.passed) {
    io.out(
      exercise.choice
        ? t('run.answerLater', { lesson: lesson.id, exercise: exercise.id })
        : t('run.solveLater', { lesson: lesson.id }),
    );
    const hint = prose?.hints[0]?.text;
    if (hint) io.out(`  ${t('run.hint')}: ${hint}`);
  }
}
