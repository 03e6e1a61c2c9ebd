import {
  CellValue,
  constantValue,
  formatIso,
  dateFormatShowsDay,
  isDateFormat,
  isLuoshiName,
  isStatusRuleFormula,
  MARK,
  MERGE_LOG_ROLE,
  MergeRange,
  parseColumnRange,
  serialToDay,
  SHEET_ROLES,
  SHEET_TITLES,
  SheetData,
  SheetRole,
  WorkbookData,
} from '../../engine';
import { LAYOUT_SETTING } from '../settings';
import { isReadTooLarge } from './payload';

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
  /**
   * The cells of an earlier 合并记录 (its sheet is among `sheets`, role MERGE_LOG_ROLE): 校验 writes it
   * again, and a merge appends to it (SPEC §8: the record of what was merged stays).
   */
  previousMergeLog: CellValue[][] | null;
  /**
   * Luoshi's names that go on every run, whatever their formula: status and width names that are not the
   * status column's (one turned #REF! when the user deleted the column, as Excel keeps such a name, or one
   * left on another sheet: the next names.add would fail, "already exists"), and the marks only the CLI
   * writes (_luoshi_styles and _luoshi_strings in the workbook, _luoshi_refs and _luoshi_print on the
   * breakdown sheet: issue 17, item 12), which describe a package the add-in does not write. `sheet` null:
   * a workbook-scoped name.
   */
  staleNames: Array<{ sheet: string | null; name: string }>;
  /**
   * Sheets that carry Luoshi's sheet mark under a name Luoshi does not give: a user's copy of a generated
   * sheet ("汇总 (2)", kept as last month's snapshot; Excel copies a sheet's own names with it), or one the
   * user renamed. They are the user's now: left alone, read as user sheets, and named in the pane.
   */
  copies: string[];
}

export interface WorkbookSnapshot {
  /** The user's workbook as if Luoshi's earlier output were already cleared: what the engine judges. */
  workbook: WorkbookData;
  owned: OwnedParts;
  /** Sheets the user protected: Luoshi must not write there. */
  protectedSheets: Set<string>;
  structureProtected: boolean;
  syncs: number;
  /** The value of this add-in's layout setting in the workbook (Workbook.settings, LAYOUT_SETTING), or null. */
  storedLayout: unknown;
}

interface SheetQuery {
  sheet: Excel.Worksheet;
  name: string;
  hidden: boolean;
  names: Excel.NamedItemCollection;
  protection: Excel.WorksheetProtection;
  used: Excel.Range | null;
  merged: Excel.RangeAreas | null;
  /** The merged areas once read (in one piece or in row blocks). */
  merges: MergeRange[];
  formats: Excel.ConditionalFormatCollection | null;
  /** The values-only used range's cells once read (in one piece or in row blocks); row/col: its top-left. */
  cells: { row: number; col: number; values: unknown[][]; numberFormat: unknown[][] } | null;
}

/** Cells per block when the used range is read in row blocks (a get is limited to 5 million cells). */
const BLOCK_CELLS = 200_000;
/** A merged area by its rows and columns (RangeAreas.areas, ExcelApi 1.9), never by parsing an address. */
const MERGE_PROPS = 'areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount';
const USED_EXTENT = 'rowIndex,columnIndex,rowCount,columnCount';

/**
 * A sheet whose name is one Luoshi gives its own sheets: its cells are read only if it is not Luoshi's.
 * The run log and 合并记录 are read in the first pass whoever owns them: their rows are carried over.
 */
function mayBeGenerated(name: string): boolean {
  return SHEET_ROLES.some((role) => {
    const t = SHEET_TITLES[role];
    return (
      role !== 'runLog' &&
      [t.zh, t.en].some((base) => name === base || (name.startsWith(`${base}(`) && /\((落实|Luoshi)\d*\)$/.test(name)))
    );
  });
}

/** The titles of 合并记录, which mergeLogName gives (it is not among the validation's SHEET_TITLES). */
const MERGE_LOG_TITLES = { zh: '合并记录', en: 'Merge log' };

