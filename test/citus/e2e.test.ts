import { expect, it } from 'vitest';
import { builtinLessonsDir } from '../../src/config/options.js';
import { loadLessons } from '../../src/lessons/load.js';
import { cli, describeWhere, noCitusReason, useTempLab } from '../cluster/lab.js';

/**
 * The whole lab on a real Citus cluster, as a learner runs it from the command line:
 * every lesson up to teardown with its solutions, every check passing, a reset that makes a
 * lesson's check fail until it runs again, then the teardown.
 */
const { lessons } = await loadLessons(builtinLessonsDir());
const teardown = lessons[lessons.length - 1]!;
const beforeTeardown = lessons[lessons.length - 2]!;

describeWhere(noCitusReason, 'the whole lab on a real cluster', () => {
  const lab = useTempLab();

  it(
    `runs every lesson up to ${beforeTeardown.id} with --yes --solutions`,
    { timeout: 600_000 },
    async () => {
      const run = await cli([
        'run',
        beforeTeardown.id,
        '--yes',
        '--solutions',
        '--rows',
        '200000',
        ...lab.args,
      ]);
      expect(run.stderr).toBe('');
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      for (const lesson of lessons.slice(0, -1))
        expect(run.stdout).toContain(`Lesson ${lesson.id} complete`);
    },
  );

  it('then every lesson but the teardown passes check, as JSON', { timeout: 120_000 }, async () => {
    const reports = [];
    for (const lesson of lessons.slice(0, -1)) {
      const check = await cli(['check', lesson.id, '--json', '--rows', '200000', ...lab.args]);
      reports.push(...JSON.parse(check.stdout).lessons);
    }
    const failing = reports.filter((r: { passed: boolean }) => !r.passed);
    expect(JSON.stringify(failing, null, 1)).toBe('[]');
    expect(reports.map((r: { id: string }) => r.id)).toEqual(lessons.slice(0, -1).map((l) => l.id));
  });

  it('a reset lesson fails its check until it runs again', { timeout: 300_000 }, async () => {
    const target = lessons.find((l) => l.id === 'time-partitions') ?? lessons[2]!;
    const reset = await cli(['reset', target.id, '--yes', ...lab.args]);
    expect(reset.exitCode).toBe(0);
    // What the reset undoes is shown as it runs.
    expect(reset.stdout).toContain(target.spec.reset[0]!.sql ?? target.spec.reset[0]!.action);
    const failing = await cli(['check', target.id, ...lab.args]);
    expect(failing.exitCode).toBe(1);
    expect(failing.stdout).toContain('✘');
    expect(
      (await cli(['run', target.id, '--yes', '--solutions', '--rows', '200000', ...lab.args]))
        .exitCode,
    ).toBe(0);
    expect((await cli(['check', target.id, '--rows', '200000', ...lab.args])).exitCode).toBe(0);
  });

  it(
    'the rebalance reset drains worker 3 showing the shards it moves, and the lesson runs again',
    { timeout: 300_000 },
    async () => {
      // One Ctrl-C once a move is made: the reset stops at the next point it can (Citus may finish the
      // drain's moves first), leaves worker 3 in the cluster, and the lesson keeps its progress.
      const interrupted = cli(['reset', 'rebalance', '--yes', ...lab.args]);
      let sent = false;
      interrupted.stdout?.on('data', (chunk: Buffer) => {
        if (!sent && /… [1-9]\d* \/ \d+ shards moved/.test(String(chunk)))
          sent = interrupted.kill('SIGINT');
      });
      const stopped = await interrupted;
      expect(stopped.exitCode, String(stopped.stdout).slice(-2000)).toBe(1);
      expect(String(stopped.stderr)).toMatch(
        /Reset of rebalance cancelled: what it undid stays undone, and its progress is kept\. Run the reset again/,
      );
      expect((await cli(['check', 'rebalance', ...lab.args])).exitCode).toBe(1);
      const reset = await cli(['reset', 'rebalance', '--yes', ...lab.args]);
      expect(reset.exitCode, reset.stdout.slice(-2000)).toBe(0);
      expect(reset.stdout).toMatch(/… \d+ \/ \d+ shards moved \(100%\)/);
      const status = await cli(['cluster', 'status', '--json', ...lab.args]);
      const nodes = JSON.parse(status.stdout).nodes as {
        node: string;
        inCluster: boolean | null;
      }[];
      expect(nodes.find((n) => n.node === 'worker3')?.inCluster).toBe(false);
      expect((await cli(['check', 'rebalance', ...lab.args])).exitCode).toBe(1);
      const again = await cli(['run', 'rebalance', '--yes', '--solutions', ...lab.args]);
      expect(again.exitCode, again.stdout.slice(-2000)).toBe(0);
      expect((await cli(['check', 'rebalance', ...lab.args])).exitCode).toBe(0);
    },
  );

  it(`${teardown.id} stops and removes the cluster`, { timeout: 120_000 }, async () => {
    const run = await cli(['run', teardown.id, '--yes', '--solutions', ...lab.args]);
    expect(run.exitCode, run.stdout.slice(-2000)).toBe(0);
    expect((await cli(['check', teardown.id, ...lab.args])).exitCode).toBe(0);
  });
});
