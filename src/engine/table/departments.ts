import { BoundedCache } from '../cache/bounded-cache';
import { cellText, WorkbookData } from '../model/workbook';
import { BRACKETED, normalizeHeader, normalizeText } from '../text/normalize';
import { MergedView } from './merged-cells';
import { findColumns } from './simple-sheet';
import { DEPARTMENTS_SHEET } from './special-sheets';
import { FIRST_UNIT_LEADS } from './vocabulary';

/*
 * A department cell as real tables write it (SPEC §2, "Real tables say it in many more ways"):
 *   办公室牵头，各科室配合 · 市政府各有关部门，功能区管委会负责落实 · 市卫生健康委等，各县（市、区）政府（管委会）
 *   州委编办及州直相关单位 · 县发改局（首位单位为牵头单位，下同）、县财政局 · 牵头单位：市发改委；配合单位：市财政局
 * The cell is read on its normalised form (simplified, half-width, no white space: role words match
 * in either script) and each unit is cut out of the text as written, so names are shown as the clerk
 * typed them. A cell is read once per distinct text; rows share the frozen results.
 */

/** What a cell says a unit does: leads it (牵头), helps (配合), or carries it out (负责落实). */
type Role = 'lead' | 'help' | 'duty';

interface Unit {
  /** As written in the cell. */
  readonly name: string;
  /** Normalised, for telling the same unit apart from another (辦公室 = 办公室). */
  readonly key: string;
  readonly role: Role | null;
}

interface CellUnits {
  readonly units: readonly Unit[];
  /** The cell notes that its first unit leads (首位单位为牵头单位). */
  readonly firstLeads: boolean;
}

/** The departments a row names, by role (SPEC §2). Frozen and shared between rows. */
export interface RowDepartments {
  readonly lead: readonly string[];
  readonly responsible: readonly string[];
}

const cells = new BoundedCache<string, CellUnits>();
const splits = new BoundedCache<string, string[]>();
const rows = new BoundedCache<string, RowDepartments>();

/**
 * Departments in a lead/responsible cell, in order, each once, names as written (SPEC §2): split on
 * 、，,；;／/。 and line breaks (not inside brackets: 各县（市、区）政府 is one unit), on 及/和/与/以及 and
 * spaces where both sides are whole units (州委编办及州直相关单位, not 市住房和城乡建设局); without role
 * words (组织部（牵头）, 办公室牵头, 管委会负责落实), a trailing 等 or full stop, or a note that the
 * first unit leads. The list is shared and frozen.
 */
export function splitDepartments(text: string): string[] {
  return splits.get(text, namesOf);
}

/**
 * The lead and responsible departments of a row, from the texts of its lead cell(s) and responsible
 * cell(s) (either may be empty). Units in a lead cell lead, except those it marks as helping
 * (办公室牵头，各科室配合: 各科室 is responsible). When no lead cell names a unit, units a responsible cell
 * marks as leading (…牵头, …为牵头单位, 首位单位为牵头单位) lead; all others are responsible. A unit is
 * listed once, under lead if it leads. Names are as written; the result is frozen and shared by rows
 * with the same cells. A note's 下同 ("the same below") is not carried to later rows: each row is read alone.
 */
export function rowDepartments(
  leadCells: readonly string[],
  responsibleCells: readonly string[],
  firstLeads = false,
): RowDepartments {
  // Most rows: one lead and one responsible cell, both texts the table repeats. Looked up by the texts
  // themselves (their hashes are kept), without building a key string per row.
  if (leadCells.length <= 1 && responsibleCells.length === 1 && !firstLeads) {
    return pairs.get(leadCells[0] ?? '', newPairCache).getWith(responsibleCells[0], rowOfPair, leadCells[0] ?? '');
  }
  // `firstLeads`: the table's header says the first unit listed leads (责任单位（列第一位的为牵头单位）).
  const key =
    (firstLeads ? '\u0002' : '') +
    (leadCells.length <= 1 && responsibleCells.length <= 1
      ? (leadCells[0] ?? '') + '\u0000' + (responsibleCells[0] ?? '')
      : leadCells.join('\u0001') + '\u0000' + responsibleCells.join('\u0001'));
  return rows.getWith(key, rowOf, [leadCells, responsibleCells, firstLeads] as const);
}