/** Whether a _luoshi_sheet mark's role is one of Luoshi's: the validation's sheets and 合并记录. */
function isLuoshiRole(role: string | null): role is SheetRole {
  return role === MERGE_LOG_ROLE || SHEET_ROLES.includes(role as SheetRole);
}

/**
 * Whether `name` is a name Luoshi gives a sheet of `role` (generatedSheetNames: "汇总", "Summary",
 * "汇总(落实)", "汇总(落实2)" …, mergeLogName likewise; Excel compares sheet names case-insensitively). A
 * sheet with Luoshi's role mark under any other name is a copy or was renamed by the user ("汇总 (2)", "9月汇总").
 */
export function isOwnSheetName(name: string, role: SheetRole): boolean {
  const t = role === MERGE_LOG_ROLE ? MERGE_LOG_TITLES : SHEET_TITLES[role];
  if (!t) return false;
  const lower = name.toLowerCase();
  return [t.zh, t.en].some((base) => {
    const b = base.toLowerCase();
    if (lower === b) return true;
    return lower.startsWith(`${b}(`) && /^\((落实|luoshi)\d*\)$/.test(lower.slice(b.length));
  });
}

/**
 * The merged areas RangeAreas holds, from each area's indexes and counts. Parsing RangeAreas.address
 * instead breaks on a sheet name with a comma ("'台账,2022'!A3:G3,…").
 */
function mergesOf(areas: Excel.RangeAreas | null): MergeRange[] {
  if (!areas || areas.isNullObject) return [];
  return areas.areas.items.map((r) => ({
    top: r.rowIndex,
    left: r.columnIndex,
    bottom: r.rowIndex + r.rowCount - 1,
    right: r.columnIndex + r.columnCount - 1,
  }));
}

