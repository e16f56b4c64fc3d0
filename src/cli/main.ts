import { resolveLang, resolveOptions } from '../config/options.js';
import { packageVersion } from '../package-root.js';
import { ExitCode, isUserError } from '../errors.js';
import { translator, type Lang } from '../i18n/index.js';
import type { Command } from '../commands/context.js';
import { helpCommand } from '../commands/help.js';
import type { Io } from './io.js';
import { parseCommandLine, type CommandName } from './parse.js';

/**
 * Each command is loaded when it runs: the lesson runner pulls in the markdown renderer and zx,
 * which `cluster up` on a healthy cluster (under 1 s) has no time for.
 */
const COMMANDS: Record<Exclude<CommandName, 'tui'>, () => Promise<Command>> = {
  list: async () => (await import('../commands/list.js')).listCommand,
  run: async () => (await import('../commands/run.js')).runCommand,
  check: async () => (await import('../commands/check.js')).checkCommand,
  reset: async () => (await import('../commands/reset.js')).resetCommand,
  doctor: async () => (await import('../commands/doctor.js')).doctorCommand,
  lint: async () => (await import('../commands/lint.js')).lintCommand,
  help: async () => helpCommand,
  cluster: async () => (await import('../commands/cluster.js')).clusterCommand,
  class: async () => (await import('../commands/class.js')).classCommand,
};

export interface MainHooks {
  /** Opens the terminal UI; absent in tests and where no terminal is attached. */
  tui?: Command;
}

/** Parses, runs one command and turns every error into a message and an exit status. Never exits itself. */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: Io,
  hooks: MainHooks = {},
): Promise<number> {
  let lang: Lang = 'en';
  try {
    lang = resolveLang(undefined, env);
    const parsed = parseCommandLine(argv);
    lang = resolveLang(parsed.globals.lang, env);
    const t = translator(lang);
    if (parsed.flags.version) {
      io.out(packageVersion());
      return ExitCode.ok;
    }
    if (parsed.flags.help)
      return await helpCommand({ parsed, options: resolveOptions(parsed.globals, env), io, t });
    const options = resolveOptions(parsed.globals, env);
    const command =
      parsed.command === 'tui'
        ? (hooks.tui ?? (await import('../commands/home.js')).plainHomeCommand)
        : await COMMANDS[parsed.command]();
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
