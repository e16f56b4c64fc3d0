import { join } from 'node:path';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/**
 * The program in-process, as a terminal would see it: its exit status, what it printed, and the
 * questions it asked (answered in turn from `answers`).
 */
export async function runMain(args: string[], env: NodeJS.ProcessEnv = {}, answers: string[] = []) {
  const io = bufferIo(answers);
  const asked: string[] = [];
  const ask = io.ask;
  io.ask = async (q) => (asked.push(q), ask(q));
  const code = await main(args, env, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), asked };
}

/** `runMain` on a temporary tree holding `lessons/` and `lab/`, on a port block no test server uses. */
export const runInTree =
  (dir: string) =>
  (args: string[], answers: string[] = []) =>
    runMain(
      [
        ...args,
        '--lessons',
        join(dir, 'lessons'),
        '--lab-dir',
        join(dir, 'lab'),
        '--base-port',
        '45170',
      ],
      {},
      answers,
    );
