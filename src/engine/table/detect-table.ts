import { CellValue, cellText, columnIndex, columnLetter, MergeRange, WorkbookData } from '../model/workbook';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { CellKind, cellKind, CellReader, profileColumns, sampleBodyRows } from './column-content';
import { assignRoles, ColumnRole, HeaderColumn, PeriodColumn, RoleAssignment } from './column-roles';
import { MergedView } from './merged-cells';
import { isSpecialSheet } from './special-sheets';
import { Field, FIELDS, headerEvidence, NAMED, notesFirstUnitLeads } from './vocabulary';

export type { ColumnRole, PeriodColumn, RoleWhy } from './column-roles';

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
  /** Further category columns, a second level (重点领域 › 工作任务 › 具体措施): `columns.category` is the first. */
  extraCategory: number[];
  /**
   * A department column's header notes that the unit listed first is the lead (责任单位（列第一位的为
   * 牵头单位）): in every row, the first unit of the responsible cells leads, as a cell's own note
   * (首位单位为牵头单位) says it for its row.
   */
  firstUnitLeads: boolean;
  periodColumns: PeriodColumn[];
  /** The text above the header (title, 填报单位 lines), where the table's year is usually written. */
  titleText: string;
  /** Fields the user's override set. */
  overridden: Field[];
  /**
   * How each column's role was decided, for the JSON report and the task pane: by the header's words,
   * by the column's cells, by both, or by the user's override; confidence 0..1. Lists every column in
   * `columns` and `extraResponsible`, and older progress columns (superseded: shown, not judged).
   */
  columnRoles: ColumnRole[];
}

/** User corrections for when detection is wrong (SPEC §2): sheet, 1-based header row, column letters. */
export interface LayoutOverride {
  sheet?: string;
  headerRow?: number;
  columns?: Partial<Record<Field, string>>;
}

/** Header rows are looked for among each sheet's first rows. */
const SCAN_ROWS = 40;
/** Columns looked at: breakdown tables are narrow, and a sheet of 16,384 columns is not read to its end. */
const MAX_COLUMNS = 128;

/** Kinds of cell that are data, not column names (a header "牵头单位" reads as a unit, and is named by the vocabulary). */
const DATA_KINDS = new Set<CellKind>(['unit', 'person', 'deadline', 'date', 'progress', 'id', 'number']);

/** One way to read a sheet: header rows, the columns under them and their roles. */
interface Candidate {
  sheetIndex: number;
  headerTop: number;
  headerBottom: number;
  columns: HeaderColumn[];
  roles: RoleAssignment;
}

/** A cell that can be a column name: a short text, not a number or a date. */
function headerLike(v: CellValue | undefined): v is string {
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return t.length > 0 && t.length <= 40 && !/^[\d.\-/\s]+$/.test(t) && normalizeHeader(t).length <= 24;
}

/** The horizontally merged area a header cell belongs to (as its anchor or inside it), if any. */
function horizontalMerge(view: MergedView, row: number, col: number): MergeRange | undefined {
  const inside = view.mergeAt(row, col);
  const merge = inside ?? view.anchorMerge(row, col);
  return merge && merge.right > merge.left ? merge : undefined;
}

/**
 * A second header row under `top`: its own cells are short texts standing below groups merged across
 * columns (完成情况 over 进展 / 完成时间 / 佐证材料) or below empty cells, at least one below a group.
 */
function subHeaderBelow(view: MergedView, top: number, width: number): boolean {
  const below = top + 1;
  const cells = view.sheet.rows[below];
  if (!cells) return false;
  let underGroup = false;
  for (let c = 0; c < Math.min(cells.length, width); c++) {
    const own = cells[c];
    if (own === null || own === undefined || cellText(own) === '') continue;
    if (!headerLike(own)) return false;
    const merge = horizontalMerge(view, top, c);
    if (merge && merge.bottom === top) underGroup = true;
    else if (cellText(view.value(top, c)) !== '') return false;
  }
  return underGroup;
}

