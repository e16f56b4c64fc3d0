import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { SqlNodes } from '../../src/adapters/sql.js';
import { askShell as shell } from '../../src/adapters/shell.js';
import { liveCatalog } from '../../src/checks/live-catalog.js';
import { labAddresses, openClusterEnv } from '../../src/cluster/connect.js';
import { NODE_NAMES } from '../../src/lessons/nodes.js';
import type { ClusterEnv } from '../../src/cluster/env.js';
import { serverState } from '../../src/cluster/server.js';
import {
  binWithoutCitus,
  cli,
  describeWhere,
  install,
  noCitusReason,
  noServerReason,
  useTempLab,
  type TempLab,
} from './lab.js';

type Lab = TempLab;
interface StatusJson {
  healthy: boolean;
  nodes: {
    node: string;
    port: number;
    running: boolean;
    citusVersion: string | null;
    inCluster: boolean | null;
    shards: number | null;
    postgresVersion: string | null;
  }[];
}
const statusOf = async (lab: Lab) => {
  const r = await cli(['cluster', 'status', '--json', ...lab.args]);
  return { code: r.exitCode, status: JSON.parse(String(r.stdout)) as StatusJson };
};
const node = (s: StatusJson, name: string) => s.nodes.find((n) => n.node === name)!;
/** The lab's nodes over SQL for one test, closed even when it fails. */
async function withEnv(lab: Lab, use: (env: ClusterEnv) => Promise<void>): Promise<void> {
  const env = openClusterEnv(lab.options, install!);
  try {
    await use(env);
  } finally {
    await env.close();
  }
}

