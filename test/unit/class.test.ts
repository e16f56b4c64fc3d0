import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { access, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePortBlock } from '../../src/adapters/net.js';
import { allocatePortBlocks } from '../../src/class/roster.js';
import { MARK_FILE } from '../../src/lab/mark.js';
import { builtinLessonsDir } from '../../src/config/options.js';
import { loadLessons } from '../../src/lessons/load.js';
import { tempTree } from '../helpers/temp.js';
import { runMain } from '../helpers/run-main.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

async function classroom(files: Record<string, string> = {}) {
  const tree = await tempTree(files);
  cleanups.push(tree.cleanup);
  const dir = join(tree.dir, 'class');
  const cli = (args: string[], answers: string[] = []) =>
    runMain([...args, '--dir', dir], { LANG: 'en_US.UTF-8' }, answers);
  return { dir, cli };
}

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => resolve(server));
  });

describe('port blocks for a class', () => {
  it("gives each learner four consecutive ports, skipping busy ones and the single lab's 55164-55167", async () => {
    const busy = new Set([55172, 55181]);
    const isFree = async (p: number) => !busy.has(p);
    expect(await allocatePortBlocks(3, 55164, isFree)).toEqual([55168, 55176, 55184]);
    expect(await allocatePortBlocks(2, 55160, isFree)).toEqual([55160, 55168]);
    expect(await allocatePortBlocks(1, 55164, isFree, { allowDefault: true })).toEqual([55164]);
    await expect(allocatePortBlocks(2, 65530, isFree)).rejects.toMatchObject({
      key: 'class.error.noPorts',
    });
  });
});

