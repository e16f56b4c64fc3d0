import type { Msg } from '../checks/result.js';
import type { TemplateVars } from '../lessons/template.js';

export interface ActionContext {
  vars: TemplateVars;
  signal?: AbortSignal;
  onOutput?: (chunk: string) => void;
}

export interface ActionResult {
  ok: boolean;
  /** What was run, one line per command, shown to the learner as the step's output. */
  log: string;
  error?: Msg;
}

export interface Action {
  /** The commands or SQL the action runs, with values filled in: shown before it runs. */
  describe(vars: TemplateVars): string;
  run(ctx: ActionContext): Promise<ActionResult>;
}

export type ActionRegistry = Readonly<Record<string, Action>>;
