import { ExitCode } from '../errors.js';
import type { TutorSession } from '../runner/session.js';
import type { Command } from './context.js';

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/**
 * In a terminal, `citus-lab-tutor` opens the lab's UI on the alternate screen and restores the terminal
 * however it ends. Only what the first frame needs loads before it (React, ink, the screens); the lab
 * (lessons, PostgreSQL discovery) opens while that frame is up, and the markdown renderer loads after it.
 */
export const tuiCommand: Command = async ({ options, io }) => {
  const color = io.color && process.env.TERM !== 'dumb';
  process.stdout.write(ALT_SCREEN_ON);
  const restore = () => process.stdout.write(ALT_SCREEN_OFF);
  process.once('exit', restore);
  let session: TutorSession | undefined;
  try {
    // React is CommonJS: its default export is the module in Node and in a bundle alike.
    const [{ default: React }, { render }, { App }] = await Promise.all([
      import('react'),
      importInkInteractive(),
      import('../ui/App.js'),
    ]);
    const open = async () => {
      const { openSession } = await import('../runner/session.js');
      return (session = await openSession(options));
    };
    const app = render(React.createElement(App, { open, lang: options.lang, color }), {
      exitOnCtrlC: false,
      patchConsole: true,
    });
    if (color)
      setTimeout(
        () => void import('../present/markdown-width.js').then((m) => m.loadMarkdownRenderer()),
        50,
      );
    await app.waitUntilExit();
  } finally {
    await session?.close().catch(() => undefined);
    process.off('exit', restore);
    restore();
  }
  return ExitCode.ok;
};

/**
 * ink draws nothing but the last frame when CI or CONTINUOUS_INTEGRATION is set (it reads them once, on
 * import): a learner's shell that exports CI would see a blank screen until quitting. This command only
 * runs on a real terminal, so ink is loaded with them hidden, and they are put back for the lab's steps.
 */
async function importInkInteractive(): Promise<typeof import('ink')> {
  const hidden = ['CI', 'CONTINUOUS_INTEGRATION']
    .filter((k) => k in process.env)
    .map((k) => [k, process.env[k]] as const);
  for (const [k] of hidden) delete process.env[k];
  try {
    return await import('ink');
  } finally {
    for (const [k, v] of hidden) process.env[k] = v;
  }
}
