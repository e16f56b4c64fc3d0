import type { Problem } from './problem.js';

/** A lesson's prose in one language, cut at its `<!-- step: id -->` / `<!-- exercise: id -->` markers. */
export interface ProseDoc {
  title: string;
  intro: string;
  steps: ProseStep[];
  exercises: ProseExercise[];
}

export interface CodeBlock {
  stepId: string;
  code: string;
  line: number;
}

export interface ProseStep {
  id: string;
  line: number;
  title: string;
  /** Markdown with the step's own code blocks left out: the runner shows the code it will run. */
  body: string;
  codeBlocks: CodeBlock[];
}

export interface ProseExercise {
  id: string;
  line: number;
  title: string;
  body: string;
  choices: { key: string; text: string; line: number }[];
  hints: { text: string; line: number }[];
}

const MARKER = /^<!--\s*(step|exercise|choice|hint)(?::\s*([a-z0-9][a-z0-9-]*))?\s*-->\s*$/;
const FENCE = /^(```+|~~~+)(.*)$/;

interface Block {
  marker: 'intro' | 'step' | 'exercise' | 'choice' | 'hint';
  id: string;
  line: number;
  lines: string[];
}

export function parseProse(text: string, file: string): { doc: ProseDoc; problems: Problem[] } {
  const problems: Problem[] = [];
  const blocks: Block[] = [{ marker: 'intro', id: '', line: 1, lines: [] }];
  let fence: string | null = null;

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const fenceMatch = FENCE.exec(raw);
    if (fenceMatch) {
      const mark = fenceMatch[1]!;
      if (fence === null) fence = mark;
      else if (mark.startsWith(fence) && fenceMatch[2]!.trim() === '') fence = null;
    }
    const marker = fence === null ? MARKER.exec(raw.trim()) : null;
    if (!marker) {
      blocks[blocks.length - 1]!.lines.push(raw);
      return;
    }
    const kind = marker[1] as Block['marker'];
    const markerId = marker[2] ?? '';
    if ((kind === 'step' || kind === 'exercise' || kind === 'choice') && !markerId) {
      problems.push({ file, line, key: 'lint.markerNeedsId', params: { marker: kind } });
    }
    blocks.push({ marker: kind, id: markerId, line, lines: [] });
  });

  const doc: ProseDoc = { title: '', intro: '', steps: [], exercises: [] };
  const intro = blocks[0]!;
  const titleIndex = intro.lines.findIndex((l) => /^#\s+\S/.test(l));
  if (titleIndex < 0) problems.push({ file, line: 1, key: 'lint.noTitle' });
  else {
    doc.title = intro.lines[titleIndex]!.replace(/^#\s+/, '').trim();
    intro.lines.splice(titleIndex, 1);
  }
  doc.intro = intro.lines.join('\n').trim();

  let exercise: ProseExercise | undefined;
  for (const block of blocks.slice(1)) {
    const body = block.lines.join('\n').trim();
    if (block.marker === 'step') {
      exercise = undefined;
      const { prose, codeBlocks } = extractStepCode(block, file, problems);
      doc.steps.push({ id: block.id, line: block.line, ...splitTitle(prose), codeBlocks });
    } else if (block.marker === 'exercise') {
      exercise = { id: block.id, line: block.line, ...splitTitle(body), choices: [], hints: [] };
      doc.exercises.push(exercise);
    } else if (!exercise) {
      problems.push({
        file,
        line: block.line,
        key: 'lint.markerOutsideExercise',
        params: { marker: block.marker },
      });
    } else if (block.marker === 'choice') {
      exercise.choices.push({ key: block.id, text: body, line: block.line });
    } else {
      exercise.hints.push({ text: body, line: block.line });
    }
  }
  return { doc, problems };
}

function splitTitle(markdown: string): { title: string; body: string } {
  const lines = markdown.split('\n');
  const index = lines.findIndex((l) => /^#{2,3}\s+\S/.test(l));
  if (index < 0) return { title: '', body: markdown };
  const title = lines[index]!.replace(/^#+\s+/, '').trim();
  lines.splice(index, 1);
  return { title, body: lines.join('\n').trim() };
}

/** Pulls out fenced blocks tagged `step=<id>`: the code that lesson.yaml owns. */
function extractStepCode(block: Block, file: string, problems: Problem[]) {
  const kept: string[] = [];
  const codeBlocks: CodeBlock[] = [];
  let current: CodeBlock | null = null;
  let fence = '';
  block.lines.forEach((raw, i) => {
    const line = block.line + 1 + i;
    const open = current === null ? FENCE.exec(raw) : null;
    const tag = open ? /\bstep=([a-z0-9-]+)/.exec(open[2]!) : null;
    if (open && tag) {
      if (tag[1] !== block.id) {
        problems.push({
          file,
          line,
          item: block.id,
          field: 'code',
          key: 'lint.codeTagMismatch',
          params: { tag: tag[1]! },
        });
      }
      current = { stepId: tag[1]!, code: '', line };
      fence = open[1]!;
      return;
    }
    if (current) {
      if (raw.trim() === fence) {
        codeBlocks.push({ ...current, code: current.code.replace(/\n$/, '') });
        current = null;
      } else current.code += raw + '\n';
      return;
    }
    kept.push(raw);
  });
  return { prose: kept.join('\n').trim(), codeBlocks };
}
