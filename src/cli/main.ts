import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinLessonsDir, resolveLang, resolveOptions } from '../config/options.js';
import { ExitCode, isUserError } from '../errors.js';
import { translator, type Lang } from '../i18n/index.js';
import { checkCommand } from '../commands/check.js';
import type { Command } from '../commands/context.js';
import { doctorCommand } from '../commands/doctor.js';
import { helpCommand } from '../commands/help.js';
import { plainHomeCommand } from '../commands/home.js';
import { lintCommand } from '../commands/lint.js';
import { listCommand } from '../commands/list.js';
import { resetCommand } from '../commands/reset.js';
import { runCommand } from '../commands/run.js';
import type { Io } from './io.js';
import { parseCommandLine, type CommandName } from './parse.js';

const COMMANDS: Record<Exclude<CommandName, 'tui'>, Command> = {
  list: listCommand,
  run: runCommand,
  check: checkCommand,
  reset: resetCommand,
  doctor: doctorCommand,
  lint: lintCommand,
  help: helpCommand,
};

export function programVersion(): string {
  const pkg = JSON.parse(readFileSync(join(builtinLessonsDir(), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export interface MainHooks {
  /** Opens the terminal UI; absent in tests and where no terminal is attached. */
  tui?: Command;
}

/** Parses, runs one command and turns every error into a message and an exit status. Never exits itself. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: Io, hooks: MainHooks = {}): Promise<number> {
  let lang: Lang = 'en';
  try {
    lang = resolveLang(undefined, env);
    const parsed = parseCommandLine(argv);
    lang = resolveLang(parsed.globals.lang, env);
    const t = translator(lang);
    if (parsed.flags.version) {
      io.out(programVersion());
      return ExitCode.ok;
    }
    if (parsed.flags.help) return await helpCommand({ parsed, options: resolveOptions(parsed.globals, env), io, t });
    const options = resolveOptions(parsed.globals, env);
    const command = parsed.command === 'tui' ? (hooks.tui ?? plainHomeCommand) : COMMANDS[parsed.command];
    return await command({ parsed, options, io, t });
  } catch (error) {
    const t = translator(lang);
    if (isUserError(error)) {
      io.err(`✘ ${t(error.key, error.params)}`);
      if (error.hint) io.err(`  → ${t(error.hint, error.hintParams)}`);
      return error.exitCode;
    }
    io.err(`✘ ${t('error.bug')}`);
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return ExitCode.usage;
  }
}