function errorCode(e: unknown): string {
  return (e as { code?: string } | null)?.code ?? '';
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
 * Reads the workbook in two round trips: the sheet list (with the date system and this add-in's layout
 * setting, stored first when `storeLayout` is given), then every sheet's
 * values-only used range (values, number formats), merged areas, names, protection and conditional
 * formats. When that request fails (a response over 5 MB on the web, a used range over five million
 * cells, more than 512 merged areas on a sheet), it is asked again without cells and merges; then each
 * sheet's merges are read in their own request and the cells in row blocks (see readCells).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: { storeLayout?: unknown } = {},
): Promise<WorkbookSnapshot> {
  let syncs = 0;
  const wb = context.workbook;
  // This file's layout, stored first when the pane gives one: in the first request, no round trip of its own.
  if (options.storeLayout !== undefined) wb.settings.add(LAYOUT_SETTING, options.storeLayout as object);
  const layout = wb.settings.getItemOrNullObject(LAYOUT_SETTING);
  layout.load('value');
  const sheets = wb.worksheets;
  sheets.load('items/name,items/visibility');
  const bookNames = wb.names;
  bookNames.load('items/name');
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
      merges: [],
      formats: null,
      cells: null,
    };
    return q;
  });
  syncs += await readCells(
    context,
    queries.filter((q) => !mayBeGenerated(q.name)),
    () => {
      // The failed request took its loads with it.
      for (const q of queries) {
        q.names.load('items/name,items/formula');
        q.protection.load('protected');
      }
    },
  );

  // Which sheets and names are Luoshi's.
  const owned: OwnedParts = {
    sheets: new Map(),
    status: null,
    conditionalFormats: [],
    previousRunLog: null,
    previousMergeLog: null,
    staleNames: [],
    copies: [],
  };
  const columnNames: Array<{ sheet: string; name: string }> = [];
  const cliMarks: Array<{ sheet: string | null; name: string }> = bookNames.items
    .filter((n) => isLuoshiName(n.name))
    .map((n) => ({ sheet: null, name: n.name }));
  for (const q of queries) {
    for (const n of q.names.items) {
      if (!isLuoshiName(n.name)) continue;
      if (n.name === MARK.refs || n.name === MARK.print || n.name === MARK.shown)
        cliMarks.push({ sheet: q.name, name: n.name });
      const formula = String(n.formula ?? '').replace(/^=/, '');
      if (n.name === MARK.sheet) {
        const role = constantValue(formula);
        if (isLuoshiRole(role)) {
          // Luoshi's role and Luoshi's own name, both: a copy carries the role too (Worksheet.copy takes the
          // sheet's names along: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-copy-member(1)).
          if (isOwnSheetName(q.name, role)) owned.sheets.set(q.name, role);
          else owned.copies.push(q.name);
        }
      } else if (n.name === MARK.status || n.name === MARK.width) {
        columnNames.push({ sheet: q.name, name: n.name });
        const range = n.name === MARK.status ? parseColumnRange(formula) : null;
        if (range && !owned.status)
          owned.status = { sheet: q.name, ...range, widthSet: q.names.items.some((x) => x.name === MARK.width) };
      }
    }
  }
  owned.staleNames = [...columnNames.filter((n) => n.sheet !== owned.status?.sheet), ...cliMarks];
  // A sheet named like Luoshi's that is the user's own: read it after all.
  const late = queries.filter((q) => !q.used && !owned.sheets.has(q.name));
  if (late.length > 0) syncs += await readCells(context, late, () => {});

  const data: SheetData[] = [];
  for (const q of queries) {
    const role = owned.sheets.get(q.name);
    const cells = q.cells ? toRows(q.cells.values, q.cells.numberFormat, q.cells, date1904) : [];
    if (role === 'runLog') owned.previousRunLog = cells;
    if (role === MERGE_LOG_ROLE) owned.previousMergeLog = cells;
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
    data.push({ name: q.name, rows: cells, merges: q.merges, hidden: q.hidden || undefined });
  }
  const protectedSheets = new Set(queries.filter((q) => q.protection.protected).map((q) => q.name));
  return {
    workbook: { sheets: data, date1904 },
    owned,
    protectedSheets,
    structureProtected: wb.protection.protected,
    syncs,
    storedLayout: layout.isNullObject ? null : layout.value,
  };
}

/**
 * Reads the cells and merged areas of `queries` in the request that holds whatever was queued before
 * (one round trip). When that request fails for any reason but cell-edit mode, `requeue` queues the
 * other loads again and they go with the used ranges' extent only; then each sheet's merges are read
 * in their own request (row blocks on failure) and the cells in row blocks sized by cell count. A
 * sheet whose values come back null (a get over five million cells) is read in row blocks too.
 * Office.js: Worksheet.getUsedRangeOrNullObject(valuesOnly) (ExcelApi 1.4); "On all platforms, a range
 * is limited to five million cells for get operations" and Excel on the web caps a request or response
 * at 5 MB (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * the error is RangeExceedsLimit (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
 * Range.getMergedAreasOrNullObject (ExcelApi 1.13) "will fail to return the result" past 512 merged areas
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
 * Returns the round trips used.
 */
async function readCells(context: Excel.RequestContext, queries: SheetQuery[], requeue: () => void): Promise<number> {
  let syncs = 0;
  for (const q of queries) queueCells(q, true, true);
  try {
    await context.sync();
    syncs++;
    for (const q of queries) {
      takeCells(q);
      q.merges = mergesOf(q.merged);
    }
  } catch (e) {
    if (errorCode(e) === 'InvalidOperationInCellEditMode') throw e;
    requeue();
    for (const q of queries) queueCells(q, false, false);
    await context.sync();
    syncs++;
    syncs += await readMerges(context, queries);
  }
  syncs += await readInBlocks(
    context,
    queries.filter((q) => q.used && !q.used.isNullObject && !q.cells),
  );
  return syncs;
}

function takeCells(q: SheetQuery): void {
  const used = q.used;
  if (!used || used.isNullObject || used.values === null || used.numberFormat === null) return;
  q.cells = { row: used.rowIndex, col: used.columnIndex, values: used.values, numberFormat: used.numberFormat };
}

