import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import {
  loadMarkdownRenderer,
  markdownLines,
  markdownRendererReady,
} from '../../present/markdown-width.js';
import { useLook } from '../context.js';

/** Lesson prose rendered by marked-terminal at the pane's width, cut to `height` lines from `scroll`. */
export function Markdown({
  source,
  width,
  height,
  scroll = 0,
}: {
  source: string;
  width: number;
  height: number;
  scroll?: number;
}) {
  const look = useLook();
  // The styled renderer loads after the first frame; the prose is drawn again once it is here.
  const [styled, setStyled] = useState(markdownRendererReady);
  useEffect(() => {
    if (look.color && !styled) void loadMarkdownRenderer().then(() => setStyled(true));
  }, [look.color, styled]);
  const lines = useMemo(
    () => markdownLines(source, look.color && styled, width),
    [source, look.color, styled, width],
  );
  const top = Math.min(scroll, Math.max(0, lines.length - 1));
  const room = Math.max(1, height);
  const more = lines.length - top > room;
  const shown = lines.slice(top, top + (more ? room - 1 : room));
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line || ' '}
        </Text>
      ))}
      {more ? (
        <Text dimColor>{look.t('ui.more', { count: lines.length - top - shown.length })}</Text>
      ) : null}
    </Box>
  );
}

/** How many lines the prose takes at this width, to share the screen's height. */
export const markdownHeight = (source: string, color: boolean, width: number) =>
  markdownLines(source, color, width).length;
