import { ExitCode, UserError } from '../errors.js';
import { existsSync } from 'node:fs';
import { hasMark } from '../lab/mark.js';
import { openLab } from '../lab/open-lab.js';
import { findLesson } from '../lessons/order.js';
import type { Lesson } from '../lessons/lesson.js';
import { progressLines } from '../present/progress.js';
import { commandText, msg } from '../present/text.js';
import { executeStep, stepCommand } from '../runner/execute-step.js';
import { resetSteps } from '../runner/reset-steps.js';
import { forgetLesson } from '../store/progress.js';
import type { Command } from './context.js';
import { confirmed } from './confirm.js';
import { withInterrupt } from './interrupt.js';

/** Undoes what a lesson made (its reset entries, latest lesson first), then forgets its progress. */
export const resetCommand: Command = async (ctx) => {
  const { parsed, options, io, t } = ctx;
  const target = parsed.positionals[0];
  if (!parsed.flags.all && !target)
    throw new UserError({ key: 'error.resetNeedsLesson', hint: 'hint.list' });
  // Like destroy: nothing is undone in a folder that is not the lab's own (no mark, someone else's files).
  if (existsSync(options.labDir) && !(await hasMark(options.labDir))) {
    throw new UserError({
      key: 'cluster.notALab',
      params: { dir: options.labDir },
      hint: 'cluster.hint.notALab',
    });
  }
  const lab = await openLab(options);
  try {
    let lessons: Lesson[] = lab.lessons;
    if (!parsed.flags.all) {
      const lesson = findLesson(lab.lessons, target!);
      if (!lesson)
        throw new UserError({
          key: 'error.unknownLesson',
          params: { id: target! },
          hint: 'hint.list',
        });
      lessons = [lesson];
    }
    const names = lessons.map((l) => l.id).join(', ');
    const refusal = new UserError({
      key: 'error.resetNeedsYes',
      params: { lessons: names },
      hint: 'hint.addYes',
    });
    if (!(await confirmed(ctx, t('reset.ask', { lessons: names }), refusal))) return ExitCode.ok;
    const book = lab.book;
    return await withInterrupt(async (signal) => {
      // A reset that moves shards says how far it is. Ctrl-C stops it at the next point it can: the
      // statement running (one shard move, in the rebalance lesson's drain) is cancelled.
      const deps = await lab.stepDeps({
        signal,
        onProgress: progressLines(t, (line) => io.out(line)),
      });
      for (const lesson of [...lessons].reverse()) {
        for (const step of resetSteps(lesson)) {
          // Shown before it runs: a reset that moves shards (the rebalance lesson's) takes seconds.
          const command = stepCommand(step, deps);
          if (command) io.out(commandText(step, command));
          const outcome = await executeStep(step, deps);
          if (outcome.error) {
            io.err(
              outcome.error.key === 'step.cancelled'
                ? t('reset.cancelled', { id: lesson.id })
                : `${t('reset.failed', { id: lesson.id })} ${msg(t, outcome.error)} ${outcome.error.detail ?? ''}`.trim(),
            );
            return ExitCode.failed;
          }
        }
        await book.update((p) => forgetLesson(p, lesson.id));
        io.out(t('reset.done', { id: lesson.id }));
      }
      return ExitCode.ok;
    });
  } finally {
    await lab.close();
  }
};
