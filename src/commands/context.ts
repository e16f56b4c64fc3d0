import type { Parsed } from '../cli/parse.js';
import type { Io } from '../cli/io.js';
import type { LabOptions } from '../config/options.js';
import type { ExitCode } from '../errors.js';
import type { Translate } from '../i18n/index.js';

export interface CommandContext {
  parsed: Parsed;
  options: LabOptions;
  io: Io;
  t: Translate;
}

/** Commands return an exit status; only cli.ts exits. */
export type Command = (ctx: CommandContext) => Promise<ExitCode>;
