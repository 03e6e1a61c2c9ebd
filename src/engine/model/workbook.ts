/**
 * What the engine reads: plain cell values, merged areas and the workbook's date system. The shells
 * (exceljs in the CLI, Office.js in the add-in) produce this; the engine never sees either library.
 */

/** A cell the spreadsheet displays as a date, already converted to a calendar date (YYYY-MM-DD). */
export interface DateValue {
  date: string;
  /** The cell's number format shows no day ('yyyy"年"m"月"'): the date stands for its month's end (SPEC §2). */
  monthOnly?: boolean;
}

/** Text, number, boolean, date, or empty. Error cells arrive as their text ("#N/A"). */
export type CellValue = string | number | boolean | DateValue | null;

/** A merged area, 0-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  /** rows[r][c], 0-based; rows may be ragged or sparse (missing = empty). */
  rows: CellValue[][];
  merges: MergeRange[];
  hidden?: boolean;
  /**
   * Cells holding a formula with no calculated value (files written by libraries: `<c><f>A1+1</f></c>`,
   * no `<v>`), 0-based, in row order. rows[] holds null for them, but they are not blank: the value is
   * unknown until Excel or WPS calculates it (issue 16). The status column never goes on them.
   */
  uncalculated?: ReadonlyArray<{ row: number; col: number }>;
  /** Column ranges a `<col hidden="1">` hides, 0-based and inclusive: the status column avoids them (SPEC §5). */
  hiddenColumns?: ReadonlyArray<{ min: number; max: number }>;
}

export interface WorkbookData {
  sheets: SheetData[];
  /** True when the workbook counts date serials from 1904 (Mac Excel, some LibreOffice files). */
  date1904: boolean;
  /** File name, used only to find the table's year when the sheet names none. */
  name?: string;
}

export function isDateValue(v: CellValue): v is DateValue {
  return typeof v === 'object' && v !== null && 'date' in v;
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e10) / 1e10);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.date;
}

export function isEmptyCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Columns on a worksheet, A … XFD: "1,048,576 rows by 16,384 columns" (Microsoft, "Excel specifications
 * and limits", https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * Column letters go up to three, but AAA–ZZZ past XFD name no column.
 */
export const EXCEL_MAX_COLUMNS = 16384;

/** Column letters for a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index of column letters ("AB" → 27), or null. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "AB12" or "$AB$12" → 0-based row and column, or null. */
export function cellPosition(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1])! };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
