import { BoundedCache } from '../cache/bounded-cache';
import { compactDay, findDates, withoutTimeOfDay } from '../deadline/date-phrases';
import { CONTINUOUS_WORDS, findFrequencies, findRelatives, VAGUE_WORDS } from '../deadline/frequency-phrases';
import { CellValue, isDateValue, isEmptyCell } from '../model/workbook';
import { normalizeText } from '../text/normalize';
import { MergedView } from './merged-cells';
import { looksLikePersonNames, looksLikeUnitNames } from './unit-names';
import { Field } from './vocabulary';

/*
 * Judging a column by its cells (SPEC §2 "Real tables say it in many more ways"): a column of long
 * running texts is the measure, one of unit names lead or responsible, one of deadline phrases the
 * deadline, one of progress words the progress, 1, 2, 3 … the id. Detection reads a bounded sample
 * of body rows, never the whole table (tables have 100,000 rows).
 */

/**
 * What one cell reads as. `text` is running text (a task), `short` a few characters that say
 * nothing more (x, 文件); `date` a calendar date, `deadline` a deadline phrase (6月底前, 每季度, 长期坚持).
 */
export type CellKind = 'id' | 'number' | 'date' | 'deadline' | 'progress' | 'unit' | 'person' | 'text' | 'short';

export const CELL_KINDS: CellKind[] = [
  'id',
  'number',
  'date',
  'deadline',
  'progress',
  'unit',
  'person',
  'text',
  'short',
];

/** Any year does to ask "is this a date": a leap year, so that 2月29日 reads as one. */
const ANY_YEAR = 2024;

/** 1, 2.1, 1-2, 一、, （三）, (3): an item number (6.30 with a day past 12 is a date, read by timeKind). */
const ID_TEXT =
  /^(?:\d{1,4}[.、]?|\d{1,3}-\d{1,3}(?:-\d{1,3})?|\d{1,3}\.(?:[1-9]|1[0-2]|0\d)(?:\.\d{1,3})?|[一二三四五六七八九十百]{1,4}[、.]?|[(（][一二三四五六七八九十\d]{1,3}[)）][、.]?|第[一二三四五六七八九十\d]{1,3}[项条])$/;
const NUMBER_TEXT = /^[-+]?\d+(?:,\d{3})*(?:\.\d+)?(?:%|万元|元|万|亿元|个|次|人|项)?$/;

/** Marks and whole-cell progress words (SPEC §2 progress words and period marks). */
const PROGRESS_MARK =
  /^(?:✓|✔|√|☑|×|✗|✘|是|否|已完成|完成|未完成|尚未完成|已办结|办结|推进中|进行中|正在推进|已开展|未开展|未启动|已启动|已落实|基本完成|部分完成|持续推进中|已整改|整改中|已销号|done|yes|in progress|ongoing|completed?|not started)$/i;
/**
 * A status word a 办理状态 / 整改状态 column holds (issue 15): 待办理, 已整改, 未销号, 审核中, 进度滞后,
 * 暂缓 … — a state of work written as a whole cell. Not 持续推进 or 长期推进: those are deadline words
 * (SPEC §3 continuous), read as such in a deadline column.
 */
const STATUS_WORD =
  /^(?:(?:已|未|待|尚未|暂未|正在|全部|基本|部分)(?:办理|办结|整改|落实|启动|开工|完工|完成|推进|销号|实施|开展|处理|处置|答复|反馈|验收|交办|部署|研究|审核|审批|签订|立项|建成|投用|上报|报送|提交|受理)(?:完毕|完成|到位|中)?|(?:办理|整改|落实|推进|实施|处理|处置|研究|审核|审批|验收|施工|建设|协调|起草|受理|答复)中|正常推进|按序推进|按时序推进|有序推进|稳步推进|序时推进|进度正常|进度滞后|推进滞后|滞后|已?逾期|已?超期|暂缓|已?搁置|已?暂停|已?终止|已?取消|阶段性完成|整改完成|办理完毕|全部办结)$/;
