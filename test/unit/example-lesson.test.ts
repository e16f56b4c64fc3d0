import { afterEach, describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/temp.js';
import { runMain } from '../helpers/run-main.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

/** The README's "Write your own lesson" example: the commands it shows, run as it shows them, without a cluster. */
describe('the example lesson in fixtures/lessons', () => {
  const cli = (args: string[], lang = 'en') => runMain([...args, '--lang', lang]);

  it('lints clean, runs (after showing its shell command) and checks as passed, in both languages', async () => {
    const lint = await cli(['lint', 'fixtures/lessons']);
    expect(lint.code, lint.out + lint.err).toBe(0);
    const lab = await tempTree();
    cleanups.push(lab.cleanup);
    const own = ['--lessons', 'fixtures/lessons', '--lab-dir', lab.dir, '--base-port', '45170'];
    const run = await cli([...own, 'run', 'hello', '--yes', '--solutions']);
    expect(run.code, run.out + run.err).toBe(0);
    expect(run.err).toContain('[hello/greet] echo "Hello from $(basename ');
    expect(run.out).toMatch(/Hello from citus-lab-test-/);
    expect(run.out).toContain('Lesson hello complete');
    const check = await cli([...own, 'check', 'hello', '--json'], 'es');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).lessons[0]).toMatchObject({
      id: 'hello',
      passed: true,
      exercises: [{ id: 'where', title: '¿Dónde se guarda tu progreso?', passed: true }],
    });
  });
});
