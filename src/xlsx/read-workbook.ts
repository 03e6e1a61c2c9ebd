import { EXCEL_MAX_COLUMNS, SheetData, WorkbookData } from '../engine/model/workbook';
import { WorkbookPackage } from './workbook-package';
import { dateFormatShowsDay, isDateFormat } from '../engine/model/number-formats';
import { CellAt, CellContext, DateStyle, readSheetRows, sheetMerges } from './sheet-rows';
import { attributesOf, elementPattern, findElement, findElements, findStartTag, innerXml, textOf } from './xml-scan';

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  // One entry per row of a large table: the pattern is exec'd directly, without a Span per entry.
  const pattern = elementPattern('si');
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml))) out.push(textOf(m[2] ?? ''));
  return out;
}

/** For each cell style index: does it display numbers as dates, with the day or as a month only? */
function dateStyles(xml: string | null): DateStyle[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const numFmt of findElements(xml, 'numFmt')) {
    const a = attributesOf(numFmt.text);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = findElement(xml, 'cellXfs');
  if (!cellXfs) return [];
  return findElements(innerXml(cellXfs.text), 'xf').map((xf) => {
    const id = Number(attributesOf(xf.text).numFmtId ?? 0);
    const code = custom.get(id);
    if (!isDateFormat(id, code)) return null;
    return dateFormatShowsDay(id, code) ? 'day' : 'month';
  });
}

function readSheet(name: string, xml: string, ctx: CellContext, hidden: boolean): SheetData {
  const uncalculated: CellAt[] = [];
  const rows = readSheetRows(xml, ctx, uncalculated);
  const sheet: SheetData = { name, rows, merges: sheetMerges(xml), hidden };
  // Left out when there are none, so a sheet reads as it did before (and as the add-in gives it).
  if (uncalculated.length) sheet.uncalculated = uncalculated.sort((a, b) => a.row - b.row || a.col - b.col);
  const hiddenColumns = hiddenColumnRanges(xml);
  if (hiddenColumns.length) sheet.hiddenColumns = hiddenColumns;
  return sheet;
}

/**
 * The column ranges `<col min max hidden="1">` hides, 0-based and inclusive (min and max are 1-based in
 * the XML). <cols> comes before <sheetData>, so only the part before it is searched.
 */
export function hiddenColumnRanges(xml: string): Array<{ min: number; max: number }> {
  const end = findStartTag(xml, 'sheetData')?.start ?? xml.length;
  const out: Array<{ min: number; max: number }> = [];
  for (const col of findElements(xml, 'col', 0, end)) {
    const a = attributesOf(col.text);
    if (a.hidden !== '1' && a.hidden !== 'true') continue;
    const min = Number(a.min);
    const max = Number(a.max ?? a.min);
    if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min)
      out.push({ min: min - 1, max: Math.min(max, EXCEL_MAX_COLUMNS) - 1 });
  }
  return out;
}

/**
 * Reads an .xlsx package into the engine's plain workbook model: every worksheet's cell values (shared
 * strings, inline strings, numbers, booleans, errors, ISO dates, date-formatted serials in the
 * workbook's own 1900 or 1904 system) and merged areas.
 */
export async function readWorkbook(bytes: Buffer, file: string): Promise<WorkbookData> {
  return readPackage(await WorkbookPackage.open(bytes, file));
}

/** As readWorkbook, from a package open for editing (what the parts read now, edits included). */
export async function readPackage(pkg: WorkbookPackage): Promise<WorkbookData> {
  const ctx = await cellContext(pkg);
  const sheets: SheetData[] = [];
  for (const entry of await pkg.sheets()) {
    if (!entry.partPath) continue;
    const xml = await pkg.text(entry.partPath);
    if (xml === null) continue;
    sheets.push(readSheet(entry.name, xml, ctx, entry.hidden));
  }
  return { sheets, date1904: ctx.date1904, name: pkg.file.split(/[\\/]/).pop() };
}

/** Whether the workbook counts date serials from 1904 (workbookPr date1904="1" or "true"). */
export function usesDate1904(workbookXml: string): boolean {
  const pr = findElement(workbookXml, 'workbookPr');
  const flag = pr ? attributesOf(pr.text).date1904 : undefined;
  return flag === '1' || flag === 'true';
}

/** Shared strings, which styles show dates and the date system: what reading a cell's value needs. */
async function cellContext(pkg: WorkbookPackage): Promise<CellContext> {
  return {
    strings: sharedStrings(await pkg.text((await pkg.sharedStringsPath()) ?? 'xl/sharedStrings.xml')),
    dates: dateStyles(await pkg.text((await pkg.stylesPath()) ?? 'xl/styles.xml')),
    date1904: usesDate1904(await pkg.required(pkg.workbookPath)),
  };
}

/** One worksheet's values, by part path. */
export async function readSheetPart(pkg: WorkbookPackage, name: string, partPath: string): Promise<SheetData | null> {
  const xml = await pkg.text(partPath);
  if (xml === null) return null;
  return readSheet(name, xml, await cellContext(pkg), false);
}
