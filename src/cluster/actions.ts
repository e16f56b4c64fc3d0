import type { LabOptions } from '../config/options.js';
import { isUserError } from '../errors.js';
import type { TemplateVars } from '../lessons/template.js';
import type { Translate } from '../i18n/index.js';
import type { Action, ActionContext, ActionRegistry, ActionResult } from '../runner/actions.js';
import type { ClusterActionName } from './action-names.js';
import type { Discovery } from './discover.js';
import type { ClusterEnv } from './env.js';
import { describeCreateExtension } from './extension.js';
import { createFolders, describeCreateFolders } from './folders.js';
import { requireReady } from './gate.js';
import { describeInitdb, initdbNodes } from './initdb.js';
import { FIRST_WORKERS, layoutOf, nodeList } from './layout.js';
import { addNodeSql, addWorkers, setCoordinator, setCoordinatorSql } from './membership.js';
import { describeConfigure, preloadLibraries } from './settings.js';
import { describeStart, describeStop } from './server.js';
import { clusterUp, configureNodes, createExtensions, startNodes, stopNodes } from './up.js';
import { describeDestroy, destroyCluster } from './destroy.js';

/**
 * The cluster operations lesson steps may name as `action: cluster.<name>`. Each runs the same
 * function `cluster up` runs, and describes itself with the exact commands and SQL, values filled in.
 */
export function clusterActions(options: LabOptions, discovery: Discovery): ActionRegistry {
  const layout = layoutOf(options);
  const nodes = nodeList(layout);
  const pgBin = (vars: TemplateVars) => vars.pgBin || discovery.chosen?.binDir || '';
  const onCoordinator = (say: Translate, sql: string[]) =>
    [
      `-- ${say('act.onCoordinator', { host: layout.host, port: layout.nodes.coordinator.port })}`,
      ...sql,
    ].join('\n');
  const libraries = discovery.chosen
    ? preloadLibraries(discovery.chosen)
    : ['citus', 'pg_stat_statements'];
  const { worker2, worker3 } = layout.nodes;

  const action = (
    describe: (vars: TemplateVars, say: Translate) => string,
    run: (env: ClusterEnv) => Promise<unknown>,
  ): Action => ({
    describe,
    async run(ctx: ActionContext): Promise<ActionResult> {
      const lines: string[] = [];
      const install = discovery.chosen;
      if (!install) return { ok: false, log: '', error: { key: 'doctor.noPostgres' } };
      const env: ClusterEnv = {
        layout,
        install,
        runSql: ctx.runSql,
        ...(ctx.signal && { signal: ctx.signal }),
        ...(options.password !== undefined && { password: options.password }),
        log: (line) => {
          lines.push(line);
          ctx.onOutput?.(`${line}\n`);
        },
      };
      try {
        await run(env);
        return { ok: true, log: lines.join('\n') };
      } catch (error) {
        if (!isUserError(error)) throw error;
        return {
          ok: false,
          log: lines.join('\n'),
          error: { key: error.key, params: error.params },
        };
      }
    },
  });

  const registry: Record<ClusterActionName, Action> = {
    'cluster.create-folders': action(
      () => describeCreateFolders(layout),
      async (env) => {
        await requireReady(options, discovery);
        await createFolders(env.layout);
        env.log(describeCreateFolders(env.layout));
      },
    ),
    'cluster.initdb': action(
      (vars, say) => describeInitdb(pgBin(vars), nodes, say('act.copyIsInitdb')),
      (env) => initdbNodes(env, nodes),
    ),
    'cluster.configure': action(
      () => nodes.map((n) => describeConfigure(n, layout, libraries)).join('\n\n'),
      async (env) => {
        await configureNodes(env, nodes);
        for (const n of nodes) env.log(describeConfigure(n, layout, libraries));
      },
    ),
    'cluster.start': action(
      (vars) => describeStart(pgBin(vars), nodes),
      (env) => startNodes(env, nodes),
    ),
    'cluster.create-extension': action(
      () => describeCreateExtension(nodes, discovery.chosen?.citusVersion),
      (env) => createExtensions(env, nodes),
    ),
    'cluster.set-coordinator': action(
      (_vars, say) => onCoordinator(say, [setCoordinatorSql(layout)]),
      (env) => setCoordinator(env),
    ),
    'cluster.add-workers': action(
      (_vars, say) =>
        onCoordinator(
          say,
          FIRST_WORKERS.map((w) => addNodeSql(layout, layout.nodes[w])),
        ),
      (env) =>
        addWorkers(
          env,
          FIRST_WORKERS.map((w) => layout.nodes[w]),
        ),
    ),
    'cluster.add-worker3': action(
      (_vars, say) => onCoordinator(say, [addNodeSql(layout, worker3)]),
      (env) => addWorkers(env, [worker3]),
    ),
    'cluster.stop-worker2': action(
      (vars) => describeStop(pgBin(vars), [worker2]),
      (env) => stopNodes(env, [worker2]),
    ),
    'cluster.start-worker2': action(
      (vars) => describeStart(pgBin(vars), [worker2]),
      (env) => startNodes(env, [worker2]),
    ),
    'cluster.up': action(
      () =>
        `citus-lab-tutor cluster up --lab-dir ${layout.labDir} --base-port ${layout.nodes.coordinator.port}`,
      async (env) => {
        await requireReady(options, discovery);
        await clusterUp(env, { workers: 2 });
      },
    ),
    'cluster.stop': action(
      (vars) => describeStop(pgBin(vars), nodes),
      (env) => stopNodes(env, nodes),
    ),
    'cluster.destroy': action(
      (vars) => describeDestroy(layout, pgBin(vars)),
      (env) => destroyCluster(env),
    ),
  };
  return registry;
}
