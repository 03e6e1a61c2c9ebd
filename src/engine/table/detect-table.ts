import { PeriodKind } from '../dates/periods';
import { cellText, columnIndex, WorkbookData } from '../model/workbook';
import { normalizeHeader } from '../text/normalize';
import { MergedView } from './merged-cells';
import { isSpecialSheet } from './special-sheets';
import { classifyHeader, Field, FIELDS, HeaderMeaning } from './vocabulary';

export interface PeriodColumn {
  col: number;
  period: PeriodKind;
  index: number;
}

export interface TableLayout {
  sheetIndex: number;
  sheetName: string;
  /** 0-based first and last header rows (equal for a one-row header). */
  headerTop: number;
  headerBottom: number;
  /** Field → 0-based column. */
  columns: Partial<Record<Field, number>>;
  /** Further responsible-department columns (责任部门 + 配合部门). */
  extraResponsible: number[];
  periodColumns: PeriodColumn[];
  /** The text above the header (title, 填报单位 lines), where the table's year is usually written. */
  titleText: string;
  /** How each field was found: by the header vocabulary, or by the user's override. */
  overridden: Field[];
}

/** User corrections for when detection is wrong (SPEC §2): sheet, 1-based header row, column letters. */
export interface LayoutOverride {
  sheet?: string;
  headerRow?: number;
  columns?: Partial<Record<Field, string>>;
}

const SCAN_ROWS = 40;

type RowMeanings = Map<number, HeaderMeaning>;

function meaningsOf(view: MergedView, row: number): RowMeanings {
  const meanings: RowMeanings = new Map();
  for (let c = 0; c < view.width; c++) {
    const v = view.value(row, c);
    if (typeof v !== 'string') continue;
    const meaning = classifyHeader(v);
    if (meaning) meanings.set(c, meaning);
  }
  return meanings;
}

function score(meanings: RowMeanings): number {
  const fields = new Set<string>();
  for (const m of meanings.values()) fields.add('field' in m ? m.field : 'periods');
  if (!fields.has('measure')) return 0;
  return fields.size;
}

/**
 * A second header row sits under the first when its named cells stand below merged parents
 * (完成情况 over 进展 / 完成时间 / 佐证材料) or below empty cells.
 */
function subHeader(view: MergedView, top: number, below: RowMeanings): boolean {
  if (below.size === 0) return false;
  let underGroup = false;
  for (const col of below.keys()) {
    const merge = view.mergeAt(top, col) ?? view.sheet.merges.find((m) => m.top === top && m.left === col);
    const horizontallyMerged = merge !== undefined && merge.top === top && merge.right > merge.left;
    if (horizontallyMerged) underGroup = true;
    else if (cellText(view.value(top, col)) !== '') return false;
  }
  // At least one group merged across columns (完成情况 over 进展/完成时间/佐证材料) makes it a two-row header.
  return underGroup;
}

function combine(top: RowMeanings, below: RowMeanings | null): RowMeanings {
  if (!below) return top;
  const combined: RowMeanings = new Map(top);
  for (const [col, m] of below) combined.set(col, m);
  return combined;
}

interface Candidate {
  sheetIndex: number;
  headerTop: number;
  headerBottom: number;
  meanings: RowMeanings;
  score: number;
}

function bestInSheet(view: MergedView, sheetIndex: number, onlyRow?: number): Candidate | null {
  let best: Candidate | null = null;
  const first = onlyRow ?? 0;
  const last = onlyRow ?? Math.min(view.rowCount, SCAN_ROWS) - 1;
  const rows: RowMeanings[] = [];
  for (let r = first; r <= Math.min(last + 1, view.rowCount - 1); r++) rows[r] = meaningsOf(view, r);
  for (let r = first; r <= last && r < view.rowCount; r++) {
    const top = rows[r];
    if (top.size === 0) continue;
    const below = rows[r + 1] && subHeader(view, r, rows[r + 1]) ? rows[r + 1] : null;
    const meanings = combine(top, below);
    const s = score(meanings);
    if (s >= 2 && (!best || s > best.score)) best = { sheetIndex, headerTop: r, headerBottom: below ? r + 1 : r, meanings, score: s };
  }
  return best;
}

