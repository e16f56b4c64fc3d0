import { execa } from 'execa';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const hasTmux = await execa('tmux', ['-V'], { reject: false }).then(
  (r) => r.exitCode === 0,
  () => false,
);
const why = hasTmux ? undefined : 'tmux is not installed (.ci/run installs it)';
if (why) console.warn(`skipping the real-terminal UI test: ${why}`);

const session = `citus-lab-ui-${process.pid}`;
const tmux = (...args: string[]) => execa('tmux', args, { reject: false });
const screen = async () => (await tmux('capture-pane', '-p', '-t', session)).stdout;

async function waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    last = await screen();
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the screen never showed ${String(text)}; it shows:\n${last}`);
}
const keys = async (...k: string[]) => {
  for (const key of k) {
    await tmux('send-keys', '-t', session, key);
    await new Promise((r) => setTimeout(r, 120));
  }
};

describe.skipIf(why !== undefined)('the built program in a real terminal (tmux)', () => {
  let labDir = '';
  beforeAll(async () => {
    await execa('npm', ['run', 'build'], { cwd: root });
    labDir = await mkdtemp(join(tmpdir(), 'citus-lab-tmux-'));
  }, 120_000);
  afterAll(async () => {
    await tmux('kill-session', '-t', session);
    if (labDir) await rm(labDir, { recursive: true, force: true });
  });

  it('opens in Spanish, switches to English with l, answers the concepts self-check and quits with q', async () => {
    // A base port far from the default block (55164-55167); these lessons never start a server.
    // CI=true as CI machines set it: ink would draw nothing until exit if the program let it see it.
    const command = `CI=true LANG=es_ES.UTF-8 LC_ALL= LC_MESSAGES= node dist/cli.js --lab-dir '${labDir}' --base-port 47410; echo EXITED $?; sleep 60`;
    const started = await tmux(
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '100',
      '-y',
      '30',
      '-c',
      root,
      command,
    );
    expect(started.exitCode).toBe(0);

    await waitFor('Bienvenida');
    expect(await screen()).toContain('Idioma');
    await keys('l');
    await waitFor('Welcome');
    expect(await screen()).toContain('Language');

    await keys('Enter');
    await waitFor('Lessons');
    await keys('g');
    await waitFor('Go to lesson');
    await keys('1', 'Enter');
    await waitFor('Step 1/');
    const steps = (await screen()).match(/Step 1\/(\d+)/)![1]!;
    await keys(...Array.from({ length: Number(steps) }, () => 'n'));
    await waitFor('Exercise 1/');
    await keys('a');
    await waitFor('Not yet');
    await keys('b');
    await waitFor('✔ Right!');

    await keys('q');
    await waitFor(/EXITED 0/);
    const progress = JSON.parse(await readFile(join(labDir, 'progress.json'), 'utf8'));
    expect(progress.lessons.concepts.exercises['where-rows-live']).toMatchObject({
      passed: true,
      answer: 'b',
      attempts: 2,
    });
  }, 60_000);
});
