import { Text } from 'ink';
import { tint, useLook } from '../context.js';
import { Overlay } from './Overlay.js';

/** A yes/no question; keys.ts reads the answer. */
export function Confirm({ question }: { question: string }) {
  const look = useLook();
  return (
    <Overlay title="?">
      <Text color={tint(look, 'yellow')}>{question}</Text>
    </Overlay>
  );
}
