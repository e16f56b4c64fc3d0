import { statfs } from 'node:fs/promises';
import type { Msg } from '../../checks/result.js';
import type { Action, ActionContext, ActionResult } from '../../runner/actions.js';
import type { NodeName } from '../../lessons/nodes.js';
import type { TemplateVars } from '../../lessons/template.js';
import type { Translate } from '../../i18n/index.js';
import { batchSql, loadPlan, resumeFrom, resumeSql } from './load-plan.js';
import { runBatches } from './run-batches.js';
import { errorText } from '../../errors.js';
import { humanBytes } from '../../runner/cluster-view.js';
import { elapsed } from '../../present/output.js';

/**
 * Bytes of disk a row of the load-sizes lesson takes in its tables, measured on Citus 13.2 /
 * PostgreSQL 15 with the seed's `users` rows: columnar data (~13) and its primary key and three
 * btree indexes (~140), the heap twin (~95), the exercise's columnar copy (~13). Rounded up: refusing
 * a load that would fit is better than filling the disk (PostgreSQL stops when it cannot write WAL).
 */
export const DATA_BYTES_PER_ROW = 300;

/**
 * The write-ahead log the lesson writes per row on the loading workers (the rows, the index builds,
 * the heap twin): ~290 bytes measured at a million rows, where it is more than the tables. A worker
 * recycles its WAL past `max_wal_size` (1 GB unless changed, a soft limit), so it stops growing with
 * the rows: at most 2 GB on each of the two.
 */
export const WAL_BYTES_PER_ROW = 350;
export const WAL_CAP_BYTES = 4 * 1024 ** 3;

/** Free disk the lesson needs for `rows` rows. */
export const diskNeeded = (rows: number) =>
  rows * DATA_BYTES_PER_ROW + Math.min(rows * WAL_BYTES_PER_ROW, WAL_CAP_BYTES);

export interface LoadOptions {
  /** Free bytes where the lab keeps its data; the real one asks the file system. */
  freeBytes?: (dir: string) => Promise<number>;
  now?: () => number;
  /** Pause between two looks at the workers' COPY progress. */
  pollMs?: number;
}

const freeBytesOf = async (dir: string) => {
  const s = await statfs(dir);
  return Number(s.bavail) * Number(s.bsize);
};

/**
 * `lab.load-users`: checks the free disk first, then loads `{{rows}}` rows into `users` with
 * INSERT ... SELECT generate_series, through every loading worker at once, one transaction per batch.
 */
export function loadUsersAction(options: LoadOptions = {}): Action {
  const freeBytes = options.freeBytes ?? freeBytesOf;
  const now = options.now ?? (() => performance.now());
  const pollMs = options.pollMs ?? 250;
  return {
    describe(vars: TemplateVars, say: Translate) {
      const { batches } = loadPlan(vars.rows);
      const nodes = [...new Set(batches.map((b) => b.node))];
      const lines = [
        `-- ${say('act.load.disk', { dir: vars.labDir, needed: humanBytes(diskNeeded(vars.rows)), dataPerRow: DATA_BYTES_PER_ROW, walPerRow: WAL_BYTES_PER_ROW, walCap: humanBytes(WAL_CAP_BYTES) })}`,
        `-- ${say('act.load.plan', { rows: vars.rows, batches: batches.length, size: batches[0]!.last })}`,
        `-- ${say('act.load.through', { nodes: nodes.join(say('act.load.and')) })}`,
      ];
      for (const node of nodes) {
        const own = batches.filter((b) => b.node === node);
        lines.push(
          `-- ${say('act.load.onNode', { node, port: vars.port[node] })}`,
          batchSql(own[0]!),
        );
        if (own.length > 1)
          lines.push(
            `-- ${say('act.load.more', { more: own.length - 1, first: own.at(-1)!.first, last: own.at(-1)!.last })}`,
          );
      }
      return lines.join('\n');
    },

    async run(ctx: ActionContext): Promise<ActionResult> {
      const { rows, labDir } = ctx.vars;
      const log: string[] = [];
      const print = (line: string) => {
        log.push(line);
        ctx.onOutput?.(`${line}\n`);
      };
      const fail = (key: Msg['key'], params?: Msg['params']): ActionResult => ({
        ok: false,
        log: log.join('\n'),
        error: { key, ...(params && { params }) },
      });
      const needed = diskNeeded(rows);
      let free: number;
      try {
        free = await freeBytes(labDir);
      } catch {
        free = Number.POSITIVE_INFINITY;
      }
      print(
        `-- ${ctx.say('act.load.diskFound', { needed: humanBytes(needed), free: Number.isFinite(free) ? humanBytes(free) : '?', dir: labDir })}`,
      );
      if (free < needed)
        return fail('load.diskShort', {
          rows,
          needed: humanBytes(needed),
          free: humanBytes(free),
          dir: labDir,
        });

      // A load stopped halfway (a worker killed, Ctrl-C) holds whole batches only: running the step
      // again loads the batches that are not in yet, and no row twice.
      const plan = loadPlan(rows);
      let counts: Map<number, number>;
      try {
        const [result] = await ctx.runSql('coordinator', resumeSql(rows, plan.size), ctx.signal);
        counts = new Map((result?.rows ?? []).map(([k, n]) => [Number(k), Number(n)]));
      } catch (error) {
        print(`ERROR: ${errorText(error)}`);
        return fail('load.failed', { done: 0, total: rows });
      }
      const resume = resumeFrom(plan, counts);
      if (!resume.ok) return fail('load.strayRows', { stray: resume.stray, rows });
      if (resume.loaded > 0)
        print(
          `-- ${ctx.say('act.load.resume', { loaded: resume.loaded, batches: resume.todo.length })}`,
        );
      // A cluster elsewhere may expose only its coordinator (a managed one): a worker that does not
      // answer from here has its share go through the coordinator. A local lab's workers are ours: one
      // that is down fails the load and says so.
      const via = ctx.remote
        ? await reachableOrCoordinator(ctx, [...new Set(resume.todo.map((b) => b.node))])
        : new Map<NodeName, NodeName>();
      for (const [node, through] of via)
        if (through !== node) print(`-- ${ctx.say('act.load.viaCoordinator', { node })}`);
      const todo = resume.todo.map((b) => ({ ...b, node: via.get(b.node) ?? b.node }));

      const started = now();
      const { committed, failure } = await runBatches(ctx, todo, {
        loaded: resume.loaded,
        print,
        now,
        pollMs,
      });
      if (ctx.signal?.aborted) return fail('step.cancelled');
      if (failure !== undefined) return fail('load.failed', { done: committed, total: rows });
      print(
        `-- ${ctx.say('act.load.done', { rows: rows - resume.loaded, time: elapsed(now() - started) })}`,
      );
      return { ok: true, log: log.join('\n') };
    },
  };
}

/** Each loading node, or the coordinator in its place when it does not answer a `SELECT 1`. */
async function reachableOrCoordinator(
  ctx: ActionContext,
  nodes: NodeName[],
): Promise<Map<NodeName, NodeName>> {
  const answers = await Promise.all(
    nodes.map((node) =>
      ctx.runSql(node, 'SELECT 1', ctx.signal).then(
        () => node,
        () => 'coordinator' as const,
      ),
    ),
  );
  return new Map(nodes.map((node, i) => [node, answers[i]!]));
}
