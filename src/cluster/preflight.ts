import { access, statfs } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname } from 'node:path';
import { portState } from '../adapters/net.js';
import { currentUid } from '../adapters/process.js';
import type { LabOptions } from '../config/options.js';
import type { MessageKey, Params } from '../i18n/index.js';
import { NODE_NAMES, type NodeName } from '../lessons/nodes.js';
import type { Discovery } from './discover.js';
import { nodePorts } from '../config/options.js';

export type PreflightId = 'node' | 'user' | 'postgres' | 'citus' | 'ports' | 'labDir' | 'disk';

export interface PreflightItem {
  id: PreflightId;
  ok: boolean;
  /** A warning does not stop anything. */
  warning?: boolean;
  detail: { key: MessageKey; params?: Params };
  fix?: { key: MessageKey; params?: Params };
}

export const MIN_FREE_BYTES = 2 * 1024 ** 3;

export interface PreflightInput {
  options: LabOptions;
  discovery: Discovery;
  /** Nodes of this lab that are already running: their ports are in use by us, not taken. */
  ownRunning?: NodeName[];
  /** The user id to judge; the process's own when absent (tests pass 0 to play root). */
  uid?: number;
}

/** Everything `doctor` shows and `cluster up` requires, checked before anything is created. */
export async function preflight(input: PreflightInput): Promise<PreflightItem[]> {
  const { options, discovery, ownRunning = [] } = input;
  const items: PreflightItem[] = [];
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  items.push({
    id: 'node',
    ok: nodeMajor >= 20,
    detail: { key: 'doctor.node', params: { version: process.versions.node } },
    fix: { key: 'fix.node' },
  });

  const uid = 'uid' in input ? input.uid : currentUid();
  items.push(
    uid === 0
      ? { id: 'user', ok: false, detail: { key: 'doctor.root' }, fix: { key: 'fix.root' } }
      : { id: 'user', ok: true, detail: { key: 'doctor.user', params: { uid: uid ?? '?' } } },
  );

  const pg = discovery.chosen;
  if (discovery.badPgBin) {
    items.push({
      id: 'postgres',
      ok: false,
      detail: { key: 'doctor.badPgBin', params: { dir: discovery.badPgBin } },
      fix: { key: 'fix.pgBin' },
    });
  } else if (!pg) {
    items.push({
      id: 'postgres',
      ok: false,
      detail: { key: 'doctor.noPostgres' },
      fix: { key: 'fix.installPostgres' },
    });
  } else {
    items.push({
      id: 'postgres',
      ok: pg.major >= 14,
      detail: { key: 'doctor.postgres', params: { version: pg.version, dir: pg.binDir } },
      fix: { key: 'fix.installPostgres' },
    });
  }
  if (pg?.citusVersion) {
    items.push({
      id: 'citus',
      ok: true,
      detail: { key: 'doctor.citus', params: { version: pg.citusVersion } },
    });
  } else {
    const elsewhere = discovery.seen.find((s) => s.citusVersion);
    items.push({
      id: 'citus',
      ok: false,
      detail: elsewhere
        ? {
            key: 'doctor.citusElsewhere',
            params: { version: elsewhere.citusVersion!, dir: elsewhere.binDir },
          }
        : { key: 'doctor.noCitus', params: { pg: pg ? String(pg.major) : '15' } },
      fix: { key: 'fix.installCitus', params: { pg: pg ? String(pg.major) : '15' } },
    });
  }

  const ports = nodePorts(options.basePort);
  const listening: string[] = [];
  const held: string[] = [];
  for (const node of NODE_NAMES) {
    if (ownRunning.includes(node)) continue;
    const state = await portState(options.host, ports[node]);
    if (state === 'listening') listening.push(String(ports[node]));
    if (state === 'held') held.push(String(ports[node]));
  }
  const next = { next: options.basePort + 10 };
  items.push(
    listening.length > 0
      ? {
          id: 'ports',
          ok: false,
          detail: {
            key: 'doctor.portsTaken',
            params: { ports: [...listening, ...held].join(', ') },
          },
          fix: { key: 'fix.ports', params: next },
        }
      : held.length > 0
        ? {
            id: 'ports',
            ok: false,
            detail: { key: 'doctor.portsHeld', params: { ports: held.join(', ') } },
            fix: { key: 'fix.portsHeld', params: next },
          }
        : {
            id: 'ports',
            ok: true,
            detail: {
              key: 'doctor.portsFree',
              params: { from: ports.coordinator, to: ports.worker3 },
            },
          },
  );

  const writable = await firstExisting(options.labDir).then((dir) =>
    access(dir, constants.W_OK).then(
      () => dir,
      () => undefined,
    ),
  );
  items.push(
    writable
      ? {
          id: 'labDir',
          ok: true,
          detail: { key: 'doctor.labDir', params: { dir: options.labDir } },
        }
      : {
          id: 'labDir',
          ok: false,
          detail: { key: 'doctor.labDirNotWritable', params: { dir: options.labDir } },
          fix: { key: 'fix.labDir' },
        },
  );

  const free = writable ? await freeBytes(writable) : undefined;
  if (free !== undefined) {
    items.push({
      id: 'disk',
      ok: true,
      warning: free < MIN_FREE_BYTES,
      detail: {
        key: free < MIN_FREE_BYTES ? 'doctor.diskLow' : 'doctor.disk',
        params: { free: gib(free) },
      },
    });
  }
  return items;
}

export const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

export async function freeBytes(dir: string): Promise<number | undefined> {
  try {
    const s = await statfs(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

async function firstExisting(dir: string): Promise<string> {
  let current = dir;
  for (;;) {
    try {
      await access(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}
