import { Lang, Message } from '../i18n';
import { Report } from '../model/report';
import { CellValue, cellText, WorkbookData } from '../model/workbook';
import { rowDepartments } from '../table/departments';
import { detectTable, LayoutOverride, TableLayout } from '../table/detect-table';
import { MergedView } from '../table/merged-cells';
import { tableRows } from '../table/read-rows';
import { Field } from '../table/vocabulary';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { pick } from '../write/labels';
import { GeneratedSheet, PlanCell, SheetRole } from '../write/plan';
import { num, rowLink, tableSheet, text } from '../write/sheet-builder';
import { masterIdOf, rowKey, SENT_SHEET, SentRecord, sentRecordFromRows, SentRow, sentText } from './sent-record';
import { PROGRESS_FIELDS } from './split-plan';
import { sharedBigrams } from '../text/similarity';
import { dayOf, formatIso, isPlausible } from '../dates/civil-date';
import { serialToDay } from '../dates/excel-serial';

/*
 * 合并反馈 (SPEC §8, issue 19): which cells of the departments' returned workbooks go into the master.
 * Pure: the master and each reply as plain workbooks in, decisions out; src/xlsx/merge-package.ts
 * writes them. Rows match by id or measure text (rowKey), never by row number: departments sort and
 * insert rows. A reply made by split carries the record of what was sent (`_luoshi_sent`), so a cell
 * the department changed is told from one the master changed since. A reply without a record is the
 * whole master as emailed: its cells are compared with the master's current values, and its
 * department is the one its file is named after (台账-组织部.xlsx), else the one on every row it
 * changed (see replyDepartment).
 */

/** A returned workbook, read (Luoshi's own sheets and status column already taken out). */
export interface MergeReply {
  readonly fileName: string;
  readonly workbook: WorkbookData;
}

/** Where a decision is about: a cell of the master's breakdown table, and whose reply it came from. */
export interface MergeCellRef {
  /** The reply's file name. */
  readonly file: string;
  /** The department the reply answers for ('' when it cannot be told). */
  readonly department: string;
  /** 0-based row and column in the master; -1 when the row or column is not in the master. */
  readonly row: number;
  readonly col: number;
  /** The column's header as written in the master (or in the reply, for a column the master lacks). */
  readonly field: string;
  readonly id: string;
  readonly measure: string;
}

/** A cell taken into the master: its display text before and after, and the value to write. */
export interface MergeChange extends MergeCellRef {
  readonly old: string;
  readonly new: string;
  /** The reply's cell as read (a number stays a number, a date a date). */
  readonly value: CellValue;
}

/** Changed in the reply and in the master (or by two replies), differently: the master keeps its value. */
export interface MergeConflict extends MergeCellRef {
  /** What was sent ('' for a reply without a record). */
  readonly sent: string;
  readonly master: string;
  readonly reply: string;
  readonly reason: Message;
}

export type NotTakenCode =
  'other_department' | 'not_progress_column' | 'row_not_in_master' | 'duplicate_row' | 'formula_cell';

/** An edit in a reply that is not taken: listed, never applied. */
export interface MergeNotTaken extends MergeCellRef {
  readonly code: NotTakenCode;
  /** The reply's text, and the master's where the cell exists there. */
  readonly value: string;
  readonly master: string;
  readonly reason: Message;
}

export type SkipCode =
  | 'not_workbook'
  | 'encrypted'
  | 'no_table'
  | 'other_master'
  | 'rows_no_longer_match'
  | 'broken_record'
  | 'duplicate_reply';

/** A reply not merged at all, with one line saying why. */
export interface MergeSkip {
  readonly fileName: string;
  readonly code: SkipCode;
  readonly reason: Message;
}

export interface MergeDecisions {
  /** The master's breakdown sheet. */
  readonly sheet: string;
  readonly changes: MergeChange[];
  readonly conflicts: MergeConflict[];
  readonly notTaken: MergeNotTaken[];
  readonly skipped: MergeSkip[];
}

/**
 * Why nothing can be merged: the master has no table ('no_table'), or the "master" is a department's
 * reply (it holds a `_luoshi_sent` record: the files were given the wrong way round, 'master_is_reply').
 */
export type MergeFailCode = 'no_table' | 'master_is_reply';

export type MergePlanResult =
  { ok: true; decisions: MergeDecisions } | { ok: false; message: Message; code?: MergeFailCode };

/** A row of a table, as merge needs it. */
interface TableRowInfo {
  readonly row: number;
  readonly key: string;
  readonly measureKey: string;
  readonly id: string;
  readonly measure: string;
  /** Names of the departments leading or responsible, as written, and normalised for matching. */
  readonly unitNames: readonly string[];
  readonly units: readonly string[];
  /** The leading (牵头) departments, normalised. */
  readonly leads: readonly string[];
  readonly values: (col: number) => CellValue;
}

