import { ExitCode } from '../errors.js';
import type { Command } from './context.js';

export const helpCommand: Command = async ({ io, t }) => {
  io.out(t('help.text'));
  io.out('');
  io.out(t('cluster.help'));
  io.out('');
  io.out(t('class.help'));
  return ExitCode.ok;
};
