import { Box, Text } from 'ink';
import type { MessageKey } from '../../i18n/index.js';
import { useLook } from '../context.js';
import { Overlay } from './Overlay.js';

export const ALL_KEYS: [string, MessageKey][] = [
  ['Enter', 'ui.keys.run'],
  ['c', 'ui.keys.check'],
  ['n / →', 'ui.keys.next'],
  ['p / ←', 'ui.keys.prev'],
  ['↑ ↓ / j k', 'ui.keys.scroll'],
  ['a b c…', 'ui.keys.answer'],
  ['h', 'ui.keys.hint'],
  ['s', 'ui.keys.solution'],
  ['e', 'ui.keys.edit'],
  ['E', 'ui.keys.editor'],
  ['l', 'ui.keys.lang'],
  ['R', 'ui.keys.reset'],
  ['g', 'ui.keys.goto'],
  ['m', 'ui.keys.map'],
  ['Esc / b', 'ui.keys.back'],
  ['Ctrl-C', 'ui.keys.cancel'],
  ['?', 'ui.keys.help'],
  ['q', 'ui.keys.quit'],
];

/** Every key, with what it does here. */
export function KeysHelp() {
  const { t } = useLook();
  return (
    <Overlay title={t('ui.keys.title')}>
      {ALL_KEYS.map(([key, label]) => (
        <Box key={key}>
          <Box width={12}>
            <Text bold>{key}</Text>
          </Box>
          <Text>{t(label)}</Text>
        </Box>
      ))}
    </Overlay>
  );
}
