import { translator } from '../../src/i18n/index.js';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { mkdir, readdir, readFile, stat, writeFile, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requireReady } from '../../src/cluster/gate.js';
import { preflight } from '../../src/cluster/preflight.js';
import type { Discovery } from '../../src/cluster/discover.js';
import { isUserError, type UserError } from '../../src/errors.js';
import { ensureLabDir } from '../../src/lab/mark.js';
import { clusterActions } from '../../src/cluster/actions.js';
import { CLUSTER_ACTION_NAMES } from '../../src/cluster/action-names.js';
import { templateVars } from '../../src/lab/paths.js';
import { main } from '../../src/cli/main.js';
import { bufferIo } from '../../src/cli/io.js';
import { tempLab } from './lab.js';
import { withCitus } from '../helpers/discovery.js';

const withoutCitus: Discovery = {
  chosen: { ...withCitus.chosen!, citusVersion: undefined },
  seen: [],
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function lab() {
  const l = await tempLab();
  cleanups.push(l.cleanup);
  return l;
}
const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as UserError,
  );

describe('cluster preflight: nothing is created when something is missing', () => {
  it('refuses root with a clear message and a fix, creating nothing', async () => {
    const { options } = await lab();
    const items = await preflight({ options, discovery: withCitus, uid: 0 });
    expect(items.find((i) => i.id === 'user')).toMatchObject({
      ok: false,
      detail: { key: 'doctor.root' },
      fix: { key: 'fix.root' },
    });
    const error = await caught(requireReady(options, withCitus, 0));
    expect(isUserError(error)).toBe(true);
    expect(error).toMatchObject({ key: 'doctor.root', hint: 'fix.root', exitCode: 2 });
    expect(existsSync(options.labDir)).toBe(false);
  });

  it('names the lab port another program holds, creating nothing', async () => {
    const { options } = await lab();
    const taken = options.basePort + 2;
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(taken, '127.0.0.1', r));
    try {
      const error = await caught(requireReady(options, withCitus, 1000));
      expect(error).toMatchObject({
        key: 'doctor.portsTaken',
        params: { ports: String(taken) },
        hint: 'fix.ports',
      });
      expect(existsSync(options.labDir)).toBe(false);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('tells a port held by an outgoing connection from a server, and that it frees itself', async () => {
    const { options } = await lab();
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const client: Socket = connect({ host: '127.0.0.1', port });
    await new Promise((r) => client.once('connect', r));
    // The kernel gave the client a port of its own: a lab whose coordinator would listen there.
    const held = client.localPort!;
    try {
      const error = await caught(requireReady({ ...options, basePort: held }, withCitus, 1000));
      expect(error).toMatchObject({
        key: 'doctor.portsHeld',
        params: { ports: String(held) },
        hint: 'fix.portsHeld',
        hintParams: { next: held + 10 },
      });
      expect(existsSync(options.labDir)).toBe(false);
    } finally {
      client.destroy();
      await new Promise((r) => server.close(r));
    }
  });

  it('says how to install Citus when it is missing, creating nothing', async () => {
    const { options } = await lab();
    const error = await caught(requireReady(options, withoutCitus, 1000));
    expect(error).toMatchObject({
      key: 'doctor.noCitus',
      hint: 'fix.installCitus',
      hintParams: { pg: '15' },
    });
    expect(existsSync(options.labDir)).toBe(false);
  });
});

describe("cluster destroy only ever deletes the lab's own folders", () => {
  it('refuses a folder without the lab mark and leaves it untouched', async () => {
    const { root } = await lab();
    const foreign = join(root, 'someone-else');
    await mkdir(join(foreign, 'data'), { recursive: true });
    await writeFile(join(foreign, 'data', 'precious.txt'), 'keep me');
    const io = bufferIo();
    const code = await main(
      ['cluster', 'destroy', '--yes', '--lab-dir', foreign, '--lang', 'en'],
      {},
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/not a citus-lab-tutor lab folder/);
    expect(await readFile(join(foreign, 'data', 'precious.txt'), 'utf8')).toBe('keep me');
    expect((await readdir(foreign)).sort()).toEqual(['data']);
  });

  it('removes data, log and run but never follows a symlink out of the lab folder', async () => {
    const { root, options } = await lab();
    const outside = join(root, 'outside');
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'precious.txt'), 'keep me');
    await ensureLabDir(options.labDir);
    await mkdir(join(options.labDir, 'data', 'worker1'), { recursive: true });
    await symlink(outside, join(options.labDir, 'data', 'worker1', 'link-out'));
    await symlink(outside, join(options.labDir, 'log'));
    await writeFile(join(options.labDir, 'progress.json'), '{}');
    const io = bufferIo();
    const code = await main(
      [
        'cluster',
        'destroy',
        '--yes',
        '--lab-dir',
        options.labDir,
        '--base-port',
        String(options.basePort),
      ],
      {},
      io,
    );
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(await readFile(join(outside, 'precious.txt'), 'utf8')).toBe('keep me');
    expect((await readdir(options.labDir)).sort()).toEqual(['.citus-lab-tutor', 'progress.json']);
    expect((await stat(outside)).isDirectory()).toBe(true);
  });
});

describe('cluster actions describe the exact commands, values filled in', () => {
  it('registers every name lint knows, and shows ports, folders and SQL', async () => {
    const { options } = await lab();
    const actions = clusterActions(options, withCitus);
    expect(Object.keys(actions).sort()).toEqual([...CLUSTER_ACTION_NAMES].sort());
    const vars = templateVars(options, '/usr/lib/postgresql/15/bin');
    const p = options.basePort;
    expect(actions['cluster.initdb']!.describe(vars, translator('en'))).toContain(
      `initdb -D ${options.labDir}/data/coordinator --username=postgres --encoding=UTF8`,
    );
    expect(actions['cluster.initdb']!.describe(vars, translator('en'))).toContain(
      '--data-checksums',
    );
    const configure = actions['cluster.configure']!.describe(vars, translator('en'));
    expect(configure).toContain(`port = ${p + 3}`);
    expect(configure).toContain("listen_addresses = '127.0.0.1'");
    expect(configure).not.toContain("'*'");
    expect(configure).toContain(`unix_socket_directories = '${options.labDir}/run'`);
    expect(configure).toContain('wal_level = logical');
    expect(actions['cluster.start']!.describe(vars, translator('en'))).toContain(
      `pg_ctl start -D ${options.labDir}/data/worker3 -l ${options.labDir}/log/worker3.log -w`,
    );
    expect(actions['cluster.create-extension']!.describe(vars, translator('en'))).toContain(
      'CREATE EXTENSION IF NOT EXISTS citus_columnar;',
    );
    expect(actions['cluster.set-coordinator']!.describe(vars, translator('en'))).toContain(
      `SELECT citus_set_coordinator_host('127.0.0.1', ${p});`,
    );
    const add = actions['cluster.add-workers']!.describe(vars, translator('en'));
    expect(add).toContain(`SELECT citus_add_node('127.0.0.1', ${p + 1});`);
    expect(add).toContain(`SELECT citus_add_node('127.0.0.1', ${p + 2});`);
    expect(add).not.toContain(String(p + 3));
    expect(actions['cluster.add-worker3']!.describe(vars, translator('en'))).toContain(
      `citus_add_node('127.0.0.1', ${p + 3})`,
    );
    expect(actions['cluster.stop-worker2']!.describe(vars, translator('en'))).toContain(
      `pg_ctl stop -D ${options.labDir}/data/worker2`,
    );
  });
});
