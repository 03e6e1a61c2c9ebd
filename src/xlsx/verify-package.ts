import { cellAddress, cellPosition, columnLetter } from '../engine/model/workbook';
import {
  definedNames,
  isLuoshiName,
  isOwnConditionalFormat,
  MARK,
  parseColumnRange,
  parseCounts,
  sheetRefs,
} from './luoshi-marks';
import { entryStart, stringCounts, stringCountsOfMark, withoutCounts } from './shared-strings-edit';
import { listEntries, StyleCounts } from './styles-edit';
import { isLuoshiStylesPart } from './clear-owned';
import { splitAround, statusWidthRemoved } from './col-ranges';
import { alignTakenOut, renumberStrings, renumberStyles, TakenOut } from './renumber';
import { restorePrintSetup } from './apply-plan';
import { partsBelow } from './chart-part';
import {
  attributesOf,
  elementPattern,
  findElement,
  findElements,
  findStartTag,
  lastEndTag,
  startTag,
} from './xml-scan';
import { rootClose } from './xml-edit';
import { relsPathOf, WorkbookPackage } from './workbook-package';

/**
 * Part names as reading resolves them: the same regardless of case (OPC part names are compared
 * case-insensitively, and a relationship may say sheet1.xml for the entry Sheet1.xml).
 */
