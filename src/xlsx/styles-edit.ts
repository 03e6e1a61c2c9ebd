import { CellStyle } from '../engine/write/plan';
import { BORDER_COLOUR } from '../engine/write/styles';
import { attributesOf, findElement, findElements, findStartTag, startTag } from './xml-scan';
import { appendInside, escapeXml, insertionPoint, rootPrefix, splice, withAttribute } from './xml-edit';

/** The lists of styles.xml Luoshi appends to, in schema order, with the tag of their entries. */
const LISTS = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['cellStyles', 'cellStyle'],
  ['dxfs', 'dxf'],
] as const;
type ListName = (typeof LISTS)[number][0];
const AFTER_STYLES = ['tableStyles', 'colors', 'extLst'];

/** Entries per list before Luoshi's; -1 for a list the part did not have. */
export type StyleCounts = Partial<Record<ListName, number>>;

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Entries of one list, as element texts. */
export function listEntries(xml: string, list: ListName): string[] {
  const block = findElement(xml, list);
  if (!block) return [];
  const entry = LISTS.find(([l]) => l === list)![1];
  return findElements(block.text, entry, block.text.indexOf('>') + 1).map((s) => s.text);
}

export function styleCounts(xml: string): StyleCounts {
  const counts: StyleCounts = {};
  for (const [list] of LISTS) counts[list] = findElement(xml, list) ? listEntries(xml, list).length : -1;
  return counts;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Adds the part's namespace prefix to every tag of a fragment written without one. */
function prefixed(fragment: string, prefix: string): string {
  return prefix ? fragment.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : fragment;
}

/**
 * Appends Luoshi's styles to styles.xml: never changes, reorders or removes an existing entry, so every
 * index the user's cells hold keeps its meaning. An entry identical to one already added by Luoshi
 * (index ≥ `ownFrom`) is reused, so running again adds nothing.
 */
export class StylesEditor {
  private readonly prefix: string;
  private readonly baseFont: { size: string; name: string; extra: string };

  constructor(
    private xml: string,
    private readonly ownFrom: StyleCounts,
  ) {
    this.prefix = rootPrefix(xml, 'styleSheet');
    const font0 = listEntries(xml, 'fonts')[0] ?? '';
    // Attribute values decoded (a name may be written &#23435;&#20307;): they are escaped again when written.
    const val = (tag: string) => {
      const element = findStartTag(font0, tag);
      return element ? (attributesOf(element.text).val ?? null) : null;
    };
    const family = val('family');
    const charset = val('charset');
    this.baseFont = {
      size: val('sz') ?? '11',
      name: val('name') ?? 'Calibri',
      extra: `${family ? `<family val="${escapeXml(family)}"/>` : ''}${charset ? `<charset val="${escapeXml(charset)}"/>` : ''}`,
    };
  }

  get result(): string {
    return this.xml;
  }

  /** Index of `entry` in `list`: an identical entry Luoshi added earlier, or a new one at the end. */
  private add(list: ListName, entry: string): number {
    const text = prefixed(entry, this.prefix);
    const entries = listEntries(this.xml, list);
    const from = Math.max(0, this.ownFrom[list] ?? entries.length);
    for (let i = from; i < entries.length; i++) if (entries[i] === text) return i;
    let block = findElement(this.xml, list);
    if (!block) {
      const following = [...LISTS.slice(LISTS.findIndex(([l]) => l === list) + 1).map(([l]) => l), ...AFTER_STYLES];
      const at = insertionPoint(this.xml, 'styleSheet', following);
      this.xml = splice(this.xml, at, at, prefixed(`<${list} count="0"></${list}>`, this.prefix));
      block = findElement(this.xml, list)!;
    }
    this.xml = appendInside(this.xml, block, text);
    block = findElement(this.xml, list)!;
    const count = entries.length + 1;
    this.xml = splice(this.xml, block.start, block.end, withAttribute(block.text, 'count', String(count)));
    return count - 1;
  }

  private numberFormat(code: string): number {
    for (const e of listEntries(this.xml, 'numFmts')) {
      const a = attributesOf(e);
      if (a.formatCode === code) return Number(a.numFmtId);
    }
    const used = listEntries(this.xml, 'numFmts').map((e) => Number(attributesOf(e).numFmtId) || 0);
    const id = Math.max(163, ...used) + 1;
    this.add('numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private font(s: CellStyle): number {
    if (!s.bold && !s.underline && !s.font && !s.size) return 0;
    const colour = s.font ? `<color rgb="${argb(s.font)}"/>` : '';
    return this.add(
      'fonts',
      `<font>${s.bold ? '<b/>' : ''}${s.underline ? '<u/>' : ''}<sz val="${escapeXml(String(s.size ?? this.baseFont.size))}"/>${colour}<name val="${escapeXml(this.baseFont.name)}"/>${this.baseFont.extra}</font>`,
    );
  }

  private fill(s: CellStyle): number {
    if (!s.fill) return 0;
    return this.add(
      'fills',
      `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
  }

  private border(s: CellStyle): number {
    if (!s.border) return 0;
    const side = (n: string) => `<${n} style="thin"><color rgb="${argb(BORDER_COLOUR)}"/></${n}>`;
    return this.add(
      'borders',
      `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`,
    );
  }

  /** A cell format (cellXfs index) for a plan style. */
  cellFormat(s: CellStyle): number {
    const numFmtId = s.numberFormat ? this.numberFormat(s.numberFormat) : 0;
    const fontId = this.font(s);
    const fillId = this.fill(s);
    const borderId = this.border(s);
    const align = [
      s.horizontal ? ` horizontal="${s.horizontal}"` : '',
      s.vertical ? ` vertical="${s.vertical}"` : '',
      s.wrap ? ' wrapText="1"' : '',
    ].join('');
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const body = align ? `><alignment${align}/></xf>` : '/>';
    return this.add(
      'cellXfs',
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${body}`,
    );
  }

  /** A differential format (dxfs index) for a conditional format: text colour and fill only. */
  differential(s: CellStyle): number {
    const font = s.font ? `<font><color rgb="${argb(s.font)}"/></font>` : '';
    const fill = s.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(s.fill)}"/></patternFill></fill>`
      : '';
    return this.add('dxfs', `<dxf>${font}${fill}</dxf>`);
  }
}

/** Styles Luoshi appended (entries from `counts` on), removed when nothing outside Luoshi's parts uses them. */
export function truncateStyles(xml: string, counts: StyleCounts): string {
  let out = xml;
  for (const [list, entry] of LISTS) {
    const keep = counts[list];
    if (keep === undefined) continue;
    const block = findElement(out, list);
    if (!block) continue;
    if (keep < 0) {
      out = splice(out, block.start, block.end, '');
      continue;
    }
    const entries = findElements(block.text, entry, block.text.indexOf('>') + 1);
    if (entries.length <= keep) continue;
    if (keep === 0) {
      // An empty list is written as Excel writes it: <dxfs count="0"/>.
      const open = startTag(block.text).replace(/\s*\/?>$/, '/>');
      out = splice(out, block.start, block.end, withAttribute(open, 'count', '0'));
      continue;
    }
    const cutFrom = block.start + entries[keep].start;
    const cutTo = block.start + entries[entries.length - 1].end;
    out = splice(out, cutFrom, cutTo, '');
    const shrunk = findElement(out, list)!;
    out = splice(out, shrunk.start, shrunk.end, withAttribute(shrunk.text, 'count', String(keep)));
  }
  return out;
}
