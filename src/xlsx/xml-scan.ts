/**
 * Just enough XML for SpreadsheetML parts, by scanning; the one place that knows what an element looks
 * like. Elements are found by name with any namespace prefix (x:c as well as c), with their positions
 * (for editing in place), start tags, attributes and content; the five predefined entities, character
 * references and OOXML's _xHHHH_ escapes are decoded. Not for elements that nest in themselves (none
 * of those Luoshi looks for do). No DTD is ever processed: parts declaring one are refused before they
 * get here (see open-package.ts), which is what makes entity bombs harmless.
 */

/** name="value" or name='value'; global, so each use sets lastIndex to 0 first. */
export const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The attributes of a start tag (or of the attribute text inside one), values decoded. A prefixed
 * name is also given without its prefix as ":name" (r:id as ":id"), except namespace declarations.
 */
export function attributes(tagText: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTRIBUTE.exec(tagText))) {
    const name = m[1];
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    out[name] = value;
    const colon = name.indexOf(':');
    if (colon >= 0 && name.slice(0, colon) !== 'xmlns') out[`:${name.slice(colon + 1)}`] = value;
  }
  return out;
}

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/**
 * Character data as written in an element: entities decoded outside CDATA sections, a CDATA section's
 * text taken as it stands (its markup dropped, "&amp;" inside it kept literally).
 */
export function decodeText(text: string): string {
  if (text.indexOf('<![CDATA[') < 0) return decodeEntities(text);
  let out = '';
  let at = 0;
  CDATA.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CDATA.exec(text))) {
    out += decodeEntities(text.slice(at, m.index)) + m[1];
    at = m.index + m[0].length;
  }
  return out + decodeEntities(text.slice(at));
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An element (or a start tag) found in a part: where it starts and ends, and its text. */
export interface Span {
  start: number;
  end: number;
  /** The element's full text, start tag to end tag. */
  text: string;
}

/**
 * The scanner itself: a global pattern for <name …/> or <name …>…</name> with any prefix; group 1 =
 * the start tag's attribute text, group 2 = the content (undefined when self-closing). findElements
 * is built on it; per-row loops (sheet rows, cells, shared strings) exec it directly, without a Span
 * per element. `flags` "y" makes it match only at lastIndex.
 */
export function elementPattern(name: string, flags = 'g'): RegExp {
  return new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`, flags);
}

/** Every <name> element (any prefix) that starts from `from` on and before `to`, in order. */
export function findElements(xml: string, name: string, from = 0, to = xml.length): Span[] {
  return collect(elementPattern(name), xml, from, to, Infinity);
}

/** The first <name> element (any prefix) from `from` on, or null. */
export function findElement(xml: string, name: string, from = 0): Span | null {
  return collect(elementPattern(name), xml, from, xml.length, 1)[0] ?? null;
}

/** Start tags <name …> or <name …/> (any prefix) from `from` on and before `to`: where an element begins, without finding its end. */
export function findStartTags(xml: string, name: string, from = 0, to = xml.length): Span[] {
  return collect(startTagPattern(name), xml, from, to, Infinity);
}

/** The first start tag <name …> or <name …/> (any prefix) from `from` on, or null. */
export function findStartTag(xml: string, name: string, from = 0): Span | null {
  return collect(startTagPattern(name), xml, from, xml.length, 1)[0] ?? null;
}

function startTagPattern(name: string): RegExp {
  return new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^>]*>`, 'g');
}

function collect(pattern: RegExp, xml: string, from: number, to: number, most: number): Span[] {
  pattern.lastIndex = from;
  const out: Span[] = [];
  let m: RegExpExecArray | null;
  while (out.length < most && (m = pattern.exec(xml)) && m.index < to)
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/**
 * Where the last end tag </name> (any prefix) starts, or -1. Searched backwards from the end of the
 * text, so the large element it closes (a worksheet's sheetData) is not scanned. Text cannot hold "<",
 * so "</" before the name is an end tag.
 */
export function lastEndTag(xml: string, name: string): number {
  for (let i = xml.lastIndexOf(name); i > 0; i = xml.lastIndexOf(name, i - 1)) {
    const open = xml.lastIndexOf('<', i);
    if (
      open >= 0 &&
      END_TAG_START.test(xml.slice(open, i)) &&
      END_TAG_END.test(xml.slice(i + name.length, i + name.length + 64))
    )
      return open;
  }
  return -1;
}

const END_TAG_START = /^<\/(?:[\w.-]+:)?$/;
const END_TAG_END = /^\s*>/;

/** An element's start tag: its text up to the first ">". */
export function startTag(element: string): string {
  return element.slice(0, element.indexOf('>') + 1);
}

/** The attributes of an element's start tag (see attributes). */
export function attributesOf(element: string): Record<string, string> {
  return attributes(startTag(element));
}

/** An element's content between its start and end tags, undecoded; "" when self-closing. */
export function innerXml(element: string): string {
  return element.endsWith('/>') ? '' : element.slice(element.indexOf('>') + 1, element.lastIndexOf('</'));
}

/** An element's name as written, prefix included ("x:c"). */
export function elementName(element: string): string {
  return /^<([\w.:-]+)/.exec(element)![1];
}

/** One pattern for every textOf call (a workbook has a shared string per row: 100k patterns were compiled). */
const TEXT_ELEMENT = elementPattern('t');

/** The concatenated text of every <t> in a fragment, skipping phonetic runs (<rPh>, furigana). */
export function textOf(fragment: string): string {
  const withoutPhonetic =
    fragment.indexOf('rPh') >= 0
      ? fragment.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g, '')
      : fragment;
  const pattern = TEXT_ELEMENT;
  pattern.lastIndex = 0;
  let out = '';
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(withoutPhonetic))) out += m[2] ?? '';
  return decodeOoxmlEscapes(decodeText(out));
}