interface RowHeaders {
  /** Own (not merge-filled) header-like cells. */
  own: number;
  /** Cells the vocabulary names (a term, or a period): without one, no table is plausible here. */
  named: number;
  /** Cells with weaker evidence (the words of a term: 归口科室, 时间进度). */
  hinted: number;
}

function rowHeaders(view: MergedView, row: number, width: number): RowHeaders {
  let own = 0;
  let named = 0;
  let hinted = 0;
  const cells = view.sheet.rows[row];
  if (!cells) return { own, named, hinted };
  for (let c = 0; c < Math.min(cells.length, width); c++) {
    const v = cells[c];
    if (!headerLike(v)) continue;
    own++;
    const e = headerEvidence(v);
    let strongest = e.period ? 1 : 0;
    for (const w of Object.values(e.fields)) strongest = Math.max(strongest, w!);
    if (strongest >= NAMED) named++;
    else if (strongest > 0 && !DATA_KINDS.has(cellKind(v)!)) hinted++;
  }
  return { own, named, hinted };
}

/** The columns under header rows top…bottom, each with its header as written. */
function headerColumns(view: MergedView, top: number, bottom: number, width: number): HeaderColumn[] {
  let last = -1;
  const texts: Array<{ header: string; group: string; underGroup: boolean; readsAsData: boolean }> = [];
  for (let c = 0; c < width; c++) {
    const topValue = view.value(top, c);
    const topText = headerLike(topValue) ? topValue.trim() : '';
    let header = topText;
    let group = '';
    let underGroup = false;
    if (bottom > top) {
      const sub = view.value(bottom, c);
      const merge = horizontalMerge(view, top, c);
      if (headerLike(sub) && !(view.isFilled(bottom, c) && view.mergeAt(bottom, c)?.top === top)) {
        header = sub.trim();
        group = topText;
        underGroup = merge !== undefined && merge.bottom === top;
      }
    }
    // A two-row header was recognised as one (subHeaderBelow): its cells are names even when they read as dates (1-10月).
    texts.push({
      header,
      group,
      underGroup,
      readsAsData:
        bottom === top && header !== '' && DATA_KINDS.has(cellKind(header)!) && !headerEvidence(header).period,
    });
    if (header) last = c;
  }
  const columns: HeaderColumn[] = [];
  for (let c = 0; c <= last; c++) columns.push({ col: c, ...texts[c] });
  return columns;
}

function candidateAt(
  view: MergedView,
  sheetIndex: number,
  reader: CellReader,
  top: number,
  width: number,
  forced: Partial<Record<Field, number>>,
): Candidate | null {
  const bottom = subHeaderBelow(view, top, width) ? top + 1 : top;
  const columns = headerColumns(view, top, bottom, width);
  if (columns.length === 0) return null;
  for (const col of Object.values(forced))
    if (col >= columns.length)
      for (let c = columns.length; c <= col; c++)
        columns.push({ col: c, header: '', group: '', underGroup: false, readsAsData: false });
  const sample = sampleBodyRows(view, bottom);
  const profiles = profileColumns(
    view,
    reader,
    sample,
    columns.map((c) => c.col),
  );
  const roles = assignRoles(columns, profiles, bottom === top, forced);
  return { sheetIndex, headerTop: top, headerBottom: bottom, columns, roles };
}

function layoutFrom(view: MergedView, c: Candidate): TableLayout {
  // Header cells merged down from the row above (序号 over two header rows) start the header there.
  let headerTop = c.headerTop;
  for (const role of c.roles.roles) {
    const merge = view.mergeAt(c.headerTop, role.col);
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
    columns: c.roles.columns,
    extraResponsible: c.roles.extraResponsible,
    extraCategory: c.roles.extraCategory,
    firstUnitLeads: c.roles.roles.some(
      (r) => (r.field === 'responsible' || r.field === 'lead') && notesFirstUnitLeads(r.header),
    ),
    periodColumns: c.roles.periodColumns,
    titleText: title.join(' '),
    overridden: [],
    columnRoles: c.roles.roles,
  };
}

