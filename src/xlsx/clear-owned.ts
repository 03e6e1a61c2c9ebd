import { CellValue } from '../engine/model/workbook';
import { MERGE_LOG_ROLE } from '../engine/roundtrip/merge-changes';
import {
  constantValue,
  definedNames,
  isLuoshiName,
  isOwnConditionalFormat,
  MARK,
  moveFilterDatabase,
  parseColumnRange,
  parseCounts,
  parseRefsMark,
  sheetRefs,
} from './luoshi-marks';
import type { GrownRefs } from './luoshi-marks';
import { restorePrintSetup } from './apply-plan';
import { partsBelow } from './chart-part';
import { removeContentType, removeRelationship } from './package-parts';
import { readSheetPart } from './read-workbook';
import { editColumn, styleOf } from './sheet-data-edit';
import { StringCounts, stringCountsOfMark, stringsInUse, truncateStrings } from './shared-strings-edit';
import { listEntries, MINIMAL_STYLES, StyleCounts, truncateStyles } from './styles-edit';
import { attributesOf, elementName, findElement, findElements, findStartTags } from './xml-scan';
import { compacted, renumberStrings, renumberStyles, stringsUsed, stylesUsed, TakenOut, withEntries } from './renumber';
import { insertionPoint, rootPrefix, splice, withAttribute } from './xml-edit';
import { splitAround, statusWidthRemoved } from './col-ranges';
import { inNamespaces, relsPathOf, STRICT_NS, WorkbookPackage } from './workbook-package';

export interface ClearResult {
  /** Whether the workbook held anything of Luoshi's. */
  found: boolean;
  /** The cells of the previous run log, so the next run can append to it. */
  previousRunLog: CellValue[][] | null;
  /** The cells of the 合并记录 sheet a merge left (SPEC §8), so the next run carries it over. */
  previousMergeLog: CellValue[][] | null;
  /** styles.xml's list lengths before Luoshi first added to them. */
  originalStyles: StyleCounts | null;
  /** The shared-string table's length and counts before Luoshi first added to it. */
  originalStrings: StringCounts | null;
  /** Old index → new index of the entries kept, when a final clear took entries out (takeOutUnused). */
  takenOut?: TakenOut;
}

/** Removes the status column, its width and Luoshi's conditional formats from the breakdown sheet. */
function clearBreakdown(
  xml: string,
  range: { col: number; top: number; bottom: number },
  ownXfFrom: number,
  width: number | null,
): string {
  const edits = new Map<number, (cell: string | null) => string>();
  for (let r = range.top; r <= range.bottom; r++) {
    edits.set(r, (cell) => {
      if (cell === null) return '';
      const s = styleOf(cell);
      // A cell Luoshi created carries Luoshi's own style; an empty cell the user had formatted keeps its format.
      if (s >= ownXfFrom) return '';
      const ref = attributesOf(cell).r;
      return `<${elementName(cell)}${ref ? ` r="${ref}"` : ''}${s ? ` s="${s}"` : ''}/>`;
    });
  }
  let out = editColumn(xml, range.col, edits);
  for (const cf of findElements(out, 'conditionalFormatting').reverse()) {
    if (isOwnConditionalFormat(cf.text, range.col)) out = splice(out, cf.start, cf.end, '');
  }
  if (width !== null) out = withoutStatusWidth(out, range.col, width);
  return out;
}

/** The style index of the cell at (col, row), 0-based; null when the cell is not in the sheet. */
function cellStyleAt(xml: string, col: number, row: number): number | null {
  let found: number | null = null;
  editColumn(
    xml,
    col,
    new Map([
      [
        row,
        (cell: string | null) => {
          if (cell !== null) found = styleOf(cell);
          return cell ?? '';
        },
      ],
    ]),
  );
  return found;
}

