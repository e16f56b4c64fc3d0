import { Box, Text } from 'ink';
import { elapsed, outputLines, type OutputLine } from '../../present/output.js';
import type { Busy, ItemView } from '../../runner/state.js';
import { tint, useLook } from '../context.js';
import { ProgressBar } from './ProgressBar.js';

export interface OutputPaneProps {
  view: ItemView;
  busy?: Busy;
  now: number;
  width: number;
  height: number;
  /** Shown when nothing ran yet. */
  idle?: string;
}

/** Streamed shell output while a step runs (the last lines), then its result: tables, notes, errors. */
export function OutputPane({ view, busy, now, width, height, idle }: OutputPaneProps) {
  const look = useLook();
  const { t } = look;
  const running = busy && busy.itemId !== undefined && view.status === 'running';
  let lines: OutputLine[];
  if (view.outcome && !running)
    lines = outputLines(t, view.outcome, width - 2, Math.max(3, height - 4));
  else
    lines = view.output.trimEnd()
      ? view.output
          .trimEnd()
          .split('\n')
          .map((text) => ({ text }))
      : [];
  const room = Math.max(1, height - 1 - (running && busy?.work ? 1 : 0));
  const cut = Math.max(0, lines.length - room + (lines.length > room ? 1 : 0));
  const shown = cut > 0 ? lines.slice(cut) : lines;
  const tone = (l: OutputLine) =>
    l.tone === 'error' ? tint(look, 'red') : l.tone === 'note' ? tint(look, 'yellow') : undefined;
  const status = running
    ? busy!.cancelling
      ? t('ui.output.cancelling')
      : t('ui.output.running', { elapsed: elapsed(now - busy!.startedAt) })
    : view.outcome
      ? t('ui.output.done', { elapsed: elapsed(view.outcome.ms) })
      : undefined;
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        <Text bold>{t('ui.output.title')}</Text>
        {status ? <Text dimColor> · {status}</Text> : null}
      </Text>
      {running && busy?.work ? (
        <ProgressBar
          done={busy.work.done}
          total={busy.work.total}
          width={Math.min(30, width - 30)}
          label={t(`ui.work.${busy.work.unit}`, { done: busy.work.done, total: busy.work.total })}
        />
      ) : null}
      {cut > 0 ? <Text dimColor>{t('ui.output.cut', { count: cut })}</Text> : null}
      {shown.length === 0 && !running ? <Text dimColor>{idle ?? t('ui.output.empty')}</Text> : null}
      {shown.map((l, i) => (
        <Text key={i} color={tone(l)} dimColor={l.tone === 'dim'} wrap="truncate">
          {l.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