interface Table {
  readonly layout: TableLayout;
  readonly view: MergedView;
  readonly rows: TableRowInfo[];
  /** 0-based column → header as written; only columns with a header. */
  readonly headers: Map<number, string>;
  /** SentRecord.masterId of this table, computed as split computes it. */
  readonly masterId: string;
}

/** Display text of a cell as merge compares it (what split records): cellText, line breaks as "\n". */
export function mergeText(v: CellValue | undefined): string {
  return sentText(cellText(v ?? null));
}

const unitKey = (name: string) => normalizeText(name);

/** Serial numbers a date column can hold without being something else (1954 … 2119), as cell-dates.ts. */
const SERIAL_RANGE = { min: 20000, max: 80000 };
/** A text that is one whole date with its year: 2022.9.20, 2022/9/20, 2022-09-20, 2022年9月20日. */
const WHOLE_DATE = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/;

/**
 * A date column's cell as the date it states: a date serial in a General cell (a date typed or written
 * by exceljs, WPS or an old split file into a cell without a date format) or a text that is one whole
 * date is a date, so a date answer arrives in the master as a date (issue 19). Anything else as it is.
 */
function asDate(v: CellValue, date1904: boolean): CellValue {
  let day: number | null = null;
  if (typeof v === 'number') {
    if (v >= SERIAL_RANGE.min && v <= SERIAL_RANGE.max) day = serialToDay(v, date1904);
  } else if (typeof v === 'string' && v.length <= 16) {
    const m = WHOLE_DATE.exec(normalizeText(v));
    if (m) day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return day !== null && isPlausible(day) ? { date: formatIso(day) } : v;
}

/** The date-type progress columns of a table (完成时间, 最近更新), 0-based. */
function dateColumns(layout: TableLayout): Set<number> {
  const out = new Set<number>();
  for (const f of ['doneDate', 'lastDate'] as const) if (layout.columns[f] !== undefined) out.add(layout.columns[f]!);
  return out;
}

function readTable(workbook: WorkbookData, override?: LayoutOverride): Table | null {
  const detected = detectTable(workbook, override);
  if (!detected.ok) return null;
  const layout = detected.layout;
  const view = new MergedView(workbook.sheets[layout.sheetIndex]);
  const dates = dateColumns(layout);
  const date1904 = workbook.date1904;
  const headers = new Map<number, string>();
  for (let c = 0; c < view.width; c++) {
    // A two-row header names a column by its lower cell (完成情况 › 进展), else by the upper one.
    const h = cellText(view.value(layout.headerBottom, c)) || cellText(view.value(layout.headerTop, c));
    if (h) headers.set(c, h);
  }
  const rows: TableRowInfo[] = [];
  for (const r of tableRows(view, layout)) {
    const id = cellText(r.values.id ?? null);
    const measure = cellText(r.values.measure ?? null);
    const { lead, responsible } = rowDepartments(
      [cellText(r.values.lead ?? null)],
      [cellText(r.values.responsible ?? null), ...r.extraResponsible.map(cellText)],
      layout.firstUnitLeads,
    );
    const row = r.row;
    rows.push({
      row,
      key: rowKey(id, measure),
      measureKey: rowKey(undefined, measure),
      id,
      measure,
      unitNames: [...lead, ...responsible],
      units: [...lead, ...responsible].map(unitKey),
      leads: lead.map(unitKey),
      values: (col) => (dates.has(col) ? asDate(view.value(row, col), date1904) : view.value(row, col)),
    });
  }
  // As split-plan's masterIdOfReport: the header rows' own texts, the rows' keys.
  const headerTexts: string[] = [];
  for (let r = layout.headerTop; r <= layout.headerBottom; r++)
    for (const v of view.sheet.rows[r] ?? []) if (cellText(v ?? null)) headerTexts.push(cellText(v));
  const masterId = masterIdOf(
    layout.sheetName,
    headerTexts,
    rows.map((r) => r.key),
  );
  return { layout, view, rows, headers, masterId };
}

/** The master's progress-type columns: progress, done date, evidence, count, last date and the period columns. */
function progressColumns(layout: TableLayout): Set<number> {
  const out = new Set<number>();
  for (const f of PROGRESS_FIELDS) if (layout.columns[f] !== undefined) out.add(layout.columns[f]!);
  for (const p of layout.periodColumns) out.add(p.col);
  return out;
}

/** Reply column → master column: by header text (normalised), else by the field both columns were read as. */
function mapColumns(master: Table, reply: Table): Map<number, number> {
  const byHeader = new Map<string, number[]>();
  for (const [c, h] of master.headers) {
    const k = normalizeHeader(h);
    byHeader.set(k, [...(byHeader.get(k) ?? []), c]);
  }
  const used = new Set<number>();
  const out = new Map<number, number>();
  for (const [c, h] of reply.headers) {
    const m = byHeader.get(normalizeHeader(h))?.find((x) => !used.has(x));
    if (m !== undefined) {
      out.set(c, m);
      used.add(m);
    }
  }
  for (const [field, c] of Object.entries(reply.layout.columns)) {
    const m = master.layout.columns[field as Field];
    if (c !== undefined && m !== undefined && !out.has(c) && !used.has(m)) {
      out.set(c, m);
      used.add(m);
    }
  }
  return out;
}

/** Master rows by key and by measure text; a key two rows share finds neither (never a guess). */
class RowIndex {
  private readonly byKey = new Map<string, TableRowInfo | null>();
  private readonly byMeasure = new Map<string, TableRowInfo | null>();
  constructor(rows: readonly TableRowInfo[]) {
    for (const r of rows) {
      this.byKey.set(r.key, this.byKey.has(r.key) ? null : r);
      this.byMeasure.set(r.measureKey, this.byMeasure.has(r.measureKey) ? null : r);
    }
  }
  /**
   * The row with the same id and about the same measure (a clerk may have corrected a word), else the
   * row with the same measure text (the ids were renumbered). An id alone never matches: row 1 of
   * another master is not this master's row 1.
   */
  find(r: TableRowInfo): TableRowInfo | null {
    const byKey = this.byKey.get(r.key);
    if (byKey && (byKey.measureKey === r.measureKey || sameThing(byKey.measureKey, r.measureKey))) return byKey;
    return this.byMeasure.get(r.measureKey) ?? null;
  }
  hasKey(key: string): boolean {
    return this.byKey.has(key);
  }
}

/**
 * Two cell texts that say the same: equal, or equal as matching compares them (a re-save in
 * traditional characters or full-width digits is no edit). The text taken is always as written.
 */
function same(a: string, b: string): boolean {
  return a === b || normalizeText(a) === normalizeText(b);
}

/** Two measure texts about the same thing: at least half of the shorter one's character pairs shared. */
function sameThing(a: string, b: string): boolean {
  return 2 * sharedBigrams(a, b) >= Math.min(a.length, b.length) - 1;
}

const REASONS: Record<
  NotTakenCode | SkipCode | 'both_changed' | 'blank_in_reply' | 'replies_differ' | 'lead_taken',
  Message
> = {
  other_department: {
    zh: '不是该部门的任务，未采纳',
    en: "Not one of this department's tasks; not taken",
  },
  not_progress_column: {
    zh: '不是填报进展的列（完成情况、完成时间、佐证材料等），未采纳',
    en: 'Not a progress-type column (progress, done date, evidence …); not taken',
  },
  row_not_in_master: {
    zh: '台账中找不到这一行（按序号和具体措施匹配），未采纳',
    en: 'No row of the master has this id or measure; not taken',
  },
  duplicate_row: {
    zh: '回复中这一行出现了不止一次，只采纳第一行',
    en: 'The row appears more than once in the reply; only the first is taken',
  },
  formula_cell: {
    zh: '台账中该单元格是公式，未覆盖',
    en: 'The master cell holds a formula; not overwritten',
  },
  not_workbook: { zh: '不是 Excel 工作簿，已跳过', en: 'Not an Excel workbook; skipped' },
  encrypted: { zh: '工作簿有打开密码，已跳过', en: 'The workbook is password-protected; skipped' },
  no_table: {
    zh: '没有找到责任分解表，已跳过',
    en: 'No breakdown table found; skipped',
  },
  other_master: {
    zh: '这份回复不是由这份台账分发的（行对不上），已跳过',
    en: 'This reply was not sent from this master (its rows do not match); skipped',
  },
  rows_no_longer_match: {
    zh: '回复中的行与分发时的记录对不上（序号或具体措施被改动），已跳过',
    en: 'The rows of the reply no longer match what was sent (ids or measures changed); skipped',
  },
  broken_record: {
    zh: '分发记录已损坏，无法判断改动，已跳过',
    en: 'The record of what was sent is damaged, so changes cannot be told; skipped',
  },
  both_changed: {
    zh: '分发后台账和回复都改了这个单元格，保留台账的值',
    en: 'Both the master and the reply changed this cell since it was sent; the master keeps its value',
  },
  blank_in_reply: {
    zh: '回复中为空而台账中有值（可能是较早的副本），保留台账的值',
    en: 'Blank in the reply but filled in the master (perhaps an older copy); the master keeps its value',
  },
  replies_differ: {
    zh: '两份回复对这个单元格填了不同的值，保留台账的值',
    en: 'Two replies give this cell different values; the master keeps its value',
  },
  lead_taken: {
    zh: '牵头单位的反馈已采纳',
    en: "The lead department's answer was taken",
  },
  duplicate_reply: {
    zh: '与另一份反馈重复（内容完全相同），已跳过',
    en: 'A duplicate of another reply (the same bytes); skipped',
  },
};

/** The one-line reason for a skip or a decision, in both languages. */
export function mergeReason(code: keyof typeof REASONS): Message {
  return REASONS[code];
}

/** A skip, with the file name in the one line. */
export function mergeSkip(fileName: string, code: SkipCode, detail?: Message): MergeSkip {
  const r = REASONS[code];
  return {
    fileName,
    code,
    reason: {
      zh: `${fileName}：${detail ? detail.zh : r.zh}`,
      en: `${fileName}: ${detail ? detail.en : r.en}`,
    },
  };
}

/**
 * The same reply given twice (the same file named twice, or the same bytes under another name, as a
 * department sending its file again): each later copy is skipped, its line naming the first (issue 19).
 * `kept` holds the others in the order given. Bytes are compared whole; a few dozen replies of a few
 * hundred KB each cost milliseconds.
 */
export function skipDuplicateReplies<T extends { readonly fileName: string; readonly bytes: Uint8Array }>(
  replies: readonly T[],
): { kept: T[]; skipped: MergeSkip[] } {
  const kept: T[] = [];
  const skipped: MergeSkip[] = [];
  for (const r of replies) {
    const first = kept.find((k) => sameBytes(k.bytes, r.bytes));
    if (!first) kept.push(r);
    else
      skipped.push(
        mergeSkip(r.fileName, 'duplicate_reply', {
          zh: `与 ${first.fileName} 重复（内容完全相同，同一份反馈交了两次），已跳过`,
          en: `a duplicate of ${first.fileName} (the same bytes: the same reply given twice); skipped`,
        }),
      );
  }
  return { kept, skipped };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The department a reply without a record answers for: the master department its file name holds
 * (the longest, so 党委办公室 wins over 办公室), else the unit leading or responsible on every row whose
 * progress cells it changed (the one leading most of them when several are), else the unit on most of
 * them. '' when it changed nothing.
 */
function replyDepartment(
  fileName: string,
  masterUnits: ReadonlyMap<string, string>,
  changedRows: readonly TableRowInfo[],
): string {
  const name = normalizeText(fileName.replace(/\.[^.]*$/, ''));
  let best = '';
  for (const [k, written] of masterUnits) if (k && name.includes(k) && k.length > unitKey(best).length) best = written;
  if (best) return best;
  const count = new Map<string, number>();
  for (const r of changedRows) for (const u of new Set(r.units)) count.set(u, (count.get(u) ?? 0) + 1);
  let top = '';
  let topCount = 0;
  for (const [u, n] of count) if (n > topCount) [top, topCount] = [u, n];
  return top ? (masterUnits.get(top) ?? top) : '';
}

/** Normalised → as written, for every department the master names. */
function unitsOf(master: Table): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of master.rows) r.unitNames.forEach((u, i) => out.has(r.units[i]) || out.set(r.units[i], u));
  return out;
}

