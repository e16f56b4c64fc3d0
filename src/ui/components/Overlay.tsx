import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { tint, useLook } from '../context.js';

/** A framed box drawn over the screen's body: confirmations, the key list, the lesson picker. */
export function Overlay({ title, children }: { title: string; children: ReactNode }) {
  const look = useLook();
  return (
    <Box
      flexDirection="column"
      borderStyle={look.color ? 'round' : 'classic'}
      borderColor={tint(look, 'cyan')}
      paddingX={1}
      width={Math.min(look.columns, 100)}
    >
      <Text bold>{title}</Text>
      {children}
    </Box>
  );
}
