import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { isPortFree } from '../adapters/net.js';
import {
  allocatePortBlocks,
  readClass,
  studentLabDir,
  studentName,
  writeClass,
  type ClassFile,
} from '../class/roster.js';
import { standingOf } from '../class/standing.js';
import { openClusterEnv } from '../cluster/connect.js';
import { destroyCluster } from '../cluster/destroy.js';
import { discoverPostgres, NO_INSTALL } from '../cluster/discover.js';
import { DEFAULT_BASE_PORT, type LabOptions } from '../config/options.js';
import { ExitCode, UserError } from '../errors.js';
import { ensureLabDir, foreignFiles, hasMark } from '../lab/mark.js';
import { loadLessons } from '../lessons/load.js';
import { paceLessons } from '../lessons/pacing.js';
import { elapsed } from '../present/output.js';
import { formatTable } from '../present/table.js';
import { shellQuote } from '../lessons/template.js';
import { emptyProgress, peekProgress, saveProgress } from '../store/progress.js';
import type { Command, CommandContext } from './context.js';
import { confirmed } from './confirm.js';

const SUBCOMMANDS = ['init', 'status', 'reset'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];
const MAX_STUDENTS = 200;

/** `class init | status | reset`: one lab folder and one block of four ports per learner, on one server. */
export const classCommand: Command = async (ctx) => {
  const sub = ctx.parsed.positionals[0];
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UserError({
      key: 'class.error.unknownSubcommand',
      params: { command: sub ?? '' },
      hint: 'hint.help',
    });
  }
  const handlers: Record<Subcommand, (ctx: CommandContext, dir: string) => Promise<ExitCode>> = {
    init,
    status,
    reset,
  };
  return handlers[sub as Subcommand](
    ctx,
    resolve(ctx.parsed.flags.dir ?? join(homedir(), 'citus-class')),
  );
};

/** The options a learner's commands run with: their own lab folder and ports. */
const learnerOptions = (options: LabOptions, labDir: string, basePort: number): LabOptions => ({
  ...options,
  labDir,
  basePort,
});

async function init(ctx: CommandContext, dir: string): Promise<ExitCode> {
  const { parsed, options, io, t } = ctx;
  const text = parsed.flags.students;
  const count = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || count < 1 || count > MAX_STUDENTS) {
    throw new UserError({
      key: 'class.error.badStudents',
      params: { value: text ?? '', max: MAX_STUDENTS },
      hint: 'hint.help',
    });
  }
  if (
    await readClass(dir).then(
      () => true,
      () => false,
    )
  ) {
    throw new UserError({ key: 'class.error.exists', params: { dir }, hint: 'class.hint.exists' });
  }
  const names = Array.from({ length: count }, (_, i) => studentName(i, count));
  // Nothing is created when any learner's folder is someone else's.
  for (const name of names) {
    const labDir = join(dir, name);
    if ((await foreignFiles(labDir)).length > 0)
      throw new UserError({ key: 'class.error.notALab', params: { dir: labDir } });
  }
  const explicitPort = parsed.globals['base-port'] !== undefined;
  const ports = await allocatePortBlocks(
    count,
    explicitPort ? options.basePort : DEFAULT_BASE_PORT,
    (p) => isPortFree(options.host, p),
    { allowDefault: explicitPort },
  );
  await mkdir(dir, { recursive: true });
  const data: ClassFile = {
    version: 1,
    createdAt: new Date().toISOString(),
    ...(options.until && { until: options.until }),
    students: names.map((name, i) => ({ name, labDir: name, basePort: ports[i]! })),
  };
  for (const s of data.students) await ensureLabDir(studentLabDir(dir, s));
  await writeClass(dir, data);
  io.out(t('class.init.done', { count, dir }));
  const extra = [
    ...(options.until ? ['--until', options.until] : []),
    ...(options.customLessons ? ['--lessons', options.lessonsDir] : []),
  ];
  for (const s of data.students) {
    const command = [
      'citus-lab-tutor',
      '--lab-dir',
      studentLabDir(dir, s),
      '--base-port',
      String(s.basePort),
      ...extra,
    ]
      .map(quoteArg)
      .join(' ');
    io.out(
      `  ${s.name}  ${t('class.init.ports', { from: s.basePort, to: s.basePort + 3 })}\n    ${command}`,
    );
  }
  return ExitCode.ok;
}

