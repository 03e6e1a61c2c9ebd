import {
  CellValue,
  columnIndex,
  constantValue,
  formatIso,
  dateFormatShowsDay,
  isDateFormat,
  isLuoshiName,
  isStatusRuleFormula,
  MARK,
  MergeRange,
  parseColumnRange,
  serialToDay,
  SHEET_ROLES,
  SHEET_TITLES,
  SheetData,
  SheetRole,
  WorkbookData,
} from '../../engine';
import { isPayloadTooLarge } from './payload';

/** What Luoshi finds of its own earlier run (the same hidden names the CLI writes; see ownership-marks). */
export interface OwnedParts {
  /** Generated sheets by name, with their role. */
  sheets: Map<string, SheetRole>;
  /** The breakdown sheet's status column, when there is one. */
  status: { sheet: string; col: number; top: number; bottom: number; widthSet: boolean } | null;
  /** Luoshi's conditional formats on the breakdown sheet, to delete. */
  conditionalFormats: Excel.ConditionalFormat[];
  /** The cells of the previous run log. */
  previousRunLog: CellValue[][] | null;
}

export interface WorkbookSnapshot {
  /** The user's workbook as if Luoshi's earlier output were already cleared: what the engine judges. */
  workbook: WorkbookData;
  owned: OwnedParts;
  /** Sheets the user protected: Luoshi must not write there. */
  protectedSheets: Set<string>;
  structureProtected: boolean;
  syncs: number;
}

interface SheetQuery {
  sheet: Excel.Worksheet;
  name: string;
  hidden: boolean;
  names: Excel.NamedItemCollection;
  protection: Excel.WorksheetProtection;
  used: Excel.Range | null;
  merged: Excel.RangeAreas | null;
  formats: Excel.ConditionalFormatCollection | null;
  /** The used range's cells once read (in one piece or in row blocks). */
  cells: { address: string; values: unknown[][]; numberFormat: unknown[][] } | null;
}

/** A sheet whose name is one Luoshi gives its own sheets: its cells are read only if it is not Luoshi's. */
function mayBeGenerated(name: string): boolean {
  return SHEET_ROLES.some((role) => {
    const t = SHEET_TITLES[role];
    return (
      role !== 'runLog' &&
      [t.zh, t.en].some((base) => name === base || (name.startsWith(`${base}(`) && /\((落实|Luoshi)\d*\)$/.test(name)))
    );
  });
}

/** "'台账'!A1:K40" → the 0-based top-left of the address. */
function topLeft(address: string): { row: number; col: number } {
  const m = /!\$?([A-Z]{1,3})\$?(\d+)/.exec(address) ?? /^\$?([A-Z]{1,3})\$?(\d+)/.exec(address);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1])! } : { row: 0, col: 0 };
}

function mergeRanges(areas: Excel.RangeAreas | null): MergeRange[] {
  if (!areas || areas.isNullObject) return [];
  return areas.address.split(',').map((a) => {
    const [from, to] = a.replace(/^.*!/, '').split(':');
    const f = topLeft(from);
    const t = to ? topLeft(to) : f;
    return { top: f.row, left: f.col, bottom: t.row, right: t.col };
  });
}

/** Values and number formats → engine cells: numbers shown as dates become dates; "" is empty. */
function toRows(
  values: unknown[][],
  formats: unknown[][],
  origin: { row: number; col: number },
  date1904: boolean,
): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; r < values.length; r++) {
    const out: CellValue[] = new Array(origin.col).fill(null);
    const vs = values[r];
    for (let c = 0; c < vs.length; c++) {
      const v = vs[c];
      if (v === '' || v === null || v === undefined) out.push(null);
      else if (typeof v === 'number') {
        const format = String(formats[r]?.[c] ?? '');
        const day = isDateFormat(-1, format) ? serialToDay(v, date1904) : null;
        if (day === null) out.push(v);
        else if (dateFormatShowsDay(-1, format)) out.push({ date: formatIso(day) });
        else out.push({ date: formatIso(day), monthOnly: true }); // 2026年6月: the month's end (SPEC §2)
      } else if (typeof v === 'string' || typeof v === 'boolean') out.push(v);
      else out.push(String(v));
    }
    rows[origin.row + r] = out;
  }
  for (let r = 0; r < origin.row; r++) rows[r] = [];
  return rows;
}

