/**
 * npm run bench: every benchmark, through this registry; `npm run bench -- cluster` (or load, lesson, startup)
 * runs the ones named. Each prints ratios against a baseline measured in the same run, over several rounds
 * (BENCH_RUNS), with medians. Runs as an unprivileged user (PostgreSQL refuses root); needs PostgreSQL with
 * Citus for all but startup, and a build (npm run bench builds first).
 */
import { discoverPostgres, type PostgresInstall } from '../src/cluster/discover.js';
import { clusterRound, type ClusterFigures } from './cluster.js';
import { runCommand } from '../src/adapters/process.js';
import { median, refuseRoot, timed } from './lab.js';
import { lessonBench } from './lesson.js';
import { loadBench } from './load.js';
import { startupBench } from './startup.js';

refuseRoot();

/**
 * NODE_EXTRA_CA_CERTS makes Node 20 read and parse that certificate file before any code runs, in every
 * process: ~90 ms on a machine where the variable names the whole system bundle. That is the machine's
 * cost, not the program's, and a learner's machine rarely sets it: the figures are measured without it,
 * and what it would add is printed.
 */
async function withoutExtraCertificates(): Promise<void> {
  const certs = process.env.NODE_EXTRA_CA_CERTS;
  if (!certs) return;
  // An empty value is no file for Node.
  const start = (env: Record<string, string>) =>
    timed(() => runCommand(process.execPath, ['-e', '0'], { env }));
  const withIt: number[] = [];
  const withoutIt: number[] = [];
  for (let i = 0; i < 5; i++) {
    withIt.push(await start({}));
    withoutIt.push(await start({ NODE_EXTRA_CA_CERTS: '' }));
  }
  const ms = (xs: number[]) => `${(median(xs) * 1000).toFixed(0)} ms`;
  console.log(
    `NODE_EXTRA_CA_CERTS=${certs} is set here: \`node -e 0\` takes ${ms(withIt)} with it, ${ms(withoutIt)} without. The program's commands below run without it.`,
  );
  delete process.env.NODE_EXTRA_CA_CERTS;
}

async function needCitus(): Promise<PostgresInstall> {
  const install = (await discoverPostgres(process.env.CITUS_LAB_PG_BIN)).chosen;
  if (!install?.citusVersion) {
    console.error(
      'This benchmark needs PostgreSQL with Citus installed (see: citus-lab-tutor doctor).',
    );
    process.exit(2);
  }
  return install;
}

/** The seed's sequential cluster build against `cluster up` (target: at most 40% of it). */
async function clusterBench(): Promise<void> {
  const install = await needCitus();
  const rounds = Number(process.env.BENCH_RUNS ?? 5);
  console.log(
    `cluster: PostgreSQL ${install.version}, Citus ${install.citusVersion}, ${rounds} rounds`,
  );
  const figures: ClusterFigures = { seed: [], up: [], upHealthy: [], destroy: [] };
  for (let round = 0; round < rounds; round++)
    await clusterRound(install, round, figures, (line) => console.log(line));
  const seed = median(figures.seed);
  const up = median(figures.up);
  const row = (what: string, values: number[]) =>
    `| ${what} | ${median(values).toFixed(2)} s | ${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)} s |`;
  console.log('| what | median | range |');
  console.log('| --- | --- | --- |');
  console.log(
    row(
      'seed sequence (4 x initdb, settings, 4 x start, 4 x CREATE EXTENSION, coordinator, 2 x add node)',
      figures.seed,
    ),
  );
  console.log(row('`cluster up` from nothing', figures.up));
  console.log(row('`cluster up` on a healthy cluster', figures.upHealthy));
  console.log(row('`cluster destroy`', figures.destroy));
  // Each round runs both back to back, so the per-round ratio cancels most of a busy machine's noise.
  const paired = median(figures.up.map((u, i) => u / figures.seed[i]!));
  console.log(
    `cluster up / seed sequence: ratio of medians ${(up / seed).toFixed(2)}, median of per-round ratios ${paired.toFixed(2)} (target <= 0.40): ${up / seed <= 0.4 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `healthy cluster up ${median(figures.upHealthy) < 1 ? 'under' : 'OVER'} 1 s; destroy ${median(figures.destroy) < 3 ? 'under' : 'OVER'} 3 s`,
  );
}

const BENCHES: Record<string, () => Promise<unknown>> = {
  cluster: clusterBench,
  load: async () => loadBench(await needCitus()),
  lesson: async () => lessonBench(await needCitus()),
  startup: () => startupBench(),
};

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`,
  );
  process.exit(2);
}
const load = (await import('node:os')).loadavg();
console.log(
  `machine: ${(await import('node:os')).cpus().length} cores, load average ${load.map((l) => l.toFixed(2)).join(' ')}`,
);
await withoutExtraCertificates();
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
  console.log(`\n## ${name}`);
  await BENCHES[name]!();
}
console.log(
  `\nload average at the end: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
