import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePortBlock } from '../../src/adapters/net.js';
import { compose, composePath, dockerAvailable } from '../../src/cluster/docker.js';
import { cli } from './lab.js';

const noDockerReason = (await dockerAvailable())
  ? undefined
  : 'skipped: no Docker engine answers `docker info` here';

/** The official Citus image run by docker compose, and lessons run against it as a remote cluster. */
describe.skipIf(noDockerReason)(
  `--provider docker on a real Docker engine${noDockerReason ? ` (${noDockerReason})` : ''}`,
  () => {
    let labDir: string;
    let basePort: number;
    let args: string[];

    beforeAll(async () => {
      labDir = await mkdtemp(join(tmpdir(), 'citus-lab-docker-'));
      basePort = await findFreePortBlock(4);
      args = [
        '--provider',
        'docker',
        '--lab-dir',
        labDir,
        '--base-port',
        String(basePort),
        '--lang',
        'en',
      ];
    });

    afterAll(async () => {
      // Whatever failed, the containers and their volumes go.
      if (labDir) {
        await compose(labDir, basePort, ['down', '--volumes']).catch(() => undefined);
        await rm(labDir, { recursive: true, force: true });
      }
    });

    it('cluster up writes the compose file and starts four nodes, two workers added', async () => {
      const up = await cli(['cluster', 'up', ...args]);
      expect(up.exitCode, String(up.stderr)).toBe(0);
      expect(await readFile(composePath(labDir), 'utf8')).toContain('citusdata/citus:13.2');
      const check = await cli(['check', 'cluster', '--json', ...args]);
      const report = JSON.parse(String(check.stdout)) as {
        lessons: { steps: { id: string; passed: boolean }[] }[];
      };
      expect(report.lessons[0]!.steps.filter((s) => !s.passed)).toEqual([]);
    }, 600_000);

    it('runs the distribute lesson against it', async () => {
      const run = await cli(['run', 'distribute', '--yes', ...args]);
      expect(run.exitCode, String(run.stdout).slice(-2000)).toBe(0);
    }, 300_000);

    it('cluster destroy removes the containers and volumes', async () => {
      const destroy = await cli(['cluster', 'destroy', '--yes', ...args]);
      expect(destroy.exitCode, String(destroy.stderr)).toBe(0);
    }, 120_000);
  },
);
