import { existsSync } from 'node:fs';
import { lstat, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requireMatchingData } from '../../src/cluster/data-version.js';
import { layoutOf } from '../../src/cluster/layout.js';
import { resolveOptions } from '../../src/config/options.js';
import { tempTree } from '../helpers/temp.js';
import { shellLesson } from '../helpers/shell-lesson.js';
import { runMain } from '../helpers/run-main.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));
async function tree(files: Record<string, string> = {}) {
  const t = await tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}
const run = (args: string[], env: NodeJS.ProcessEnv = {}, answers: string[] = []) =>
  runMain(args, { LANG: 'en_US.UTF-8', ...env }, answers);
/** `run <id> --yes` on a teacher's lesson folder; these lessons start no server (port far from the lab's). */
const runLesson = (id: string, lessons: string, labDir: string) =>
  run(['run', id, '--lessons', lessons, '--lab-dir', labDir, '--base-port', '45180', '--yes']);
const progressOf = async (labDir: string) =>
  JSON.parse(await readFile(join(labDir, 'progress.json'), 'utf8')) as {
    lessons: Record<string, { steps: Record<string, unknown> }>;
  };

describe('options that are wrong or unusual', () => {
  it('refuses bad ports with exit 2 and says which values work', async () => {
    for (const port of ['abc', '0', '80', '65535', '1e4', '5516 4', '', '55164.5']) {
      const { code, err } = await run(['list', '--base-port', port]);
      expect(code, port).toBe(2);
      expect(err, port).toContain(`Invalid base port "${port}"`);
    }
    const fromEnv = await run(['list'], { CITUS_LAB_BASE_PORT: 'nope' });
    expect(fromEnv.code).toBe(2);
  });

  it('says a --pg-bin that is not PostgreSQL holds no server, and how to fix it', async () => {
    const fake = await tree({
      'bin/postgres': '#!/bin/sh\necho not postgres\n',
      'bin/initdb': '#!/bin/sh\n',
    });
    const lab = await tree();
    for (const dir of [join(fake, 'bin'), '/bin', join(fake, 'missing')]) {
      const { code, out } = await run([
        'doctor',
        '--pg-bin',
        dir,
        '--lab-dir',
        lab,
        '--base-port',
        '45180',
      ]);
      expect(code).toBe(2);
      expect(out).toContain(`${dir} holds no PostgreSQL server`);
    }
  });

  it('resolves a relative --lab-dir and --pg-bin against the current folder', () => {
    const options = resolveOptions(
      { 'lab-dir': 'my lab', 'pg-bin': '../pg/bin' },
      {},
      '/home/ana/clase',
    );
    expect(options.labDir).toBe('/home/ana/clase/my lab');
    expect(options.pgBin).toBe('/home/ana/pg/bin');
  });

  it('runs shell steps in a lab folder named with spaces, quotes and $(...) and runs nothing hidden in the name', async () => {
    const root = await tree();
    const marker = join(root, 'PWNED');
    const labDir = join(
      root,
      `clase de ñandú 'uno' "dos" $(touch ${marker}) \`touch ${marker}\` ; touch ${marker}`,
    );
    const lessons = await tree(
      shellLesson('01-odd', [
        { id: 'show', shell: 'ls -a {{labDir}} && printf "%s\\n" {{labDir}} {{socketDir}}' },
      ]),
    );
    const { code, out, err } = await runLesson('odd', lessons, labDir);
    expect(code, err).toBe(0);
    expect(out).toContain(`\n  ${labDir}\n`);
    expect(out).toContain('.citus-lab-tutor');
    expect(existsSync(marker)).toBe(false);
    // The name holds slashes, so it is a few nested folders; no file called PWNED exists anywhere.
    const everything = await readdir(root, { recursive: true, withFileTypes: true });
    expect(everything.filter((e) => e.isFile() && e.name === 'PWNED')).toEqual([]);
    expect(Object.keys((await progressOf(labDir)).lessons.odd!.steps)).toEqual(['show']);
  });
});