describeWhere(noCitusReason, 'cluster up on real PostgreSQL with Citus', () => {
  const lab = useTempLab();

  it('builds the four nodes: two workers in the cluster, worker3 running outside it', async () => {
    const up = await cli(['cluster', 'up', ...lab.args]);
    expect(up.exitCode, String(up.stderr)).toBe(0);
    const { code, status } = await statusOf(lab);
    expect(code).toBe(0);
    expect(status.healthy).toBe(true);
    for (const n of status.nodes)
      expect(n).toMatchObject({
        running: true,
        citusVersion: expect.stringMatching(/^1[2-9]\./),
      });
    expect(node(status, 'coordinator').inCluster).toBe(true);
    expect(node(status, 'worker1').inCluster).toBe(true);
    expect(node(status, 'worker2').inCluster).toBe(true);
    expect(node(status, 'worker3').inCluster).toBe(false);
    await withEnv(lab, async (env) => {
      const [result] = await env.runSql(
        'coordinator',
        'SELECT node_port::int FROM citus_get_active_worker_nodes() ORDER BY 1',
      );
      expect(result!.rows).toEqual([[lab.options.basePort + 1], [lab.options.basePort + 2]]);
      const [columnar] = await env.runSql(
        'worker1',
        "SELECT count(*)::int FROM pg_am WHERE amname = 'columnar'",
      );
      expect(columnar!.rows).toEqual([[1]]);
    });
  });

  it("opens Citus's connections between nodes without TLS (loopback only: a handshake per connection for nothing)", async () => {
    await withEnv(lab, async (env) => {
      // run_command_on_workers runs on a connection from the coordinator to each worker; the worker's
      // pg_stat_ssl says whether that connection arrived with TLS.
      const [result] = await env.runSql(
        'coordinator',
        `SELECT nodeport, result FROM run_command_on_workers(
           'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()') ORDER BY 1`,
      );
      expect(result!.rows).toEqual([
        [lab.options.basePort + 1, 'f'],
        [lab.options.basePort + 2, 'f'],
      ]);
      const [ssl] = await env.runSql('worker1', "SELECT current_setting('ssl')");
      expect(ssl!.rows).toEqual([['off']]);
    });
  });

  it("reads a columnar table's rows from the stripe metadata: the same as count(*), distributed, reference or local, whenever its rows came", async () => {
    const sql = new SqlNodes(
      labAddresses(lab.options, (n) => lab.options.basePort + NODE_NAMES.indexOf(n)),
    );
    try {
      const catalog = liveCatalog({
        query: (n, text, params) => sql.query(n, text, params),
        shell,
      });
      await sql.run(
        'coordinator',
        `CREATE EXTENSION IF NOT EXISTS citus_columnar;
         CREATE TABLE col_dist (id bigint) USING columnar;
         SELECT create_distributed_table('col_dist', 'id');
         INSERT INTO col_dist SELECT generate_series(1, 5000);
         INSERT INTO col_dist SELECT generate_series(5001, 5100);
         CREATE TABLE col_ref (id int) USING columnar;
         SELECT create_reference_table('col_ref');
         INSERT INTO col_ref SELECT generate_series(1, 70);
         CREATE TABLE col_late (id int) USING columnar;
         INSERT INTO col_late SELECT generate_series(1, 40);
         SELECT create_distributed_table('col_late', 'id');
         CREATE TABLE col_local (id int) USING columnar;
         INSERT INTO col_local SELECT generate_series(1, 30);
         BEGIN; INSERT INTO col_local SELECT generate_series(1, 1000); ROLLBACK;`,
      );
      // A table of the same name made on a worker alone is not the lab's table: count(*) does not see it.
      await sql.run(
        'worker1',
        `CREATE TABLE col_local (id int) USING columnar;
         INSERT INTO col_local SELECT generate_series(1, 5);`,
      );
      const written = async (table: string) => {
        let sum = 0;
        for (const n of ['coordinator', 'worker1', 'worker2'] as const)
          sum += await catalog.columnarRowsOn(n, table);
        return sum;
      };
      // The reference table's copies on the three nodes in the cluster count once; rolled-back rows not at
      // all; rows inserted before the table was distributed once (they stay on disk in the coordinator's
      // own table, out of sight, until truncate_local_data_after_distributing_table).
      for (const [table, rows] of [
        ['col_dist', 5100],
        ['col_ref', 70],
        ['col_late', 40],
        ['col_local', 30],
      ] as const) {
        expect(await written(table), table).toBe(rows);
        expect(await catalog.rowCount(table), table).toBe(rows);
      }
    } finally {
      // Dropped even when a count was wrong: a shard left behind would fail the tests after this one.
      await sql.run('coordinator', 'DROP TABLE IF EXISTS col_dist, col_ref, col_late, col_local');
      await sql.run('worker1', 'DROP TABLE IF EXISTS col_local');
      await sql.close();
    }
  });

  it('does nothing on a healthy cluster', async () => {
    const again = await cli(['cluster', 'up', ...lab.args]);
    expect(again.exitCode).toBe(0);
    expect(String(again.stdout)).toMatch(/already up/);
    expect(String(again.stdout)).not.toMatch(/\$ /);
  });

  it('shows a worker killed with SIGKILL as down; cluster up brings it back with its data', async () => {
    await withEnv(lab, async (env) => {
      await env.runSql('worker1', 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
      process.kill((await serverState(env.layout.nodes.worker1)).pid!, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
      const { code, status } = await statusOf(lab);
      expect(code).toBe(1);
      expect(status.healthy).toBe(false);
      expect(node(status, 'worker1').running).toBe(false);
      const human = await cli(['cluster', 'status', ...lab.args]);
      expect(String(human.stdout)).toMatch(/worker1 +\d+ +stopped/);
      const up = await cli(['cluster', 'up', ...lab.args]);
      expect(up.exitCode, String(up.stderr)).toBe(0);
      expect((await statusOf(lab)).status.healthy).toBe(true);
      const [rows] = await env.runSql('worker1', 'SELECT id FROM kept');
      expect(rows!.rows).toEqual([[7]]);
    });
  });

  it('re-adds a worker missing from the metadata, and adds worker3 with --workers 3', async () => {
    await withEnv(lab, async (env) => {
      await env.runSql(
        'coordinator',
        `SELECT citus_remove_node('127.0.0.1', ${lab.options.basePort + 2})`,
      );
      expect((await statusOf(lab)).status.healthy).toBe(false);
      expect((await cli(['cluster', 'up', ...lab.args])).exitCode).toBe(0);
      expect(node((await statusOf(lab)).status, 'worker2').inCluster).toBe(true);
      expect((await cli(['cluster', 'up', '--workers', '3', ...lab.args])).exitCode).toBe(0);
      expect(node((await statusOf(lab)).status, 'worker3').inCluster).toBe(true);
    });
  });

  it('stops and starts every node', async () => {
    expect((await cli(['cluster', 'stop', ...lab.args])).exitCode).toBe(0);
    expect((await statusOf(lab)).status.nodes.every((n) => !n.running)).toBe(true);
    expect((await cli(['cluster', 'start', ...lab.args])).exitCode).toBe(0);
    expect((await statusOf(lab)).status.nodes.every((n) => n.running)).toBe(true);
  });

  it('destroy stops every node and removes data, log and run, keeping the mark', async () => {
    const refused = await cli(['cluster', 'destroy', ...lab.args]);
    expect(refused.exitCode).toBe(2);
    expect(String(refused.stderr)).toMatch(/--yes/);
    const destroyed = await cli(['cluster', 'destroy', '--yes', ...lab.args]);
    expect(destroyed.exitCode, String(destroyed.stderr)).toBe(0);
    expect(await readdir(lab.options.labDir)).toEqual(['.citus-lab-tutor']);
  });
});

describeWhere(noCitusReason, 'cluster up interrupted with SIGINT halfway', () => {
  const lab = useTempLab();

  it('finishes the job when run again', async () => {
    const child = cli(['cluster', 'up', ...lab.args]);
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (d: Buffer) => {
        seen += d.toString();
        if (/pg_ctl start/.test(seen)) resolve();
      });
      void child.then(() => resolve());
    });
    child.kill('SIGINT');
    const first = await child;
    expect(first.exitCode).not.toBe(0);
    const again = await cli(['cluster', 'up', ...lab.args]);
    expect(again.exitCode, String(again.stderr)).toBe(0);
    const status = JSON.parse(
      String((await cli(['cluster', 'status', '--json', ...lab.args])).stdout),
    ) as StatusJson;
    expect(status.healthy).toBe(true);
  });
});

describeWhere(noServerReason, 'without Citus', () => {
  const lab = useTempLab();

  it('cluster up and doctor say how to install Citus, and nothing is created', async () => {
    const bin = await binWithoutCitus(lab.root, install!);
    const up = await cli(['cluster', 'up', '--pg-bin', bin, ...lab.args]);
    expect(up.exitCode).toBe(2);
    expect(String(up.stderr)).toMatch(/Citus is not installed/);
    expect(String(up.stderr)).toMatch(/apt install postgresql-15-citus/);
    expect(existsSync(lab.options.labDir)).toBe(false);
    const doctor = await cli(['doctor', '--pg-bin', bin, ...lab.args]);
    expect(doctor.exitCode).toBe(2);
    expect(String(doctor.stdout)).toMatch(
      /Citus is not installed[\s\S]*apt install postgresql-15-citus/,
    );
    expect(existsSync(lab.options.labDir)).toBe(false);
  });
});
