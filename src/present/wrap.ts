/* eslint-disable no-control-regex -- colour codes start with ESC, which is what these patterns find. */
const SGR = /\x1b\[[0-9;]*m/y;
const RESET = '\x1b[0m';

/** Visible length of a line that may hold colour codes. */
export const visibleLength = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, '').length;

/**
 * Wraps one line at `width` visible columns, at spaces where it can, keeping colour codes: a cut line
 * is reset at its end and its styles are opened again on the next. Continuation lines keep the
 * indentation of a list item.
 */
export function wrapText(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
  const indent = ' '.repeat(
    Math.min(Math.floor(width / 2), /^\s*(?:[-*•]\s+|\d+\.\s+)?/.exec(plain)![0].length),
  );
  const units: { ch: string; codes: string }[] = [];
  let codes = '';
  for (let i = 0; i < line.length;) {
    SGR.lastIndex = i;
    const m = SGR.exec(line);
    if (m) {
      codes = m[0] === RESET || m[0] === '\x1b[m' ? '' : codes + m[0];
      units.push({ ch: m[0], codes: '' });
      i += m[0].length;
      continue;
    }
    units.push({ ch: line[i]!, codes });
    i++;
  }
  const out: string[] = [];
  let current: typeof units = [];
  let visible = 0;
  let lastSpace = -1;
  const flush = (upTo: number) => {
    const head = current.slice(0, upTo);
    out.push(
      (head.map((u) => u.ch).join('') + (line.includes('\x1b') ? RESET : '')).replace(
        /\s+(\x1b\[0m)?$/,
        '$1',
      ),
    );
    const rest = current.slice(upTo).filter((u, i) => !(i === 0 && u.ch === ' '));
    const reopen = rest.find((u) => u.ch.length === 1)?.codes ?? '';
    current = [{ ch: indent + reopen, codes: '' }, ...rest];
    visible = indent.length + rest.filter((u) => u.ch.length === 1).length;
    lastSpace = -1;
  };
  for (const u of units) {
    current.push(u);
    if (u.ch.length !== 1) continue;
    visible++;
    if (u.ch === ' ' && visible > indent.length + 1) lastSpace = current.length - 1;
    if (visible > width) flush(lastSpace > 0 ? lastSpace : current.length - 1);
  }
  const tail = current.map((u) => u.ch).join('');
  if (tail.replace(/\x1b\[[0-9;]*m/g, '').trim()) out.push(tail);
  return out;
}
