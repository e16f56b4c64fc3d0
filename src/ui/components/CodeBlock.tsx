import { Box, Text } from 'ink';
import { tint, useLook } from '../context.js';

/** The exact command or SQL about to run, with its label ("SQL on coordinator (port 55164)"). */
export function CodeBlock({
  label,
  code,
  width,
  maxLines = 6,
  prompt = '',
}: {
  label: string;
  code: string;
  width: number;
  maxLines?: number;
  prompt?: string;
}) {
  const look = useLook();
  const lines = code.split('\n');
  const shown =
    lines.length > maxLines
      ? [...lines.slice(0, maxLines - 1), `… (+${lines.length - maxLines + 1})`]
      : lines;
  return (
    <Box flexDirection="column" width={width}>
      <Text dimColor>{label}</Text>
      {shown.map((line, i) => (
        <Text key={i} color={tint(look, 'yellow')} wrap="truncate">
          {'  '}
          {prompt}
          {line}
        </Text>
      ))}
    </Box>
  );
}

export const codeBlockHeight = (code: string | undefined, maxLines = 6) =>
  code === undefined ? 0 : 1 + Math.min(maxLines, code.split('\n').length);
