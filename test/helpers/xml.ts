/**
 * A small strict XML parser for tests: refuses what is not well-formed (unclosed or crossed tags,
 * a raw < or & in text or attributes, unknown entities, duplicate attributes, more than one root).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: string): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text))
    throw new Error(`bad character or entity in ${where}: ${text}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e]!,
  );
}

function parseAttributes(source: string, tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const re = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'y');
  let rest = source;
  while (rest.trim() !== '') {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m) throw new Error(`bad attributes in <${tag}>: ${rest}`);
    if (m[1]! in attributes) throw new Error(`duplicate attribute ${m[1]} in <${tag}>`);
    attributes[m[1]!] = decode(m[2] ?? m[3] ?? '', `attribute ${m[1]}`);
    rest = rest.slice(m[0].length);
  }
  return attributes;
}

export function parseXml(source: string): XmlElement {
  let text = source.replace(/^\uFEFF/, '');
  const decl = /^<\?xml[^?]*\?>\s*/.exec(text);
  if (decl) text = text.slice(decl[0].length);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const token = new RegExp(
    `<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>|<!--[\\s\\S]*?-->|([^<]+)|(<)`,
    'g',
  );
  for (const m of text.matchAll(token)) {
    const [whole, closing, name, attrText, selfClosing, chars, stray] = m;
    if (stray) throw new Error(`stray < at ${m.index}: ${text.slice(m.index, m.index + 40)}`);
    if (whole.startsWith('<!--')) continue;
    if (chars !== undefined) {
      if (stack.length === 0) {
        if (chars.trim() !== '') throw new Error(`text outside the root: ${chars}`);
        continue;
      }
      stack[stack.length - 1]!.text += decode(chars, `<${stack[stack.length - 1]!.name}>`);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const element: XmlElement = {
      name: name!,
      attributes: parseAttributes(attrText ?? '', name!),
      children: [],
      text: '',
    };
    if (stack.length === 0) {
      if (root) throw new Error('more than one root element');
      root = element;
    } else stack[stack.length - 1]!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export const childrenNamed = (e: XmlElement, name: string) =>
  e.children.filter((c) => c.name === name);
