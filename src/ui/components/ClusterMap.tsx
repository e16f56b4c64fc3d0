import { Box, Text } from 'ink';
import { humanBytes, type ClusterView } from '../../runner/cluster-view.js';
import type { NodeName } from '../../lessons/schema.js';
import { tint, useLook } from '../context.js';

const SHORT: Record<NodeName, string> = {
  coordinator: 'coord',
  worker1: 'w1',
  worker2: 'w2',
  worker3: 'w3',
};

/** One line for the lesson list: how many nodes answer and how many are in the cluster. */
export function clusterLine(
  t: ReturnType<typeof useLook>['t'],
  view: ClusterView | undefined,
): string {
  if (!view) return t('ui.cluster.unknown');
  const up = view.nodes.filter((n) => n.up).length;
  if (up === 0) return t('ui.cluster.stopped');
  return t('ui.cluster.line', {
    up,
    total: view.nodes.length,
    members: view.nodes.filter((n) => n.inCluster).length,
    tables: view.tables.length,
  });
}

/**
 * The cluster map: each node up or down and in the cluster or not, then shards (and size) per table
 * per node, so distribution, reference copies and a rebalance can be seen.
 */
export function ClusterMap({
  view,
  width,
  maxTables = 8,
}: {
  view?: ClusterView;
  width: number;
  maxTables?: number;
}) {
  const look = useLook();
  const { t } = look;
  if (!view) return <Text dimColor>{t('ui.cluster.unknown')}</Text>;
  const nodes = view.nodes.filter((n) => n.up || n.inCluster || n.name !== 'worker3');
  // The table names take what the longest needs, up to a third of the width; the nodes share the rest.
  const longest = Math.max(t('ui.cluster.table').length, ...view.tables.map((x) => x.table.length));
  const tableCol = Math.min(longest + 1, Math.max(8, Math.floor(width / 3)));
  const col = Math.max(6, Math.floor((width - tableCol - 1) / Math.max(1, nodes.length)));
  // A name cut short says so. A count is never cut: sizes are shown only when every one fits whole.
  const cell = (s: string, w: number) => (s.length >= w ? s.slice(0, w - 2) + '… ' : s.padEnd(w));
  const both = ({ shards, bytes }: { shards: number; bytes: number }) =>
    `${shards} (${humanBytes(bytes)})`;
  const withSizes = view.tables.every((x) =>
    Object.values(x.perNode).every((p) => both(p).length < col),
  );
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{t('ui.cluster.title')}</Text>
      {nodes.map((n) => (
        <Text key={n.name} wrap="truncate">
          <Text color={tint(look, n.up ? 'green' : 'red')}>{n.up ? '●' : '○'}</Text>{' '}
          {n.name.padEnd(11)} {String(n.port).padEnd(6)}
          <Text color={tint(look, n.up ? 'green' : 'red')}>
            {(n.up ? t('ui.cluster.up') : t('ui.cluster.down')).padEnd(7)}
          </Text>
          <Text dimColor={!n.inCluster}>
            {view.known ? (n.inCluster ? t('ui.cluster.member') : t('ui.cluster.notMember')) : ''}
          </Text>
        </Text>
      ))}
      {!view.known && view.nodes.some((n) => n.up) ? (
        <Text dimColor>{t('ui.cluster.coordinatorDown')}</Text>
      ) : null}
      {view.known && view.tables.length === 0 ? (
        <Text dimColor>{t('ui.cluster.noTables')}</Text>
      ) : null}
      {view.tables.length > 0 ? (
        <Text dimColor wrap="truncate">
          {cell(t('ui.cluster.table'), tableCol)}
          {nodes.map((n) => cell(SHORT[n.name], col)).join('')}
        </Text>
      ) : null}
      {view.tables.slice(0, maxTables).map((table) => (
        <Text key={table.table} wrap="truncate">
          {cell(table.table, tableCol)}
          {nodes
            .map((n) => {
              const p = table.perNode[n.name];
              return cell(p ? (withSizes ? both(p) : String(p.shards)) : '·', col);
            })
            .join('')}
        </Text>
      ))}
      {view.tables.length > 0 ? (
        <Text dimColor wrap="truncate">
          {t(withSizes ? 'ui.cluster.shardsLegend' : 'ui.cluster.shardsOnlyLegend')}
        </Text>
      ) : null}
    </Box>
  );
}