/**
 * Decides, for each reply, which cells go into the master (SPEC §8, issue 19):
 * - changed in the reply, unchanged in the master since it was sent → a change (taken);
 * - changed in both, differently, or by two replies differently → a conflict: the master keeps its value;
 * - edits in rows of another department, outside the progress-type columns, or in rows the master does
 *   not have → not taken, listed;
 * - a reply with no table, from another master, or whose rows no longer match what was sent → skipped.
 * `master` is the master workbook as read (Luoshi's output taken out); `replies` as read. `override`
 * is the user's layout override for the master (SPEC §2). Fails only when the master has no table.
 */
export function planMerge(
  master: WorkbookData,
  replies: readonly MergeReply[],
  options: { override?: LayoutOverride } = {},
): MergePlanResult {
  // A workbook split made (it holds the record of what was sent) is a department's reply, never a master.
  if (master.sheets.some((s) => s.name === SENT_SHEET))
    return {
      ok: false,
      code: 'master_is_reply',
      message: {
        zh: '第一个文件是部门交回的反馈（含分发记录），不是台账；第一个文件必须是台账，反馈列在其后',
        en: "The first file is a department's reply (it holds the record of what was sent): the first file must be the master, the replies after it",
      },
    };
  const table = readTable(master, options.override);
  if (!table)
    return {
      ok: false,
      code: 'no_table',
      message: {
        zh: '台账中没有找到责任分解表，无法合并',
        en: 'No breakdown table found in the master; nothing can be merged',
      },
    };
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const index = new RowIndex(table.rows);
  const progress = progressColumns(table.layout);
  const units = unitsOf(table);
  const proposed = new Map<string, MergeChange[]>();
  const conflicts: MergeConflict[] = [];
  const notTaken: MergeNotTaken[] = [];
  const skipped: MergeSkip[] = [];
  const masterText = (row: number, col: number) => mergeText(table.view.value(row, col));

  for (const reply of replies) {
    const recordSheet = reply.workbook.sheets.find((s) => s.name === SENT_SHEET);
    const record = recordSheet ? sentRecordFromRows(recordSheet.rows) : undefined;
    if (recordSheet && !record) {
      skipped.push(mergeSkip(reply.fileName, 'broken_record'));
      continue;
    }
    // The sheet the table was sent on (split) or is on in the master (a whole-master reply), when the reply has it.
    const sheetName = record?.sheetName ?? table.layout.sheetName;
    const rest = { ...reply.workbook, sheets: reply.workbook.sheets.filter((s) => s.name !== SENT_SHEET) };
    const replyTable =
      readTable(rest, rest.sheets.some((s) => s.name === sheetName) ? { sheet: sheetName } : undefined) ??
      readTable(rest);
    if (!replyTable) {
      skipped.push(mergeSkip(reply.fileName, 'no_table'));
      continue;
    }
    const decided = record
      ? decideWithRecord(reply.fileName, record, replyTable)
      : decideWholeMaster(reply.fileName, replyTable);
    if ('skip' in decided) {
      skipped.push(mergeSkip(reply.fileName, decided.skip));
      continue;
    }
    for (const c of decided.changes) {
      const key = `${c.row}:${c.col}`;
      proposed.set(key, [...(proposed.get(key) ?? []), c]);
    }
    conflicts.push(...decided.conflicts);
    notTaken.push(...decided.notTaken);
  }
  const taken: MergeChange[] = [];
  for (const list of proposed.values()) {
    // Departments sent the same row (one leads, one is responsible) may both answer: the same value is
    // taken once. Different values: the lead department's is taken when the leads among them agree, and
    // every other is listed as a conflict (never lost silently); with no lead among them none is taken.
    if (list.every((c) => c.new === list[0].new)) {
      taken.push(list[0]);
      continue;
    }
    const leads = byRow.get(list[0].row)?.leads ?? [];
    const fromLead = list.filter((c) => c.department !== '' && leads.includes(unitKey(c.department)));
    const lead = fromLead.length > 0 && fromLead.every((c) => c.new === fromLead[0].new) ? fromLead[0] : null;
    if (lead) taken.push(lead);
    for (const c of list)
      if (!lead)
        conflicts.push({ ...refOf(c), sent: c.old, master: c.old, reply: c.new, reason: REASONS.replies_differ });
      else if (c.new !== lead.new)
        conflicts.push({ ...refOf(c), sent: c.old, master: lead.new, reply: c.new, reason: REASONS.lead_taken });
  }
  taken.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    ok: true,
    decisions: { sheet: table.layout.sheetName, changes: taken, conflicts, notTaken, skipped },
  };

  function refOf(c: MergeCellRef): MergeCellRef {
    return {
      file: c.file,
      department: c.department,
      row: c.row,
      col: c.col,
      field: c.field,
      id: c.id,
      measure: c.measure,
    };
  }

  type Decided = { skip: SkipCode } | { changes: MergeChange[]; conflicts: MergeConflict[]; notTaken: MergeNotTaken[] };

  /** Cells of a matched row outside the progress-type columns that the reply changed: listed, not taken. */
  function outsideEdits(
    file: string,
    department: string,
    reply: Table,
    replyRow: TableRowInfo,
    masterRow: TableRowInfo,
    columns: Map<number, number>,
    open: (masterCol: number) => boolean,
    code: NotTakenCode,
  ): MergeNotTaken[] {
    const out: MergeNotTaken[] = [];
    for (const [rc, mc] of columns) {
      if (open(mc)) continue;
      const value = mergeText(replyRow.values(rc));
      const now = masterText(masterRow.row, mc);
      // Compared as matching compares (a re-save in traditional characters or full-width digits is no edit).
      if (!same(value, now))
        out.push({
          ...cellRef(file, department, masterRow, mc, reply.headers.get(rc)),
          code,
          value,
          master: now,
          reason: REASONS[code],
        });
    }
    return out;
  }

  function cellRef(file: string, department: string, r: TableRowInfo, col: number, replyHeader?: string): MergeCellRef {
    return {
      file,
      department,
      row: r.row,
      col,
      field: table!.headers.get(col) ?? replyHeader ?? '',
      id: r.id,
      measure: r.measure,
    };
  }

  /**
   * A reply row the master does not have: each answer the reply changed in it (a progress cell that
   * differs from what was sent, or for a whole-master reply from blank), listed with the department's
   * value, so nothing is lost without trace; nothing when the department changed nothing in the row.
   */
  function unmatchedAnswers(
    file: string,
    department: string,
    r: TableRowInfo,
    cells: ReadonlyArray<readonly [replyCol: number, masterCol: number]>,
    before: (masterCol: number) => string,
  ): MergeNotTaken[] {
    const out: MergeNotTaken[] = [];
    for (const [rc, mc] of cells) {
      const value = mergeText(r.values(rc));
      if (value === '' || same(value, before(mc))) continue;
      out.push({
        file,
        department,
        row: -1,
        col: mc,
        field: table!.headers.get(mc) ?? '',
        id: r.id,
        measure: r.measure,
        code: 'row_not_in_master',
        value,
        master: '',
        reason: REASONS.row_not_in_master,
      });
    }
    return out;
  }

  /**
   * Master rows for the reply's rows: by id and measure or by measure (RowIndex.find); then a row whose
   * measure the clerk edited since (a merged 序号 gives several rows one id, so the id alone cannot
   * tell them) by its place: the master row at the place the reply row stands for (`placeOf`), when its
   * id is the same, its measure about the same, and no other reply row took it.
   */
  function matchRows(rows: readonly TableRowInfo[], placeOf: (i: number) => number | undefined) {
    const found = rows.map((r) => index.find(r));
    const taken = new Set(found.filter((m): m is TableRowInfo => m !== null).map((m) => m.row));
    rows.forEach((r, i) => {
      if (found[i]) return;
      const place = placeOf(i);
      const m = place === undefined ? undefined : byRow.get(place);
      if (!m || taken.has(m.row) || rowKey(m.id, '') !== rowKey(r.id, '')) return;
      if (!sameThing(m.measureKey, r.measureKey)) return;
      found[i] = m;
      taken.add(m.row);
    });
    return found;
  }

  function decideWithRecord(file: string, record: SentRecord, reply: Table): Decided {
    const department = record.department;
    // Rows of one merged 序号 share a key: several sent rows may have it.
    const sent = new Map<string, SentRow[]>();
    for (const s of record.rows) sent.set(s.key, [...(sent.get(s.key) ?? []), s]);
    // Not the master it was sent from, and hardly any row of it here: another master's reply.
    const sameMaster = record.masterId === table!.masterId;
    const found = record.rows.filter((r) => index.hasKey(r.key)).length;
    if (!sameMaster && record.rows.length > 0 && found * 2 < record.rows.length) return { skip: 'other_master' };
    const columns = mapColumns(table!, reply);
    // Each open field's master column now: by its header (columns may have moved since), else where it was.
    const byHeader = new Map([...table!.headers].map(([c, h]) => [normalizeHeader(h), c]));
    const openCols = record.openFields.map((f) => byHeader.get(normalizeHeader(f.header)) ?? f.masterColumn);
    const replyColOf = new Map([...columns].map(([rc, mc]) => [mc, rc]));
    const openSet = new Set(openCols.filter((c) => progress.has(c)));
    const dates = dateColumns(table!.layout);
    // What was sent, as merge reads the cell now (a date column's serial or date text as a date).
    const sentValue = (i: number, mc: number, s: SentRow | undefined) => {
      const was = sentText(s?.values[i] ?? '');
      return dates.has(mc) ? mergeText(asDate(was, master.date1904)) : was;
    };
    // A reply row stands, by its place, for the sent row at the same place: the department kept the order.
    const placed = (i: number) => record.rows[i];
    const matched = matchRows(reply.rows, (i) => placed(i)?.masterRow);
    const sentRowOf = (r: TableRowInfo, m: TableRowInfo, i: number): SentRow | undefined => {
      const list = sent.get(m.key) ?? sent.get(r.key) ?? [];
      if (list.length <= 1) return list[0];
      return (
        list.find((s) => s.masterRow === m.row) ??
        (list.includes(placed(i)) ? placed(i) : undefined) ??
        list.reduce((a, b) => (Math.abs(b.masterRow - m.row) < Math.abs(a.masterRow - m.row) ? b : a))
      );
    };
    const out = { changes: [] as MergeChange[], conflicts: [] as MergeConflict[], notTaken: [] as MergeNotTaken[] };
    const seen = new Set<number>();
    let count = 0;
    reply.rows.forEach((r, i) => {
      const m = matched[i];
      if (!m) {
        // What was sent in this row, when the place tells which sent row it is.
        const s =
          placed(i)?.key === r.key ? placed(i) : (sent.get(r.key) ?? []).length === 1 ? sent.get(r.key)![0] : undefined;
        const cells = openCols
          .map((mc, k) => [replyColOf.get(mc), mc, k] as const)
          .filter((x): x is readonly [number, number, number] => x[0] !== undefined && openSet.has(x[1]));
        const before = new Map(cells.map(([, mc, k]) => [mc, sentValue(k, mc, s)]));
        out.notTaken.push(
          ...unmatchedAnswers(
            file,
            department,
            r,
            cells.map(([rc, mc]) => [rc, mc] as const),
            (mc) => before.get(mc) ?? '',
          ),
        );
        return;
      }
      const sentRow = sentRowOf(r, m, i);
      if (!sentRow) {
        // A row the department was not sent (pasted in from another file): another department's.
        out.notTaken.push(...outsideEdits(file, department, reply, r, m, columns, () => false, 'other_department'));
        return;
      }
      count++;
      if (seen.has(m.row)) {
        out.notTaken.push({
          ...cellRef(file, department, m, -1),
          code: 'duplicate_row',
          value: r.measure,
          master: m.measure,
          reason: REASONS.duplicate_row,
        });
        return;
      }
      seen.add(m.row);
      record.openFields.forEach((_, k) => {
        const mc = openCols[k];
        const rc = replyColOf.get(mc);
        if (rc === undefined || !openSet.has(mc)) return;
        const was = sentValue(k, mc, sentRow);
        const value = r.values(rc);
        const now = mergeText(value);
        if (same(now, was)) return;
        const current = masterText(m.row, mc);
        if (same(current, now)) return;
        const ref = cellRef(file, department, m, mc);
        if (same(current, was)) out.changes.push({ ...ref, old: current, new: now, value });
        else out.conflicts.push({ ...ref, sent: was, master: current, reply: now, reason: REASONS.both_changed });
      });
      // A row matched by place: its measure differs because the clerk edited the master's, not the department.
      const edited = m.measureKey !== r.measureKey ? table!.layout.columns.measure : undefined;
      out.notTaken.push(
        ...outsideEdits(
          file,
          department,
          reply,
          r,
          m,
          columns,
          (mc) => openSet.has(mc) || mc === edited,
          'not_progress_column',
        ),
      );
    });
    if (count === 0 && reply.rows.length > 0) return { skip: sameMaster ? 'rows_no_longer_match' : 'other_master' };
    return out;
  }

  function decideWholeMaster(file: string, reply: Table): Decided {
    const columns = mapColumns(table!, reply);
    const pairs: Array<[TableRowInfo, TableRowInfo]> = [];
    const unmatched: TableRowInfo[] = [];
    const seen = new Set<number>();
    const duplicates: Array<[TableRowInfo, TableRowInfo]> = [];
    // A copy of the whole master: a reply row stands, by its place, for the master row at the same place.
    const matched = matchRows(reply.rows, (i) => reply.rows[i].row);
    reply.rows.forEach((r, i) => {
      const m = matched[i];
      if (!m) unmatched.push(r);
      else if (seen.has(m.row)) duplicates.push([r, m]);
      else {
        seen.add(m.row);
        pairs.push([r, m]);
      }
    });
    if (reply.rows.length > 0 && pairs.length * 2 < reply.rows.length) return { skip: 'other_master' };
    // Progress cells that differ from the master now: with no record, the master's current value stands for what
    // was sent. A blank is no answer (an older copy, or a department leaving what is not its own).
    const answered = (r: TableRowInfo, m: TableRowInfo, rc: number, mc: number) => {
      const now = mergeText(r.values(rc));
      return now !== '' && !same(now, masterText(m.row, mc));
    };
    const changedRows = pairs
      .filter(([r, m]) => [...columns].some(([rc, mc]) => progress.has(mc) && answered(r, m, rc, mc)))
      .map(([, m]) => m);
    const department = replyDepartment(file, units, changedRows);
    const own = unitKey(department);
    const out = { changes: [] as MergeChange[], conflicts: [] as MergeConflict[], notTaken: [] as MergeNotTaken[] };
    const progressCells = [...columns].filter(([, mc]) => progress.has(mc));
    for (const r of unmatched) out.notTaken.push(...unmatchedAnswers(file, department, r, progressCells, () => ''));
    for (const [r, m] of duplicates)
      out.notTaken.push({
        ...cellRef(file, department, m, -1),
        code: 'duplicate_row',
        value: r.measure,
        master: m.measure,
        reason: REASONS.duplicate_row,
      });
    for (const [r, m] of pairs) {
      const ours = own !== '' && m.units.includes(own);
      if (!ours) {
        out.notTaken.push(...outsideEdits(file, department, reply, r, m, columns, () => false, 'other_department'));
        continue;
      }
      for (const [rc, mc] of progressCells) {
        if (!answered(r, m, rc, mc)) continue;
        const value = r.values(rc);
        const ref = cellRef(file, department, m, mc);
        out.changes.push({ ...ref, old: masterText(m.row, mc), new: mergeText(value), value });
      }
      out.notTaken.push(
        ...outsideEdits(file, department, reply, r, m, columns, (mc) => progress.has(mc), 'not_progress_column'),
      );
    }
    return out;
  }
}

