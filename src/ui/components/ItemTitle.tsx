import { Text } from 'ink';
import type { ItemStatus } from '../../runner/state.js';
import { tint, useLook } from '../context.js';

const MARK: Record<ItemStatus, string> = {
  todo: '○',
  running: '◐',
  passed: '✔',
  failed: '✘',
  skipped: '–',
};
const COLOR: Record<ItemStatus, string> = {
  todo: 'white',
  running: 'yellow',
  passed: 'green',
  failed: 'red',
  skipped: 'gray',
};

/** "✔ Step 2/5 · Shards and hash distribution (done)". */
export function ItemTitle({
  where,
  title,
  status,
}: {
  where: string;
  title: string;
  status: ItemStatus;
}) {
  const look = useLook();
  return (
    <Text wrap="truncate">
      <Text color={tint(look, COLOR[status])}>{MARK[status]}</Text> <Text dimColor>{where} ·</Text>{' '}
      <Text bold>{title}</Text> <Text dimColor>({look.t(`ui.status.${status}`)})</Text>
    </Text>
  );
}