/**
 * Takes the status column out of the <cols> list, where Luoshi set its width (`width`, the width mark).
 * Excel keeps Luoshi's own `<col min=max>`; LibreOffice re-saves a run of equal widths as one range
 * (`min="10" max="11"`), which is narrowed or split so the user's columns keep theirs. A range whose
 * width the user has changed since is not Luoshi's to touch.
 */
export function withoutStatusWidth(xml: string, col: number, width: number): string {
  const cols = findElement(xml, 'cols');
  if (!cols) return xml;
  const n = col + 1;
  const own = findElements(xml, 'col', cols.start, cols.end).find((c) => {
    const a = attributesOf(c.text);
    return Number(a.min) <= n && n <= Number(a.max) && Math.abs(Number(a.width) - width) < 0.01;
  });
  if (!own) return xml;
  const out = splice(xml, own.start, own.end, statusWidthRemoved(own.text, col));
  const left = findElement(out, 'cols')!;
  return findElements(out, 'col', left.start + 1, left.end).length === 0 ? splice(out, left.start, left.end, '') : out;
}

export { statusWidthRemoved } from './col-ranges';

/**
 * Puts back the hidden `<col>` range Luoshi split to show the status column (the _luoshi_shown mark holds
 * it as it was): its two pieces, side by side once Luoshi's own `<col>` is gone, become the range again.
 * When the pieces are no longer as Luoshi wrote them (LibreOffice rewrites every attribute), the status
 * column gets the range's look on its own — hidden, its width and style — so it is hidden again.
 */
function rehide(xml: string, original: string | null, col: number): string {
  if (!original) return xml;
  const [left, right] = splitAround(original, col);
  const prefix = rootPrefix(xml, 'worksheet');
  const named = (element: string) => element.replace(/<col\b/g, `<${prefix}col`);
  const pieces = named(left + right);
  const cols = findElement(xml, 'cols');
  const at = pieces && cols ? xml.indexOf(pieces, cols.start) : -1;
  if (at >= 0) return splice(xml, at, at + pieces.length, original);
  const own = named(withAttribute(withAttribute(original, 'min', String(col + 1)), 'max', String(col + 1)));
  if (!cols) {
    const at = insertionPoint(xml, 'worksheet', ['sheetData']);
    return splice(xml, at, at, `<${prefix}cols>${own}</${prefix}cols>`);
  }
  const after = findElements(xml, 'col', cols.start + 1, cols.end).find(
    (c) => Number(attributesOf(c.text).min) > col + 1,
  );
  const where = after ? after.start : cols.start + cols.text.lastIndexOf('</');
  return splice(xml, where, where, own);
}

/**
 * Gives the <dimension> and autofilter references Luoshi grew (its refs mark) back as they were; one
 * changed since (the user widened the filter, Excel recomputed the used range) is left as it now is.
 */
export function restoreReferences(xml: string, grown: GrownRefs): string {
  let out = xml;
  const { dimension, autoFilter } = sheetRefs(out);
  // autoFilter lies after dimension: restored first, so the dimension's position still holds.
  for (const [span, ref] of [
    [autoFilter, grown.autoFilter],
    [dimension, grown.dimension],
  ] as const) {
    if (span && ref && attributesOf(span.text).ref === ref.after)
      out = splice(out, span.start, span.end, withAttribute(span.text, 'ref', ref.before));
  }
  return out;
}

/**
 * Whether a styles part is one Luoshi made for a workbook that had none: without Luoshi's entries
 * (`counts`, its styles mark) it is exactly Luoshi's minimal stylesheet, which no other writer makes.
 */
export function isLuoshiStylesPart(xml: string, counts: StyleCounts | null): boolean {
  if (counts === null) return false;
  const own = truncateStyles(xml, counts);
  return own === MINIMAL_STYLES || own === inNamespaces(MINIMAL_STYLES, { strict: true, ...STRICT_NS });
}

