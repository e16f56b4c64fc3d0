import { Text } from 'ink';
import { elapsed } from '../../present/output.js';
import type { Busy } from '../../runner/state.js';
import { tint, useLook } from '../context.js';
import { ProgressBar } from './ProgressBar.js';

/** What a reset is doing while it runs: it belongs to no step, so it has a line of its own. */
export function ResetLine({ busy, now }: { busy: Busy; now: number }) {
  const look = useLook();
  const { t } = look;
  return (
    <Text wrap="truncate">
      <Text color={tint(look, 'yellow')}>
        {busy.cancelling
          ? t('ui.output.cancelling')
          : t('ui.resetting', { elapsed: elapsed(now - busy.startedAt) })}
      </Text>
      {busy.work ? (
        <Text>
          {'  '}
          <ProgressBar
            done={busy.work.done}
            total={busy.work.total}
            width={20}
            label={t(`ui.work.${busy.work.unit}`, {
              done: busy.work.done,
              total: busy.work.total,
            })}
          />
        </Text>
      ) : null}
    </Text>
  );
}
