import { Box } from 'ink';
import type { CheckResult } from '../../checks/result.js';
import type { Busy, ItemView } from '../../runner/state.js';
import { useLook } from '../context.js';
import { ChecksList, checksHeight } from './ChecksList.js';
import { CodeBlock, codeBlockHeight } from './CodeBlock.js';
import { ItemTitle } from './ItemTitle.js';
import { Markdown, markdownHeight } from './Markdown.js';
import { OutputPane } from './OutputPane.js';

export interface StepCardProps {
  where: string;
  title: string;
  prose: string;
  /** The command or SQL with values filled in; undefined for a reading step. */
  command?: string;
  commandLabel: string;
  shell: boolean;
  view: ItemView;
  busy?: Busy;
  now: number;
  width: number;
  height: number;
  scroll: number;
}

/** A step: its prose, what it will run and where, its output and its checks, sharing `height` lines. */
export function StepCard(p: StepCardProps) {
  const look = useLook();
  const checks: CheckResult[] = p.view.checks ?? [];
  const cmdH = codeBlockHeight(p.command);
  const checksH = checks.length > 0 ? Math.min(7, checksHeight(checks)) : 0;
  const avail = Math.max(4, p.height - 1 - cmdH - checksH);
  const proseWant = markdownHeight(p.prose, look.color, p.width);
  const hasOutput =
    p.view.outcome !== undefined || p.view.output !== '' || p.view.status === 'running';
  const outputWant = hasOutput ? Math.max(4, Math.floor(avail / 2)) : 2;
  const proseH = Math.max(2, Math.min(proseWant, avail - outputWant));
  const outputH = Math.max(2, avail - proseH);
  return (
    <Box flexDirection="column" width={p.width}>
      <ItemTitle where={p.where} title={p.title} status={p.view.status} />
      <Markdown source={p.prose} width={p.width} height={proseH} scroll={p.scroll} />
      {p.command !== undefined ? (
        <CodeBlock
          label={p.commandLabel}
          code={p.command}
          width={p.width}
          prompt={p.shell ? '$ ' : ''}
        />
      ) : null}
      <OutputPane
        view={p.view}
        busy={p.busy}
        now={p.now}
        width={p.width}
        height={outputH}
        idle={p.command === undefined ? look.t('ui.readStep') : undefined}
      />
      {checks.length > 0 ? <ChecksList checks={checks} maxLines={checksH} /> : null}
    </Box>
  );
}
