import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serverState } from '../../src/cluster/server.js';
import { layoutOf } from '../../src/cluster/layout.js';
import { translator } from '../../src/i18n/index.js';
import { openLab, type Lab } from '../../src/lab/open-lab.js';
import { msg } from '../../src/present/output.js';
import { executeStep } from '../../src/runner/execute-step.js';
import type { StepOutcome } from '../../src/runner/outcome.js';
import { stepSpec, type StepSpec } from '../../src/lessons/schema.js';
import { cli, describeWhere, noCitusReason, useTempLab, type TempLab } from './lab.js';

const t = translator('en');
const ROWS = 1_500_000;

/** Runs one step as `run` does; `onFirstProgress` fires once, when the step reports work done. */
async function runStep(
  lab: Lab,
  step: StepSpec,
  onFirstProgress?: () => void,
): Promise<StepOutcome & { text: string }> {
  let fired = false;
  const deps = await lab.stepDeps({
    onProgress: (p) => {
      if (!fired && p.done > 0 && p.done < p.total) {
        fired = true;
        onFirstProgress?.();
      }
    },
  });
  const outcome = await executeStep(step, deps);
  const failedChecks = outcome.checks.filter((c) => !c.passed).map((c) => JSON.stringify(c));
  const text = [
    outcome.output.kind === 'text' ? outcome.output.text : '',
    outcome.error ? `${msg(t, outcome.error)} ${outcome.error.detail ?? ''}` : '',
    ...failedChecks,
  ].join('\n');
  return { ...outcome, text };
}
const count = async (lab: Lab, table: string) =>
  Number((await lab.sql.query('coordinator', `SELECT count(*) FROM ${table}`)).rows[0]![0]);
const kill = async (temp: TempLab, node: 'worker1' | 'worker2' | 'worker3') => {
  const { pid } = await serverState(layoutOf(temp.options).nodes[node]);
  expect(pid, `${node} has no server to kill`).toBeTypeOf('number');
  process.kill(pid!, 'SIGKILL');
};

/** Runs the step and kills `node` as soon as the step reports progress; the kill itself must succeed. */
async function runStepKilling(
  lab: Lab,
  step: StepSpec,
  temp: TempLab,
  node: 'worker1' | 'worker3',
) {
  let killed: Promise<void> | undefined;
  const outcome = await runStep(lab, step, () => void (killed ??= kill(temp, node)));
  expect(killed, `the step reported no progress, so ${node} was never killed`).toBeDefined();
  await killed;
  return outcome;
}

