import { ExitCode } from '../errors.js';
import type { TutorSession } from '../runner/session.js';
import type { Command } from './context.js';

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/**
 * In a terminal, `citus-lab-tutor` opens the lab's UI on the alternate screen and restores the terminal
 * however it ends. The title line is drawn at once, before React and ink load (they take most of the
 * start-up time); ink then draws over it.
 */
export const tuiCommand: Command = async ({ options, io, t }) => {
  const color = io.color && process.env.TERM !== 'dumb';
  process.stdout.write(`${ALT_SCREEN_ON}${color ? '\x1b[1;36m' : ''}${t('ui.title')}${color ? '\x1b[0m' : ''}\n${t('ui.loading')}\x1b[H`);
  const restore = () => process.stdout.write(ALT_SCREEN_OFF);
  process.once('exit', restore);
  let session: TutorSession | undefined;
  try {
    const [{ createElement }, { render }, { App }, { openSession }] = await Promise.all([
      import('react'),
      import('ink'),
      import('../ui/App.js'),
      import('../runner/session.js'),
    ]);
    const open = async () => (session = await openSession(options));
    const app = render(createElement(App, { open, lang: options.lang, color }), { exitOnCtrlC: false, patchConsole: true });
    await app.waitUntilExit();
  } finally {
    await session?.close().catch(() => undefined);
    process.off('exit', restore);
    restore();
  }
  return ExitCode.ok;
};