/** Whether any worksheet still uses a cell format or differential format from the given indices on. */
async function stylesInUse(pkg: WorkbookPackage, xfFrom: number, dxfFrom: number): Promise<boolean> {
  for (const sheet of await pkg.sheets()) {
    if (!sheet.partPath) continue;
    const xml = (await pkg.text(sheet.partPath)) ?? '';
    for (const m of xml.matchAll(/\ss="(\d+)"/g)) if (Number(m[1]) >= xfFrom) return true;
    for (const m of xml.matchAll(/\sdxfId="(\d+)"/g)) if (Number(m[1]) >= dxfFrom) return true;
  }
  return false;
}

/**
 * After clear of a workbook another application re-saved (or the add-in wrote, without Luoshi's list
 * marks): the cell formats and shared strings that only Luoshi's cells used — used before clear, used
 * by nothing now — are taken out, and every cell pointing past them renumbered (src/xlsx/renumber.ts).
 * Entries nothing used before either (an application's own defaults) stay.
 */
async function takeOutUnused(
  pkg: WorkbookPackage,
  stylesPath: string | null,
  stringsPath: string | null,
): Promise<TakenOut> {
  const partsOf = async (p: WorkbookPackage) =>
    (await p.sheets()).map((s) => s.partPath).filter((x): x is string => x !== null);
  const original = pkg.unedited();
  const stylesBefore = new Set<number>();
  const stringsBefore = new Set<number>();
  for (const part of await partsOf(original)) {
    const xml = (await original.text(part)) ?? '';
    stylesUsed(xml, stylesBefore);
    stringsUsed(xml, stringsBefore);
  }
  const parts = await partsOf(pkg);
  const texts = new Map<string, string>();
  for (const part of parts) texts.set(part, (await pkg.text(part)) ?? '');
  const stylesNow = new Set<number>();
  const stringsNow = new Set<number>();
  let stringCells = 0;
  for (const xml of texts.values()) {
    stylesUsed(xml, stylesNow);
    stringCells += stringsUsed(xml, stringsNow).cells;
  }
  const onlyLuoshis = (before: Set<number>, now: Set<number>) => (i: number) => i === 0 || now.has(i) || !before.has(i);
  let xfMap: Map<number, number> | null = null;
  if (stylesPath) {
    const styles = (await pkg.text(stylesPath))!;
    const map = compacted(listEntries(styles, 'cellXfs').length, onlyLuoshis(stylesBefore, stylesNow));
    const out = withEntries(styles, 'cellXfs', 'xf', map);
    if (out !== styles) {
      pkg.write(stylesPath, out);
      xfMap = map;
    }
  }
  let sstMap: Map<number, number> | null = null;
  if (stringsPath) {
    const sst = (await pkg.text(stringsPath))!;
    const map = compacted(findStartTags(sst, 'si').length, onlyLuoshis(stringsBefore, stringsNow));
    const out = withEntries(sst, 'sst', 'si', map, (kept) => ({ count: stringCells, uniqueCount: kept }));
    if (out !== sst) {
      pkg.write(stringsPath, out);
      sstMap = map;
    }
  }
  if (!xfMap && !sstMap) return { xfs: null, strings: null };
  for (const [part, xml] of texts) {
    let out = xml;
    if (xfMap) out = renumberStyles(out, (n) => xfMap!.get(n) ?? n);
    if (sstMap) out = renumberStrings(out, (n) => sstMap!.get(n) ?? n);
    if (out !== xml) pkg.write(part, out);
  }
  return { xfs: xfMap, strings: sstMap };
}

/**
 * Takes out everything Luoshi wrote (SPEC §5, 清除结果): its sheets, the status column, its conditional
 * formats, its names and, when nothing else uses them, its styles. The user's own parts are untouched.
 */
