import { marked } from 'marked';
import { markedTerminal } from 'marked-terminal';

let configured = false;

/** Renders lesson prose for a terminal; plain markdown when colour is off (pipes, NO_COLOR). */
export function renderMarkdown(markdown: string, color: boolean, width = 80): string {
  if (!color) return markdown;
  if (!configured) {
    marked.use(markedTerminal({ width, reflowText: true, tab: 2 }));
    configured = true;
  }
  return (marked.parse(markdown, { async: false }) as string).trimEnd();
}
