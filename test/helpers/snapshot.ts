import {
  answerKey,
  snapshotCatalog,
  type CatalogSnapshot,
} from '../../src/checks/recorded-catalog.js';
import type { CheckContext } from '../../src/checks/context.js';
import { templateVars } from '../../src/lab/paths.js';
import { resolveOptions } from '../../src/config/options.js';

/** A catalog snapshot from literal answers: [method, args, value]. */
export function snapshot(answers: [string, unknown[], unknown][]): CatalogSnapshot {
  const s: CatalogSnapshot = { version: 1, answers: {} };
  for (const [method, args, value] of answers) s.answers[answerKey(method, args)] = { value };
  return s;
}

export const testVars = (basePort = 55164) =>
  templateVars(
    resolveOptions({ 'base-port': String(basePort), 'lab-dir': '/tmp/lab' }, {}),
    '/usr/lib/postgresql/15/bin',
  );

export const contextFor = (s: CatalogSnapshot, basePort = 55164): CheckContext => ({
  catalog: snapshotCatalog(s),
  vars: testVars(basePort),
});

/** A healthy two-worker lab: coordinator 55164, workers 55165/55166; activity_log distributed, puestos reference. */
export const healthyLab = () =>
  snapshot([
    [
      'nodes',
      [],
      [
        {
          nodeid: 1,
          groupid: 0,
          nodename: '127.0.0.1',
          nodeport: 55164,
          noderole: 'primary',
          isactive: true,
          shouldhaveshards: false,
        },
        {
          nodeid: 2,
          groupid: 1,
          nodename: '127.0.0.1',
          nodeport: 55165,
          noderole: 'primary',
          isactive: true,
          shouldhaveshards: true,
        },
        {
          nodeid: 3,
          groupid: 2,
          nodename: '127.0.0.1',
          nodeport: 55166,
          noderole: 'primary',
          isactive: true,
          shouldhaveshards: true,
        },
      ],
    ],
    [
      'citusTables',
      [],
      [
        {
          tableName: 'activity_log',
          type: 'distributed',
          distributionColumn: 'user_id',
          colocationId: 1,
          shardCount: 32,
        },
        {
          tableName: 'clicks',
          type: 'distributed',
          distributionColumn: 'user_id',
          colocationId: 1,
          shardCount: 32,
        },
        {
          tableName: 'puestos',
          type: 'reference',
          distributionColumn: null,
          colocationId: 2,
          shardCount: 1,
        },
      ],
    ],
    [
      'placementsPerNode',
      [],
      [
        {
          tableName: 'activity_log',
          nodename: '127.0.0.1',
          nodeport: 55165,
          shards: 16,
          bytes: 131072,
        },
        {
          tableName: 'activity_log',
          nodename: '127.0.0.1',
          nodeport: 55166,
          shards: 16,
          bytes: 131072,
        },
        { tableName: 'puestos', nodename: '127.0.0.1', nodeport: 55164, shards: 1, bytes: 8192 },
        { tableName: 'puestos', nodename: '127.0.0.1', nodeport: 55165, shards: 1, bytes: 8192 },
        { tableName: 'puestos', nodename: '127.0.0.1', nodeport: 55166, shards: 1, bytes: 8192 },
      ],
    ],
    ['relation', ['activity_log'], { accessMethod: 'heap' }],
    ['relation', ['puestos'], { accessMethod: 'heap' }],
    ['relation', ['notes'], { accessMethod: 'heap' }],
    ['relation', ['ghost'], null],
    // users is columnar: its rows are read from each node's stripe metadata, never counted.
    ['relation', ['users'], { accessMethod: 'columnar' }],
    ['columnarRowsOn', ['coordinator', 'users'], 0],
    ['columnarRowsOn', ['worker1', 'users'], 600],
    ['columnarRowsOn', ['worker2', 'users'], 400],
    ['rowCount', ['activity_log'], 5],
    // Counted up to 3: the table holds more, the capped count says 3.
    ['rowCount', ['activity_log', 3], 3],
    ...(['coordinator', 'worker1', 'worker2', 'worker3'] as const).flatMap(
      (n): [string, unknown[], unknown][] => [
        ['setting', [n, 'wal_level'], 'logical'],
        ['extensionVersion', [n, 'citus'], n === 'worker3' ? null : '13.2-1'],
      ],
    ),
    [
      'query',
      ['coordinator', 'SELECT count(*) FROM activity_log WHERE user_id = 1'],
      { columns: ['count'], rows: [['2']] },
    ],
    ['shell', ["test -d '/tmp/lab'"], { exitCode: 0, stdout: '' }],
  ]);
