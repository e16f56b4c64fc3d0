import type { LabOptions } from '../config/options.js';
import type { Action, ActionRegistry } from '../runner/actions.js';
import { compose, describeCompose } from './docker.js';

/**
 * The node operations lessons run that Docker does for itself: stopping and starting worker 2 (the
 * failure lesson) and removing the cluster (the teardown). The other `cluster.*` steps were done by
 * `cluster up --provider docker`.
 */
export function dockerActions(options: LabOptions): ActionRegistry {
  const action = (args: string[]): Action => ({
    describe: () => describeCompose(options.labDir, options.basePort, args),
    async run(ctx) {
      const result = await compose(options.labDir, options.basePort, args, ctx.signal);
      const log = [
        describeCompose(options.labDir, options.basePort, args),
        result.stdout,
        result.stderr,
      ]
        .filter(Boolean)
        .join('\n')
        .trimEnd();
      return result.exitCode === 0
        ? { ok: true, log }
        : {
            ok: false,
            log,
            error: { key: 'class.docker.failed', params: { detail: result.stderr.trim() } },
          };
    },
  });
  return {
    'cluster.stop-worker2': action(['stop', 'worker2']),
    'cluster.start-worker2': action(['up', '-d', '--wait', 'worker2']),
    'cluster.destroy': action(['down', '--volumes']),
  };
}