export async function clearOwned(pkg: WorkbookPackage, options: { final?: boolean } = {}): Promise<ClearResult> {
  let wb = await pkg.required(pkg.workbookPath);
  const names = definedNames(wb);
  const own = names.filter((n) => isLuoshiName(n.name));
  if (own.length === 0)
    return { found: false, previousRunLog: null, previousMergeLog: null, originalStyles: null, originalStrings: null };
  const sheets = await pkg.sheets();
  const stylesMark = own.find((n) => n.name === MARK.styles);
  const originalStyles = stylesMark ? (parseCounts(stylesMark.value) as StyleCounts) : null;
  const stringsMark = own.find((n) => n.name === MARK.strings);
  const originalStrings = stringsMark ? stringCountsOfMark(parseCounts(stringsMark.value)) : null;

  // The breakdown sheet's status column.
  let renumbered = false;
  const status = own.find((n) => n.name === MARK.status && n.localSheetId !== null);
  const range = status ? parseColumnRange(status.value) : null;
  const breakdown = status ? sheets[status.localSheetId!] : undefined;
  if (range && breakdown?.partPath) {
    const widthMark = own.find((n) => n.name === MARK.width && n.localSheetId === status!.localSheetId);
    const width = widthMark ? Number(constantValue(widthMark.value)) : NaN;
    const before = await pkg.required(breakdown.partPath);
    const xfFrom = originalStyles?.cellXfs ?? Infinity;
    // Luoshi's header cell always carries a style of Luoshi's own, appended after the user's. Below
    // that index, another application (LibreOffice, WPS) has re-saved and renumbered the styles, and
    // the index no longer tells Luoshi's cells from the user's: the whole status range is Luoshi's.
    const header = cellStyleAt(before, range.col, range.top);
    renumbered = header !== null && header < xfFrom;
    let xml = clearBreakdown(before, range, renumbered ? 0 : xfFrom, Number.isFinite(width) ? width : null);
    const shown = own.find((n) => n.name === MARK.shown && n.localSheetId === status!.localSheetId);
    if (shown) xml = rehide(xml, constantValue(shown.value), range.col);
    const refs = own.find((n) => n.name === MARK.refs && n.localSheetId === status!.localSheetId);
    if (refs) {
      const grown = parseRefsMark(refs.value);
      xml = restoreReferences(xml, grown);
      if (grown.autoFilter)
        wb = moveFilterDatabase(wb, status!.localSheetId!, grown.autoFilter.after, grown.autoFilter.before);
    }
    // Print settings Luoshi gave a sheet that had none of its own go back to what they were.
    const print = own.find((n) => n.name === MARK.print && n.localSheetId === status!.localSheetId);
    if (print) xml = restorePrintSetup(xml, print.value);
    pkg.write(breakdown.partPath, xml);
  }

  // Generated sheets, last first so the indices of the others stay right while removing.
  const generated = own.filter((n) => n.name === MARK.sheet && n.localSheetId !== null && sheets[n.localSheetId]);
  // The logs are read before their sheets go: the next run appends to the run log and carries the merge log.
  let previousRunLog: CellValue[][] | null = null;
  let previousMergeLog: CellValue[][] | null = null;
  for (const mark of generated) {
    const role = constantValue(mark.value);
    if (role !== 'runLog' && role !== MERGE_LOG_ROLE) continue;
    const entry = sheets[mark.localSheetId!];
    const rows = entry.partPath ? ((await readSheetPart(pkg, entry.name, entry.partPath))?.rows ?? null) : null;
    if (role === 'runLog') previousRunLog = rows;
    else previousMergeLog = rows;
  }
  const removedIndices = [...new Set(generated.map((n) => n.localSheetId!))].sort((a, b) => b - a);
  for (const index of removedIndices) {
    const entry = sheets[index];
    const list = findElement(wb, 'sheets')!;
    const sheetSpan = findElements(wb, 'sheet', list.start, list.end)[index];
    wb = splice(wb, sheetSpan.start, sheetSpan.end, '');
    await removeRelationship(pkg, pkg.workbookPath, entry.relId);
    if (entry.partPath) {
      // The sheet's drawing and chart (chart-part.ts) go with it, with their relationships and content types.
      for (const part of await partsBelow(pkg, entry.partPath)) {
        if (!/\.rels$/i.test(part)) await removeContentType(pkg, part);
        pkg.remove(part);
      }
      await removeContentType(pkg, entry.partPath);
      pkg.remove(entry.partPath);
      pkg.remove(relsPathOf(entry.partPath));
    }
  }

  // Names: Luoshi's go, names scoped to removed sheets go, later sheets' scopes shift down.
  const removed = new Set(removedIndices);
  const shift = (i: number) => i - removedIndices.filter((r) => r < i).length;
  for (const n of definedNames(wb).reverse()) {
    if (isLuoshiName(n.name) || (n.localSheetId !== null && removed.has(n.localSheetId))) {
      wb = splice(wb, n.span.start, n.span.end, '');
    } else if (n.localSheetId !== null && shift(n.localSheetId) !== n.localSheetId) {
      wb = splice(
        wb,
        n.span.start,
        n.span.end,
        withAttribute(n.span.text, 'localSheetId', String(shift(n.localSheetId))),
      );
    }
  }
  const block = findElement(wb, 'definedNames');
  if (block && findElements(wb, 'definedName', block.start, block.end).length === 0)
    wb = splice(wb, block.start, block.end, '');
  for (const view of findElements(wb, 'workbookView').reverse()) {
    let text = view.text;
    for (const attr of ['activeTab', 'firstSheet']) {
      const v = attributesOf(text)[attr];
      if (v === undefined) continue;
      const i = Number(v);
      const next = removed.has(i) ? Math.max(0, Math.min(shift(i), sheets.length - removed.size - 1)) : shift(i);
      if (next !== i) text = withAttribute(text, attr, String(next));
    }
    if (text !== view.text) wb = splice(wb, view.start, view.end, text);
  }
  pkg.write(pkg.workbookPath, wb);

  // Styles Luoshi appended, unless something outside its parts has come to use them.
  const stylesPath = await pkg.stylesPath();
  const stringsPath = await pkg.sharedStringsPath();
  if (renumbered) {
    // Another application renumbered the lists: Luoshi's entries are among the user's, not after them.
    const takenOut = options.final ? await takeOutUnused(pkg, stylesPath, stringsPath) : undefined;
    return { found: true, previousRunLog, previousMergeLog, originalStyles, originalStrings, takenOut };
  }
  if (originalStyles && stylesPath) {
    const styles = (await pkg.text(stylesPath))!;
    const xfFrom = originalStyles.cellXfs ?? listEntries(styles, 'cellXfs').length;
    const dxfFrom = Math.max(0, originalStyles.dxfs ?? listEntries(styles, 'dxfs').length);
    if (!(await stylesInUse(pkg, xfFrom, dxfFrom))) {
      if (isLuoshiStylesPart(styles, originalStyles)) {
        // The workbook had no styles part: it gets none back (with no relationship or content type).
        const rel = (await pkg.relationships(pkg.workbookPath)).find(
          (r) => r.target.toLowerCase() === stylesPath.toLowerCase(),
        );
        if (rel) await removeRelationship(pkg, pkg.workbookPath, rel.id);
        await removeContentType(pkg, stylesPath);
        pkg.remove(stylesPath);
      } else pkg.write(stylesPath, truncateStyles(styles, originalStyles));
    }
  }

  // Shared strings Luoshi appended, likewise (a workbook re-saved by Excel may have renumbered them).
  if (originalStrings && stringsPath && !(await stringsInUse(pkg, originalStrings.si)))
    pkg.write(stringsPath, truncateStrings((await pkg.text(stringsPath))!, originalStrings));
  return { found: true, previousRunLog, previousMergeLog, originalStyles, originalStrings };
}
