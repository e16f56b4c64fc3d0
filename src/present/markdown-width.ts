import type { Marked } from 'marked';
import type { markedTerminal } from 'marked-terminal';
import { wrapText } from './wrap.js';

const renderers = new Map<number, Marked>();

/**
 * marked and marked-terminal load after the UI's first frame (marked-terminal alone takes ~100-200 ms to
 * import): until then prose shows as wrapped plain markdown, and Markdown draws again once they are here.
 */
let lib: { Marked: typeof Marked; markedTerminal: typeof markedTerminal } | undefined;
let loading: Promise<void> | undefined;
export function loadMarkdownRenderer(): Promise<void> {
  loading ??= Promise.all([import('marked'), import('marked-terminal')]).then(([m, t]) => {
    lib = { Marked: m.Marked, markedTerminal: t.markedTerminal };
  });
  return loading;
}
export const markdownRendererReady = () => lib !== undefined;

/**
 * Lesson prose for a pane `width` columns wide, as lines: styled by marked-terminal when colour is on,
 * plain markdown wrapped at the width when it is off (NO_COLOR, a dumb terminal).
 */
export function markdownLines(source: string, color: boolean, width: number): readonly string[] {
  const styled = color && lib !== undefined;
  const key = `${styled ? 1 : 0}:${width}:${source}`;
  const known = rendered.get(key);
  if (known) return known;
  const lines = renderLines(source, styled, Math.max(20, width));
  if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, lines);
  return lines;
}

/**
 * The UI asks for the same prose at the same width on every frame (its height to share the screen, then
 * its lines): the last few renderings are kept, oldest dropped first.
 */
const RENDERED_KEPT = 32;
const rendered = new Map<string, readonly string[]>();

function renderLines(source: string, styled: boolean, w: number): string[] {
  const markdown = unwrapSoftBreaks(source);
  if (!styled || !lib) return markdown.split('\n').flatMap((line) => wrapText(line, w));
  let marked = renderers.get(w);
  if (!marked) {
    marked = new lib.Marked();
    marked.use(lib.markedTerminal({ width: w, reflowText: true, tab: 2 }));
    renderers.set(w, marked);
  }
  const text = (marked.parse(markdown, { async: false }) as string).replace(/\n+$/, '');
  return text.split('\n').flatMap((line) => wrapText(inlineLeftovers(line), w));
}

/** marked-terminal leaves inline markdown inside list items as it is: style it the same way. */
function inlineLeftovers(line: string): string {
  return line
    .replace(/\*\*([^*\n]+)\*\*/g, '\x1b[1m$1\x1b[22m')
    .replace(/(^|[^*\w])\*([^*\s][^*\n]*?)\*(?!\w)/g, '$1\x1b[3m$2\x1b[23m')
    .replace(/`([^`\n]+)`/g, '\x1b[33m$1\x1b[39m');
}

const BLOCK_START = /^\s*([-*+]\s|\d+\.\s|#|\||>|```|~~~)/;

/** Joins lines the author wrapped by hand (list items included), so the text reflows at any width. */
export function unwrapSoftBreaks(markdown: string): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    const fence = /^\s*(```|~~~)/.test(line);
    const prev = out[out.length - 1];
    const joinable =
      !fenced &&
      !fence &&
      prev !== undefined &&
      prev.trim() !== '' &&
      line.trim() !== '' &&
      !BLOCK_START.test(line) &&
      !/^\s*(#|\||```|~~~)/.test(prev) &&
      !/ {2}$/.test(prev);
    if (joinable) out[out.length - 1] = `${prev} ${line.trim()}`;
    else out.push(line);
    if (fence) fenced = !fenced;
  }
  return out.join('\n');
}
