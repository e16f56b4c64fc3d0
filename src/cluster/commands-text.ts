import { shellQuote } from '../lessons/template.js';

/** A command line as the learner would type it, arguments quoted where needed. */
export function commandLine(file: string, args: string[]): string {
  return [file, ...args]
    .map((a) => (/^[A-Za-z0-9_\-./=,:@]+$/.test(a) ? a : shellQuote(a)))
    .join(' ');
}