function layoutFrom(view: MergedView, c: Candidate): TableLayout {
  const columns: Partial<Record<Field, number>> = {};
  const extraResponsible: number[] = [];
  const periodColumns: PeriodColumn[] = [];
  for (const col of [...c.meanings.keys()].sort((a, b) => a - b)) {
    const m = c.meanings.get(col)!;
    if ('period' in m) periodColumns.push({ col, period: m.period, index: m.index });
    else if (columns[m.field] === undefined) columns[m.field] = col;
    else if (m.field === 'responsible') extraResponsible.push(col);
  }
  // Many tables call the deadline 完成时间 (SPEC's word for the done date). With no other deadline
  // column and no progress group above it, that column is the deadline.
  if (columns.deadline === undefined && columns.doneDate !== undefined && c.headerTop === c.headerBottom && !view.mergeAt(c.headerTop, columns.doneDate)) {
    columns.deadline = columns.doneDate;
    delete columns.doneDate;
  }
  // Header cells merged down from the row above (序号 over two header rows) start the header there.
  let headerTop = c.headerTop;
  for (const col of c.meanings.keys()) {
    const merge = view.mergeAt(c.headerTop, col);
    if (merge && merge.top < headerTop && merge.bottom >= c.headerTop) headerTop = merge.top;
  }
  const title: string[] = [];
  for (let r = 0; r < headerTop; r++) {
    for (let col = 0; col < view.width; col++) {
      const t = cellText(view.sheet.rows[r]?.[col] ?? null);
      if (t) title.push(t);
    }
  }
  return {
    sheetIndex: c.sheetIndex,
    sheetName: view.sheet.name,
    headerTop,
    headerBottom: c.headerBottom,
    columns,
    extraResponsible,
    periodColumns,
    titleText: title.join(' '),
    overridden: [],
  };
}

export type DetectResult = { ok: true; layout: TableLayout } | { ok: false; reason: 'no_table' | 'no_sheet' | 'bad_column'; detail?: string };

/** Finds the breakdown table by its header row (SPEC §2), honouring any user override. */
export function detectTable(workbook: WorkbookData, override: LayoutOverride = {}): DetectResult {
  let indexes = workbook.sheets.map((_, i) => i).filter((i) => !isSpecialSheet(workbook.sheets[i].name));
  if (override.sheet !== undefined) {
    const wanted = normalizeHeader(override.sheet);
    const index = workbook.sheets.findIndex((s) => s.name === override.sheet || normalizeHeader(s.name) === wanted);
    if (index < 0) return { ok: false, reason: 'no_sheet', detail: override.sheet };
    indexes = [index];
  }
  const headerRow = override.headerRow !== undefined ? override.headerRow - 1 : undefined;
  const views = new Map<number, MergedView>();
  let candidate: Candidate | null = null;
  for (const i of indexes) {
    const view = new MergedView(workbook.sheets[i]);
    views.set(i, view);
    // A header row the user names counts even when its cells match no vocabulary, if they name the columns.
    const c = bestInSheet(view, i, headerRow) ?? (headerRow !== undefined && override.columns?.measure ? forcedHeader(view, i, headerRow) : null);
    if (c && (!candidate || c.score > candidate.score)) candidate = c;
  }
  if (!candidate) return { ok: false, reason: 'no_table' };
  const layout = layoutFrom(views.get(candidate.sheetIndex)!, candidate);
  for (const field of FIELDS) {
    const letters = override.columns?.[field];
    if (letters === undefined) continue;
    const col = columnIndex(letters);
    if (col === null) return { ok: false, reason: 'bad_column', detail: `${field}=${letters}` };
    for (const f of FIELDS) if (layout.columns[f] === col && f !== field) delete layout.columns[f];
    layout.periodColumns = layout.periodColumns.filter((p) => p.col !== col);
    layout.columns[field] = col;
    layout.overridden.push(field);
  }
  if (layout.columns.measure === undefined) return { ok: false, reason: 'no_table' };
  return { ok: true, layout };
}

function forcedHeader(view: MergedView, sheetIndex: number, row: number): Candidate | null {
  if (row < 0 || row >= Math.max(view.rowCount, 1)) return null;
  return { sheetIndex, headerTop: row, headerBottom: row, meanings: meaningsOf(view, row), score: 0 };
}
