import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The installed package's folder (package.json, lessons/, dist/), found upwards from this module:
 * it runs from src/ in development and tests, and from dist/ or one of dist/chunks/ when built.
 */
export const PACKAGE_ROOT = findRoot(here);

/** True in the built program; the sources (run by tsx and vitest) never read the build's lesson cache. */
export const RUNS_BUILT = import.meta.url.endsWith('.js');

/** The program's version, from its package.json. */
export function packageVersion(): string {
  return (
    JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lessons'))) return dir;
    if (dirname(dir) === dir) return join(start, '..');
  }
}
