import { DayNumber, toYmd } from '../dates/civil-date';
import { isEmptyCell, SheetData, WorkbookData } from '../model/workbook';
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

/**
 * The first column from `from` on with no value in rows top…bottom and outside every merged area there
 * (0-based): where the status column goes (SPEC §5).
 */
export function firstEmptyColumn(sheet: SheetData, from: number, top: number, bottom: number): number {
  for (let c = from; ; c++) {
    let empty = !sheet.merges.some((m) => m.left <= c && c <= m.right && m.top <= bottom && top <= m.bottom);
    for (let r = top; empty && r <= bottom; r++) if (!isEmptyCell(sheet.rows[r]?.[c])) empty = false;
    if (empty) return c;
  }
}
