import { Text } from 'ink';
import { tint, useLook } from '../context.js';

/** ███░░░ 3/8: how far a lesson or a long step has come. */
export function ProgressBar({
  done,
  total,
  width = 10,
  label,
}: {
  done: number;
  total: number;
  width?: number;
  label?: string;
}) {
  const look = useLook();
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  return (
    <Text>
      <Text color={tint(look, done >= total && total > 0 ? 'green' : 'cyan')}>
        {'█'.repeat(filled)}
      </Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
      <Text> {label ?? `${done}/${total}`}</Text>
    </Text>
  );
}
