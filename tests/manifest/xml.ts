// A small, strict XML parser for the manifest tests (no dependency): elements, attributes, text.
// It rejects what is not well-formed: unbalanced or crossed tags, more than one root, text or markup
// outside the root, duplicate attributes, unquoted attributes, stray "<" or "&", unknown entities.
// Not supported (not used by manifests): DOCTYPE, CDATA, processing instructions after the prolog.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag. */
  line: number;
  parent: XmlElement | null;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function decodeEntities(s: string, line: number): string {
  return s.replace(/&([^;\s&<]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new Error(`line ${line}: "&" must start an entity (use &amp;)`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in named) return named[body];
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
    if (num) return String.fromCodePoint(num[1][0] === 'x' ? parseInt(num[1].slice(1), 16) : parseInt(num[1], 10));
    throw new Error(`line ${line}: unknown entity &${body};`);
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  let line = 1;
  const advance = (n: number) => {
    for (let k = 0; k < n; k++) if (source[i + k] === '\n') line++;
    i += n;
  };
  // Prolog: optional BOM and XML declaration.
  if (source.charCodeAt(0) === 0xfeff) i = 1;
  if (source.startsWith('<?xml', i)) {
    const end = source.indexOf('?>', i);
    if (end < 0) throw new Error('unterminated XML declaration');
    advance(end + 2 - i);
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let rootClosed = false;

  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const chunk = source.slice(i, lt < 0 ? source.length : lt);
    if (chunk.includes('>')) throw new Error(`line ${line}: stray ">" in text`);
    const text = decodeEntities(chunk, line);
    if (stack.length === 0) {
      if (text.trim()) throw new Error(`line ${line}: text outside the root element`);
    } else {
      stack[stack.length - 1].text += text;
    }
    advance(chunk.length);
    if (lt < 0) break;

    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) throw new Error(`line ${line}: unterminated comment`);
      if (source.slice(i + 4, end).includes('--')) throw new Error(`line ${line}: "--" inside a comment`);
      advance(end + 3 - i);
      continue;
    }
    if (source.startsWith('<!', i) || source.startsWith('<?', i)) throw new Error(`line ${line}: unsupported markup ${source.slice(i, i + 9)}`);

    if (source.startsWith('</', i)) {
      const m = NAME.exec(source.slice(i + 2));
      if (!m) throw new Error(`line ${line}: bad end tag`);
      const after = source.slice(i + 2 + m[0].length);
      const close = /^\s*>/.exec(after);
      if (!close) throw new Error(`line ${line}: bad end tag </${m[0]}`);
      const open = stack.pop();
      if (!open) throw new Error(`line ${line}: end tag </${m[0]}> without a start tag`);
      if (open.name !== m[0]) throw new Error(`line ${line}: </${m[0]}> closes <${open.name}> (line ${open.line})`);
      if (stack.length === 0) rootClosed = true;
      advance(2 + m[0].length + close[0].length);
      continue;
    }

    // Start tag.
    const m = NAME.exec(source.slice(i + 1));
    if (!m) throw new Error(`line ${line}: "<" that starts no tag`);
    if (rootClosed || (stack.length === 0 && root)) throw new Error(`line ${line}: a second root element <${m[0]}>`);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '', line, parent: stack[stack.length - 1] ?? null };
    advance(1 + m[0].length);
    for (;;) {
      const ws = /^\s*/.exec(source.slice(i))![0];
      advance(ws.length);
      if (source.startsWith('/>', i)) {
        advance(2);
        if (el.parent) el.parent.children.push(el);
        else {
          root = el;
          rootClosed = true;
        }
        break;
      }
      if (source[i] === '>') {
        advance(1);
        if (el.parent) el.parent.children.push(el);
        else root = el;
        stack.push(el);
        break;
      }
      if (!ws) throw new Error(`line ${line}: attributes of <${el.name}> must be separated by spaces`);
      const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(i));
      if (!a) throw new Error(`line ${line}: bad attribute in <${el.name}>: ${source.slice(i, i + 30)}`);
      if (a[1] in el.attrs) throw new Error(`line ${line}: duplicate attribute ${a[1]} in <${el.name}>`);
      el.attrs[a[1]] = decodeEntities(a[3] ?? a[4], line);
      advance(a[0].length);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line})`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Local name without the namespace prefix: "bt:Image" -> "Image". */
export const local = (el: XmlElement): string => el.name.replace(/^.*:/, '');

/** Every element below `el` (depth first), `el` included. */
export function descendants(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(descendants)];
}

/** Descendants with this local name. */
export function all(el: XmlElement, localName: string): XmlElement[] {
  return descendants(el).filter((e) => local(e) === localName);
}

/** The single child with this local name (throws when missing or repeated). */
export function child(el: XmlElement, localName: string): XmlElement {
  const found = el.children.filter((c) => local(c) === localName);
  if (found.length !== 1) throw new Error(`<${el.name}> (line ${el.line}) has ${found.length} <${localName}> children`);
  return found[0];
}

/** "OfficeApp/VersionOverrides/Hosts…": where an element is, for messages. */
export function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) parts.unshift(local(e));
  return parts.join('/');
}
