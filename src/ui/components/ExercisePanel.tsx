import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { ProseExercise } from '../../lessons/markdown.js';
import type { ExerciseSpec } from '../../lessons/schema.js';
import type { Busy, ExerciseView, ItemView } from '../../runner/state.js';
import { tint, useLook } from '../context.js';
import { ChecksList, checksHeight } from './ChecksList.js';
import { CodeBlock } from './CodeBlock.js';
import { ItemTitle } from './ItemTitle.js';
import { Markdown, markdownHeight } from './Markdown.js';
import { OutputPane } from './OutputPane.js';

export interface ExercisePanelProps {
  where: string;
  spec: ExerciseSpec;
  prose?: ProseExercise;
  view: ItemView;
  exercise: ExerciseView;
  busy?: Busy;
  now: number;
  width: number;
  height: number;
  scroll: number;
}

/** A self-check: the question, then letters to pick or an editor for the learner's SQL, hints, solution, grade. */
export function ExercisePanel(p: ExercisePanelProps) {
  const look = useLook();
  const { t } = look;
  const hints = (p.prose?.hints ?? []).slice(0, p.exercise.hintsShown);
  const checks = p.view.checks ?? [];
  const passed = p.view.status === 'passed';
  const verdict =
    checks.length > 0
      ? checks.every((c) => c.passed)
        ? t('ui.exercise.passed')
        : t('ui.exercise.failed')
      : undefined;

  const lower: ReactElement[] = [];
  if (p.spec.choice) {
    const options =
      p.prose?.choices ?? p.spec.choice.options.map((key) => ({ key, text: key, line: 0 }));
    options.forEach((c) => {
      const picked = p.exercise.answer === c.key;
      const right = picked && checks.length > 0 ? checks.every((x) => x.passed) : undefined;
      lower.push(
        <Text key={`c${c.key}`} wrap="wrap">
          <Text
            bold
            inverse={picked}
            color={tint(look, right === undefined ? 'cyan' : right ? 'green' : 'red')}
          >
            {` ${c.key} `}
          </Text>{' '}
          {c.text.replace(/\n/g, ' ')}
        </Text>,
      );
    });
    if (!passed)
      lower.push(
        <Text key="choose" dimColor>
          {t('ui.exercise.choose')}
        </Text>,
      );
  } else {
    const input = p.exercise.input;
    const lines = input === '' ? [] : input.split('\n');
    lower.push(
      <Text key="ed" bold>
        {t('ui.exercise.editor')}
        <Text dimColor>
          {' '}
          · {p.exercise.editing ? t('ui.exercise.editing') : t('ui.exercise.submitHint')}
        </Text>
      </Text>,
    );
    if (lines.length === 0 && !p.exercise.editing)
      lower.push(<Text key="empty" dimColor>{`  ${t('ui.exercise.empty')}`}</Text>);
    lines.slice(-8).forEach((line, i, all) =>
      lower.push(
        <Text key={`l${i}`} color={tint(look, 'yellow')} wrap="truncate">
          {'  '}
          {line}
          {p.exercise.editing && i === all.length - 1 ? <Text inverse> </Text> : null}
        </Text>,
      ),
    );
    if (p.exercise.editing && (lines.length === 0 || input.endsWith('\n')))
      lower.push(
        <Text key="cursor">
          {'  '}
          <Text inverse> </Text>
        </Text>,
      );
  }
  hints.forEach((h, i) =>
    lower.push(
      <Text key={`h${i}`} wrap="wrap">
        <Text color={tint(look, 'magenta')}>
          {t('ui.exercise.hint', { n: i + 1, total: p.prose?.hints.length ?? 0 })}:
        </Text>{' '}
        {h.text.replace(/\n/g, ' ')}
      </Text>,
    ),
  );
  if (p.exercise.solutionShown) {
    if (p.spec.choice)
      lower.push(
        <Text key="sol" color={tint(look, 'magenta')}>
          {t('ui.exercise.solutionChoice', { answer: p.spec.choice.answer })}
        </Text>,
      );
    else if (p.spec.solution)
      lower.push(
        <CodeBlock
          key="sol"
          label={`${t('ui.exercise.solution')} (${p.spec.solution.node})`}
          code={p.spec.solution.sql}
          width={p.width}
          maxLines={8}
        />,
      );
  }
  const solutionH = p.exercise.solutionShown
    ? p.spec.solution
      ? 1 + Math.min(8, p.spec.solution.sql.split('\n').length)
      : 1
    : 0;
  const lowerH =
    lower.length - (p.exercise.solutionShown && p.spec.solution ? 1 : 0) + solutionH + hints.length;
  const checksH = checks.length > 0 ? Math.min(6, checksHeight(checks)) + 1 : 0;
  const showOutput =
    !p.spec.choice && (p.view.outcome !== undefined || p.busy?.itemId === p.spec.id);
  const outputH = showOutput ? Math.min(8, Math.max(3, Math.floor(p.height / 4))) : 0;
  const proseH = Math.max(
    2,
    Math.min(
      markdownHeight(p.prose?.body ?? '', look.color, p.width),
      p.height - 1 - lowerH - checksH - outputH,
    ),
  );
  return (
    <Box flexDirection="column" width={p.width}>
      <ItemTitle where={p.where} title={p.prose?.title ?? p.spec.id} status={p.view.status} />
      <Markdown source={p.prose?.body ?? ''} width={p.width} height={proseH} scroll={p.scroll} />
      {lower}
      {showOutput ? (
        <OutputPane view={p.view} busy={p.busy} now={p.now} width={p.width} height={outputH} />
      ) : null}
      {verdict ? (
        <Text bold color={tint(look, checks.every((c) => c.passed) ? 'green' : 'red')}>
          {verdict}
        </Text>
      ) : null}
      {checks.length > 0 ? <ChecksList checks={checks} maxLines={checksH - 1} /> : null}
    </Box>
  );
}
