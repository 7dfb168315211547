/**
 * A small XML 1.0 well-formedness checker for tests (no dependency): one root element, tags
 * balanced and properly nested, attributes quoted and unique, only the five predefined and
 * numeric entities, no raw `<` or `&` in text or attribute values, no forbidden characters.
 * Returns the elements seen (name and decoded attributes, text of leaf elements).
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  text: string;
  readonly children: XmlElement[];
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;

function decode(text: string, where: string): string {
  if (/[<]/.test(text)) throw new Error(`raw "<" in ${where}`);
  return text.replaceAll(/&([^;]*);?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity in ${where}: ${whole}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity in named) return named[entity]!;
    const m = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(entity);
    if (m === null) throw new Error(`unknown entity &${entity}; in ${where}`);
    return String.fromCodePoint(m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : Number(m[1]));
  });
}

export function parseXml(xml: string): XmlElement {
  for (const ch of xml) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) {
      throw new Error(`forbidden character U+${c.toString(16)}`);
    }
  }
  let i = 0;
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (m === null) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    if (xml.startsWith('</', i)) {
      i += 2;
      const closing = name();
      skipSpace();
      if (xml[i++] !== '>') throw new Error(`bad closing tag ${closing}`);
      const open = stack.pop();
      if (open?.name !== closing) throw new Error(`</${closing}> closes <${open?.name ?? 'nothing'}>`);
    } else if (xml[i] === '<') {
      i++;
      const element: XmlElement = { name: name(), attributes: {}, text: '', children: [] };
      for (;;) {
        skipSpace();
        if (xml.startsWith('/>', i) || xml[i] === '>') break;
        const attribute = name();
        if (attribute in element.attributes) throw new Error(`duplicate attribute ${attribute}`);
        skipSpace();
        if (xml[i++] !== '=') throw new Error(`attribute ${attribute} without "="`);
        skipSpace();
        const quote = xml[i++];
        if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attribute}`);
        const end = xml.indexOf(quote, i);
        element.attributes[attribute] = decode(xml.slice(i, end), `attribute ${attribute}`);
        i = end + 1;
      }
      const parent = stack.at(-1);
      if (parent === undefined) {
        if (root !== null) throw new Error('more than one root element');
        root = element;
      } else parent.children.push(element);
      if (xml.startsWith('/>', i)) i += 2;
      else {
        i++;
        stack.push(element);
      }
    } else {
      const end = xml.indexOf('<', i);
      const text = xml.slice(i, end < 0 ? xml.length : end);
      const parent = stack.at(-1);
      if (parent === undefined) {
        if (text.trim() !== '') throw new Error('text outside the root element');
      } else parent.text += decode(text, `<${parent.name}> text`);
      i = end < 0 ? xml.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (root === null) throw new Error('no root element');
  return root;
}
