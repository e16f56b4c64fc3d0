import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findFreePortBlock } from '../../src/adapters/net.js';
import { cli, describeWhere, noCitusReason, useTempLab } from './lab.js';

/** A learner whose lab folder holds no cluster: every step and check reaches a real one only through its URL. */
describeWhere(noCitusReason, 'a remote cluster reached only through --coordinator', () => {
  const server = useTempLab();
  let learnerDir: string;
  let args: string[];

  beforeAll(async () => {
    const up = await cli(['cluster', 'up', ...server.args]);
    expect(up.exitCode, String(up.stderr)).toBe(0);
    learnerDir = await mkdtemp(join(tmpdir(), 'citus-lab-remote-'));
    // Another port block (nothing listens there) and another folder: only the URL leads to the cluster.
    const unused = await findFreePortBlock(4);
    const url = `postgresql://postgres@127.0.0.1:${server.options.basePort}/postgres`;
    args = [
      '--coordinator',
      url,
      '--lab-dir',
      learnerDir,
      '--base-port',
      String(unused),
      '--lang',
      'en',
    ];
  });

  afterAll(async () => {
    if (learnerDir) await rm(learnerDir, { recursive: true, force: true });
  });

  it('runs the lessons up to distribute: node-building steps shown as done elsewhere, local shell steps skipped with a note', async () => {
    const run = await cli(['run', 'distribute', '--yes', ...args]);
    const out = String(run.stdout);
    expect(run.exitCode, out.slice(-3000) + String(run.stderr)).toBe(0);
    expect(out).toContain(
      'Done elsewhere: the lab does not build this cluster (postgresql://postgres@127.0.0.1:',
    );
    expect(out).toContain('Steps of distribute done');
    expect(out).toContain("Skipped: this step needs the lab's local files");
    await expect(access(join(learnerDir, 'data'))).rejects.toThrow();
  });

  it('checks the lessons against the remote catalog, and they pass', async () => {
    const check = await cli(['check', 'distribute', '--json', ...args]);
    const report = JSON.parse(String(check.stdout)) as {
      lessons: { id: string; steps: { id: string; passed: boolean }[] }[];
    };
    expect(report.lessons[0]!.steps.filter((s) => !s.passed)).toEqual([]);
    const cluster = await cli(['check', 'cluster', '--json', ...args]);
    const clusterReport = JSON.parse(String(cluster.stdout)) as {
      lessons: { steps: { id: string; passed: boolean }[] }[];
    };
    expect(clusterReport.lessons[0]!.steps.filter((s) => !s.passed)).toEqual([]);
  });

  it('refuses to stop or destroy the remote cluster', async () => {
    const stop = await cli(['cluster', 'stop', ...args]);
    expect(stop.exitCode).toBe(2);
    expect(String(stop.stderr)).toContain('the lab does not build, start, stop or delete it');
  });
});