describe('faults while the program runs', () => {
  it('survives the lab folder deleted by hand in the middle of a lesson: the folder, its mark and the progress are written again', async () => {
    const labDir = join(await tree(), 'lab');
    const lessons = await tree(
      shellLesson('01-gone', [
        { id: 'first', shell: 'echo uno' },
        { id: 'delete', shell: 'rm -rf {{labDir}}' },
        { id: 'after', shell: 'echo tres' },
      ]),
    );
    const { code, err } = await runLesson('gone', lessons, labDir);
    expect(code, err).toBe(0);
    expect(Object.keys((await progressOf(labDir)).lessons.gone!.steps)).toEqual([
      'first',
      'delete',
      'after',
    ]);
    expect(existsSync(join(labDir, '.citus-lab-tutor'))).toBe(true);
  });

  it('a lesson run again without a reset stops where its steps meet what they made, and says to reset it first', async () => {
    const labDir = join(await tree(), 'lab');
    const lessons = await tree(
      shellLesson('01-twice', [{ id: 'make', shell: 'mkdir {{labDir}}/made' }]),
    );
    expect((await runLesson('twice', lessons, labDir)).code).toBe(0);
    const again = await runLesson('twice', lessons, labDir);
    expect(again.code).toBe(1);
    expect(again.out).toContain('Lesson twice was already done');
    expect(again.out).toContain('citus-lab-tutor reset twice');
    // A first run that fails says nothing of a reset.
    const failing = await tree(
      shellLesson('01-fails', [{ id: 'make', shell: 'mkdir {{labDir}}/m && mkdir {{labDir}}/m' }]),
    );
    const first = await runLesson('fails', failing, join(await tree(), 'lab'));
    expect(first.code).toBe(1);
    expect(first.out).not.toContain('already done');
  });

  it('refuses data folders made by another PostgreSQL major version, naming both and what to do', async () => {
    const labDir = await tree({
      'data/coordinator/PG_VERSION': '14\n',
      'data/worker1/PG_VERSION': '14\n',
      'data/worker2/PG_VERSION': '15\n',
    });
    const layout = layoutOf(resolveOptions({ 'lab-dir': labDir }, {}));
    const install = {
      binDir: '/usr/lib/postgresql/15/bin',
      version: '15.8',
      major: 15,
      libDir: '',
      shareDir: '',
    };
    const error = await requireMatchingData(layout, install).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      key: 'reliability.pgVersionMismatch',
      params: { dataMajor: 14, binMajor: 15, nodes: 'coordinator, worker1' },
      exitCode: 2,
    });
    await writeFile(join(labDir, 'data/coordinator/PG_VERSION'), '15\n');
    await writeFile(join(labDir, 'data/worker1/PG_VERSION'), '15\n');
    await expect(requireMatchingData(layout, install)).resolves.toBeUndefined();
  });
});

describe("a teacher's lesson folder with one broken lesson", () => {
  it('still runs the good lessons, and names the broken one', async () => {
    const lessons = await tree({
      ...shellLesson('01-good', [{ id: 'hola', shell: 'echo hola' }]),
      '02-broken/lesson.yaml': 'steps: [\n',
      '02-broken/en.md': '# x\n',
      '02-broken/es.md': '# x\n',
    });
    const labDir = await tree();
    const good = await runLesson('good', lessons, labDir);
    expect(good.code, good.err).toBe(0);
    expect(good.out).toContain('hola');
    const broken = await runLesson('broken', lessons, labDir);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('"broken" has problems');
  });
});

describe('reset only touches the lab', () => {
  it('refuses a folder without the lab mark and leaves it untouched', async () => {
    const decoy = await tree({ 'progress.json': '{"mine": true}', 'notes.txt': 'keep me' });
    const { code, err } = await run([
      'reset',
      '--all',
      '--yes',
      '--lab-dir',
      decoy,
      '--base-port',
      '45180',
    ]);
    expect(code).toBe(2);
    expect(err).toContain('not a citus-lab-tutor lab folder');
    expect(await readFile(join(decoy, 'progress.json'), 'utf8')).toBe('{"mine": true}');
    expect((await readdir(decoy)).sort()).toEqual(['notes.txt', 'progress.json']);
  });

  it('follows no symlink out of the lab folder: a progress.json linked outside is replaced, its target untouched', async () => {
    const outside = await tree({
      'precious.json':
        '{"version":1,"lessons":{"concepts":{"steps":{"roles":{"doneAt":"2026-01-01","ms":1}},"exercises":{}}}}',
    });
    const labDir = await tree({
      '.citus-lab-tutor':
        'This folder is a citus-lab-tutor lab. citus-lab-tutor may delete what it created here.\n',
    });
    await symlink(join(outside, 'precious.json'), join(labDir, 'progress.json'));
    const before = await readFile(join(outside, 'precious.json'), 'utf8');
    const { code, err } = await run([
      'reset',
      'concepts',
      '--yes',
      '--lab-dir',
      labDir,
      '--base-port',
      '45180',
    ]);
    expect(code, err).toBe(0);
    expect(await readFile(join(outside, 'precious.json'), 'utf8')).toBe(before);
    expect((await lstat(join(labDir, 'progress.json'))).isSymbolicLink()).toBe(false);
    expect((await progressOf(labDir)).lessons.concepts).toBeUndefined();
  });
});

