import { ExitCode } from '../errors.js';
import { discoverPostgres } from '../cluster/discover.js';
import { preflight } from '../cluster/preflight.js';
import type { Command } from './context.js';

export const doctorCommand: Command = async ({ options, io, t, parsed }) => {
  const discovery = await discoverPostgres(options.pgBin);
  const items = await preflight({
    options,
    discovery,
    ownRunning: await runningOwnNodes(options.labDir),
  });
  const render = (
    m: { key: Parameters<typeof t>[0]; params?: Record<string, string | number> } | undefined,
  ) => (m ? t(m.key, m.params) : undefined);
  const ok = items.every((i) => i.ok);
  if (parsed.flags.json) {
    io.out(
      JSON.stringify(
        {
          ok,
          postgres: discovery.chosen ?? null,
          checks: items.map((i) => ({
            id: i.id,
            ok: i.ok,
            warning: i.warning ?? false,
            detail: render(i.detail),
            fix: i.ok ? undefined : render(i.fix),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(t('doctor.header'));
    for (const i of items) {
      io.out(`${i.ok ? (i.warning ? '!' : '✔') : '✘'} ${render(i.detail)}`);
      if (!i.ok && i.fix) io.out(`    → ${render(i.fix)}`);
    }
    io.out(ok ? t('doctor.allGood') : t('doctor.someMissing'));
  }
  return ok ? ExitCode.ok : ExitCode.usage;
};

/** Nodes whose postmaster.pid sits in this lab: their ports are ours, not taken by someone else. */
async function runningOwnNodes(labDir: string) {
  const { ownRunningNodes } = await import('../cluster/status.js');
  return ownRunningNodes(labDir);
}
