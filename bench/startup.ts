/**
 * Time from command to the UI's first frame (target <= 400 ms), against a baseline measured in the same
 * run: `node dist/cli.js --version` (Node's own start plus the program's entry). Both run in a pseudo
 * terminal made by `script`, so the program takes its terminal path. Needs a build (npm run build).
 *
 *   npx tsx bench/startup.ts          (BENCH_RUNS=9 for more rounds)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `command` in a pseudo terminal; resolves with the ms until its output matches `until`. */
function timeUntil(command: string, until: RegExp, timeoutMs = 10_000): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; ${command}`, '/dev/null'], {
      cwd: root,
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let seen = '';
    let result: { ms?: number; error?: Error } | undefined;
    const timer = setTimeout(
      () =>
        stop({
          error: new Error(
            `no match for ${until} in ${timeoutMs} ms; output: ${JSON.stringify(seen.slice(-300))}`,
          ),
        }),
      timeoutMs,
    );
    // The next measurement starts only once this program has gone, so runs never overlap.
    const stop = (r: { ms?: number; error?: Error }) => {
      if (result) return;
      result = r;
      clearTimeout(timer);
      child.stdin.write('q');
      setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
    };
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      // eslint-disable-next-line no-control-regex -- strips terminal escapes before matching text
      if (until.test(seen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')))
        stop({ ms: performance.now() - started });
    });
    child.on('close', () => {
      const r = result ?? {
        error: new Error(`exited before ${until}; output: ${JSON.stringify(seen.slice(-300))}`),
      };
      clearTimeout(timer);
      if (r.error) fail(r.error);
      else done(r.ms!);
    });
  });
}

export interface StartupFigures {
  node: number[];
  baseline: number[];
  firstFrame: number[];
  ready: number[];
}

/** One round: the baseline, then the UI until its first frame and until the lessons are listed. */
export async function startupRound(labDir: string, figures: StartupFigures): Promise<void> {
  figures.node.push(await timeUntil(`node -e "console.log('ok')"`, /ok/));
  figures.baseline.push(await timeUntil('node dist/cli.js --version', /\d+\.\d+\.\d+/));
  const ui = `node dist/cli.js --lab-dir '${labDir}' --base-port 47510`;
  figures.firstFrame.push(await timeUntil(ui, /citus-lab-tutor/));
  figures.ready.push(await timeUntil(ui, /Welcome|Lessons/));
}

export async function startupBench(
  rounds = Number(process.env.BENCH_RUNS ?? 7),
  log: (line: string) => void = console.log,
): Promise<StartupFigures> {
  const labDir = await mkdtemp(join(tmpdir(), 'citus-lab-bench-'));
  const figures: StartupFigures = { node: [], baseline: [], firstFrame: [], ready: [] };
  try {
    await timeUntil('node dist/cli.js --version', /\d/); // warm the file cache
    for (let i = 0; i < rounds; i++) await startupRound(labDir, figures);
  } finally {
    await rm(labDir, { recursive: true, force: true });
  }
  const row = (what: string, xs: number[]) =>
    `| ${what} | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)} ms |`;
  log(`startup: ${rounds} rounds in a pseudo terminal`);
  log('| what | median | range |');
  log('| --- | --- | --- |');
  log(row('node -e (Node alone)', figures.node));
  log(row('baseline: node dist/cli.js --version', figures.baseline));
  log(row('UI first frame drawn by ink (header and loading line)', figures.firstFrame));
  log(row('UI lessons listed (lab opened, lessons loaded, PostgreSQL looked up)', figures.ready));
  const first = median(figures.firstFrame);
  log(
    `first frame / baseline = ${(first / median(figures.baseline)).toFixed(2)}; first frame / node alone = ${(first / median(figures.node)).toFixed(2)}`,
  );
  log(`first frame ${first <= 400 ? 'within' : 'OVER'} the 400 ms target`);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await startupBench();