const key = (path: string) => path.replace(/^\//, '').toLowerCase();

/** What Luoshi owns in a package, read from its marks (part names as `key` gives them). */
async function ownedBy(pkg: WorkbookPackage): Promise<{
  parts: Set<string>;
  statusColumns: Map<string, number>;
  /** Print marks (_luoshi_print) by breakdown sheet part: the print settings Luoshi set there. */
  printMarks: Map<string, string>;
  styleCounts: Record<string, number> | null;
  stringCount: number | null;
}> {
  const wb = await pkg.required(pkg.workbookPath);
  const sheets = await pkg.sheets();
  const parts = new Set<string>();
  const statusColumns = new Map<string, number>();
  const printMarks = new Map<string, string>();
  let styleCounts: Record<string, number> | null = null;
  let stringCount: number | null = null;
  for (const n of definedNames(wb)) {
    if (n.name === MARK.sheet && n.localSheetId !== null) {
      const part = sheets[n.localSheetId]?.partPath;
      if (part) parts.add(key(part)).add(key(relsPathOf(part)));
      // Its drawing and chart (chart-part.ts) are Luoshi's as much as the sheet.
      if (part) for (const below of await partsBelow(pkg, part)) parts.add(key(below));
    }
    if (n.name === MARK.print && n.localSheetId !== null) {
      const part = sheets[n.localSheetId]?.partPath;
      if (part) printMarks.set(key(part), n.value);
    }
    if (n.name === MARK.status && n.localSheetId !== null) {
      const range = parseColumnRange(n.value);
      const part = sheets[n.localSheetId]?.partPath;
      if (range && part) statusColumns.set(key(part), range.col);
    }
    if (n.name === MARK.styles) styleCounts = parseCounts(n.value);
    if (n.name === MARK.strings) stringCount = stringCountsOfMark(parseCounts(n.value))?.si ?? null;
  }
  // A styles part Luoshi made for a workbook that had none is Luoshi's (clear takes it out whole).
  const stylesPath = await pkg.stylesPath();
  const styles = stylesPath ? await pkg.text(stylesPath) : null;
  if (stylesPath && styles && isLuoshiStylesPart(styles, styleCounts as StyleCounts | null)) parts.add(key(stylesPath));
  return { parts, statusColumns, printMarks, styleCounts, stringCount };
}

/** Cells by reference, and row start tags by row number. */
function cellsOf(xml: string): { cells: Map<string, string>; rows: Map<number, string> } {
  const cells = new Map<string, string>();
  const rows = new Map<number, string>();
  const data = findElement(xml, 'sheetData');
  if (!data) return { cells, rows };
  let nextRow = 1;
  for (const row of findElements(data.text, 'row')) {
    const open = startTag(row.text);
    const r = Number(attributesOf(row.text).r ?? nextRow);
    nextRow = r + 1;
    rows.set(r, open.replace(/\/>$/, '>'));
    let nextCol = 0;
    for (const cell of findElements(row.text, 'c')) {
      const ref = attributesOf(cell.text).r;
      const col = (ref ? cellPosition(ref)?.col : undefined) ?? nextCol;
      nextCol = col + 1;
      cells.set(`${r}:${col}`, cell.text);
    }
  }
  return { cells, rows };
}

const ROW = elementPattern('row');

/** Row elements by their r attribute; null when a row has none (then rows are compared cell by cell). */
function rowTexts(xml: string): Map<number, string> | null {
  const data = findElement(xml, 'sheetData');
  const rows = new Map<number, string>();
  if (!data) return rows;
  for (const m of data.text.matchAll(ROW)) {
    const r = /^<[^>]*?\sr="(\d+)"/.exec(m[0]);
    if (!r) return null;
    rows.set(Number(r[1]), m[0]);
  }
  return rows;
}

const CELL_AT = elementPattern('c', 'y');

/**
 * The common case, checked without parsing: the output row is the input row with one cell, Luoshi's
 * status cell, put in. True when taking that cell out gives back the input row exactly.
 */
function onlyStatusCellAdded(before: string, after: string, r: number, statusColumn: number | undefined): boolean {
  if (statusColumn === undefined || after.length <= before.length) return false;
  const at = after.indexOf(` r="${columnLetter(statusColumn)}${r}"`);
  if (at < 0) return false;
  const start = after.lastIndexOf('<', at);
  CELL_AT.lastIndex = start;
  const cell = CELL_AT.exec(after);
  if (!cell) return false;
  return (
    after.length - cell[0].length === before.length &&
    after.startsWith(before.slice(0, start)) &&
    after.endsWith(before.slice(start))
  );
}

/** The first user cell or row that differs, ignoring Luoshi's status columns. Rows equal as text are skipped unread. */
function cellLoss(x: string, y: string, ownColumns: Array<number | undefined>): { what: string; how: string } | null {
  const compare = (a: string, b: string): { what: string; how: string } | null => {
    const cx = cellsOf(a);
    const cy = cellsOf(b);
    for (const [key, cell] of cx.cells) {
      if (ownColumns.includes(Number(key.split(':')[1]))) continue;
      const [r, c] = key.split(':').map(Number);
      if (cy.cells.get(key) !== cell)
        return { what: `cell ${cellAddress(r - 1, c)}`, how: cy.cells.has(key) ? 'changed' : 'is missing' };
    }
    for (const [r, open] of cx.rows)
      if (cy.rows.get(r) !== open && cy.rows.has(r)) return { what: `row ${r}`, how: 'changed' };
    return null;
  };
  const rx = rowTexts(x);
  const ry = rowTexts(y);
  if (!rx || !ry) return compare(x, y);
  for (const [r, text] of rx) {
    const other = ry.get(r);
    if (other === text) continue;
    if (other === undefined) return { what: `row ${r}`, how: 'is missing' };
    if (onlyStatusCellAdded(text, other, r, ownColumns[0])) continue;
    const loss = compare(`<sheetData>${text}</sheetData>`, `<sheetData>${other}</sheetData>`);
    if (loss) return loss;
  }
  return null;
}

function withoutElements(
  xml: string,
  names: string[],
  keep: (name: string, text: string) => boolean = () => false,
): string {
  let out = xml;
  for (const name of names) {
    for (const span of findElements(out, name).reverse())
      if (!keep(name, span.text)) out = out.slice(0, span.start) + out.slice(span.end);
  }
  return out;
}

const FILTER_REF = /(<(?:[\w.-]+:)?autoFilter(?=[\s/>])[^>]*?\sref\s*=\s*)(["'])[^"']*\2/;

/**
 * The sheet without its autofilter's reference: Luoshi grows it to the status column, and clear gives it
 * back (the refs mark); the filter's columns and criteria are still compared.
 */
function withoutFilterRef(xml: string): string {
  const end = lastEndTag(xml, 'sheetData');
  if (xml.indexOf('autoFilter', Math.max(0, end)) < 0) return xml;
  return xml.slice(0, Math.max(0, end)) + xml.slice(Math.max(0, end)).replace(FILTER_REF, '$1$2$2');
}

/** Whether the autofilter (if any) starts at the same cell: it may grow or shrink, never move. */
function sameFilterAnchor(x: string, y: string): boolean {
  const anchor = (s: string) => {
    const span = sheetRefs(s).autoFilter;
    const ref = span ? attributesOf(span.text).ref : undefined;
    return ref ? ref.split(':')[0] : null;
  };
  return anchor(x) === anchor(y);
}

/**
 * Whether a `<col>` missing after the run differed only by the status column's width: Luoshi's own
 * `<col>` for it, or a range (as LibreOffice re-saves equal widths) that now stops short of it.
 */
function statusWidthOnly(col: string, colsAfter: string, status: number | undefined): boolean {
  if (status === undefined) return false;
  const a = attributesOf(col);
  if (Number(a.min) > status + 1 || Number(a.max) < status + 1) return rejoined(col, colsAfter, status);
  if (Number(a.min) === status + 1 && Number(a.max) === status + 1) return true;
  const pieces = findElements(statusWidthRemoved(col, status), 'col').map((p) => p.text);
  return pieces.every((p) => colsAfter.includes(p));
}

/**
 * Whether `col` is a piece of a range around the status column that clear has joined again (a hidden
 * range Luoshi split to show the status column, the _luoshi_shown mark): the whole range is there.
 */
function rejoined(col: string, colsAfter: string, status: number): boolean {
  return findElements(colsAfter, 'col').some((e) => {
    const b = attributesOf(e.text);
    return Number(b.min) <= status + 1 && status + 1 <= Number(b.max) && splitAround(e.text, status).includes(col);
  });
}

/**
 * When the output's cell formats or shared strings are the input's with entries taken out (clear after
 * another application re-saved the workbook, src/xlsx/renumber.ts): old index → new index of each entry
 * kept, the same text in the same order. Null for a list that did not shrink that way.
 */
async function takenOut(
  before: WorkbookPackage,
  after: WorkbookPackage,
  stylesPath: string | null,
  stringsPath: string | null,
  claimed?: TakenOut,
): Promise<TakenOut> {
  // The map clear used, when it gives one, is checked rather than trusted: every entry it keeps must
  // be the same text at its new place, and nothing else may be in the list (lists with twin entries
  // cannot be aligned by text alone). Otherwise the lists are aligned by text.
  const checked = (a: string[], b: string[], map: Map<number, number> | null | undefined) =>
    map && map.size === b.length && [...map].every(([i, j]) => a[i] !== undefined && a[i] === b[j]) ? map : null;
  const shrunk = (a: string[], b: string[], map?: Map<number, number> | null) =>
    b.length < a.length ? (checked(a, b, map) ?? alignTakenOut(a, b)) : null;
  const entries = async (p: WorkbookPackage, path: string | null, list: (xml: string) => string[]) => {
    const xml = path ? await p.text(path) : null;
    return xml ? list(xml) : [];
  };
  const xfs = (xml: string) => listEntries(xml, 'cellXfs');
  const sis = (xml: string) => findElements(xml, 'si').map((e) => e.text);
  return {
    xfs: shrunk(await entries(before, stylesPath, xfs), await entries(after, stylesPath, xfs), claimed?.xfs),
    strings: shrunk(await entries(before, stringsPath, sis), await entries(after, stringsPath, sis), claimed?.strings),
  };
}

/**
 * Compares an output package with its input, part by part: every part of the user's is there; parts
 * Luoshi had no reason to touch are byte for byte the same; touched parts keep every element they had.
 * Returns the first difference found, or null.
 */
export async function firstLoss(
  input: Buffer | WorkbookPackage,
  output: Buffer,
  file: string,
  claimed?: TakenOut,
): Promise<string | null> {
  // The input as it was opened for the run (its parts already unpacked), without the run's edits.
  const before = Buffer.isBuffer(input) ? await WorkbookPackage.open(input, file) : input.unedited();
  const after = await WorkbookPackage.open(output, file);
  const ownedBefore = await ownedBy(before);
  const ownedAfter = await ownedBy(after);
  const stylesPath = await before.stylesPath();
  const stringsPath = await before.sharedStringsPath();
  const special = new Set(
    [before.workbookPath, before.workbookRelsPath, '[Content_Types].xml', stylesPath ?? '', stringsPath ?? ''].map(key),
  );
  const is = (name: string, path: string | null) => path !== null && key(name) === key(path);
  const taken = await takenOut(before, after, stylesPath, stringsPath, claimed);

  for (const name of before.partNames()) {
    if (ownedBefore.parts.has(key(name))) continue;
    if (!after.has(name)) return `part ${name} is missing`;
    const rawBefore = before.stored(name);
    const rawAfter = after.stored(name);
    // Same stored bytes and checksum: the same content, without inflating it.
    if (
      rawBefore &&
      rawAfter &&
      rawBefore.crc32 === rawAfter.crc32 &&
      rawBefore.method === rawAfter.method &&
      Buffer.from(rawBefore.data).equals(Buffer.from(rawAfter.data))
    )
      continue;
    if (!special.has(key(name)) && !/\.xml$/i.test(name)) {
      const a = await before.source.zip.file(name)!.async('nodebuffer');
      const b = await after.source.zip.file(after.entryName(name)!)!.async('nodebuffer');
      if (a.equals(b)) continue;
      return `part ${name} changed`;
    }
    // XML parts through the packages' own (native, cached) unpacking.
    let x = (await before.source.text(name))!;
    const y = (await after.source.text(after.entryName(name)!))!;
    if (x === y) continue;
    if (is(name, '[Content_Types].xml')) {
      for (const e of [...findElements(x, 'Default'), ...findElements(x, 'Override')]) {
        const part = key(attributesOf(e.text).PartName ?? '');
        if (!ownedBefore.parts.has(part) && !y.includes(e.text)) return `content type ${e.text} is missing`;
      }
    } else if (is(name, before.workbookRelsPath)) {
      for (const e of findElements(x, 'Relationship')) {
        const target = key(attributesOf(e.text).Target ?? '').replace(/^\.\//, '');
        if (![...ownedBefore.parts].some((p) => p.endsWith(target)) && !y.includes(e.text))
          return `relationship ${e.text} is missing`;
      }
    } else if (is(name, before.workbookPath)) {
      const beforeSheets = await before.sheets();
      for (const [i, e] of findElements(findElement(x, 'sheets')?.text ?? '', 'sheet').entries()) {
        if (beforeSheets[i]?.partPath && ownedBefore.parts.has(key(beforeSheets[i].partPath!))) continue;
        if (!y.includes(e.text)) return `sheet entry ${e.text} is missing`;
      }
      for (const n of definedNames(x)) {
        if (isLuoshiName(n.name) || n.localSheetId !== null) continue;
        if (!y.includes(n.span.text)) return `defined name ${n.name} is missing`;
      }
      const rest = (s: string) => withoutElements(s, ['sheets', 'definedNames', 'bookViews']);
      if (rest(x) !== rest(y)) return 'workbook part changed outside its sheet list and names';
    } else if (is(name, stylesPath)) {
      const lists = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'] as const;
      for (const list of lists) {
        const old = listEntries(x, list);
        const keep = ownedBefore.styleCounts?.[list] ?? old.length;
        const now = listEntries(y, list);
        // Formats only Luoshi's cells used, taken out by clear after a re-save: the rest kept in order (aligned).
        if (list === 'cellXfs' && taken.xfs) continue;
        for (let i = 0; i < Math.max(0, keep); i++) if (now[i] !== old[i]) return `style ${list}[${i}] changed`;
      }
      const rest = (s: string) => withoutElements(s, [...lists]);
      if (rest(x) !== rest(y)) return 'styles changed outside their lists';
    } else if (is(name, stringsPath)) {
      // The user's entries, and everything around the list, as they were; Luoshi's come after them.
      const a = withoutCounts(x);
      const b = withoutCounts(y);
      const keep = ownedBefore.stringCount ?? stringCounts(x).si;
      if (!taken.strings && !b.startsWith(a.slice(0, entryStart(a, keep)))) return `shared strings of ${name} changed`;
      if (!b.endsWith(a.slice(rootClose(a, 'sst')))) return `shared strings of ${name} changed after their list`;
    } else if (findStartTag(x.slice(0, 2000), 'worksheet')) {
      // Cells compared as pointing to the same text and format when clear took entries out of the lists.
      if (taken.xfs) x = renumberStyles(x, (n) => taken.xfs!.get(n) ?? `taken-out-${n}`);
      if (taken.strings) x = renumberStrings(x, (n) => taken.strings!.get(n) ?? `taken-out-${n}`);
      const statusAfter = ownedAfter.statusColumns.get(key(name));
      const statusBefore = ownedBefore.statusColumns.get(key(name));
      const loss = cellLoss(x, y, [statusAfter, statusBefore]);
      if (loss) return `${loss.what} of ${name} ${loss.how}`;
      // Print settings Luoshi set (its print mark) are compared as they were before Luoshi set them.
      const printed = (s: string, mark: string | undefined) => (mark ? restorePrintSetup(s, mark) : s);
      const rest = (s: string, own: number | undefined, mark: string | undefined) =>
        withoutElements(
          withoutFilterRef(printed(s, mark)),
          ['sheetData', 'conditionalFormatting', 'cols', 'dimension'],
          (el, text) => el === 'conditionalFormatting' && !isOwnConditionalFormat(text, own),
        );
      const printBefore = ownedBefore.printMarks.get(key(name));
      const printAfter = ownedAfter.printMarks.get(key(name));
      if (rest(x, statusBefore, printBefore) !== rest(y, statusAfter, printAfter))
        return `sheet ${name} changed outside its cells`;
      if (!sameFilterAnchor(x, y)) return `autofilter of ${name} moved`;
      const colsBefore = findElements(findElement(x, 'cols')?.text ?? '', 'col').map((c) => c.text);
      const colsAfter = findElement(y, 'cols')?.text ?? '';
      for (const c of colsBefore)
        if (!colsAfter.includes(c) && !statusWidthOnly(c, colsAfter, statusBefore ?? statusAfter))
          return `column width ${c} of ${name} changed`;
    } else {
      return `part ${name} changed`;
    }
  }
  return null;
}
