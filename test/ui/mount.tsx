import { render } from 'ink-testing-library';
import { expect } from 'vitest';
import { App } from '../../src/ui/App.js';
import { fakeSession } from './fake-session.js';
import type { Lang } from '../../src/i18n/index.js';

export const KEY = {
  enter: '\r',
  esc: '\x1b',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  ctrlC: '\x03',
  ctrlD: '\x04',
  backspace: '\x7f',
};

/** Renders the whole UI over a fake session; `press` types keys one at a time and lets the UI settle. */
export async function mount(
  opts: {
    lang?: Lang;
    columns?: number;
    rows?: number;
    session?: ReturnType<typeof fakeSession>;
  } = {},
) {
  const session = opts.session ?? fakeSession();
  const ui = render(
    <App
      open={async () => session}
      lang={opts.lang ?? 'en'}
      color={false}
      size={{ columns: opts.columns ?? 100, rows: opts.rows ?? 30 }}
    />,
  );
  const frame = () => ui.lastFrame() ?? '';
  const settle = () => new Promise((r) => setTimeout(r, 30));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await settle();
    }
  };
  /** Waits until the frame holds `text` (or fails with the last frame). */
  const see = async (text: string | RegExp, timeoutMs = 2000) => {
    const start = Date.now();
    const has = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
    while (!has() && Date.now() - start < timeoutMs) await settle();
    expect(frame()).toMatch(
      typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text,
    );
  };
  await see(/Lessons|Lecciones|Welcome|Bienvenida/);
  await settle();
  return { ui, session, frame, press, see };
}