/** The printed command quotes only what needs it, so plain folders stay easy to read and copy. */
const quoteArg = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : shellQuote(arg));

async function status(ctx: CommandContext, dir: string): Promise<ExitCode> {
  const { options, io, t, parsed } = ctx;
  const data = await readClass(dir);
  const { lessons } = await loadLessons(options.lessonsDir);
  const open = paceLessons(lessons, options.until ?? data.until).open;
  const rows = await Promise.all(
    data.students.map(async (s) => {
      const labDir = studentLabDir(dir, s);
      const progress = await peekProgress(labDir);
      const standing = standingOf(
        open,
        progress === 'damaged' || progress === undefined ? emptyProgress() : progress,
      );
      return {
        name: s.name,
        labDir,
        basePort: s.basePort,
        damaged: progress === 'damaged',
        ...standing,
      };
    }),
  );
  if (parsed.flags.json) {
    io.out(
      JSON.stringify({ dir, until: options.until ?? data.until ?? null, students: rows }, null, 2),
    );
    return ExitCode.ok;
  }
  io.out(t('class.status.header', { dir, count: rows.length }));
  const columns = [
    'learner',
    'ports',
    'lesson',
    'lessons',
    'steps',
    'exercises',
    'hints',
    'time',
    'last',
  ].map((c) => t(`class.status.col.${c}` as 'class.status.col.learner'));
  const table = formatTable(
    columns,
    rows.map((r) => [
      r.name,
      `${r.basePort}-${r.basePort + 3}`,
      r.damaged ? t('class.status.damaged') : (r.current ?? '✔'),
      `${r.lessonsCompleted}/${r.lessonsTotal}`,
      `${r.stepsDone}/${r.stepsTotal}`,
      `${r.exercisesPassed}/${r.exercisesTotal}`,
      String(r.hintsUsed),
      elapsed(r.ms),
      r.lastActivity ? r.lastActivity.slice(0, 16).replace('T', ' ') : '-',
    ]),
    MAX_STUDENTS,
    160,
  );
  for (const line of table.lines) io.out(line);
  return ExitCode.ok;
}

async function reset(ctx: CommandContext, dir: string): Promise<ExitCode> {
  const { options, io, t, parsed } = ctx;
  const data = await readClass(dir);
  const withClusters = parsed.flags.clusters;
  const question = withClusters ? 'class.reset.askClusters' : 'class.reset.ask';
  const refusal = new UserError({
    key: 'class.error.resetNeedsYes',
    params: { count: data.students.length },
    hint: 'hint.addYes',
  });
  if (!(await confirmed(ctx, t(question, { count: data.students.length, dir }), refusal)))
    return ExitCode.ok;
  const install = withClusters
    ? ((await discoverPostgres(options.pgBin)).chosen ?? NO_INSTALL)
    : NO_INSTALL;
  let failed = false;
  for (const s of data.students) {
    const labDir = studentLabDir(dir, s);
    // Nothing is touched in a folder that is not a lab's own.
    if (!(await hasMark(labDir))) {
      io.err(t('class.reset.notALab', { name: s.name, dir: labDir }));
      failed = true;
      continue;
    }
    if (withClusters) {
      const env = openClusterEnv(learnerOptions(options, labDir, s.basePort), install, {
        log: (line) => io.out(`  $ ${line}`),
      });
      try {
        await destroyCluster(env);
      } finally {
        await env.close();
      }
    }
    await saveProgress(labDir, emptyProgress());
    io.out(t(withClusters ? 'class.reset.doneClusters' : 'class.reset.done', { name: s.name }));
  }
  return failed ? ExitCode.failed : ExitCode.ok;
}