const pairs = new BoundedCache<string, BoundedCache<string, RowDepartments>>(5_000);
const newPairCache = () => new BoundedCache<string, RowDepartments>(5_000);
const rowOfPair = (responsible: string, lead: string) => rowOf('', [[lead], [responsible], false]);

const EMPTY_ROW: RowDepartments = Object.freeze({
  lead: Object.freeze([]) as readonly string[],
  responsible: Object.freeze([]) as readonly string[],
});

function rowOf(
  _key: string,
  [leadCells, responsibleCells, firstLeads]: readonly [readonly string[], readonly string[], boolean],
): RowDepartments {
  const lead: Unit[] = [];
  const responsible: Unit[] = [];
  for (const text of leadCells) {
    const cell = cells.get(text, readCell);
    cell.units.forEach((u, i) => {
      const helps = u.role === 'help' || (cell.firstLeads && i > 0 && u.role !== 'lead');
      (helps ? responsible : lead).push(u);
    });
  }
  const leadCellEmpty = lead.length === 0;
  responsibleCells.forEach((text, cellIndex) => {
    const cell = cells.get(text, readCell);
    // The header's note (列第一位的为牵头单位) is about its own column, the first responsible cell.
    const firstOfCellLeads = cell.firstLeads || (firstLeads && cellIndex === 0);
    cell.units.forEach((u, i) => {
      const leads = leadCellEmpty && u.role !== 'help' && (u.role === 'lead' || (firstOfCellLeads && i === 0));
      (leads ? lead : responsible).push(u);
    });
  });
  if (lead.length === 0 && responsible.length === 0) return EMPTY_ROW;
  const seen = new Set<string>();
  const names = (units: Unit[]) => {
    const out: string[] = [];
    for (const u of units) {
      if (seen.has(u.key)) continue;
      seen.add(u.key);
      out.push(u.name);
    }
    return Object.freeze(out);
  };
  const leadNames = names(lead); // first: a unit that leads is not listed again as responsible
  return Object.freeze({ lead: leadNames, responsible: names(responsible) });
}

function namesOf(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const u of cells.get(text, readCell).units) {
    if (seen.has(u.key)) continue;
    seen.add(u.key);
    out.push(u.name);
  }
  return Object.freeze(out) as string[];
}

// ---- Reading one cell ----------------------------------------------------------------------------

/**
 * The cell's normalised text with, for each of its code units, where it came from in the text as
 * written. Line breaks become ',' (they separate units) and a run of other white space one ' ' (it
 * may: 县委办 县政府办), where normalizeText would drop both.
 */
interface Cell {
  readonly text: string;
  readonly norm: string;
  /** Per code unit of norm: start and end of the written character it comes from; null when norm is text. */
  readonly from: Int32Array | null;
  readonly to: Int32Array | null;
  /** Per position of a matched opening bracket: the position of its closing bracket; else -1. */
  readonly close: Int32Array;
}

const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/;
const SPACE = /[\s\u200b\ufeff]/;

function cellOf(text: string): Cell {
  let norm: string;
  let from: Int32Array | null = null;
  let to: Int32Array | null = null;
  if (normalizeText(text) === text)
    norm = text; // no white space, nothing to convert: positions are the text's
  else {
    const parts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let last = '';
    for (let i = 0; i < text.length;) {
      const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + width);
      const out = LINE_BREAK.test(ch) ? ',' : SPACE.test(ch) ? (last === ' ' ? '' : ' ') : normalizeText(ch);
      for (let k = 0; k < out.length; k++) {
        parts.push(out[k]);
        starts.push(i);
        ends.push(i + width);
      }
      if (out) last = out;
      i += width;
    }
    norm = parts.join('');
    from = Int32Array.from(starts);
    to = Int32Array.from(ends);
  }
  return { text, norm, from, to, close: bracketPairs(norm) };
}

const OPENERS = '([【〔{〖';
const CLOSERS = ')]】〕}〗';

/** Brackets that close; an unclosed one is an ordinary character (and so does not hide the separators after it). */
function bracketPairs(norm: string): Int32Array {
  const close = new Int32Array(norm.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i];
    if (OPENERS.includes(c)) open.push(i);
    else if (CLOSERS.includes(c) && open.length > 0) close[open.pop()!] = i;
  }
  return close;
}