/** A completed action (已…完成, 已印发, 已竣工) or a state of work (推进中, 正在…, 截至…, 完成80%). */
const PROGRESS_WORDS = [
  /已(?:经|于)?[^，。；,;]{0,14}?(?:完成|开展|落实|办结|召开|举办|印发|出台|制定|修订|建立|建成|完工|竣工|公开|发布|上线|报送|提交|上报|整改|验收|投入|投用|实施|启动|到位|签订|下达|部署|推进|开工|销号|形成|印制|组建|成立)/,
  /推进中|进行中|实施中|办理中|筹备中|施工中|整改中|起草中|正在|未完成|尚未|未开展|未启动|完成率|截至目前|截止目前|目前已|目前正|累计完成|按序时|序时进度|(?:完成|进度|达到|完成率)\d+(?:\.\d+)?%/,
];

/**
 * 已 / 尚未 / 正在 describing a noun rather than reporting (推动已建成的充电桩…, 解决尚未解决的问题, 对正在建设的项目…):
 * a task's words, taken out before the progress words are looked for.
 */
const ATTRIBUTIVE = /(?:已经?|尚未|正在|未)[\u4e00-\u9fff]{1,4}的/g;

/** Whether a (normalised) text reports progress: a progress word not inside an attributive (已建成的…). */
function reportsProgress(t: string): boolean {
  if (!PROGRESS_WORDS.some((p) => p.test(t))) return false;
  if (!t.includes('的')) return true;
  const plain = t.replace(ATTRIBUTIVE, '的');
  return PROGRESS_WORDS.some((p) => p.test(plain));
}

/** Words a deadline cell holds besides its dates and frequencies: 11月底前完成, 2023年6月底前（完成初稿）. */
const DEADLINE_FILLER =
  /之前|以前|前夕|以内|之内|全部完成|基本完成|完成|结束|截止|为止|左右|到位|前|底|末|内|起|止|至|及|和|并|[、,;。()\-/.\s]/g;
const CONTINUOUS_ALL = new RegExp(CONTINUOUS_WORDS.source, 'g');
const VAGUE_ALL = new RegExp(VAGUE_WORDS.source, 'g');

const kinds = new BoundedCache<string, CellKind | null>(20_000);

/**
 * What a cell reads as, or null when empty. Texts are read once (cached by text): a 100k-row table
 * repeats its departments, deadlines and progress words.
 */
export function cellKind(value: CellValue | undefined): CellKind | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return 'progress';
  if (isDateValue(value)) return 'date';
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0 && value < 10_000) return 'id';
    if (Number.isInteger(value) && compactDay(String(value), ANY_YEAR) !== null) return 'date'; // 20230630
    return 'number';
  }
  return kinds.get(value, textKind);
}

function textKind(raw: string): CellKind | null {
  if (raw.length > 300) return 'text';
  const t = normalizeText(withoutTimeOfDay(raw));
  if (!t) return null;
  if (ID_TEXT.test(t)) return 'id';
  if (PROGRESS_MARK.test(t) || STATUS_WORD.test(t) || reportsProgress(t)) return 'progress';
  // Before numbers: 6.28 and 20220628 as a whole cell are dates (SPEC §3 short forms).
  const time = timeKind(t);
  if (time) return time;
  if (NUMBER_TEXT.test(t)) return 'number';
  if (looksLikeUnitNames(t)) return 'unit';
  if (looksLikePersonNames(t)) return 'person';
  // Running text: a clause of Chinese, or a few words of English.
  const chinese = t.replace(/[^\u4e00-\u9fff]/g, '').length;
  if (chinese >= 5 || (chinese === 0 && t.length >= 12)) return 'text';
  return 'short';
}

/**
 * A cell that is (almost) nothing but a date or a deadline phrase: what is left after taking out the
 * dates, frequencies, time limits, continuous and vague words and their filler is at most 2
 * characters. "每月开展1次主题党日活动" keeps 开展主题党日活动 and is a task, not a deadline.
 */
function timeKind(t: string): 'date' | 'deadline' | null {
  if (t.length > 40) return null;
  if (compactDay(t, ANY_YEAR) !== null) return 'date';
  const spans: Array<[number, number]> = [];
  const dates = findDates(t, ANY_YEAR);
  for (const d of dates) spans.push([d.index, d.index + d.length]);
  const frequencies = findFrequencies(t);
  for (const f of frequencies) spans.push([f.index, f.index + f.length]);
  for (const r of findRelatives(t)) spans.push([r.index, r.index + r.length]);
  for (const re of [CONTINUOUS_ALL, VAGUE_ALL]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) spans.push([m.index, m.index + m[0].length]);
  }
  if (spans.length === 0) return null;
  let rest = '';
  let at = 0;
  for (const [s, e] of spans.sort((a, b) => a[0] - b[0])) {
    if (s > at) rest += t.slice(at, s);
    at = Math.max(at, e);
  }
  rest += t.slice(at);
  if (rest.replace(DEADLINE_FILLER, '').length > 2) return null;
  // A plain date (2023年8月20日, 2023-08-20) with nothing after it: a date; with 前/底 or a period word, a deadline.
  const plainDate =
    frequencies.length === 0 &&
    dates.length > 0 &&
    dates.every((d) => d.precision !== 'period' && !d.cued) &&
    !/前|底|末|内|完成|起/.test(t);
  return plainDate ? 'date' : 'deadline';
}

