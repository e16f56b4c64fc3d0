import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import type { PostgresInstall } from './discover.js';
import { nodeList, type ClusterLayout } from './layout.js';

/** The PostgreSQL major version that made each existing data folder (its PG_VERSION file). */
export async function dataVersions(
  layout: ClusterLayout,
): Promise<{ node: string; major: number }[]> {
  const found: { node: string; major: number }[] = [];
  for (const node of nodeList(layout)) {
    const text = await readFile(join(node.dataDir, 'PG_VERSION'), 'utf8').catch(() => undefined);
    if (text !== undefined) found.push({ node: node.name, major: Number(text.trim()) });
  }
  return found;
}

/**
 * PostgreSQL upgraded (or downgraded) between two sessions: data folders of another major version
 * cannot be opened by these programs. Refused before anything starts, naming both versions and the way out.
 */
export async function requireMatchingData(
  layout: ClusterLayout,
  install: PostgresInstall,
): Promise<void> {
  const other = (await dataVersions(layout)).filter((v) => v.major !== install.major);
  if (other.length === 0) return;
  const params = {
    dataMajor: other[0]!.major,
    nodes: other.map((v) => v.node).join(', '),
    binMajor: install.major,
    binDir: install.binDir,
  };
  throw new UserError({
    key: 'reliability.pgVersionMismatch',
    params,
    hint: 'reliability.hint.pgVersionMismatch',
    exitCode: ExitCode.usage,
  });
}
