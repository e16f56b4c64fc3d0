import { writeFileAtomic } from '../adapters/fs.js';
import { openClusterEnv } from '../cluster/connect.js';
import { requireLabMark } from '../cluster/destroy.js';
import { NO_INSTALL } from '../cluster/discover.js';
import { composeFile } from '../cluster/compose-file.js';
import { compose, composePath, describeCompose } from '../cluster/docker.js';
import { FIRST_WORKERS, layoutOf } from '../cluster/layout.js';
import { addWorkers, setCoordinator } from '../cluster/membership.js';
import { ExitCode, UserError } from '../errors.js';
import { ensureLabDir } from '../lab/mark.js';
import type { CommandContext } from './context.js';
import { destroyConfirmed } from './confirm.js';

/**
 * `cluster …` when the cluster is not built in the lab folder: Docker's is run by `docker compose`;
 * a remote one (--coordinator) is managed where it runs, so the lab refuses to touch it.
 */
export async function clusterElsewhere(ctx: CommandContext, sub: string): Promise<ExitCode> {
  const { options } = ctx;
  if (options.provider !== 'docker') {
    throw new UserError({
      key: 'class.remote.notLocal',
      params: { url: options.coordinator ?? '' },
      hint: 'class.hint.notLocal',
    });
  }
  const run = async (args: string[]) => {
    ctx.io.out(`  $ ${describeCompose(options.labDir, options.basePort, args)}`);
    const result = await compose(options.labDir, options.basePort, args);
    if (result.exitCode !== 0) {
      throw new UserError({
        key: 'class.docker.failed',
        params: { detail: (result.stderr || result.stdout).trim() },
        hint: 'class.hint.docker',
        exitCode: ExitCode.failed,
      });
    }
    return result.stdout;
  };
  const { t, io } = ctx;
  const layout = layoutOf(options);
  switch (sub) {
    case 'up': {
      await ensureLabDir(options.labDir);
      await writeFileAtomic(composePath(options.labDir), composeFile(options.basePort), 0o644);
      io.out(t('class.docker.written', { file: composePath(options.labDir) }));
      await run(['up', '-d', '--wait']);
      const env = openClusterEnv(options, NO_INSTALL, { log: (line) => io.out(`  $ ${line}`) });
      try {
        await setCoordinator(env);
        await addWorkers(
          env,
          FIRST_WORKERS.map((w) => layout.nodes[w]),
        );
      } finally {
        await env.close();
      }
      const { coordinator, worker1, worker2, worker3 } = layout.nodes;
      io.out(
        t('class.docker.up', {
          coordinator: coordinator.port,
          workers: `127.0.0.1:${worker1.port}, 127.0.0.1:${worker2.port}`,
          worker3: `127.0.0.1:${worker3.port}`,
        }),
      );
      return ExitCode.ok;
    }
    case 'status':
      io.out(await run(['ps']));
      return ExitCode.ok;
    case 'start':
      await run(['up', '-d', '--wait']);
      io.out(t('class.docker.started'));
      return ExitCode.ok;
    case 'stop':
      await run(['stop']);
      io.out(t('class.docker.stopped'));
      return ExitCode.ok;
    case 'destroy': {
      await requireLabMark(layout);
      if (!(await destroyConfirmed(ctx))) return ExitCode.ok;
      await run(['down', '--volumes']);
      io.out(t('class.docker.destroyed', { dir: options.labDir }));
      return ExitCode.ok;
    }
    default:
      throw new UserError({
        key: 'cluster.unknownSubcommand',
        params: { command: sub },
        hint: 'hint.help',
      });
  }
}