/** How a column's sampled cells read. */
export interface ColumnProfile {
  /** Non-empty sampled cells. */
  cells: number;
  kinds: Record<CellKind, number>;
  /** Mean length of the (normalised) text cells. */
  meanLength: number;
  /** Cells equal to the one above or shown through a merged area (a category merged down). */
  repeated: number;
  /** Integers one more than the id above (1, 2, 3 …). */
  sequential: number;
}

export function emptyProfile(): ColumnProfile {
  return {
    cells: 0,
    kinds: { id: 0, number: 0, date: 0, deadline: 0, progress: 0, unit: 0, person: 0, text: 0, short: 0 },
    meanLength: 0,
    repeated: 0,
    sequential: 0,
  };
}

/** Rows read from the top of the body, and spread over the rest: enough to tell, bounded for 100k rows. */
export const SAMPLE_TOP = 40;
export const SAMPLE_SPREAD = 16;
/** Rows scanned from the top of the body looking for the sample (blank and category rows are skipped). */
const SCAN_LIMIT = 400;

const NOTE_START = /^(填表说明|填报说明|说明|注|备注|附注|注意事项|附件|填报人|审核人|制表人|联系电话)\s*[:：\d一1]/;

/**
 * The body rows to judge columns by, below a header ending at `headerBottom`: rows with at least two
 * cells of their own (blank rows and category rows "一、…" say nothing about the columns), stopping at
 * the notes under the table ("填表说明：…"). Up to SAMPLE_TOP from the top and SAMPLE_SPREAD spread
 * evenly over the rest.
 */
export function sampleBodyRows(view: MergedView, headerBottom: number): number[] {
  const rows: number[] = [];
  const end = view.rowCount;
  let r = headerBottom + 1;
  for (; r < end && r <= headerBottom + SCAN_LIMIT && rows.length < SAMPLE_TOP; r++) {
    const own = ownCellCount(view, r);
    if (own.notes) return rows;
    if (own.count >= 2) rows.push(r);
  }
  const remaining = end - r;
  if (remaining > SAMPLE_SPREAD * 4) {
    const step = remaining / SAMPLE_SPREAD;
    for (let i = 0; i < SAMPLE_SPREAD; i++) {
      const row = r + Math.floor(i * step);
      if (ownCellCount(view, row).count >= 2) rows.push(row);
    }
  }
  return rows;
}

function ownCellCount(view: MergedView, row: number): { count: number; notes: boolean } {
  const cells = view.sheet.rows[row];
  if (!cells) return { count: 0, notes: false };
  let count = 0;
  let first: CellValue = null;
  for (let c = 0; c < cells.length && count < 3; c++) {
    if (isEmptyCell(cells[c] ?? null)) continue;
    if (count === 0) first = cells[c];
    count++;
  }
  const notes = count > 0 && count <= 2 && typeof first === 'string' && NOTE_START.test(normalizeText(first));
  return { count, notes };
}

/**
 * Reads sampled cells, each once per detection (candidate header rows share their bodies): the kind
 * of the merged-view value of (row, col).
 */
export class CellReader {
  private readonly rows = new Map<number, Array<CellKind | null | undefined>>();

  constructor(private readonly view: MergedView) {}

  kind(row: number, col: number): CellKind | null {
    let kindsOfRow = this.rows.get(row);
    if (!kindsOfRow) this.rows.set(row, (kindsOfRow = []));
    let k = kindsOfRow[col];
    if (k === undefined) kindsOfRow[col] = k = cellKind(this.view.value(row, col));
    return k;
  }
}