/** The text as written for norm positions [a, b). */
function written(cell: Cell, a: number, b: number): string {
  if (!cell.from) return cell.text.slice(a, b).trim();
  return cell.text.slice(cell.from[a], cell.to![b - 1]).trim();
}

/** Between clauses (，；。 and line breaks): a role written at a clause's end reaches back only to its start. */
const CLAUSE_MARKS = ',;。!?';
/** Between the units of one clause. */
const UNIT_MARKS = '、､/|\\&+';

const LEAD_WORDS = '总牵头|牵头|主责|主办|主抓|统筹';
const HELP_WORDS = '配合参与|参与配合|协助配合|配合|协助|协办|参与|协同|协作';
const DUTY_WORDS = '具体落实|负责|承办|落实|责任|实施|办理';
const ROLE_CORE =
  '(?:按照职责分工|按职责分工|按照职责|按职责|按照职能|按职能|根据职责|依职责|分别|共同|具体|全面|积极|主要|负责)?' +
  '(?:为|作为|是)?' +
  `(${LEAD_WORDS}|${HELP_WORDS}|${DUTY_WORDS})` +
  '(?:单位|部门|处室|科室|股室)?' +
  '(?:负责|落实|实施|抓总|推进|完成|组织实施|抓好落实|抓落实|做好|配合|推动|办理|执行|工作)*';
/** A role written after a unit: 办公室牵头, 管委会负责落实, 市教育局为责任单位, 各乡镇按职责分工负责. */
const ROLE_AFTER = new RegExp(` ?${ROLE_CORE}$`);
/** A role noted in brackets: 组织部（牵头）, （配合单位）. */
const ROLE_NOTE = new RegExp(`^${ROLE_CORE}$`);
/** A label before the units of a clause: 牵头单位：…, 配合：…; or before a person (牵头领导：张三), whose clause names no unit. */
const LABEL_BEFORE = new RegExp(
  `(?:(${LEAD_WORDS}|${HELP_WORDS}|责任|承办)(?:单位|部门|处室|科室|股室)?|[^ ]*(领导|责任人|联系人|负责人))$`,
);

/** A whole item that is the note (注：首位单位为牵头单位): FIRST_UNIT_LEADS at its start. */
const FIRST_LEADS = new RegExp(`^(?:注|备注|说明)?:?(?:${FIRST_UNIT_LEADS.source})`);
/** "the same below" and the like: said of the note before it, not a unit. */
const NOT_A_UNIT = /^(?:下同|以下同|同上|下略|略|[\d一二三四五六七八九十]+)$/;
/** 等 after the units: not part of the last name (市卫生健康委等, 市税务局等有关部门). */
const ETC_AFTER = /等(?:相关|有关|其他|其它|各)?(?:成员单位|部门|单位|科室|处室|股室|县区|乡镇|街道)?$/;
/** A numbering before a unit: 1. 2) (3) ①. */
const NUMBERING = /^(?:\d{1,2}[.)、]|\(\d{1,2}\)|[\u2460-\u2473])/;
const TRIM_BOTH = ' .。:-—_*#…·~';

/**
 * The end of a unit's name: …部, …局, …委, …办 …, or 各… (各科室, 各县（市、区）). Used only to decide whether 及/和/与
 * or a space joins two units; so a word that merely ends like one (社会, 农村, 市场) does not count.
 */
const UNIT_END =
  /(?:部|局|委|办|厅|室|科|股|处|中心|院|会|公司|集团|单位|部门|政府|镇|乡|街道|所|站|队|团|社|馆|校|银行|区|县|市|州|盟|旗|组|署|电视台|电台|联|协|法庭|(?<!农)村|社区|企业|机关|机构|党委|党组|支部|办事处|人大|政协|医院|厂)$/;
const NOT_UNIT_END = /(?:社会|机会|城市|都市|全部|内部|外部)$/;
const BRACKETS_AFTER = new RegExp(`(?:${BRACKETED.source})+$`);

function isUnit(norm: string): boolean {
  const s = norm.replace(/ /g, '').replace(BRACKETS_AFTER, '').replace(ETC_AFTER, '');
  if (s.length >= 2 && s[0] === '各') return true;
  const m = UNIT_END.exec(s);
  return m !== null && m.index > 0 && !NOT_UNIT_END.test(s);
}

