import { execa } from 'execa';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePortBlock, isPortFree } from '../../src/adapters/net.js';
import { layoutOf, nodeList } from '../../src/cluster/layout.js';
import { cli, install, noCitusReason } from './lab.js';

interface Learner {
  name: string;
  labDir: string;
  basePort: number;
}

/** Three learners on one machine, each with their own four-node cluster, all running at once. */
describe.skipIf(noCitusReason)(
  `a class of three learners' clusters running at once${noCitusReason ? ` (${noCitusReason})` : ''}`,
  () => {
    let root: string;
    let classDir: string;
    let learners: Learner[] = [];
    const learnerArgs = (l: Learner) => [
      '--lab-dir',
      l.labDir,
      '--base-port',
      String(l.basePort),
      '--lang',
      'en',
    ];

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'citus-lab-class-'));
      await chmod(root, 0o755);
      classDir = join(root, 'class');
      const base = await findFreePortBlock(12);
      const init = await cli([
        'class',
        'init',
        '--students',
        '3',
        '--base-port',
        String(base),
        '--dir',
        classDir,
        '--lang',
        'en',
      ]);
      expect(init.exitCode, String(init.stderr)).toBe(0);
      const data = JSON.parse(await readFile(join(classDir, 'class.json'), 'utf8')) as {
        students: Learner[];
      };
      learners = data.students.map((s) => ({ ...s, labDir: join(classDir, s.labDir) }));
    });

    afterAll(async () => {
      // No test leaves a server behind, whatever failed.
      for (const l of learners) {
        for (const node of nodeList(
          layoutOf({
            labDir: l.labDir,
            basePort: l.basePort,
            host: '127.0.0.1',
            user: 'postgres',
            database: 'postgres',
          }),
        )) {
          await execa(
            join(install!.binDir, 'pg_ctl'),
            ['stop', '-D', node.dataDir, '-m', 'immediate', '-w'],
            { reject: false },
          );
        }
      }
      if (root) await rm(root, { recursive: true, force: true });
    });

    it('gives each learner a distinct block of four ports', () => {
      const ports = learners.flatMap((l) => [0, 1, 2, 3].map((i) => l.basePort + i));
      expect(new Set(ports).size).toBe(12);
      expect(ports.some((p) => p >= 55164 && p <= 55167)).toBe(false);
    });

    it("builds the three clusters at once, each healthy on its own ports and passing the cluster lesson's checks", async () => {
      const ups = await Promise.all(learners.map((l) => cli(['cluster', 'up', ...learnerArgs(l)])));
      for (const up of ups) expect(up.exitCode, String(up.stderr)).toBe(0);
      for (const l of learners) {
        const status = await cli(['cluster', 'status', '--json', ...learnerArgs(l)]);
        const json = JSON.parse(String(status.stdout)) as {
          healthy: boolean;
          nodes: { port: number; running: boolean; dataDir: string }[];
        };
        expect(json.healthy).toBe(true);
        expect(json.nodes.map((n) => n.port)).toEqual([0, 1, 2, 3].map((i) => l.basePort + i));
        expect(json.nodes.every((n) => n.running && n.dataDir.startsWith(l.labDir))).toBe(true);
        const check = await cli(['check', 'cluster', '--json', ...learnerArgs(l)]);
        const report = JSON.parse(String(check.stdout)) as {
          lessons: { passed: boolean; steps: { id: string; passed: boolean }[] }[];
        };
        expect(
          report.lessons[0]!.steps.filter((s) => !s.passed),
          String(check.stdout).slice(0, 2000),
        ).toEqual([]);
      }
    });

    it("class status shows each learner's own progress, read from their folders", async () => {
      const run = await cli([
        'run',
        'concepts',
        '--yes',
        '--solutions',
        ...learnerArgs(learners[1]!),
      ]);
      expect(run.exitCode, String(run.stderr)).toBe(0);
      const status = await cli(['class', 'status', '--json', '--dir', classDir]);
      const json = JSON.parse(String(status.stdout)) as {
        students: { name: string; lessonsCompleted: number }[];
      };
      expect(json.students.map((s) => [s.name, s.lessonsCompleted])).toEqual([
        ['student-01', 0],
        ['student-02', 1],
        ['student-03', 0],
      ]);
    });

    it("class reset --clusters stops and removes every learner's cluster and clears their progress", async () => {
      const reset = await cli([
        'class',
        'reset',
        '--yes',
        '--clusters',
        '--dir',
        classDir,
        '--lang',
        'en',
      ]);
      expect(reset.exitCode, String(reset.stderr)).toBe(0);
      for (const l of learners) {
        for (let i = 0; i < 4; i++)
          expect(await isPortFree('127.0.0.1', l.basePort + i)).toBe(true);
        expect(JSON.parse(await readFile(join(l.labDir, 'progress.json'), 'utf8'))).toEqual({
          version: 1,
          lessons: {},
        });
      }
    });
  },
);