/** When no table is found: the likeliest header row, and the overrides that would settle it (SPEC §2). */
export interface DetectFailure {
  ok: false;
  reason: 'no_table' | 'no_sheet' | 'bad_column';
  detail?: string;
  /** The best header row there was: sheet, 1-based row, its header texts. */
  candidate?: { sheet: string; row: number; headers: string[] };
  /** CLI options that would help, e.g. ['--header-row 3', '--column measure=C']. */
  hint?: string[];
}

export type DetectResult = { ok: true; layout: TableLayout } | DetectFailure;

/**
 * Finds the breakdown table (SPEC §2): the sheet and header row whose columns best explain the body
 * below them, each column's role told by its header words and its cells (a bounded sample of rows, so
 * a few ms for 100,000 rows). Handles titles, 填报单位 lines, two-row headers, a header cell over two
 * sub-columns, category rows, blank rows and notes at the bottom. Honours the user's override: sheet,
 * 1-based header row, column letters; the measure column alone is enough to find the header row.
 * Fails with the best candidate and the overrides that would help.
 */
/** A header row's texts, with its sheet: equal for a header and its repeats. */
function headerSignature(view: MergedView, sheetIndex: number, row: number, width: number): string {
  let signature = `${sheetIndex}`;
  for (let c = 0; c < width; c++) signature += `\u0001${cellText(view.value(row, c))}`;
  return signature;
}

export function detectTable(workbook: WorkbookData, override: LayoutOverride = {}): DetectResult {
  let indexes = workbook.sheets.map((_, i) => i).filter((i) => !isSpecialSheet(workbook.sheets[i].name));
  if (override.sheet !== undefined) {
    const wanted = normalizeHeader(override.sheet);
    const index = workbook.sheets.findIndex((s) => s.name === override.sheet || normalizeHeader(s.name) === wanted);
    if (index < 0) return { ok: false, reason: 'no_sheet', detail: override.sheet };
    indexes = [index];
  }
  const forced: Partial<Record<Field, number>> = {};
  const overridden: Field[] = [];
  for (const field of FIELDS) {
    const letters = override.columns?.[field];
    if (letters === undefined) continue;
    const col = columnIndex(letters);
    if (col === null) return { ok: false, reason: 'bad_column', detail: `${field}=${letters}` };
    // A column named twice keeps its last field, as a later correction overrides an earlier one.
    for (const f of FIELDS) if (forced[f] === col) delete forced[f];
    forced[field] = col;
    overridden.push(field);
  }
  const headerRow = override.headerRow !== undefined ? override.headerRow - 1 : undefined;
  const views = new Map<number, MergedView>();
  let best: Candidate | null = null;
  let fallback: Candidate | null = null;
  let fallbackRow: RowHeaders | null = null;
  // A header repeated under each section (一、… header … 二、… header …) is one table, started by the first.
  const seenHeaders = new Set<string>();
  for (const i of indexes) {
    const view = new MergedView(workbook.sheets[i]);
    views.set(i, view);
    const reader = new CellReader(view);
    const width = Math.min(view.width, MAX_COLUMNS);
    const first = headerRow ?? 0;
    const last = headerRow ?? Math.min(view.rowCount, SCAN_ROWS) - 1;
    for (let r = first; r <= last && r < view.rowCount; r++) {
      const row = rowHeaders(view, r, width);
      if (headerRow === undefined) {
        if (row.own < 2) continue;
        // Only a row whose words name or hint at columns can make a plausible table (see assignRoles).
        if (
          forced.measure === undefined ? row.named === 0 && row.hinted < 2 : !headerLike(view.value(r, forced.measure))
        )
          continue;
      }
      const c = candidateAt(view, i, reader, r, width, forced);
      if (!c) continue;
      const accepted =
        headerRow !== undefined || forced.measure !== undefined
          ? c.roles.columns.measure !== undefined
          : c.roles.plausible;
      if (accepted) {
        const signature = headerSignature(view, i, r, width);
        if (seenHeaders.has(signature)) continue;
        seenHeaders.add(signature);
        if (!best || c.roles.score > best.roles.score) best = c;
      } else if (!fallback || likelier(c, row, fallback, fallbackRow!)) [fallback, fallbackRow] = [c, row];
    }
  }
  if (!best && !fallback && headerRow === undefined) fallback = likeliestHeader(views, forced);
  if (!best)
    return failure(workbook, views, fallback, {
      sheet: indexes.length < 2 || override.sheet !== undefined,
      row: headerRow !== undefined,
      measure: forced.measure !== undefined,
    });
  const layout = layoutFrom(views.get(best.sheetIndex)!, best);
  layout.overridden = overridden.filter((f) => forced[f] !== undefined);
  if (layout.columns.measure === undefined) return { ok: false, reason: 'no_table' };
  return { ok: true, layout };
}

