import { CellValue, cellText, isEmptyCell } from '../model/workbook';
import { normalizeText } from '../text/normalize';
import { PeriodColumn, TableLayout } from './detect-table';
import { MergedView } from './merged-cells';
import { classifyHeader, Field, FIELDS } from './vocabulary';

/** One task row of the breakdown table, with merged cells already filled in. */
export interface TableRow {
  /** 0-based sheet row. */
  row: number;
  values: Partial<Record<Field, CellValue>>;
  extraResponsible: CellValue[];
  periodValues: Array<{ column: PeriodColumn; value: CellValue }>;
  category: string;
  /** The id shows only through a merged area (one task spread over several rows). */
  idFromMerge: boolean;
}

const NOTE_START = /^(填表说明|填报说明|说明|注|备注|附注|注意事项|附件)\s*[:：\d一1]/;
const TOTAL_ROW = /^(合计|总计|小计|total)$/i;

/** The row's own (not merge-filled) non-empty cells: how many, the first, and whether all read the same. */
function ownCells(view: MergedView, row: number): { count: number; firstCol: number; firstText: string; allSame: boolean } {
  const cells = view.sheet.rows[row];
  let count = 0;
  let firstCol = -1;
  let firstText = '';
  let allSame = true;
  if (cells) {
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (isEmptyCell(value ?? null)) continue;
      if (count === 0) {
        firstCol = c;
        firstText = cellText(value);
      } else if (allSame && cellText(value) !== firstText) allSame = false;
      count++;
    }
  }
  return { count, firstCol, firstText, allSame };
}

/**
 * The task rows below the header. Skipped: blank rows, category rows ("一、突出政治统领…" alone on a
 * row, which set the category of the rows below), repeated header rows and totals. Reading stops at
 * the notes under the table ("填表说明：…").
 */
export function readTableRows(view: MergedView, layout: TableLayout): TableRow[] {
  const rows: TableRow[] = [];
  const { columns } = layout;
  const measureCol = columns.measure!;
  let category = '';
  for (let r = layout.headerBottom + 1; r < view.rowCount; r++) {
    const own = ownCells(view, r);
    if (own.count === 0 && !view.isFilled(r, measureCol)) continue;
    const { firstText } = own;
    if (own.count <= 2 && NOTE_START.test(normalizeText(firstText))) break;
    if (own.count === 1 && TOTAL_ROW.test(normalizeText(firstText))) continue;

    const taskData = hasTaskData(view, r, layout);
    if (!taskData && own.count > 0 && own.allSame && looksLikeCategory(view, r, own.firstCol, measureCol, firstText)) {
      category = firstText;
      continue;
    }
    if (isEmptyCell(view.value(r, measureCol)) && !taskData) continue;
    if (isHeaderAgain(view, r, measureCol)) continue;

    const values: Partial<Record<Field, CellValue>> = {};
    for (const field of FIELDS) {
      const col = columns[field];
      if (col !== undefined) values[field] = view.value(r, col);
    }
    const categoryCol = columns.category;
    const categoryValue = categoryCol !== undefined ? cellText(view.value(r, categoryCol)) : '';
    rows.push({
      row: r,
      values,
      extraResponsible: layout.extraResponsible.map((c) => view.value(r, c)),
      periodValues: layout.periodColumns.map((column) => ({ column, value: view.value(r, column.col) })),
      category: categoryValue || category,
      idFromMerge: columns.id !== undefined && view.isFilled(r, columns.id),
    });
  }
  return rows;
}

/** Whether the row has anything besides a measure/category text: a department, deadline or progress. */
function hasTaskData(view: MergedView, row: number, layout: TableLayout): boolean {
  const fields: Field[] = ['lead', 'responsible', 'deadline', 'progress', 'doneDate', 'owner', 'evidence', 'count'];
  for (const f of fields) {
    const col = layout.columns[f];
    if (col !== undefined && !isEmptyCell(view.sheet.rows[row]?.[col] ?? null)) return true;
  }
  return layout.periodColumns.some((p) => !isEmptyCell(view.sheet.rows[row]?.[p.col] ?? null));
}

const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(?:部分|章|节|方面|项))/;

/** A lone text is a category when enumerated (一、…), merged across columns, or outside the measure column. */
function looksLikeCategory(view: MergedView, row: number, col: number, measureCol: number, text: string): boolean {
  if (ENUMERATED.test(normalizeText(text))) return true;
  if (col !== measureCol) return true;
  return view.sheet.merges.some((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right > m.left);
}

/** A header repeated inside the table (page breaks pasted in): its measure cell is a column name. */
function isHeaderAgain(view: MergedView, row: number, measureCol: number): boolean {
  const measure = view.sheet.rows[row]?.[measureCol];
  if (typeof measure !== 'string' || measure.length > 12 || !classifyHeader(measure)) return false;
  let named = 0;
  for (let c = 0; c < view.width && named < 3; c++) {
    const v = view.sheet.rows[row]?.[c];
    if (typeof v === 'string' && v.length <= 12 && classifyHeader(v)) named++;
  }
  return named >= 3;
}
