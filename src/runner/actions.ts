import type { StatementResult } from '../adapters/sql.js';
import type { Msg } from '../checks/result.js';
import type { Translate } from '../i18n/index.js';
import type { NodeName } from '../lessons/schema.js';
import type { TemplateVars } from '../lessons/template.js';

/** How far a long step has come: rows loaded, shard moves done, nodes built. */
export interface Progress {
  done: number;
  total: number;
  unit: 'rows' | 'moves' | 'shards' | 'nodes' | 'steps';
}

export interface ActionContext {
  vars: TemplateVars;
  /** The comment lines of the log (`-- ...`), in the learner's language. */
  say: Translate;
  runSql(node: NodeName, sql: string, signal?: AbortSignal): Promise<StatementResult[]>;
  signal?: AbortSignal;
  onOutput?: (chunk: string) => void;
  onProgress?: (progress: Progress) => void;
  /** The coordinator's URL when the cluster runs elsewhere (--coordinator, --provider docker). */
  remote?: string;
}

export interface ActionResult {
  ok: boolean;
  /** What was run, one line per command, shown to the learner as the step's output. */
  log: string;
  error?: Msg;
}

export interface Action {
  /** The commands or SQL the action runs, with values filled in, its comments in `say`'s language: shown before it runs. */
  describe(vars: TemplateVars, say: Translate): string;
  run(ctx: ActionContext): Promise<ActionResult>;
}

export type ActionRegistry = Readonly<Record<string, Action>>;
