import { emptyList } from '../cache/shared-values';
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

/** The row's own (not merge-filled) non-empty cells: how many (up to 3: more is "many") and the first. */
function ownCells(view: MergedView, row: number): { count: number; firstCol: number } {
  const cells = view.sheet.rows[row];
  let count = 0;
  let firstCol = -1;
  if (cells) {
    for (let c = 0; c < cells.length && count < 3; c++) {
      if (isEmptyCell(cells[c] ?? null)) continue;
      if (count === 0) firstCol = c;
      count++;
    }
  }
  return { count, firstCol };
}

/** Whether every own non-empty cell of the row reads `text` (a category written across, or merged). */
function allCellsRead(view: MergedView, row: number, text: string): boolean {
  for (const value of view.sheet.rows[row] ?? [])
    if (!isEmptyCell(value ?? null) && cellText(value) !== text) return false;
  return true;
}

/**
 * The task rows below the header. Skipped: blank rows, category rows ("一、突出政治统领…" alone on a
 * row, which set the category of the rows below), repeated header rows and totals. Reading stops at
 * the notes under the table ("填表说明：…").
 */
export function readTableRows(view: MergedView, layout: TableLayout): TableRow[] {
  return [...tableRows(view, layout)];
}

/** The task rows one at a time, so a caller judging each row as it comes keeps none of them alive (100k rows). */
export function* tableRows(view: MergedView, layout: TableLayout): Generator<TableRow> {
  const { columns } = layout;
  const measureCol = columns.measure!;
  const mapped = FIELDS.filter((f) => columns[f] !== undefined).map((f) => [f, columns[f]!] as const);
  const dataColumns = TASK_DATA_FIELDS.map((f) => columns[f])
    .filter((c): c is number => c !== undefined)
    .concat(layout.periodColumns.map((p) => p.col));
  let category = '';
  for (let r = layout.headerBottom + 1; r < view.rowCount; r++) {
    const own = ownCells(view, r);
    if (own.count === 0 && !view.isFilled(r, measureCol)) continue;
    const firstText = own.count > 0 ? cellText(view.sheet.rows[r][own.firstCol]) : '';
    if (own.count <= 2 && NOTE_START.test(normalizeText(firstText))) break;
    if (own.count === 1 && TOTAL_ROW.test(normalizeText(firstText))) continue;

    const taskData = hasTaskData(view, r, dataColumns);
    if (
      !taskData &&
      own.count > 0 &&
      allCellsRead(view, r, firstText) &&
      looksLikeCategory(view, r, own.firstCol, measureCol, firstText)
    ) {
      category = firstText;
      continue;
    }
    if (isEmptyCell(view.value(r, measureCol)) && !taskData) continue;
    if (isHeaderAgain(view, r, measureCol)) continue;

    const values: Partial<Record<Field, CellValue>> = {};
    for (const [field, col] of mapped) values[field] = view.value(r, col);
    const categoryCol = columns.category;
    const categoryValue = categoryCol !== undefined ? cellText(view.value(r, categoryCol)) : '';
    yield {
      row: r,
      values,
      extraResponsible:
        layout.extraResponsible.length === 0 ? emptyList() : layout.extraResponsible.map((c) => view.value(r, c)),
      periodValues:
        layout.periodColumns.length === 0
          ? emptyList()
          : layout.periodColumns.map((column) => ({ column, value: view.value(r, column.col) })),
      category: categoryValue || category,
      idFromMerge: columns.id !== undefined && view.isFilled(r, columns.id),
    };
  }
}

/** Fields whose own cell makes a row a task row rather than a category or blank row. */
const TASK_DATA_FIELDS: Field[] = [
  'lead',
  'responsible',
  'deadline',
  'progress',
  'doneDate',
  'owner',
  'evidence',
  'count',
];

/** Whether the row has anything besides a measure/category text: a department, deadline, progress or period mark. */
function hasTaskData(view: MergedView, row: number, dataColumns: number[]): boolean {
  const cells = view.sheet.rows[row];
  if (!cells) return false;
  for (const col of dataColumns) if (!isEmptyCell(cells[col] ?? null)) return true;
  return false;
}

const ENUMERATED =
  /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(?:部分|章|节|方面|项))/;

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
