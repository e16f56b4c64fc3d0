import { ExitCode } from '../errors.js';
import { loadLessons } from '../lessons/load.js';
import { paceLessons } from '../lessons/pacing.js';
import { loadProgress } from '../store/progress.js';
import { problemLines } from './problems.js';
import type { Command } from './context.js';
import { lessonSummary } from './lesson-summary.js';

export const listCommand: Command = async ({ options, io, t, parsed }) => {
  const [{ lessons, problems }, { progress, setAside }] = await Promise.all([
    loadLessons(options.lessonsDir),
    loadProgress(options.labDir),
  ]);
  if (setAside) io.err(t('warn.progressSetAside', { path: setAside }));
  const paced = paceLessons(lessons, options.until);
  const summaries = paced.open.map((l) => lessonSummary(l, options.lang, progress));
  if (parsed.flags.json) {
    io.out(
      JSON.stringify(
        {
          lessons: summaries,
          problems: problems.map((p) => ({ ...p, message: t(p.key, p.params) })),
        },
        null,
        2,
      ),
    );
    return ExitCode.ok;
  }
  io.out(t('list.header', { dir: options.labDir }));
  for (const s of summaries) {
    const p = s.progress;
    const state = p.completed ? '✔' : p.stepsDone > 0 ? '…' : ' ';
    io.out(
      `${state} ${String(s.number).padStart(2)}. ${s.id.padEnd(14)} ${s.title}  ` +
        t('list.progress', {
          steps: p.stepsDone,
          stepsTotal: p.stepsTotal,
          exercises: p.exercisesPassed,
          exercisesTotal: p.exercisesTotal,
        }),
    );
    for (const step of s.steps) io.out(`      ${step.done ? '✔' : '·'} ${step.id}: ${step.title}`);
    for (const ex of s.exercises)
      io.out(`      ${ex.passed ? '✔' : '?'} ${ex.id}: ${ex.title} (${t('list.exercise')})`);
  }
  if (paced.until && paced.later.length > 0)
    io.out(t('class.list.later', { count: paced.later.length, until: paced.until.id }));
  for (const line of problemLines(t, problems)) io.err(line);
  return ExitCode.ok;
};
