import { Box, Text } from 'ink';
import { lessonSummary } from '../../commands/lesson-summary.js';
import type { Lesson } from '../../lessons/lesson.js';
import type { ClusterView } from '../../runner/cluster-view.js';
import type { Progress } from '../../store/progress.js';
import { clusterLine } from '../components/ClusterMap.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { tint, useLook } from '../context.js';

export interface LessonListProps {
  lessons: Lesson[];
  progress: Progress;
  cursor: number;
  cluster?: ClusterView;
  height: number;
}

/** Lessons in order with their progress, the cluster in one line, and the next thing to do highlighted. */
export function LessonList({ lessons, progress, cursor, cluster, height }: LessonListProps) {
  const look = useLook();
  const { t, lang } = look;
  const summaries = lessons.map((l) => lessonSummary(l, lang, progress));
  const next = summaries.find((s) => !s.progress.completed);
  const nextItem =
    next &&
    ([...next.steps.filter((s) => !s.done), ...next.exercises.filter((e) => !e.passed)][0]?.title ??
      '');
  const titleWidth = Math.max(
    16,
    Math.min(
      50,
      look.columns - 24 - (look.columns >= 100 ? 44 : 0) - (look.columns >= 140 ? 22 : 0),
    ),
  );
  const room = Math.max(3, height - 4);
  const top = Math.max(0, Math.min(cursor - Math.floor(room / 2), summaries.length - room));
  return (
    <Box flexDirection="column">
      <Text bold>{t('ui.lessons.title')}</Text>
      {summaries.slice(top, top + room).map((s, i) => {
        const index = top + i;
        const p = s.progress;
        const selected = index === cursor;
        const mark = p.completed
          ? '✔'
          : p.stepsDone > 0 || p.exercisesPassed > 0
            ? '◐'
            : s === next
              ? '→'
              : ' ';
        const lesson = lessons[index]!;
        const meta = [
          lesson.spec.minutes ? t('ui.lessons.minutes', { minutes: lesson.spec.minutes }) : '',
          lesson.spec.needsCluster ? '' : t('ui.lessons.noCluster'),
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <Box key={s.id}>
            <Text
              inverse={selected}
              color={tint(look, p.completed ? 'green' : s === next ? 'cyan' : 'white')}
              wrap="truncate"
            >
              {selected ? '›' : ' '} {mark} {String(s.number).padStart(2)}.{' '}
              {(s.title.length > titleWidth
                ? s.title.slice(0, titleWidth - 1) + '…'
                : s.title
              ).padEnd(titleWidth)}
            </Text>
            <Text> </Text>
            <ProgressBar
              done={p.stepsDone + p.exercisesPassed}
              total={p.stepsTotal + p.exercisesTotal}
              width={8}
            />
            {look.columns >= 100 ? (
              <Text dimColor>
                {' '}
                {t('ui.lessons.progress', {
                  steps: p.stepsDone,
                  stepsTotal: p.stepsTotal,
                  exercises: p.exercisesPassed,
                  exercisesTotal: p.exercisesTotal,
                })}
              </Text>
            ) : null}
            {look.columns >= 140 && meta ? <Text dimColor> · {meta}</Text> : null}
          </Box>
        );
      })}
      <Text> </Text>
      <Text color={tint(look, 'cyan')} wrap="truncate">
        {next
          ? t('ui.lessons.next', { lesson: `${next.number}. ${next.title}`, item: nextItem ?? '' })
          : t('ui.lessons.allDone')}
      </Text>
      <Text dimColor wrap="truncate">
        {clusterLine(t, cluster)}
      </Text>
    </Box>
  );
}
