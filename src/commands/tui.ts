import { createElement } from 'react';
import { render } from 'ink';
import { ExitCode } from '../errors.js';
import type { TutorSession } from '../runner/session.js';
import type { Command } from './context.js';

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/** In a terminal, `citus-lab-tutor` opens the lab's UI; the terminal is restored however it ends. */
export const tuiCommand: Command = async ({ options, io }) => {
  const [{ App }, { openSession }] = await Promise.all([import('../ui/App.js'), import('../runner/session.js')]);
  let session: TutorSession | undefined;
  const open = async () => (session = await openSession(options));
  const color = io.color && process.env.TERM !== 'dumb';
  process.stdout.write(ALT_SCREEN_ON);
  const restore = () => process.stdout.write(ALT_SCREEN_OFF);
  process.once('exit', restore);
  try {
    const app = render(createElement(App, { open, lang: options.lang, color }), { exitOnCtrlC: false, patchConsole: true });
    await app.waitUntilExit();
  } finally {
    await session?.close().catch(() => undefined);
    process.off('exit', restore);
    restore();
  }
  return ExitCode.ok;
};
