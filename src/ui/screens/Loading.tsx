import { Text } from 'ink';
import { useLook } from '../context.js';

export function Loading({ error }: { error?: string }) {
  const { t } = useLook();
  return error ? (
    <Text>✘ {t('ui.loadFailed', { detail: error })}</Text>
  ) : (
    <Text dimColor>{t('ui.loading')}</Text>
  );
}