describe('a result of millions of rows', () => {
  it('is shown cut, with the count of every row the server returned', async () => {
    const { outputLines } = await import('../../src/present/output.js');
    const { translator } = await import('../../src/i18n/index.js');
    const rows = Array.from({ length: 1000 }, (_, i) => [i + 1]);
    const outcome = {
      status: 'passed' as const,
      ms: 1,
      checks: [],
      output: {
        kind: 'results' as const,
        results: [{ command: 'SELECT', rowCount: 2_000_000, columns: ['i'], rows }],
      },
    };
    const lines = outputLines(translator('es'), outcome, 80, 8).map((l) => l.text);
    expect(lines).toHaveLength(2 + 8 + 1);
    expect(lines.at(-1)).toContain('2000000');
    expect(lines.at(-1)).toContain('1999992');
  });
});

describe('password authentication for a shared server', () => {
  it('takes the password from CITUS_LAB_PASSWORD or a file, never from the command line', async () => {
    const { resolveAuth } = await import('../../src/config/auth.js');
    expect(resolveAuth({}, {}, '/')).toEqual({});
    expect(resolveAuth({ auth: 'scram' }, { CITUS_LAB_PASSWORD: 'contraseña ñ:1' }, '/')).toEqual({
      auth: 'scram',
      password: 'contraseña ñ:1',
    });
    const dir = await tree({ 'secret.txt': 's3cr3t-año\n' });
    expect(resolveAuth({ auth: 'scram', 'password-file': 'secret.txt' }, {}, dir)).toEqual({
      auth: 'scram',
      password: 's3cr3t-año',
    });
    expect(
      resolveAuth(
        {},
        { CITUS_LAB_AUTH: 'scram', CITUS_LAB_PASSWORD_FILE: join(dir, 'secret.txt') },
        '/',
      ),
    ).toEqual({ auth: 'scram', password: 's3cr3t-año' });
    expect(() => resolveAuth({ auth: 'scram' }, {}, '/')).toThrow(
      expect.objectContaining({ key: 'reliability.noPassword' }),
    );
    expect(() => resolveAuth({ auth: 'md5' }, {}, '/')).toThrow(
      expect.objectContaining({ key: 'reliability.badAuth' }),
    );
    expect(() => resolveAuth({ auth: 'scram', 'password-file': 'missing' }, {}, dir)).toThrow(
      expect.objectContaining({ key: 'reliability.passwordFile' }),
    );
    const onArgv = await run(['list', '--password', 'visible']);
    expect(onArgv.code).toBe(2);
    const missing = await run(['list', '--auth', 'scram'], { LANG: 'es_ES.UTF-8' });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('CITUS_LAB_PASSWORD');
  });

  it('gives initdb scram-sha-256 for TCP and the password in a file, removed after', async () => {
    const { initdbArgs } = await import('../../src/cluster/initdb.js');
    const { withPasswordFile, writePgpass } = await import('../../src/cluster/auth.js');
    expect(initdbArgs('/lab/data/coordinator')).toContain('--auth-host=trust');
    const dir = await tree();
    let seen = '';
    const args = await withPasswordFile(dir, 'pw', async (file) => {
      seen = file;
      expect(await readFile(file, 'utf8')).toBe('pw\n');
      return initdbArgs('/lab/data/coordinator', file);
    });
    expect(args).toEqual(
      expect.arrayContaining([
        '--auth-host=scram-sha-256',
        `--pwfile=${seen}`,
        '--auth-local=trust',
      ]),
    );
    expect(args.join(' ')).not.toContain('pw ');
    expect(existsSync(seen)).toBe(false);
    const layout = layoutOf(resolveOptions({ 'lab-dir': dir }, {}));
    const pgpass = await writePgpass(layout, 'a:b\\c');
    expect(await readFile(pgpass, 'utf8')).toBe('127.0.0.1:*:*:postgres:a\\:b\\\\c\n');
    expect((await stat(pgpass)).mode & 0o777).toBe(0o600);
  });
});

describe('learner SQL', () => {
  it("goes only to the lab's nodes through the SQL adapter, never through a shell, psql meta-commands included", async () => {
    const { executeStep } = await import('../../src/runner/execute-step.js');
    const { testVars } = await import('../helpers/snapshot.js');
    const sent: [string, string][] = [];
    const deps = {
      vars: testVars(),
      catalog: {} as never,
      actions: {},
      runSql: async (node: string, sql: string) => (sent.push([node, sql]), []),
      runShell: async () => {
        throw new Error('a shell was started for SQL');
      },
    };
    const text = "\\! touch /tmp/pwned\nSELECT '$(touch /tmp/pwned)', {{labDir}};";
    const outcome = await executeStep(
      { id: 'x', sql: text, node: 'worker2', checks: [] } as never,
      deps as never,
    );
    expect(outcome.status).toBe('passed');
    expect(sent).toEqual([['worker2', text.replace('{{labDir}}', `'${testVars().labDir}'`)]]);
  });
});
