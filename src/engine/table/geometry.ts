import { DayNumber, toYmd } from '../dates/civil-date';
import { EXCEL_MAX_COLUMNS, isEmptyCell, SheetData, WorkbookData } from '../model/workbook';
import { normalizeText } from '../text/normalize';
import { TableLayout } from './detect-table';
import { MergedView } from './merged-cells';

/**
 * The table's year (SPEC §3): the year written in the title ("2022年…要点"), else in the sheet's or the
 * workbook's name, else the as-of date's year. Recurring obligations are judged within it.
 */
export function tableYear(layout: TableLayout, workbook: WorkbookData, asOf: DayNumber): number {
  return statedYear(layout, workbook) ?? toYmd(asOf).y;
}

/** The year the table's title, sheet name or file name states ("2025年…推进情况"), or null. */
export function statedYear(layout: TableLayout, workbook: WorkbookData): number | null {
  for (const raw of [layout.titleText, layout.sheetName, workbook.name ?? '']) {
    const text = normalizeText(raw);
    const m = /((?:19|20)\d{2})年/.exec(text) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** The columns the header spans (0-based): from its first to its last non-empty cell, merged cells included. */
export function headerExtent(view: MergedView, layout: TableLayout): { first: number; last: number } {
  let first = Infinity;
  let last = -1;
  for (let r = layout.headerTop; r <= layout.headerBottom; r++) {
    for (let c = 0; c < view.width; c++) {
      if (isEmptyCell(view.value(r, c))) continue;
      first = Math.min(first, c);
      last = Math.max(last, c);
    }
  }
  return last < 0 ? { first: 0, last: 0 } : { first, last };
}

/** What a shell may know of a sheet's columns beyond its values: now SheetData's own `hiddenColumns` (kept for callers). */
export type ColumnFacts = Pick<SheetData, 'hiddenColumns'>;

/**
 * Where the status column goes (SPEC §5), 0-based: the first column from `from` on with no cell in rows
 * top…bottom and outside every merged area there. A cell is there when the reader gave it any value, ''
 * included: a formula showing "" (Excel writes it as t="str" with an empty <v>) is not a free place, though
 * the judge reads it as blank; nor is a formula never calculated (`sheet.uncalculated`). A visible free column
 * is preferred to a hidden one (`sheet.hiddenColumns`); a hidden one is given only when no visible column is
 * free. EXCEL_MAX_COLUMNS (one past XFD) when no column is free: the writer refuses.
 */
export function firstEmptyColumn(sheet: SheetData, from: number, top: number, bottom: number): number {
  const hidden = sheet.hiddenColumns ?? [];
  const formulas = new Set<number>();
  for (const u of sheet.uncalculated ?? []) if (u.row >= top && u.row <= bottom) formulas.add(u.col);
  let firstHidden = -1;
  for (let c = from; c < EXCEL_MAX_COLUMNS; c++) {
    const range = hidden.length ? hidden.find((h) => h.min <= c && c <= h.max) : undefined;
    if (range && firstHidden >= 0) {
      c = range.max; // a free hidden column is already known: skip the rest of the range
      continue;
    }
    if (formulas.has(c) || !isFreeColumn(sheet, c, top, bottom)) continue;
    if (!range) return c;
    firstHidden = c;
    c = range.max;
  }
  return firstHidden >= 0 ? firstHidden : EXCEL_MAX_COLUMNS;
}

function isFreeColumn(sheet: SheetData, c: number, top: number, bottom: number): boolean {
  if (sheet.merges.some((m) => m.left <= c && c <= m.right && m.top <= bottom && top <= m.bottom)) return false;
  for (let r = top; r <= bottom; r++) {
    const v = sheet.rows[r]?.[c];
    if (v !== null && v !== undefined) return false;
  }
  return true;
}
