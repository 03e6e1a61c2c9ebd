import { formatIso } from '../engine/dates/civil-date';
import { serialToDay } from '../engine/dates/excel-serial';
import { CellValue, cellPosition, MergeRange, SheetData, WorkbookData } from '../engine/model/workbook';
import { WorkbookPackage } from './workbook-package';
import { isDateFormat } from '../engine/model/number-formats';
import { attributes, decodeEntities, decodeOoxmlEscapes, elementPattern, textOf } from './xml-scan';

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const pattern = elementPattern('si');
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml))) out.push(textOf(m[2] ?? ''));
  return out;
}

/** For each cell style index: does it display numbers as dates? */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const numFmt = elementPattern('numFmt');
  let m: RegExpExecArray | null;
  while ((m = numFmt.exec(xml))) {
    const a = attributes(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = elementPattern('cellXfs').exec(xml);
  if (!cellXfs) return [];
  const out: boolean[] = [];
  const xf = elementPattern('xf');
  while ((m = xf.exec(cellXfs[2] ?? ''))) {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    out.push(isDateFormat(id, custom.get(id)));
  }
  return out;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function readSheet(name: string, xml: string, strings: string[], dates: boolean[], date1904: boolean, hidden: boolean): SheetData {
  const rows: CellValue[][] = [];
  const rowPattern = elementPattern('row');
  const cellPattern = elementPattern('c');
  const valuePattern = elementPattern('v');
  let rm: RegExpExecArray | null;
  let nextRow = 0;
  const dataStart = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  rowPattern.lastIndex = dataStart < 0 ? 0 : dataStart;
  while ((rm = rowPattern.exec(xml))) {
    const rowAttrs = attributes(rm[1]);
    const r = rowAttrs.r ? Number(rowAttrs.r) - 1 : nextRow;
    nextRow = r + 1;
    if (!(r >= 0 && r < MAX_ROWS) || !rm[2]) continue;
    const cells: CellValue[] = rows[r] ?? [];
    let nextCol = 0;
    cellPattern.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = cellPattern.exec(rm[2]))) {
      const a = attributes(cm[1]);
      const pos = a.r ? cellPosition(a.r) : null;
      const c = pos ? pos.col : nextCol;
      nextCol = c + 1;
      if (c < 0 || c >= MAX_COLS) continue;
      const inner = cm[2] ?? '';
      valuePattern.lastIndex = 0;
      const vm = valuePattern.exec(inner);
      const raw = vm ? decodeEntities(vm[2] ?? '') : null;
      let value: CellValue = null;
      switch (a.t) {
        case 's':
          value = raw !== null ? (strings[Number(raw)] ?? '') : null;
          break;
        case 'inlineStr':
          value = textOf(inner);
          break;
        case 'str':
          value = raw !== null ? decodeOoxmlEscapes(raw) : null;
          break;
        case 'b':
          value = raw === null ? null : raw.trim() === '1' || raw.trim() === 'true';
          break;
        case 'e':
          value = raw;
          break;
        case 'd': {
          const m = raw ? /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim()) : null;
          value = m ? { date: m[1] } : raw;
          break;
        }
        default: {
          if (raw === null || raw.trim() === '') break;
          const n = Number(raw);
          if (!Number.isFinite(n)) {
            value = raw;
            break;
          }
          const styled = a.s !== undefined && dates[Number(a.s)];
          const day = styled ? serialToDay(n, date1904) : null;
          value = day !== null ? { date: formatIso(day) } : n;
        }
      }
      cells[c] = value;
    }
    rows[r] = cells;
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  const merges: MergeRange[] = [];
  const mergePattern = elementPattern('mergeCell');
  let mm: RegExpExecArray | null;
  while ((mm = mergePattern.exec(xml))) {
    const [from, to] = (attributes(mm[1]).ref ?? '').split(':');
    const a = from ? cellPosition(from) : null;
    const b = to ? cellPosition(to) : a;
    if (a && b) merges.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return { name, rows, merges, hidden };
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
  const workbookXml = await pkg.required(pkg.workbookPath);
  const date1904 = usesDate1904(workbookXml);
  const { strings, dates } = await cellContext(pkg);
  const sheets: SheetData[] = [];
  for (const entry of await pkg.sheets()) {
    if (!entry.partPath) continue;
    const xml = await pkg.text(entry.partPath);
    if (xml === null) continue;
    sheets.push(readSheet(entry.name, xml, strings, dates, date1904, entry.hidden));
  }
  return { sheets, date1904, name: pkg.file.split(/[\\/]/).pop() };
}

/** Whether the workbook counts date serials from 1904 (workbookPr date1904="1" or "true"). */
export function usesDate1904(workbookXml: string): boolean {
  const pr = elementPattern('workbookPr').exec(workbookXml);
  const flag = pr ? attributes(pr[1]).date1904 : undefined;
  return flag === '1' || flag === 'true';
}

/** Shared strings and which styles show dates: what reading a cell's value needs. */
async function cellContext(pkg: WorkbookPackage): Promise<{ strings: string[]; dates: boolean[] }> {
  return {
    strings: sharedStrings(await pkg.text((await pkg.sharedStringsPath()) ?? 'xl/sharedStrings.xml')),
    dates: dateStyles(await pkg.text((await pkg.stylesPath()) ?? 'xl/styles.xml')),
  };
}

/** One worksheet's values, by part path. */
export async function readSheetPart(pkg: WorkbookPackage, name: string, partPath: string): Promise<SheetData | null> {
  const xml = await pkg.text(partPath);
  if (xml === null) return null;
  const { strings, dates } = await cellContext(pkg);
  return readSheet(name, xml, strings, dates, usesDate1904(await pkg.required(pkg.workbookPath)), false);
}
