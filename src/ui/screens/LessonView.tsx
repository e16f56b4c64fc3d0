import { Box, Text } from 'ink';
import type { Lesson } from '../../lessons/lesson.js';
import { stepKind } from '../../lessons/lesson.js';
import type { TutorSession } from '../../runner/session.js';
import { currentItem, exerciseOf, viewOf, type TutorState } from '../../runner/state.js';
import { ClusterMap, clusterLine } from '../components/ClusterMap.js';
import { ExercisePanel } from '../components/ExercisePanel.js';
import { StepCard } from '../components/StepCard.js';
import { useLook } from '../context.js';

export interface LessonViewProps {
  state: TutorState;
  lesson: Lesson;
  session: Pick<TutorSession, 'command'>;
  ports: Record<string, number>;
  now: number;
  height: number;
}

/** Width from which the cluster map sits beside the lesson instead of behind the `m` key. */
export const WIDE = 110;

/** The current step or exercise on the left; the cluster map on the right when the terminal is wide. */
export function LessonView({ state: s, lesson, session, ports, now, height }: LessonViewProps) {
  const look = useLook();
  const { t, lang, columns } = look;
  const item = currentItem(s);
  if (!item) return null;
  const wide = columns >= WIDE;
  const mapWidth = wide ? Math.min(60, Math.floor(columns * 0.36)) : columns;
  const width = wide ? columns - mapWidth - 2 : columns;
  const steps = lesson.spec.steps.length;
  const view = viewOf(s, item.id);

  if (!wide && s.showMap)
    return <ClusterMap view={s.cluster} width={columns} maxTables={Math.max(1, height - 8)} />;

  let card;
  if (item.kind === 'step') {
    const step = lesson.spec.steps.find((x) => x.id === item.id)!;
    const prose = lesson.prose[lang].steps.find((x) => x.id === item.id);
    const kind = stepKind(step);
    const node = step.node ?? 'coordinator';
    const label =
      kind === 'sql'
        ? t('ui.runsOn', { node, port: ports[node] ?? '?' })
        : kind === 'shell'
          ? t('ui.shell')
          : t('ui.action');
    card = (
      <StepCard
        where={t('ui.step', { n: s.cursor + 1, total: steps })}
        title={prose?.title || step.id}
        prose={prose?.body ?? ''}
        command={session.command(lesson.id, step.id, lang)}
        commandLabel={label}
        shell={kind === 'shell'}
        view={view}
        busy={s.busy}
        now={now}
        width={width}
        height={wide ? height : height - 1}
        scroll={s.scroll}
      />
    );
  } else {
    const index = lesson.spec.exercises.findIndex((e) => e.id === item.id);
    card = (
      <ExercisePanel
        where={t('ui.exercise', { n: index + 1, total: lesson.spec.exercises.length })}
        spec={lesson.spec.exercises[index]!}
        prose={lesson.prose[lang].exercises.find((e) => e.id === item.id)}
        view={view}
        exercise={exerciseOf(s, item.id)}
        busy={s.busy}
        now={now}
        width={width}
        height={wide ? height : height - 1}
        scroll={s.scroll}
      />
    );
  }
  if (!wide) {
    return (
      <Box flexDirection="column" height={height}>
        <Box flexGrow={1}>{card}</Box>
        <Text dimColor wrap="truncate">
          {clusterLine(t, s.cluster)} · m: {t('ui.keys.map')}
        </Text>
      </Box>
    );
  }
  return (
    <Box height={height}>
      {card}
      <Box marginLeft={2} width={mapWidth}>
        <ClusterMap view={s.cluster} width={mapWidth} maxTables={Math.max(1, height - 9)} />
      </Box>
    </Box>
  );
}
