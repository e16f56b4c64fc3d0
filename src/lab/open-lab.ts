import { translator } from '../i18n/index.js';
import type { LabOptions } from '../config/options.js';
import { liveCatalog } from '../checks/live-catalog.js';
import type { Catalog } from '../checks/catalog.js';
import { CATALOG_POOL, SqlNodes } from '../adapters/sql.js';
import { askShell, runShell } from '../adapters/shell.js';
import { discoverPostgres, NO_INSTALL, type Discovery } from '../cluster/discover.js';
import { binDirOfDataDir } from '../cluster/lab-binaries.js';
import { layoutOf } from '../cluster/layout.js';
import { labAddresses } from '../cluster/connect.js';
import { loadLessons } from '../lessons/load.js';
import type { Lesson } from '../lessons/lesson.js';
import type { Problem } from '../lessons/problem.js';
import type { TemplateVars } from '../lessons/template.js';
import type { ActionRegistry } from '../runner/actions.js';
import type { StepDeps } from '../runner/execute-step.js';
import { clusterActions } from '../cluster/actions.js';
import { labActions } from './actions/index.js';
import { templateVars } from './paths.js';
import { paceLessons, type Paced } from '../lessons/pacing.js';
import { discoverRemote } from './remote-lab.js';
import { dockerActions } from '../cluster/docker-actions.js';
import { ensureLabDir } from './mark.js';
import { passEnv } from '../cluster/auth.js';
import { recordedRows, type Progress } from '../store/progress.js';
import { ProgressBook } from '../store/book.js';
import { withLabValues } from '../lessons/prose-values.js';

/** The composition root: options, lessons, adapters and the catalog, opened once per command. */
export interface Lab {
  options: LabOptions;
  /** The lessons open to the learner (all of them, or up to --until). */
  lessons: Lesson[];
  /** Which lessons --until keeps closed, so commands can say so. */
  paced: Paced;
  /** The coordinator's URL when the cluster runs elsewhere (--coordinator, --provider docker). */
  remote?: string;
  problems: Problem[];
  discovery: Discovery;
  vars: TemplateVars;
  sql: SqlNodes;
  catalog: Catalog;
  actions: ActionRegistry;
  /** The learner's progress (progress.json), read once: it also holds the rows the lab was loaded with. */
  book: ProgressBook;
  stepDeps(extra?: Partial<StepDeps>): Promise<StepDeps>;
  close(): Promise<void>;
}

export interface OpenHow {
  /**
   * Whether the PostgreSQL programs must be looked up, given the lessons open: `check` asks only when a
   * check it will run names {{pgBin}} (the look-up starts three programs). By default they are, at once.
   */
  needsBinaries?: (lessons: Lesson[]) => boolean;
}

export async function openLab(options: LabOptions, how: OpenHow = {}): Promise<Lab> {
  const [{ lessons, problems }, eager, book] = await Promise.all([
    loadLessons(options.lessonsDir),
    how.needsBinaries ? undefined : discoverPostgres(options.pgBin),
    ProgressBook.open(options.labDir),
  ]);
  const paced = paceLessons(lessons, options.until);
  const discovery: Discovery = eager ?? (await lateDiscovery(options, how, paced.open));
  const remote = options.coordinator ? await discoverRemote(options.coordinator) : undefined;
  const local = templateVars(
    { ...options, rows: labRows(options, book.progress, lessons) },
    discovery.chosen?.binDir,
  );
  const vars = remote
    ? {
        ...local,
        host: remote.host,
        port: remote.port,
        user: remote.addresses.coordinator.user,
        database: remote.addresses.coordinator.database,
      }
    : local;
  const addresses = labAddresses(options, (n) => vars.port[n], remote?.addresses);
  const sql = new SqlNodes(addresses);
  // Checks ask through connections of their own, shaped for many small catalog questions.
  const catalogSql = new SqlNodes(addresses, CATALOG_POOL);
  const shell = (command: string) =>
    askShell(command, {
      cwd: options.labDir,
      env: passEnv({ socketDir: vars.socketDir }, options.password),
    });
  const catalog = liveCatalog({
    query: (node, text, params) => catalogSql.query(node, text, params),
    shell,
  });
  // A cluster that runs elsewhere is not built here: only Docker's own node operations replace the local ones.
  const actions = remote
    ? { ...(options.provider === 'docker' ? dockerActions(options) : {}), ...labActions }
    : { ...clusterActions(options, discovery), ...labActions };
  // Asked once it is known: before the cluster exists there is nothing to ask, so keep asking.
  let citusVersion: string | undefined;

  return {
    options,
    lessons: paced.open.map((lesson) => withLabValues(lesson, vars)),
    paced,
    ...(remote && { remote: remote.url }),
    problems,
    discovery,
    vars,
    sql,
    catalog,
    actions,
    book,
    async stepDeps(extra = {}) {
      citusVersion ??=
        (await catalog.extensionVersion('coordinator', 'citus').catch(() => null)) ?? undefined;
      return {
        vars,
        say: translator(options.lang),
        catalog,
        actions,
        citusVersion,
        ...(remote && { remote: remote.url }),
        runSql: (node, text, signal) => sql.run(node, text, undefined, signal),
        // The lab folder is the shell's working folder: made again if it was deleted by hand meanwhile.
        runShell: async (script, opts) => {
          await ensureLabDir(options.labDir);
          return runShell(script, {
            cwd: options.labDir,
            env: passEnv({ socketDir: vars.socketDir }, options.password),
            ...opts,
          });
        },
        ...extra,
      };
    },
    close: async () => {
      await Promise.all([sql.close(), catalogSql.close()]);
    },
  };
}

/** --rows when given, else the rows the lab was loaded with (kept in progress.json), else the default. */
function labRows(options: LabOptions, progress: Progress, lessons: Lesson[]): number {
  if (options.rowsGiven) return options.rows;
  return (
    recordedRows(
      progress,
      lessons.map((l) => l.id),
    ) ?? options.rows
  );
}

/** For `check`: the programs only if a check names them, and then those that run the lab if known. */
async function lateDiscovery(
  options: LabOptions,
  how: OpenHow,
  open: Lesson[],
): Promise<Discovery> {
  if (!how.needsBinaries?.(open)) return { seen: [] };
  const labBin = options.pgBin
    ? undefined
    : await binDirOfDataDir(layoutOf(options).nodes.coordinator.dataDir);
  if (!labBin) return discoverPostgres(options.pgBin);
  return { chosen: { ...NO_INSTALL, binDir: labBin }, seen: [] };
}
