/**
 * Careful string edits of SpreadsheetML parts: find an element, insert before the element that must
 * follow it in the schema's order, escape text. Everything not edited stays byte for byte as it was,
 * which is the point: a parsed-and-reserialised part would lose what the parser does not know.
 */

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

/** The namespace prefix the part uses for its root element ("x:" in <x:worksheet>), or "". */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${root}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

/** The prefix bound to a namespace URI on the root element, or null when it is not declared. */
export function prefixFor(xml: string, uri: string): string | null {
  const rootEnd = xml.indexOf('>', xml.search(/<[\w.:-]+[\s>]/));
  const head = xml.slice(0, rootEnd + 1);
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${uri.replace(/[.]/g, '\\.')}["']`).exec(head);
  return m ? m[1] : null;
}

export interface Span {
  start: number;
  end: number;
  /** The element's full text. */
  text: string;
}

/** Every <name …/> or <name …>…</name> (any prefix), in order. Not for elements that nest in themselves. */
export function findElements(xml: string, name: string, from = 0, to = xml.length): Span[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${name}\\s*>)`, 'g');
  pattern.lastIndex = from;
  const out: Span[] = [];
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml)) && m.index < to) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

export function findElement(xml: string, name: string, from = 0): Span | null {
  return findElements(xml, name, from)[0] ?? null;
}

/** Position of the root element's closing tag. */
export function rootClose(xml: string, root: string): number {
  const m = new RegExp(`</(?:[\\w.-]+:)?${root}\\s*>\\s*$`).exec(xml);
  if (!m) throw new Error(`no closing </${root}>`);
  return m.index;
}

/**
 * Where an element must go so the schema's order holds: before the first of `following` present in
 * the part (searched as direct tags), else before the root's closing tag.
 */
export function insertionPoint(xml: string, root: string, following: string[], from = 0): number {
  let best = rootClose(xml, root);
  for (const name of following) {
    const m = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])`, 'g');
    m.lastIndex = from;
    const hit = m.exec(xml);
    if (hit && hit.index < best) best = hit.index;
  }
  return best;
}

export function splice(xml: string, start: number, end: number, insert: string): string {
  return xml.slice(0, start) + insert + xml.slice(end);
}

/** Inserts `content` just before the closing tag of the element spanned by `span` (which must not be self-closing). */
export function appendInside(xml: string, span: Span, content: string): string {
  const close = span.text.lastIndexOf('</');
  if (close < 0) {
    // <sheets/> → <sheets>content</sheets>
    const open = span.text.replace(/\s*\/>$/, '>');
    const name = /^<([\w.:-]+)/.exec(span.text)![1];
    return splice(xml, span.start, span.end, `${open}${content}</${name}>`);
  }
  return splice(xml, span.start + close, span.start + close, content);
}

/** Sets (or adds) an attribute on an element's start tag, given the element's text. */
export function withAttribute(element: string, name: string, value: string): string {
  const tagEnd = element.indexOf('>');
  const tag = element.slice(0, tagEnd + 1);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(["'])[^"']*\\2`);
  const newTag = re.test(tag) ? tag.replace(re, `$1"${escapeXml(value)}"`) : tag.replace(/(\s*\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
  return newTag + element.slice(tagEnd + 1);
}

/** Quotes a sheet name for a formula or defined name: '台账', with ' doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