/** A unit name that 会同 may end in its first character: 管委, 村委, 居委 (…会). */
const COMMITTEE_BEFORE_JOIN = /(?:管委|村委|居委)$/;
/** Joins between two units, longest first: split only where both sides are units. */
const JOINS = ['以及', '会同', '及', '和', '与', ' '];

interface Item {
  a: number;
  b: number;
  role: Role | null;
  /** The role was written after the unit (…牵头), so it reaches back over the units before it; a bracketed note does not. */
  carries: boolean;
}

function readCell(text: string): CellUnits {
  const cell = cellOf(text);
  const { norm, close } = cell;
  const units: Unit[] = [];
  let firstLeads = false;

  let clauseRole: Role | null = null;
  let clauseSkipped = false;
  let items: Item[] = [];
  let itemStart = 0;

  const endItem = (end: number) => {
    if (clauseSkipped) return;
    const { item, firstLeads: note } = readItem(cell, itemStart, end);
    if (note) firstLeads = true;
    if (item) items.push(item);
  };
  const endClause = () => {
    // A unit without a role of its own has the role written after the next units of its clause (市发改委、市工信局牵头).
    let carry = clauseRole;
    for (let i = items.length - 1; i >= 0; i--) {
      if (!items[i].role) items[i].role = carry;
      else if (items[i].carries) carry = items[i].role;
    }
    for (const item of items) splitJoined(cell, item, units);
    items = [];
    clauseRole = null;
    clauseSkipped = false;
  };

  for (let i = 0; i < norm.length; i++) {
    const c = norm[i];
    if (close[i] >= 0) {
      i = close[i]; // separators in brackets do not split
      continue;
    }
    if (CLAUSE_MARKS.includes(c)) {
      endItem(i);
      endClause();
      itemStart = i + 1;
    } else if (UNIT_MARKS.includes(c)) {
      endItem(i);
      itemStart = i + 1;
    } else if (c === ':') {
      const label = LABEL_BEFORE.exec(norm.slice(itemStart, i));
      if (label) {
        // 牵头单位：A、B；配合单位：C — the label starts a clause and gives its units their role.
        endItem(itemStart + label.index);
        endClause();
        if (label[2]) clauseSkipped = true;
        else clauseRole = roleOf(label[1]);
        itemStart = i + 1;
      }
    }
  }
  endItem(norm.length);
  endClause();
  return Object.freeze({ units: Object.freeze(units), firstLeads });
}

const LEAD_WORD = new RegExp(`^(?:${LEAD_WORDS})$`);
const HELP_WORD = new RegExp(`^(?:${HELP_WORDS})$`);

function roleOf(word: string): Role {
  return LEAD_WORD.test(word) ? 'lead' : HELP_WORD.test(word) ? 'help' : 'duty';
}

/**
 * One item between separators: its extent without numbering, role words, notes, 等 and stray
 * punctuation (null when nothing is left), its role, and whether it held a note that the first unit leads.
 */
function readItem(cell: Cell, a: number, b: number): { item: Item | null; firstLeads: boolean } {
  const { norm, close } = cell;
  let role: Role | null = null;
  let carries = false;
  let firstLeads = false;
  a = trimStart(norm, a, b);
  const numbering = NUMBERING.exec(norm.slice(a, b));
  if (numbering) a = trimStart(norm, a + numbering[0].length, b);
  if (FIRST_LEADS.test(norm.slice(a, b))) return { item: null, firstLeads: true };
  if (norm[a] === '由' && b - a > 2) a++; // 由市发改委牵头
  // A note in brackets before the units: （列第一位的单位牵头）区民政局、区人社局.
  if (close[a] > a && close[a] < b && FIRST_LEADS.test(norm.slice(a + 1, close[a]))) {
    firstLeads = true;
    a = trimStart(norm, close[a] + 1, b);
  }
  for (;;) {
    b = trimEnd(norm, a, b);
    if (b - a > 1 && CLOSERS.includes(norm[b - 1])) {
      const open = openerOf(close, a, b - 1);
      if (open >= a) {
        const note = norm.slice(open + 1, b - 1);
        if (FIRST_LEADS.test(note)) {
          firstLeads = true;
          b = open;
          continue;
        }
        const roleNote = ROLE_NOTE.exec(note);
        if (roleNote) {
          if (role === null) [role, carries] = [roleOf(roleNote[1]), false];
          b = open;
          continue;
        }
      }
    }
    const s = norm.slice(a, b);
    const after = ROLE_AFTER.exec(s);
    if (after) {
      if (role === null) [role, carries] = [roleOf(after[1]), true];
      b = a + after.index;
      continue;
    }
    const etc = ETC_AFTER.exec(s);
    if (etc && etc.index > 0) {
      b = a + etc.index;
      continue;
    }
    break;
  }
  if (b <= a || NOT_A_UNIT.test(norm.slice(a, b).replace(/ /g, ''))) return { item: null, firstLeads };
  return { item: { a, b, role, carries }, firstLeads };
}

