import { UserError } from '../errors.js';
import type { CommandContext } from './context.js';

const YES = /^(y|yes|s|si|sí)$/i;

/** A yes in English or Spanish; with `enterAccepts`, an empty answer (Enter) too. */
export function isYes(answer: string, enterAccepts = false): boolean {
  const a = answer.trim();
  return (enterAccepts && a === '') || YES.test(a);
}

/**
 * Before a command deletes or runs something the learner should agree to: nothing to ask with --yes;
 * at a terminal, one question (true for a yes); without one nobody can answer, so `refusal` is thrown.
 */
export async function confirmed(
  ctx: CommandContext,
  question: string,
  refusal: UserError,
): Promise<boolean> {
  if (ctx.parsed.flags.yes) return true;
  if (!ctx.io.interactive) throw refusal;
  return isYes(await ctx.io.ask(question));
}

/** `cluster destroy`'s question, for a local cluster and a Docker one alike. */
export function destroyConfirmed(ctx: CommandContext): Promise<boolean> {
  const dir = ctx.options.labDir;
  return confirmed(
    ctx,
    ctx.t('cluster.destroy.ask', { dir }),
    new UserError({ key: 'cluster.destroyNeedsYes', params: { dir }, hint: 'hint.addYes' }),
  );
}
