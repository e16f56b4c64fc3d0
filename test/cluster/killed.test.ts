import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/temp.js';
import { shellLesson } from '../helpers/shell-lesson.js';
import { cli } from './lab.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

/** A lesson whose second step waits (up to 20 s) until the file `go` appears in the lab folder. */
const steps = [
  { id: 'before', shell: 'echo before' },
  {
    id: 'slow',
    shell: 'echo waiting; for i in $(seq 1 100); do [ -f go ] && break; sleep 0.2; done; echo done',
  },
  { id: 'after', shell: 'echo after' },
];

describe('the program killed in the middle of a step (no server needed)', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
    it(`${signal}: the progress on disk stays whole, and the step runs again to the end`, async () => {
      const lessons = await tempTree(shellLesson('01-slow', steps));
      const lab = await tempTree();
      cleanups.push(
        lessons.cleanup,
        async () => void (await writeFile(join(lab.dir, 'go'), '').catch(() => undefined)),
        lab.cleanup,
      );
      const args = [
        'run',
        'slow',
        '--lessons',
        lessons.dir,
        '--lab-dir',
        lab.dir,
        '--base-port',
        '45190',
        '--yes',
        '--lang',
        'en',
      ];
      const child = cli(args);
      await new Promise<void>((resolve) => {
        let seen = '';
        child.stdout!.on('data', (d: Buffer) => {
          seen += d.toString();
          // The step's own output, not its command shown before it runs.
          if (/^\s*waiting$/m.test(seen)) resolve();
        });
        void child.then(() => resolve());
      });
      child.kill(signal);
      const killed = await child;
      expect(killed.exitCode === 0).toBe(false);
      // Ctrl-C cancels the step and the program ends on its own, saying so; the others kill it.
      if (signal === 'SIGINT') {
        expect(killed.exitCode).toBe(1);
        expect(String(killed.stdout)).toContain(
          'Cancelled. Run the step again when you are ready.',
        );
        // The shell was stopped too: it never printed its last line.
        expect(String(killed.stdout)).not.toMatch(/^\s*done$/m);
      }
      // Let the orphaned step finish, as a learner's next run would find it.
      await writeFile(join(lab.dir, 'go'), '');
      const progress = JSON.parse(await readFile(join(lab.dir, 'progress.json'), 'utf8'));
      expect(Object.keys(progress.lessons.slow.steps)).toEqual(['before']);
      expect(existsSync(join(lab.dir, '.citus-lab-tutor'))).toBe(true);
      const again = await cli([...args.slice(0, 2), '--from', 'slow', ...args.slice(2)]);
      expect(again.exitCode, String(again.stderr)).toBe(0);
      const after = JSON.parse(await readFile(join(lab.dir, 'progress.json'), 'utf8'));
      expect(Object.keys(after.lessons.slow.steps).sort()).toEqual(['after', 'before', 'slow']);
    });
  }
});