/** Role of the 合并记录 sheet in Luoshi's _luoshi_sheet mark (clear removes it with Luoshi's other sheets). */
export const MERGE_LOG_ROLE = 'mergeLog' as SheetRole;

/** Outcome labels of the 合并记录 sheet. */
const OUTCOME = {
  taken: { zh: '已采纳', en: 'Taken' },
  conflict: { zh: '冲突', en: 'Conflict' },
  notTaken: { zh: '未采纳', en: 'Not taken' },
  skipped: { zh: '已跳过', en: 'Skipped' },
} as const;

/**
 * The 合并记录 / Merge log sheet (SPEC §8): one row per change taken, conflict, edit not taken and
 * reply skipped, each with the master row (a link to it), field, old and new value, file and
 * department; appended under the rows of earlier merges (`previous`: the old sheet's cells as read,
 * title and header included), which are kept as they were. `mergedAt` is shown on every new row.
 */
export function mergeLogSheet(
  decisions: MergeDecisions,
  spec: { name: string; lang: Lang; mergedAt: string; previous?: readonly (readonly CellValue[])[] | null },
): GeneratedSheet {
  const { lang, mergedAt } = spec;
  const kept: PlanCell[][] = (spec.previous ?? [])
    .slice(3)
    .filter((r) => r.some((v) => cellText(v ?? null) !== ''))
    .map((r) => r.map((v) => (typeof v === 'number' ? num(v) : text(cellText(v ?? null)))));
  const rowCell = (r: number, col: number): PlanCell =>
    r < 0 ? text('') : rowLink(pick(lang, `第 ${r + 1} 行`, `Row ${r + 1}`), decisions.sheet, r, Math.max(col, 0));
  const rows: PlanCell[][] = [];
  const line = (outcome: keyof typeof OUTCOME, c: MergeCellRef, old: string, now: string, note: string) =>
    rows.push([
      text(mergedAt),
      text(OUTCOME[outcome][lang]),
      rowCell(c.row, c.col),
      text(c.id),
      text(c.measure),
      text(c.field),
      text(old),
      text(now),
      text(c.file),
      text(c.department),
      text(note),
    ]);
  for (const c of decisions.changes) line('taken', c, c.old, c.new, '');
  for (const c of decisions.conflicts)
    line(
      'conflict',
      c,
      c.master,
      c.reply,
      `${c.reason[lang]}${c.reason === REASONS.both_changed && c.sent !== c.master ? pick(lang, `（分发时为“${c.sent}”）`, ` (sent as "${c.sent}")`) : ''}`,
    );
  for (const c of decisions.notTaken) line('notTaken', c, c.master, c.value, c.reason[lang]);
  for (const s of decisions.skipped)
    rows.push([
      text(mergedAt),
      text(OUTCOME.skipped[lang]),
      text(''),
      text(''),
      text(''),
      text(''),
      text(''),
      text(''),
      text(s.fileName),
      text(''),
      text(s.reason[lang]),
    ]);
  return tableSheet({
    role: MERGE_LOG_ROLE,
    name: spec.name,
    title: pick(lang, '合并记录', 'Merge log'),
    subtitle: pick(
      lang,
      '每次合并反馈追加记录：采纳的改动、冲突（保留台账的值）、未采纳的改动和跳过的文件。',
      'Appended on each merge: changes taken, conflicts (the master keeps its value), edits not taken, files skipped.',
    ),
    columns: [
      { header: pick(lang, '合并时间', 'Merged at'), width: 17 },
      { header: pick(lang, '结果', 'Outcome'), width: 9 },
      { header: pick(lang, '台账行', 'Row'), width: 9 },
      { header: pick(lang, '序号', 'Id'), width: 7 },
      { header: pick(lang, '具体措施', 'Measure'), width: 36 },
      { header: pick(lang, '字段', 'Field'), width: 12 },
      { header: pick(lang, '原值', 'Old value'), width: 20 },
      { header: pick(lang, '新值', 'New value'), width: 20 },
      { header: pick(lang, '文件', 'File'), width: 22 },
      { header: pick(lang, '部门', 'Department'), width: 12 },
      { header: pick(lang, '说明', 'Note'), width: 40 },
    ],
    rows: [...kept, ...rows],
  });
}

/** The 合并记录 sheet's name: 合并记录 (Merge log), or 合并记录(落实) … when a sheet already has that name. */
export function mergeLogName(taken: readonly string[], lang: Lang): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const base = pick(lang, '合并记录', 'Merge log');
  const tag = pick(lang, '落实', 'Luoshi');
  let name = base;
  for (let i = 1; used.has(name.toLowerCase()); i++) name = `${base}(${tag}${i === 1 ? '' : i})`.slice(0, 31);
  return name;
}

/**
 * The 合并记录 sheet of an earlier merge, for the next 校验 to write again as it was (SPEC §8: the record of
 * what was merged stays until the user clears Luoshi's results). `previous` is the old sheet's cells;
 * `taken` the sheet names already in use (the user's and the plan's), so the name never collides.
 */
export function carriedMergeLog(
  report: Pick<Report, 'sheet' | 'lang'>,
  previous: readonly (readonly CellValue[])[],
  taken: readonly string[],
): GeneratedSheet {
  const none = { sheet: report.sheet, changes: [], conflicts: [], notTaken: [], skipped: [] };
  return mergeLogSheet(none, { name: mergeLogName(taken, report.lang), lang: report.lang, mergedAt: '', previous });
}
