import { translator } from '../../src/i18n/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { bufferIo } from '../../src/cli/io.js';
import { resolveOptions } from '../../src/config/options.js';
import { parseCoordinatorUrl } from '../../src/config/remote.js';
import { composeFile } from '../../src/cluster/compose-file.js';
import { projectName } from '../../src/cluster/docker.js';
import { remoteCluster } from '../../src/lab/remote-lab.js';
import { executeStep, type StepDeps } from '../../src/runner/execute-step.js';
import { needsLocalFiles } from '../../src/runner/remote-steps.js';
import { tempTree } from '../helpers/temp.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

describe('--coordinator URL', () => {
  it("reads user, host, port and database, with PostgreSQL's defaults", () => {
    expect(parseCoordinatorUrl('postgresql://alice@db1.example.org:6432/lab')).toEqual({
      host: 'db1.example.org',
      port: 6432,
      user: 'alice',
      database: 'lab',
    });
    expect(parseCoordinatorUrl('postgres://10.0.0.5')).toEqual({
      host: '10.0.0.5',
      port: 5432,
      user: 'postgres',
      database: 'postgres',
    });
  });

  it('refuses what is not a PostgreSQL URL, and a password in it', () => {
    expect(() => parseCoordinatorUrl('mysql://x@y/z')).toThrow(
      expect.objectContaining({ key: 'class.error.badCoordinator' }),
    );
    expect(() => parseCoordinatorUrl('db1:5432')).toThrow(
      expect.objectContaining({ key: 'class.error.badCoordinator' }),
    );
    expect(() => parseCoordinatorUrl('postgresql://u:secret@h/db')).toThrow(
      expect.objectContaining({ key: 'class.error.passwordInUrl' }),
    );
  });

  it("--provider docker reaches its cluster as a remote one on the lab's first port", () => {
    expect(resolveOptions({ provider: 'docker', 'base-port': '40000' }, {})).toMatchObject({
      provider: 'docker',
      coordinator: 'postgresql://postgres@127.0.0.1:40000/postgres',
    });
    expect(resolveOptions({}, {})).toMatchObject({ provider: 'local' });
    expect(resolveOptions({}, {}).coordinator).toBeUndefined();
    expect(() => resolveOptions({ provider: 'k8s' }, {})).toThrow(
      expect.objectContaining({ key: 'class.error.badProvider' }),
    );
  });

  it("maps pg_dist_node onto the lab's node names; an unknown worker3 follows the lab's layout", () => {
    const target = parseCoordinatorUrl('postgresql://app@coord.example.org:5432/lab');
    const cluster = remoteCluster('u', target, [
      ['coord.internal', 5432, 0],
      ['w1.internal', 5433, 1],
      ['w2.internal', 5434, 2],
    ]);
    expect(cluster.addresses.coordinator).toEqual({
      host: 'coord.example.org',
      port: 5432,
      user: 'app',
      database: 'lab',
    });
    expect(cluster.addresses.worker2).toEqual({
      host: 'w2.internal',
      port: 5434,
      user: 'app',
      database: 'lab',
    });
    expect(cluster.addresses.worker3).toMatchObject({ host: 'coord.example.org', port: 5435 });
    expect(cluster.host).toBe('w1.internal');
    expect(cluster.port).toEqual({
      coordinator: 5432,
      worker1: 5433,
      worker2: 5434,
      worker3: 5435,
    });
  });
});