function queueCells(q: SheetQuery, withValues: boolean, withMerges: boolean): void {
  // Values only: a template formatted down to row 65,536 does not count (Worksheet.getUsedRange(true)).
  const used = q.sheet.getUsedRangeOrNullObject(true);
  used.load(withValues ? `${USED_EXTENT},values,numberFormat` : USED_EXTENT);
  q.used = used;
  // Through the whole sheet, not the used range: an empty sheet's used range is a null object,
  // and nothing can be asked of a null object.
  const sheet = q.sheet.getRange();
  q.merged = null;
  if (withMerges) {
    q.merged = sheet.getMergedAreasOrNullObject();
    q.merged.load(MERGE_PROPS);
  }
  q.formats = sheet.conditionalFormats;
  q.formats.load('items/type,items/customOrNullObject/rule/formula');
}

/**
 * Each sheet's merged areas in a request of its own, over the rows that hold values; a block whose
 * read fails (more than 512 merged areas) is split in two. An area is kept once however many blocks
 * report it.
 */
async function readMerges(context: Excel.RequestContext, queries: SheetQuery[]): Promise<number> {
  let syncs = 0;
  for (const q of queries) {
    const used = q.used!;
    q.merges = [];
    if (used.isNullObject) continue;
    const found = new Map<string, MergeRange>();
    const pending: Array<[number, number]> = [[0, used.rowIndex + used.rowCount - 1]];
    while (pending.length > 0) {
      const [from, to] = pending.shift()!;
      const areas = q.sheet.getRange(`${from + 1}:${to + 1}`).getMergedAreasOrNullObject();
      areas.load(MERGE_PROPS);
      try {
        await context.sync();
        syncs++;
      } catch (e) {
        if (from === to || errorCode(e) === 'InvalidOperationInCellEditMode') throw e;
        const mid = Math.floor((from + to) / 2);
        pending.unshift([from, mid], [mid + 1, to]);
        continue;
      }
      for (const m of mergesOf(areas)) found.set(`${m.top},${m.left}`, m);
    }
    q.merges = [...found.values()];
  }
  return syncs;
}

/**
 * Reads the used ranges in row blocks of about BLOCK_CELLS cells, halving a block whenever its
 * response is still too large, exceeds the cell limit, or comes back null.
 */
async function readInBlocks(context: Excel.RequestContext, queries: SheetQuery[]): Promise<number> {
  let syncs = 0;
  for (const q of queries) {
    const used = q.used!;
    const values: unknown[][] = [];
    const formats: unknown[][] = [];
    const rowsPerBlock = Math.max(1, Math.floor(BLOCK_CELLS / used.columnCount));
    const pending: Array<[number, number]> = [];
    for (let from = 0; from < used.rowCount; from += rowsPerBlock)
      pending.push([from, Math.min(used.rowCount, from + rowsPerBlock) - 1]);
    while (pending.length > 0) {
      const [from, to] = pending.shift()!;
      const block = q.sheet.getRangeByIndexes(used.rowIndex + from, used.columnIndex, to - from + 1, used.columnCount);
      block.load('values,numberFormat');
      let failure: unknown = null;
      try {
        await context.sync();
        syncs++;
        if (block.values === null || block.numberFormat === null)
          failure = Object.assign(new Error('The range is too large to read.'), { code: 'RangeExceedsLimit' });
      } catch (e) {
        if (!isReadTooLarge(e)) throw e;
        failure = e;
      }
      if (failure) {
        if (from === to) throw failure;
        const mid = Math.floor((from + to) / 2);
        pending.unshift([from, mid], [mid + 1, to]);
        continue;
      }
      block.values.forEach((row, i) => (values[from + i] = row));
      block.numberFormat.forEach((row, i) => (formats[from + i] = row));
    }
    q.cells = { row: used.rowIndex, col: used.columnIndex, values, numberFormat: formats };
  }
  return syncs;
}
