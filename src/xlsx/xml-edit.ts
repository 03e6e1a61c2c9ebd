import { attributes, elementName, findStartTag, lastEndTag, Span } from './xml-scan';

/**
 * Careful string edits of SpreadsheetML parts: find an element, insert before the element that must
 * follow it in the schema's order, escape text. Everything not edited stays byte for byte as it was,
 * which is the point: a parsed-and-reserialised part would lose what the parser does not know.
 * Elements are found with xml-scan.ts.
 */

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`,
    );
}

/** The namespace prefix the part uses for its root element ("x:" in <x:worksheet>), or "". */
export function rootPrefix(xml: string, root: string): string {
  const tag = findStartTag(xml, root);
  const name = tag ? elementName(tag.text) : '';
  return name.slice(0, name.indexOf(':') + 1);
}

/** The prefix the root element binds to a namespace URI (xmlns:r="…" gives "r"), or null when it declares none. */
export function prefixFor(xml: string, root: string, uri: string): string | null {
  const tag = findStartTag(xml, root);
  const declared = Object.entries(tag ? attributes(tag.text) : {}).find(
    ([name, value]) => name.startsWith('xmlns:') && value === uri,
  );
  return declared ? declared[0].slice('xmlns:'.length) : null;
}

/** Position of the root element's end tag, the last thing in the part but white space; -1 when it has none (<sst/>). */
export function rootEnd(xml: string, root: string): number {
  const at = lastEndTag(xml, root);
  return at >= 0 && xml.slice(xml.indexOf('>', at) + 1).trim() === '' ? at : -1;
}

/** As rootEnd, for parts that must have one: throws when there is none. */
export function rootClose(xml: string, root: string): number {
  const at = rootEnd(xml, root);
  if (at < 0) throw new Error(`no closing </${root}>`);
  return at;
}

/**
 * Where an element must go so the schema's order holds: before the first of `following` present in
 * the part (searched as start tags from `from` on), else before the root's closing tag.
 */
export function insertionPoint(xml: string, root: string, following: string[], from = 0): number {
  let best = rootClose(xml, root);
  for (const name of following) {
    const hit = findStartTag(xml, name, from);
    if (hit && hit.start < best) best = hit.start;
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
    return splice(xml, span.start, span.end, `${open}${content}</${elementName(span.text)}>`);
  }
  return splice(xml, span.start + close, span.start + close, content);
}

/** Sets (or adds) an attribute on an element's start tag, given the element's text. */
export function withAttribute(element: string, name: string, value: string): string {
  const tagEnd = element.indexOf('>');
  const tag = element.slice(0, tagEnd + 1);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(["'])[^"']*\\2`);
  const newTag = re.test(tag)
    ? tag.replace(re, `$1"${escapeXml(value)}"`)
    : tag.replace(/(\s*\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
  return newTag + element.slice(tagEnd + 1);
}

/** Quotes a sheet name for a formula or defined name: '台账', with ' doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