describe('steps on a cluster that runs elsewhere', () => {
  const deps = (ran: string[]): StepDeps => ({
    say: translator('en'),
    vars: {
      labDir: '/lab',
      pgBin: '/pg',
      host: 'h',
      user: 'u',
      database: 'd',
      socketDir: '/lab/run',
      rows: 1,
      port: { coordinator: 1, worker1: 2, worker2: 3, worker3: 4 },
      dataDir: { coordinator: '/c', worker1: '/1', worker2: '/2', worker3: '/3' },
    },
    catalog: {} as StepDeps['catalog'],
    actions: {},
    remote: 'postgresql://u@h:1/d',
    runSql: async (_node, text) => (
      ran.push(text),
      [{ command: 'SELECT', rowCount: 0, columns: [], rows: [] }]
    ),
    runShell: async (script) => (ran.push(script), { exitCode: 0, stdout: '', stderr: '' }),
  });

  it('shows steps that build local nodes as done elsewhere and skips shell steps that need local files, saying so', async () => {
    const ran: string[] = [];
    const built = await executeStep(
      {
        id: 'start',
        action: 'cluster.start',
        checks: [{ kind: 'shell', command: 'test -d {{labDir}}', exitCode: 0 }],
      },
      deps(ran),
    );
    expect(built).toMatchObject({
      status: 'skipped',
      note: { key: 'class.remote.doneElsewhere', params: { url: 'postgresql://u@h:1/d' } },
      checks: [],
    });
    const files = await executeStep(
      { id: 'du', shell: 'du -sh {{dataDir.coordinator}}', checks: [] },
      deps(ran),
    );
    expect(files).toMatchObject({ status: 'skipped', note: { key: 'class.remote.shellSkipped' } });
    expect(ran).toEqual([]);
  });

  it('runs SQL and shell steps that need nothing local, without the checks that look at local files', async () => {
    const ran: string[] = [];
    const sql = await executeStep(
      {
        id: 'q',
        sql: 'SELECT 1',
        checks: [{ kind: 'shell', command: 'test -f {{labDir}}/x', exitCode: 0 }],
      },
      deps(ran),
    );
    expect(sql).toMatchObject({ status: 'passed', checks: [] });
    const echo = await executeStep({ id: 'e', shell: 'echo {{host}}', checks: [] }, deps(ran));
    expect(echo.status).toBe('passed');
    expect(ran).toEqual(['SELECT 1', "echo 'h'"]);
    expect(needsLocalFiles('psql -h {{host}} -p {{port.worker1}}')).toBe(false);
    expect(needsLocalFiles('{{pgBin}}/pg_ctl status -D {{dataDir.worker2}}')).toBe(true);
  });

  it("cluster commands refuse to build or stop a remote cluster, in the learner's language", async () => {
    const tree = await tempTree();
    cleanups.push(tree.cleanup);
    const io = bufferIo();
    const code = await main(
      [
        'cluster',
        'stop',
        '--coordinator',
        'postgresql://postgres@127.0.0.1:45999/postgres',
        '--lab-dir',
        tree.dir,
        '--lang',
        'es',
      ],
      {},
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain(
      'El clúster se ejecuta en otro sitio (postgresql://postgres@127.0.0.1:45999/postgres)',
    );
  });
});

describe('--provider docker compose file', () => {
  it('runs the official Citus image as the four lab nodes on loopback, wal_level logical, Citus node-to-node connections without TLS, worker3 up but not added', () => {
    const text = composeFile(40100);
    expect(text).toMatch(/^# Written by citus-lab-tutor --provider docker/);
    const compose = parse(text) as {
      name: string;
      services: Record<
        string,
        {
          image: string;
          command: string[];
          environment: Record<string, string>;
          ports?: string[];
          network_mode?: string;
          healthcheck: { test: string[] };
        }
      >;
      volumes: Record<string, unknown>;
    };
    expect(compose.name).toBe(projectName(40100));
    expect(Object.keys(compose.services)).toEqual(['coordinator', 'worker1', 'worker2', 'worker3']);
    const ports = { coordinator: 40100, worker1: 40101, worker2: 40102, worker3: 40103 };
    for (const [name, service] of Object.entries(compose.services)) {
      const port = ports[name as keyof typeof ports];
      expect(service.image).toBe('citusdata/citus:13.2');
      expect(service.command).toEqual([
        'postgres',
        '-c',
        `port=${port}`,
        '-c',
        'wal_level=logical',
        '-c',
        'citus.node_conninfo=sslmode=disable',
      ]);
      expect(service.environment).toMatchObject({
        PGPORT: String(port),
        POSTGRES_USER: 'postgres',
      });
      expect(service.healthcheck.test.join(' ')).toContain(`-p ${port}`);
    }
    // Every node is published on loopback only, through the network namespace the workers share.
    expect(compose.services.coordinator!.ports).toEqual([
      '127.0.0.1:40100:40100',
      '127.0.0.1:40101:40101',
      '127.0.0.1:40102:40102',
      '127.0.0.1:40103:40103',
    ]);
    for (const w of ['worker1', 'worker2', 'worker3'])
      expect(compose.services[w]!.network_mode).toBe('service:coordinator');
    expect(Object.keys(compose.volumes)).toEqual([
      'coordinator-data',
      'worker1-data',
      'worker2-data',
      'worker3-data',
    ]);
    // Nothing adds worker3: the rebalance lesson does.
    expect(text).not.toContain('citus_add_node');
  });
});