/** The units of an item: split at 及/和/与/以及/会同 or a space where both sides are units. */
function splitJoined(cell: Cell, item: Item, out: Unit[]): void {
  const { norm, close } = cell;
  let start = item.a;
  // Each join tests the rest of the item: a name is never this long, and a pasted paragraph must not cost O(n²).
  if (item.b - item.a > MAX_JOINED_ITEM) {
    addUnit(cell, start, item.b, item.role, out);
    return;
  }
  for (let i = item.a; i < item.b; i++) {
    if (close[i] >= 0 && close[i] < item.b) {
      i = close[i];
      continue;
    }
    for (const join of JOINS) {
      if (!norm.startsWith(join, i)) continue;
      // 县管委会同县财政局 is 县管委会 (同) 县财政局; 市发改委会同市财政局 is 市发改委 会同 市财政局.
      const at = join === '会同' && COMMITTEE_BEFORE_JOIN.test(norm.slice(start, i)) ? i + 1 : i;
      if (isUnit(norm.slice(start, at)) && isUnit(norm.slice(i + join.length, item.b))) {
        addUnit(cell, start, at, item.role, out);
        start = i + join.length;
      }
      i += join.length - 1;
      break;
    }
  }
  addUnit(cell, start, item.b, item.role, out);
}

const MAX_JOINED_ITEM = 120;

function addUnit(cell: Cell, a: number, b: number, role: Role | null, out: Unit[]): void {
  const { norm } = cell;
  a = trimStart(norm, a, b);
  b = trimEnd(norm, a, b);
  const etc = ETC_AFTER.exec(norm.slice(a, b));
  if (etc && etc.index > 0) b = trimEnd(norm, a, a + etc.index);
  if (b <= a) return;
  const key = norm.slice(a, b).replace(/ /g, '');
  if (NOT_A_UNIT.test(key)) return;
  out.push(Object.freeze({ name: written(cell, a, b), key, role }));
}

function trimStart(norm: string, a: number, b: number): number {
  while (a < b && (TRIM_BOTH.includes(norm[a]) || CLOSERS.includes(norm[a]))) a++;
  return a;
}

function trimEnd(norm: string, a: number, b: number): number {
  while (b > a && (TRIM_BOTH.includes(norm[b - 1]) || OPENERS.includes(norm[b - 1]))) {
    if (norm[b - 1] === '.' && b - 2 >= a && /[A-Za-z]/.test(norm[b - 2])) break; // HR Dept.
    b--;
  }
  return b;
}

/** The opening bracket in [a, closer) that the bracket at `closer` closes; -1 when none. */
function openerOf(close: Int32Array, a: number, closer: number): number {
  for (let i = closer - 1; i >= a; i--) if (close[i] === closer) return i;
  return -1;
}

/** The workbook's department list (a sheet 部门 / 部门清单), normalised; null when there is none. */
export function departmentList(workbook: WorkbookData): Set<string> | null {
  for (const sheet of workbook.sheets) {
    if (!DEPARTMENTS_SHEET.test(normalizeHeader(sheet.name))) continue;
    const view = new MergedView(sheet);
    const found = findColumns(view, { name: /部门|单位|处室|名称|department|name/ }, ['name']);
    const col = found?.columns.name ?? 0;
    const first = found ? found.headerRow + 1 : 0;
    const names = new Set<string>();
    for (let r = first; r < view.rowCount; r++) {
      const name = normalizeText(cellText(view.value(r, col)));
      if (name) names.add(name);
    }
    return names;
  }
  return null;
}