/**
 * When no row names a column the vocabulary knows: the row whose words hint at columns best (项目 ·
 * 归属 · 时段), only to tell the user where to point the overrides.
 */
function likeliestHeader(views: Map<number, MergedView>, forced: Partial<Record<Field, number>>): Candidate | null {
  let best: Candidate | null = null;
  let bestRow: RowHeaders | null = null;
  for (const [i, view] of views) {
    const reader = new CellReader(view);
    const width = Math.min(view.width, MAX_COLUMNS);
    for (let r = 0; r < Math.min(view.rowCount, SCAN_ROWS); r++) {
      const row = rowHeaders(view, r, width);
      if (row.own < 2 || row.hinted === 0) continue;
      const c = candidateAt(view, i, reader, r, width, forced);
      if (c && (!best || likelier(c, row, best, bestRow!))) [best, bestRow] = [c, row];
    }
  }
  return best;
}

/** Of two rejected header rows, the one whose words name more columns; then the one explaining more. */
function likelier(c: Candidate, row: RowHeaders, than: Candidate, thanRow: RowHeaders): boolean {
  const words = 2 * row.named + row.hinted;
  const thanWords = 2 * thanRow.named + thanRow.hinted;
  return words > thanWords || (words === thanWords && c.roles.score > than.roles.score);
}

/** The failure for "no table": the candidate header row, and only the overrides the user has not given yet. */
function failure(
  workbook: WorkbookData,
  views: Map<number, MergedView>,
  c: Candidate | null,
  given: { sheet: boolean; row: boolean; measure: boolean },
): DetectFailure {
  if (!c) return { ok: false, reason: 'no_table' };
  const sheet = workbook.sheets[c.sheetIndex].name;
  const row = c.headerTop + 1;
  const headers = c.columns.map((x) => x.header).filter((h) => h !== '');
  const hint: string[] = [];
  if (!given.sheet) hint.push(`--sheet ${/\s/.test(sheet) ? JSON.stringify(sheet) : sheet}`);
  if (!given.row) hint.push(`--header-row ${row}`);
  const guess = given.measure ? undefined : (c.roles.measureGuess ?? textColumn(views.get(c.sheetIndex)!, c));
  if (guess !== undefined) hint.push(`--column measure=${columnLetter(guess)}`);
  return { ok: false, reason: 'no_table', candidate: { sheet, row, headers }, hint };
}

/** The column below the candidate with the longest texts: where the task text most likely is. */
function textColumn(view: MergedView, c: Candidate): number | undefined {
  let best: number | undefined;
  let bestLength = 0;
  const rows = sampleBodyRows(view, c.headerBottom).slice(0, 10);
  for (const { col } of c.columns) {
    let length = 0;
    for (const r of rows) {
      const v = view.value(r, col);
      if (typeof v === 'string') length += normalizeText(v).length;
    }
    if (length > bestLength) [best, bestLength] = [col, length];
  }
  return best;
}
