/**
 * Just enough XML for SpreadsheetML parts, by scanning: elements are matched with any namespace
 * prefix (x:c as well as c), attributes are read, the five predefined entities, character references
 * and OOXML's _xHHHH_ escapes are decoded. No DTD is ever processed: parts declaring one are refused
 * before they get here (see open-package.ts), which is what makes entity bombs harmless.
 */

/** name="value" or name='value'; global, so each use sets lastIndex to 0 first. */
export const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

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

/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Regex for <name …/> or <name …>…</name> with any prefix; group 1 = attributes, group 2 = content. */
export function elementPattern(name: string): RegExp {
  return new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`, 'g');
}

/** One pattern for every textOf call (a workbook has a shared string per row: 100k patterns were compiled). */
const TEXT_ELEMENT = elementPattern('t');

/** The concatenated text of every <t> in a fragment, skipping phonetic runs (<rPh>, furigana). */
export function textOf(fragment: string): string {
  const withoutPhonetic = fragment.indexOf('rPh') >= 0 ? fragment.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g, '') : fragment;
  const pattern = TEXT_ELEMENT;
  pattern.lastIndex = 0;
  let out = '';
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(withoutPhonetic))) out += m[2] ?? '';
  return decodeOoxmlEscapes(decodeEntities(out));
}
