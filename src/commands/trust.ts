import { UserError } from '../errors.js';
import { fill, shellQuote } from '../lessons/template.js';
import type { Lesson } from '../lessons/lesson.js';
import type { CommandContext } from './context.js';
import { templateVars } from '../lab/paths.js';
import { confirmed } from './confirm.js';

/**
 * Lessons from --lessons are not the program's own: show every shell command they would run
 * and ask once before running any.
 */
export async function confirmShellSteps(ctx: CommandContext, lessons: Lesson[]): Promise<void> {
  if (!ctx.options.customLessons) return;
  const vars = templateVars(ctx.options, undefined);
  const commands = lessons.flatMap((l) =>
    l.spec.steps
      .filter((s) => s.shell !== undefined)
      .map((s) => `[${l.id}/${s.id}] ${fill(s.shell!, vars, shellQuote)}`),
  );
  if (commands.length === 0) return;
  ctx.io.err(ctx.t('trust.header', { dir: ctx.options.lessonsDir }));
  for (const c of commands) ctx.io.err(`  ${c}`);
  const refusal = new UserError({ key: 'error.trustNeedsYes', hint: 'hint.addYes' });
  if (!(await confirmed(ctx, ctx.t('trust.ask'), refusal)))
    throw new UserError({ key: 'error.cancelled', exitCode: 1 });
}
