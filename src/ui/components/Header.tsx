import { Box, Text } from 'ink';
import { tint, useLook } from '../context.js';

/** One line: where the learner is on the left, the language on the right. */
export function Header({ title, right }: { title: string; right?: string }) {
  const look = useLook();
  const side = `${right ? `${right} · ` : ''}${look.lang.toUpperCase()}`;
  return (
    <Box width={look.columns} justifyContent="space-between">
      <Text bold color={tint(look, 'cyan')} wrap="truncate">
        {title}
      </Text>
      <Text dimColor> {side}</Text>
    </Box>
  );
}
