import { createInterface } from 'node:readline/promises';

/** Where commands write; tests pass a buffer, the program passes the terminal. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when a person can answer questions. */
  interactive: boolean;
  ask(question: string): Promise<string>;
  color: boolean;
}

export function terminalIo(): Io {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  return {
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    interactive,
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return (await rl.question(question)).trim();
      } finally {
        rl.close();
      }
    },
  };
}

/** A captured Io for tests and for `--json` (nothing interactive). */
export function bufferIo(answers: string[] = []): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    interactive: answers.length > 0,
    color: false,
    ask: async () => answers.shift() ?? '',
  };
}
