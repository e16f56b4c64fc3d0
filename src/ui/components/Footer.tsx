import { Box, Text } from 'ink';
import type { Msg } from '../../checks/result.js';
import type { MessageKey } from '../../i18n/index.js';
import { tint, useLook } from '../context.js';

export type KeyHint = [key: string, label: MessageKey];

/** The keys that work here, as many as fit, and the last notice above them. */
export function Footer({ keys, notice }: { keys: KeyHint[]; notice?: Msg }) {
  const look = useLook();
  const parts: KeyHint[] = [];
  let used = 0;
  for (const k of keys) {
    const size = k[0].length + 1 + look.t(k[1]).length + 3;
    if (used + size > look.columns) break;
    parts.push(k);
    used += size;
  }
  return (
    <Box flexDirection="column" width={look.columns}>
      {notice ? (
        <Text color={tint(look, 'yellow')} wrap="truncate">
          {look.t(notice.key, notice.params)}
        </Text>
      ) : null}
      <Text wrap="truncate">
        {parts.map(([key, label], i) => (
          <Text key={key}>
            {i > 0 ? <Text dimColor> · </Text> : null}
            <Text bold color={tint(look, 'cyan')} inverse={!look.color}>
              {key}
            </Text>
            <Text> {look.t(label)}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
