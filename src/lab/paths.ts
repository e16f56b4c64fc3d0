import { join } from 'node:path';
import { nodePorts, type LabOptions } from '../config/options.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';
import type { TemplateVars } from '../lessons/template.js';

export const dataDirOf = (labDir: string, node: NodeName) => join(labDir, 'data', node);
export const socketDirOf = (labDir: string) => join(labDir, 'run');
export const logFileOf = (labDir: string, node: NodeName) => join(labDir, 'log', `${node}.log`);

/** The values lessons may use, from the options and the PostgreSQL bin folder found. */
export function templateVars(options: LabOptions, pgBin: string | undefined): TemplateVars {
  return {
    labDir: options.labDir,
    pgBin: pgBin ?? '',
    host: options.host,
    user: options.user,
    database: options.database,
    socketDir: socketDirOf(options.labDir),
    rows: options.rows,
    port: nodePorts(options.basePort),
    dataDir: Object.fromEntries(NODE_NAMES.map((n) => [n, dataDirOf(options.labDir, n)])) as Record<
      NodeName,
      string
    >,
  };
}
