import { Box, Text } from 'ink';
import type { CheckResult } from '../../checks/result.js';
import { msg } from '../../present/text.js';
import { tint, useLook } from '../context.js';

/** Each check passed or failed; a failed one says what was expected and what was found. */
export function ChecksList({
  checks,
  maxLines = 12,
}: {
  checks: CheckResult[];
  maxLines?: number;
}) {
  const look = useLook();
  const { t } = look;
  const lines = checks.flatMap((c, i) => {
    const head = (
      <Text key={`${i}h`} wrap="truncate">
        <Text color={tint(look, c.passed ? 'green' : 'red')}>{c.passed ? '✔' : '✘'}</Text>{' '}
        {msg(t, c.what)}
      </Text>
    );
    if (c.passed) return [head];
    return [
      head,
      <Text key={`${i}e`} wrap="truncate">
        {'    '}
        <Text dimColor>{t('check.expected')}:</Text> {msg(t, c.expected)}
      </Text>,
      <Text key={`${i}f`} wrap="truncate">
        {'    '}
        <Text dimColor>{t('check.found')}:</Text>{' '}
        <Text color={tint(look, 'red')}>{msg(t, c.found)}</Text>
      </Text>,
    ];
  });
  return <Box flexDirection="column">{lines.slice(0, Math.max(1, maxLines))}</Box>;
}

export const checksHeight = (checks: CheckResult[]) =>
  checks.reduce((n, c) => n + (c.passed ? 1 : 3), 0);
