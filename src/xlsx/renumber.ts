import { attributesOf, findElement, findElements, startTag } from './xml-scan';
import { splice, withAttribute } from './xml-edit';

/*
 * When another application (LibreOffice, WPS) has re-saved a checked workbook, its shared strings and
 * cell formats are renumbered, and Luoshi's entries sit among the user's instead of after them. Clear
 * then takes out the entries nothing uses any more and renumbers the cells that point past them; the
 * verification (verify-package.ts) aligns the lists before and after and checks every user cell still
 * shows the same text in the same format. A list entry is one element: <si> (ECMA-376 Part 1 §18.4.8),
 * <xf> of <cellXfs> (§18.8.45); a cell points at them by s="N" (on <c> and <row>, style="N" on <col>)
 * and, for t="s", by the number in its <v> (§18.3.1.4).
 */

/** Start tags of <c>, <row> and <col> (any prefix), with their attributes. */
const STYLED_TAG = /<((?:[\w.-]+:)?)(c|row|col)(?=[\s/>])([^>]*)>/g;

/** A cell of type "s" up to the number in its <v> (a formula may come first). */
const SHARED_CELL =
  /(<(?:[\w.-]+:)?c(?=[\s/>])[^>]*?\bt\s*=\s*["']s["'][^>]*>\s*(?:<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>[^<]*<\/(?:[\w.-]+:)?f>)\s*)?<(?:[\w.-]+:)?v>\s*)(\d+)/g;

/** A worksheet with every cell-format index `n` (s= on cells and rows, style= on columns) as `map(n)`. */
export function renumberStyles(xml: string, map: (n: number) => number | string): string {
  return xml.replace(STYLED_TAG, (tag: string, prefix: string, name: string, attrs: string) => {
    const attr = name === 'col' ? 'style' : 's';
    const re = new RegExp(`(\\s${attr}\\s*=\\s*["'])(\\d+)(["'])`);
    const m = re.exec(attrs);
    if (!m) return tag;
    const to = map(Number(m[2]));
    return to === Number(m[2]) ? tag : tag.replace(re, `$1${to}$3`);
  });
}

/** A worksheet with every shared-string index `n` (the <v> of t="s" cells) as `map(n)`. */
export function renumberStrings(xml: string, map: (n: number) => number | string): string {
  return xml.replace(SHARED_CELL, (_: string, head: string, n: string) => `${head}${map(Number(n))}`);
}

/** Every cell-format index a worksheet uses (cells, rows, columns). */
export function stylesUsed(xml: string, into = new Set<number>()): Set<number> {
  renumberStyles(xml, (n) => (into.add(n), n));
  return into;
}

/** Every shared-string index a worksheet uses, and how many cells use one. */
export function stringsUsed(xml: string, into = new Set<number>()): { used: Set<number>; cells: number } {
  let cells = 0;
  renumberStrings(xml, (n) => (into.add(n), cells++, n));
  return { used: into, cells };
}

/** Old index → new index once the entries not in `keep` are taken out of a list of `length`. */
export function compacted(length: number, keep: (i: number) => boolean): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0, j = 0; i < length; i++) if (keep(i)) map.set(i, j++);
  return map;
}

/**
 * The entries of list `list` (child `entry`) in `xml` with only those `map` keeps; `counts` gives the
 * list's count attributes for the number kept (only attributes the list already has are set). The part
 * as it was when nothing is taken out.
 */
export function withEntries(
  xml: string,
  list: string,
  entry: string,
  map: Map<number, number>,
  counts: (kept: number) => Record<string, number> = (kept) => ({ count: kept }),
): string {
  const block = findElement(xml, list);
  if (!block) return xml;
  const open = startTag(block.text);
  const entries = findElements(block.text, entry, open.length);
  if (map.size === entries.length) return xml;
  const kept = entries.filter((_, i) => map.has(i)).map((e) => e.text);
  let tag = open;
  for (const [name, value] of Object.entries(counts(kept.length)))
    if (attributesOf(tag)[name] !== undefined) tag = withAttribute(tag, name, String(value));
  const close = block.text.slice(block.text.lastIndexOf('</'));
  return splice(xml, block.start, block.end, `${tag}${kept.join('')}${close}`);
}

/**
 * How `after` sits in `before` when clear took entries out: before index → after index for each entry
 * kept (same text, same order); null when `after` is not `before` with entries taken out.
 */
export function alignTakenOut(before: readonly string[], after: readonly string[]): Map<number, number> | null {
  if (after.length > before.length) return null;
  const map = new Map<number, number>();
  let j = 0;
  for (let i = 0; i < before.length && j < after.length; i++) if (before[i] === after[j]) map.set(i, j++);
  return j === after.length ? map : null;
}

/** Old index → new index of the cell formats and shared strings kept; null for a list left whole. */
export interface TakenOut {
  xfs: Map<number, number> | null;
  strings: Map<number, number> | null;
}
