import { ExitCode } from '../errors.js';
import type { Command } from './context.js';
import { listCommand } from './list.js';

/** Without a terminal (a pipe, CI), the UI falls back to a readable plain listing. */
export const plainHomeCommand: Command = async (ctx) => {
  ctx.io.out(ctx.t('home.plain'));
  const code = await listCommand(ctx);
  ctx.io.out(ctx.t('home.next'));
  return code === ExitCode.ok ? ExitCode.ok : code;
};
