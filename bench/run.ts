/**
 * npm run bench: the seed's sequential cluster build against `cluster up`, several rounds, medians.
 * Runs as an unprivileged user (PostgreSQL refuses root); needs PostgreSQL with Citus and a build (npm run build).
 */
import { discoverPostgres } from '../src/cluster/discover.js';
import { clusterRound, median, type ClusterFigures } from './cluster.js';

if (process.getuid?.() === 0) {
  console.error('The benchmark starts PostgreSQL servers, and PostgreSQL refuses to run as root.');
  console.error("Run it as an unprivileged user, e.g.: su postgres -s /bin/bash -c 'cd /path/to/citus-lab-tutor && npm run bench'");
  process.exit(2);
}
const install = (await discoverPostgres(process.env.CITUS_LAB_PG_BIN)).chosen;
if (!install?.citusVersion) {
  console.error('The benchmark needs PostgreSQL with Citus installed (see: citus-lab-tutor doctor).');
  process.exit(2);
}
const rounds = Number(process.env.BENCH_RUNS ?? 5);
console.log(`PostgreSQL ${install.version}, Citus ${install.citusVersion}, ${rounds} rounds`);
const figures: ClusterFigures = { seed: [], up: [], upHealthy: [], destroy: [] };
for (let round = 0; round < rounds; round++) await clusterRound(install, round, figures, (line) => console.log(line));

const seed = median(figures.seed);
const up = median(figures.up);
const row = (what: string, values: number[]) => `| ${what} | ${median(values).toFixed(2)} s | ${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)} s |`;
console.log('');
console.log('| what | median | range |');
console.log('| --- | --- | --- |');
console.log(row('seed sequence (4 x initdb, settings, 4 x start, 4 x CREATE EXTENSION, coordinator, 2 x add node)', figures.seed));
console.log(row('`cluster up` from nothing', figures.up));
console.log(row('`cluster up` on a healthy cluster', figures.upHealthy));
console.log(row('`cluster destroy`', figures.destroy));
console.log('');
// Each round runs both back to back, so the per-round ratio cancels most of a busy machine's noise.
const paired = median(figures.up.map((u, i) => u / figures.seed[i]!));
console.log(`cluster up / seed sequence: ratio of medians ${(up / seed).toFixed(2)}, median of per-round ratios ${paired.toFixed(2)} (target <= 0.40)`);
console.log(`healthy cluster up ${median(figures.upHealthy) < 1 ? 'under' : 'OVER'} 1 s; destroy ${median(figures.destroy) < 3 ? 'under' : 'OVER'} 3 s`);
