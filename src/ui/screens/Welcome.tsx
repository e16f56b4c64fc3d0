import { Box, Text } from 'ink';
import type { PreflightItem } from '../../cluster/preflight.js';
import { LANGS } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import { tint, useLook } from '../context.js';

/** First run: the language (pre-selected from the locale) and what the doctor found. */
export function Welcome({ doctor }: { doctor?: PreflightItem[] }) {
  const look = useLook();
  const { t } = look;
  const ok = doctor?.every((i) => i.ok);
  return (
    <Box flexDirection="column" width={Math.min(look.columns, 110)}>
      <Text bold color={tint(look, 'cyan')}>
        {t('ui.welcome.title')}
      </Text>
      <Text wrap="wrap">{t('ui.welcome.intro')}</Text>
      <Text> </Text>
      <Text>
        <Text bold>{t('ui.welcome.language')}: </Text>
        {LANGS.map((lang) => (
          <Text
            key={lang}
            inverse={lang === look.lang}
            color={tint(look, lang === look.lang ? 'cyan' : 'white')}
          >
            {` ${translator(lang)('ui.lang.name')} `}
          </Text>
        ))}
      </Text>
      <Text> </Text>
      <Text bold>{t('ui.welcome.doctor')}</Text>
      {!doctor ? <Text dimColor>{t('ui.welcome.checking')}</Text> : null}
      {(doctor ?? []).map((i) => (
        <Box key={i.id} flexDirection="column">
          <Text wrap="truncate">
            <Text color={tint(look, i.ok ? (i.warning ? 'yellow' : 'green') : 'red')}>
              {i.ok ? (i.warning ? '!' : '✔') : '✘'}
            </Text>{' '}
            {t(i.detail.key, i.detail.params)}
          </Text>
          {!i.ok && i.fix ? (
            <Text dimColor wrap="wrap">
              {'    → '}
              {t(i.fix.key, i.fix.params)}
            </Text>
          ) : null}
        </Box>
      ))}
      {doctor ? (
        <Text color={tint(look, ok ? 'green' : 'yellow')} wrap="wrap">
          {ok ? t('ui.welcome.ready') : t('ui.welcome.missing')}
        </Text>
      ) : null}
      <Text> </Text>
      <Text bold>{t('ui.welcome.start')}</Text>
    </Box>
  );
}