describe('class init, status and reset', () => {
  it('init prepares a marked lab folder and a distinct free port block per learner, writes class.json and prints each command', async () => {
    const { dir, cli } = await classroom();
    const base = await findFreePortBlock(16);
    const taken = await listen(base + 5);
    cleanups.push(() => new Promise((r) => taken.close(() => r())));
    const { code, out } = await cli([
      'class',
      'init',
      '--students',
      '3',
      '--base-port',
      String(base),
      '--until',
      'distribute',
    ]);
    expect(code).toBe(0);
    const data = JSON.parse(await readFile(join(dir, 'class.json'), 'utf8'));
    expect(data).toMatchObject({ version: 1, until: 'distribute' });
    expect(data.students).toEqual([
      { name: 'student-01', labDir: 'student-01', basePort: base },
      { name: 'student-02', labDir: 'student-02', basePort: base + 8 },
      { name: 'student-03', labDir: 'student-03', basePort: base + 12 },
    ]);
    for (const s of data.students) await access(join(dir, s.name, MARK_FILE));
    expect(out).toContain('Class of 3 prepared in');
    expect(out).toContain(
      `citus-lab-tutor --lab-dir ${join(dir, 'student-02')} --base-port ${base + 8} --until distribute`,
    );

    const again = await cli(['class', 'init', '--students', '3']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('There is already a class in');
  });

  it("init refuses a bad count and a learner folder that is someone else's, creating nothing", async () => {
    const { dir, cli } = await classroom({ 'class/student-02/thesis.txt': 'mine' });
    expect((await cli(['class', 'init', '--students', 'x'])).err).toContain(
      'Invalid --students "x"',
    );
    const refused = await cli(['class', 'init', '--students', '2', '--lang', 'es']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('no es una carpeta de laboratorio');
    await expect(access(join(dir, 'student-01'))).rejects.toThrow();
    await expect(access(join(dir, 'class.json'))).rejects.toThrow();
  });

  it("status reads every learner's progress from their folder and shows a table (or JSON)", async () => {
    const { dir, cli } = await classroom();
    const base = await findFreePortBlock(12);
    expect(
      (await cli(['class', 'init', '--students', '3', '--base-port', String(base)])).code,
    ).toBe(0);
    const builtin = (await loadLessons(builtinLessonsDir())).lessons;
    const concepts = builtin.find((l) => l.id === 'concepts')!;
    const clusterLesson = builtin.find((l) => l.id === 'cluster')!;
    const progress = {
      version: 1,
      lessons: {
        concepts: {
          startedAt: '2025-03-01T09:00:00.000Z',
          steps: Object.fromEntries(
            concepts.spec.steps
              .map((s) => s.id)
              .map((id) => [id, { doneAt: '2025-03-01T09:01:00.000Z', ms: 2000 }]),
          ),
          exercises: Object.fromEntries(
            concepts.spec.exercises
              .map((e) => e.id)
              .map((id) => [
                id,
                { passed: true, passedAt: '2025-03-01T09:02:00.000Z', hintsUsed: 1 },
              ]),
          ),
        },
        cluster: {
          steps: {
            [clusterLesson.spec.steps[0]!.id]: { doneAt: '2025-03-01T09:05:00.000Z', ms: 30 },
          },
          exercises: {},
        },
      },
    };
    await writeFile(join(dir, 'student-02', 'progress.json'), JSON.stringify(progress));
    await writeFile(join(dir, 'student-03', 'progress.json'), '{ not json');
    const json = JSON.parse((await cli(['class', 'status', '--json'])).out);
    const [first, second, third] = json.students;
    expect(first).toMatchObject({
      name: 'student-01',
      lessonsCompleted: 0,
      current: 'concepts',
      stepsDone: 0,
      hintsUsed: 0,
      lastActivity: null,
    });
    expect(second).toMatchObject({
      name: 'student-02',
      basePort: base + 4,
      lessonsCompleted: 1,
      current: 'cluster',
      stepsDone: concepts.spec.steps.length + 1,
      hintsUsed: concepts.spec.exercises.length,
      lastActivity: '2025-03-01T09:05:00.000Z',
    });
    expect(third).toMatchObject({ damaged: true, stepsDone: 0 });
    // Reading never changes a learner's folder: the damaged file is still there, as it was.
    expect(await readFile(join(dir, 'student-03', 'progress.json'), 'utf8')).toBe('{ not json');

    const text = await cli(['class', 'status', '--lang', 'es']);
    expect(text.out).toContain('Clase en');
    expect(text.out).toMatch(/alumno\s+│ puertos/);
    expect(text.out).toMatch(/student-02 │ [\d-]+ │ cluster\s+│ 1\/\d+/);
    expect(text.out).toContain('fichero de progreso dañado');
  });

  it("reset clears every learner's progress once confirmed, and their clusters only when asked", async () => {
    const { dir, cli } = await classroom();
    const base = await findFreePortBlock(8);
    expect(
      (await cli(['class', 'init', '--students', '2', '--base-port', String(base)])).code,
    ).toBe(0);
    const done = JSON.stringify({
      version: 1,
      lessons: { concepts: { steps: { roles: { doneAt: '2025-03-01T09:00:00.000Z', ms: 5 } } } },
    });
    for (const s of ['student-01', 'student-02']) {
      await writeFile(join(dir, s, 'progress.json'), done);
      await mkdir(join(dir, s, 'data', 'coordinator'), { recursive: true });
    }
    const refused = await cli(['class', 'reset']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('confirm with --yes');
    expect((await cli(['class', 'reset'], ['n'])).code).toBe(0);
    expect(await readFile(join(dir, 'student-01', 'progress.json'), 'utf8')).toBe(done);

    const reset = await cli(['class', 'reset', '--yes']);
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('student-02: progress cleared.');
    expect(JSON.parse(await readFile(join(dir, 'student-01', 'progress.json'), 'utf8'))).toEqual({
      version: 1,
      lessons: {},
    });
    await access(join(dir, 'student-01', 'data'));

    const withClusters = await cli(['class', 'reset', '--clusters'], ['y']);
    expect(withClusters.code).toBe(0);
    expect(withClusters.out).toContain('student-01: cluster removed and progress cleared.');
    await expect(access(join(dir, 'student-01', 'data'))).rejects.toThrow();
    await access(join(dir, 'student-01', MARK_FILE));
  });

  it('reset leaves a folder that lost its mark untouched and says so', async () => {
    const { dir, cli } = await classroom();
    const base = await findFreePortBlock(4);
    expect(
      (await cli(['class', 'init', '--students', '1', '--base-port', String(base)])).code,
    ).toBe(0);
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'student-01', MARK_FILE));
    await writeFile(join(dir, 'student-01', 'progress.json'), 'keep');
    const reset = await cli(['class', 'reset', '--yes', '--clusters']);
    expect(reset.code).toBe(1);
    expect(reset.err).toContain('is not a citus-lab-tutor lab folder; left untouched');
    expect(await readFile(join(dir, 'student-01', 'progress.json'), 'utf8')).toBe('keep');
  });

  it('an unknown subcommand or a missing class file is a usage error with what to do', async () => {
    const { cli } = await classroom();
    expect((await cli(['class', 'teach'])).err).toContain('Unknown class command "teach"');
    const missing = await cli(['class', 'status']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('class init --students N');
  });
});
