import { parseArgs } from 'node:util';
import { UserError, errorText } from '../errors.js';
import type { RawGlobals } from '../config/options.js';

export const COMMANDS = [
  'list',
  'run',
  'check',
  'reset',
  'doctor',
  'lint',
  'help',
  'cluster',
  'class',
] as const;
export type CommandName = (typeof COMMANDS)[number] | 'tui';

const OPTIONS = {
  lang: { type: 'string' },
  'lab-dir': { type: 'string' },
  'base-port': { type: 'string' },
  'pg-bin': { type: 'string' },
  lessons: { type: 'string' },
  rows: { type: 'string' },
  auth: { type: 'string' },
  'password-file': { type: 'string' },
  until: { type: 'string' },
  coordinator: { type: 'string' },
  provider: { type: 'string' },
  junit: { type: 'string' },
  students: { type: 'string' },
  dir: { type: 'string' },
  clusters: { type: 'boolean' },
  json: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  all: { type: 'boolean' },
  from: { type: 'string' },
  solutions: { type: 'boolean' },
  answer: { type: 'string', multiple: true },
  workers: { type: 'string' },
  fix: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export interface Parsed {
  command: CommandName;
  positionals: string[];
  globals: RawGlobals;
  flags: {
    json: boolean;
    yes: boolean;
    all: boolean;
    solutions: boolean;
    fix: boolean;
    help: boolean;
    version: boolean;
    from?: string;
    answers: string[];
    workers?: string;
    junit?: string;
    students?: string;
    dir?: string;
    clusters: boolean;
  };
}

export function parseCommandLine(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = errorText(error);
    throw new UserError({ key: 'error.usage', params: { detail }, hint: 'hint.help' });
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  let command: CommandName = 'tui';
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UserError({
        key: 'error.unknownCommand',
        params: { command: first },
        hint: 'hint.help',
      });
    }
    command = first as CommandName;
  }
  return {
    command,
    positionals: first === undefined ? [] : rest,
    globals: {
      lang: values.lang,
      'lab-dir': values['lab-dir'],
      'base-port': values['base-port'],
      'pg-bin': values['pg-bin'],
      lessons: values.lessons,
      rows: values.rows,
      auth: values.auth,
      'password-file': values['password-file'],
      until: values.until,
      coordinator: values.coordinator,
      provider: values.provider,
    },
    flags: {
      json: values.json ?? false,
      yes: values.yes ?? false,
      all: values.all ?? false,
      solutions: values.solutions ?? false,
      fix: values.fix ?? false,
      help: values.help ?? false,
      version: values.version ?? false,
      from: values.from,
      answers: values.answer ?? [],
      workers: values.workers,
      junit: values.junit,
      students: values.students,
      dir: values.dir,
      clusters: values.clusters ?? false,
    },
  };
}