/** Profiles of the columns `cols` over the sampled `rows`. */
export function profileColumns(
  view: MergedView,
  reader: CellReader,
  rows: number[],
  cols: number[],
): Map<number, ColumnProfile> {
  const profiles = new Map<number, ColumnProfile>();
  for (const col of cols) {
    const p = emptyProfile();
    let length = 0;
    let texts = 0;
    let previous: CellValue = null;
    let previousRow = -2;
    for (const row of rows) {
      const value = view.value(row, col);
      const kind = reader.kind(row, col);
      if (kind === null) {
        previous = null;
        continue;
      }
      p.cells++;
      p.kinds[kind]++;
      if (typeof value === 'string') {
        length += normalizeText(value).length;
        texts++;
      }
      const adjacent = previousRow === row - 1;
      if (view.isFilled(row, col) || (adjacent && previous !== null && value === previous)) p.repeated++;
      if (adjacent && typeof value === 'number' && typeof previous === 'number' && value === previous + 1)
        p.sequential++;
      previous = value;
      previousRow = row;
    }
    p.meanLength = texts > 0 ? length / texts : 0;
    profiles.set(col, p);
  }
  return profiles;
}

/** Kinds a field's cells may hold; a header is believed less when its cells are of other kinds (1, 2, 3 under 工作任务). */
const ACCEPTS: Record<Field, CellKind[]> = {
  id: ['id', 'number', 'short'],
  category: ['text', 'short', 'unit'],
  measure: ['text', 'short'],
  lead: ['unit', 'person', 'short', 'text'],
  responsible: ['unit', 'short', 'text'],
  owner: ['person', 'unit', 'short', 'text'],
  deadline: ['deadline', 'date', 'short', 'text', 'progress', 'number'],
  progress: ['progress', 'text', 'short', 'date', 'deadline', 'number'],
  doneDate: ['date', 'deadline', 'short', 'progress', 'number'],
  evidence: CELL_KINDS,
  startDate: ['date', 'deadline', 'short', 'number'],
  count: ['id', 'number', 'short'],
  lastDate: ['date', 'deadline', 'short', 'number'],
  notes: CELL_KINDS,
};

/** How far a column's cells agree with a field its header names: 1 when empty or all agree, down to 0.3. */
export function contentAgreement(p: ColumnProfile, field: Field): number {
  if (p.cells === 0) return 1;
  let accepted = 0;
  for (const k of ACCEPTS[field]) accepted += p.kinds[k];
  return 0.3 + (0.7 * accepted) / p.cells;
}

/**
 * What a column's cells alone say it is: field → weight 0..0.7. Long running texts → measure; unit
 * names → lead/responsible (the header decides which); deadline phrases and dates → deadline; dates →
 * done date; progress words → progress; 1, 2, 3 → id; people's names → owner; short texts repeated down
 * the column (merged) → category.
 */
export function contentEvidence(p: ColumnProfile): Partial<Record<Field, number>> {
  const e: Partial<Record<Field, number>> = {};
  if (p.cells === 0) return e;
  const f = (k: CellKind) => p.kinds[k] / p.cells;
  const repeated = p.repeated / p.cells;
  const texts = f('text');
  if (texts > 0) {
    // Longer texts are likelier the task (建设内容及目标 over 项目名称): 0.5 for 5 characters, 0.7 from 25 on.
    const lengthFactor = 0.45 + Math.min(p.meanLength, 25) / 100;
    e.measure = texts * lengthFactor * (1 - 0.5 * repeated);
  }
  const wordy = f('text') + f('short');
  if (wordy > 0.5 && repeated >= 0.3 && p.cells >= 3) e.category = 0.3 + 0.3 * repeated;
  if (f('unit') > 0) {
    e.responsible = 0.6 * f('unit');
    e.lead = 0.55 * f('unit');
  }
  if (f('person') > 0) {
    e.owner = 0.65 * f('person');
    e.lead = Math.max(e.lead ?? 0, 0.2 * f('person'));
  }
  if (f('deadline') + f('date') > 0) {
    e.deadline = 0.65 * f('deadline') + 0.45 * f('date');
    e.doneDate = 0.5 * f('date') + 0.1 * f('deadline');
    e.startDate = 0.2 * f('date');
    e.lastDate = 0.2 * f('date');
  }
  if (f('progress') > 0) e.progress = 0.65 * f('progress');
  if (f('id') > 0) e.id = 0.4 * f('id') + 0.3 * (p.sequential / p.cells);
  if (f('id') + f('number') > 0) e.count = 0.15 * (f('id') + f('number'));
  return e;
}