describeWhere(noCitusReason, 'faults on a real Citus cluster', () => {
  const temp = useTempLab();
  let lab: Lab;
  beforeAll(async () => {
    const up = await cli(['cluster', 'up', ...temp.args]);
    expect(up.exitCode, String(up.stderr)).toBe(0);
    lab = await openLab({ ...temp.options, rows: ROWS, rowsGiven: true });
    await lab.sql.run(
      'coordinator',
      "CREATE TABLE users (id bigint, username text, email text, created_at timestamptz, is_active boolean, puesto_id int); SELECT create_distributed_table('users', 'id');",
    );
  }, 120_000);
  afterAll(async () => {
    await lab?.close();
  });

  const load: StepSpec = stepSpec.parse({
    id: 'load',
    action: 'lab.load-users',
    checks: [{ kind: 'row-count', table: 'users', expect: { equals: ROWS } }],
  });

  it('a worker killed with SIGKILL during a data load: the step fails saying so, cluster up brings it back, the step runs again to exactly the rows asked', async () => {
    const failed = await runStepKilling(lab, load, temp, 'worker1');
    expect(failed.status).toBe('failed');
    expect(failed.error?.key).toBe('load.failed');
    const kept = /The load stopped with (\d+) of 1500000 rows in the table/.exec(failed.text);
    expect(kept, failed.text).not.toBeNull();
    expect(failed.text).toMatch(
      /ERROR: .*(connection|terminat|closed|remote node|failed to COPY to shard \d+ on 127\.0\.0\.1:\d+)/i,
    );
    const up = await cli(['cluster', 'up', ...temp.args]);
    expect(up.exitCode, String(up.stderr)).toBe(0);
    expect(String(up.stdout)).toMatch(/pg_ctl start -D .*worker1/);
    // What the message said is what the table holds: whole batches only, none of them lost.
    expect(await count(lab, 'users')).toBe(Number(kept![1]));
    expect(Number(kept![1]) % 750_000).toBe(0);
    const again = await runStep(lab, load);
    expect(again.status, again.text).toBe('passed');
    expect(await count(lab, 'users')).toBe(ROWS);
    expect(
      Number(
        (await lab.sql.query('coordinator', 'SELECT count(DISTINCT id) FROM users')).rows[0]![0],
      ),
    ).toBe(ROWS);
  }, 300_000);

  it('a worker killed with SIGKILL during a rebalance: the step fails saying so, cluster up brings it back, the rebalance runs again to a balanced cluster, no row lost', async () => {
    const before = await count(lab, 'users');
    const up3 = await cli(['cluster', 'up', '--workers', '3', ...temp.args]);
    expect(up3.exitCode, String(up3.stderr)).toBe(0);
    const rebalance = stepSpec.parse({
      id: 'rebalance',
      action: 'lab.rebalance',
      checks: [
        {
          kind: 'sql',
          query: 'SELECT count(*) FROM get_rebalance_table_shards_plan()',
          expect: { equals: 0 },
        },
      ],
    });
    const failed = await runStepKilling(lab, rebalance, temp, 'worker3');
    expect(failed.status).toBe('failed');
    expect(failed.error?.key).toMatch(
      /^lab\.rebalance(TaskFailing|Failed)$|^step\.(sqlFailed|nodeDown)$/,
    );
    const up = await cli(['cluster', 'up', '--workers', '3', ...temp.args]);
    expect(up.exitCode, String(up.stderr)).toBe(0);
    const again = await runStep(lab, rebalance);
    expect(again.status, again.text).toBe('passed');
    expect(await count(lab, 'users')).toBe(before);
    const perNode = (
      await lab.sql.query(
        'coordinator',
        "SELECT nodeport, count(*) FROM citus_shards WHERE table_name = 'users'::regclass GROUP BY 1",
      )
    ).rows;
    expect(perNode).toHaveLength(3);
  }, 600_000);

  it('data folders of another PostgreSQL major version (an upgrade between sessions): cluster up and start refuse, naming both versions and what to do', async () => {
    expect((await cli(['cluster', 'stop', ...temp.args])).exitCode).toBe(0);
    const file = join(layoutOf(temp.options).nodes.worker1.dataDir, 'PG_VERSION');
    const real = await readFile(file, 'utf8');
    await writeFile(file, '14\n');
    try {
      for (const command of ['up', 'start']) {
        const refused = await cli(['cluster', command, ...temp.args]);
        expect(refused.exitCode, command).toBe(2);
        expect(String(refused.stderr)).toMatch(
          new RegExp(`made by PostgreSQL 14 \\(worker1\\).*found is ${real.trim()}`),
        );
        expect(String(refused.stderr)).toMatch(/--pg-bin .*cluster destroy --yes/);
      }
      const status = JSON.parse(
        String((await cli(['cluster', 'status', '--json', ...temp.args])).stdout),
      );
      expect(status.nodes).toHaveLength(4);
      expect(status.nodes.every((n: { running: boolean }) => !n.running)).toBe(true);
    } finally {
      await writeFile(file, real);
    }
    expect((await cli(['cluster', 'up', '--workers', '3', ...temp.args])).exitCode).toBe(0);
    expect(await count(lab, 'users')).toBe(ROWS);
  }, 120_000);
});