/**
 * Reads the workbook in two round trips: the sheet list (with the date system), then every sheet's
 * used range (values, number formats, merged areas), names, protection and conditional formats.
 * On Excel on the web a response over 5 MB is refused; then the cells are read again in row blocks.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  let syncs = 0;
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name,items/visibility');
  wb.protection.load('protected');
  // DATE(1904,1,1) is 0 in the 1904 date system and 1462 in the 1900 one; asking costs nothing.
  const epoch = wb.functions.date(1904, 1, 1);
  epoch.load('value');
  await context.sync();
  syncs++;
  const date1904 = epoch.value === 0;

  const queries: SheetQuery[] = sheets.items.map((sheet) => {
    const names = sheet.names;
    names.load('items/name,items/formula');
    const protection = sheet.protection;
    protection.load('protected');
    const q: SheetQuery = {
      sheet,
      name: sheet.name,
      hidden: sheet.visibility !== 'Visible',
      names,
      protection,
      used: null,
      merged: null,
      formats: null,
      cells: null,
    };
    if (!mayBeGenerated(sheet.name)) queueCells(q, true);
    return q;
  });
  try {
    await context.sync();
    syncs++;
    for (const q of queries) takeCells(q);
  } catch (e) {
    if (!isPayloadTooLarge(e)) throw e;
    // The refused request took its loads with it: ask again, with the cells' extent instead of the cells.
    for (const q of queries) {
      q.names.load('items/name,items/formula');
      q.protection.load('protected');
      if (q.used) queueCells(q, false);
    }
    await context.sync();
    syncs++;
    syncs += await readInBlocks(
      context,
      queries.filter((q) => q.used),
    );
  }

  // Which sheets and names are Luoshi's.
  const owned: OwnedParts = { sheets: new Map(), status: null, conditionalFormats: [], previousRunLog: null };
  for (const q of queries) {
    for (const n of q.names.items) {
      if (!isLuoshiName(n.name)) continue;
      const formula = String(n.formula ?? '').replace(/^=/, '');
      if (n.name === MARK.sheet) {
        const role = constantValue(formula) as SheetRole | null;
        if (role && SHEET_ROLES.includes(role)) owned.sheets.set(q.name, role);
      } else if (n.name === MARK.status) {
        const range = parseColumnRange(formula);
        if (range)
          owned.status = { sheet: q.name, ...range, widthSet: q.names.items.some((x) => x.name === MARK.width) };
      }
    }
  }
  // A sheet named like Luoshi's that is the user's own: read it after all.
  const late = queries.filter((q) => !q.used && !owned.sheets.has(q.name));
  if (late.length > 0) {
    for (const q of late) queueCells(q, true);
    await context.sync();
    syncs++;
    for (const q of late) takeCells(q);
  }

  const data: SheetData[] = [];
  for (const q of queries) {
    const role = owned.sheets.get(q.name);
    const cells = q.cells ? toRows(q.cells.values, q.cells.numberFormat, topLeft(q.cells.address), date1904) : [];
    if (role === 'runLog') owned.previousRunLog = cells;
    if (role) continue;
    if (owned.status && owned.status.sheet === q.name) {
      const s = owned.status;
      for (let r = s.top; r <= s.bottom && r < cells.length; r++) if (cells[r]) cells[r][s.col] = null;
      if (q.formats)
        owned.conditionalFormats = q.formats.items.filter(
          (cf) =>
            cf.type === 'Custom' &&
            !cf.customOrNullObject.isNullObject &&
            isStatusRuleFormula(String(cf.customOrNullObject.rule.formula).replace(/^=/, ''), s.col),
        );
    }
    data.push({ name: q.name, rows: cells, merges: mergeRanges(q.merged), hidden: q.hidden || undefined });
  }
  const protectedSheets = new Set(queries.filter((q) => q.protection.protected).map((q) => q.name));
  return {
    workbook: { sheets: data, date1904 },
    owned,
    protectedSheets,
    structureProtected: wb.protection.protected,
    syncs,
  };
}

function takeCells(q: SheetQuery): void {
  if (q.used && !q.used.isNullObject)
    q.cells = { address: q.used.address, values: q.used.values, numberFormat: q.used.numberFormat };
}

function queueCells(q: SheetQuery, withValues: boolean): void {
  const used = q.sheet.getUsedRangeOrNullObject();
  used.load(withValues ? 'address,values,numberFormat' : 'address,rowCount,columnCount');
  q.used = used;
  // Through the whole sheet, not the used range: an empty sheet's used range is a null object,
  // and nothing can be asked of a null object.
  const sheet = q.sheet.getRange();
  q.merged = sheet.getMergedAreasOrNullObject();
  q.merged.load('address');
  q.formats = sheet.conditionalFormats;
  q.formats.load('items/type,items/customOrNullObject/rule/formula');
}

/** Reads the used ranges block by block, halving a block whenever its response is still too large. */
async function readInBlocks(context: Excel.RequestContext, queries: SheetQuery[]): Promise<number> {
  let syncs = 0;
  for (const q of queries) {
    const used = q.used!;
    if (used.isNullObject) continue;
    const origin = topLeft(used.address);
    const values: unknown[][] = [];
    const formats: unknown[][] = [];
    const pending: Array<[number, number]> = [[0, used.rowCount - 1]];
    while (pending.length > 0) {
      const [from, to] = pending.shift()!;
      const block = q.sheet.getRangeByIndexes(origin.row + from, origin.col, to - from + 1, used.columnCount);
      block.load('values,numberFormat');
      try {
        await context.sync();
        syncs++;
      } catch (e) {
        if (!isPayloadTooLarge(e) || from === to) throw e;
        const mid = Math.floor((from + to) / 2);
        pending.unshift([from, mid], [mid + 1, to]);
        continue;
      }
      block.values.forEach((row, i) => (values[from + i] = row));
      block.numberFormat.forEach((row, i) => (formats[from + i] = row));
    }
    q.cells = { address: used.address, values, numberFormat: formats };
  }
  return syncs;
}
