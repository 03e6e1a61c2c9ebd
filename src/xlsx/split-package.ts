import { cellAddress } from '../engine/model/workbook';
import {
  columnLetter,
  Lang,
  LayoutOverride,
  MergeRange,
  noticeText,
  planSplit,
  DepartmentPlan,
  SplitPlan,
  SENT_SHEET,
  sentRecordToRows,
  STATUS_STYLES,
} from '../engine';
import type { GeneratedSheet, Message, PlanCell } from '../engine';
import { generatedSheetXml, cellTextXml } from './generated-sheet-xml';
import { InputError } from './input-error';
import { readPackage, usesDate1904 } from './read-workbook';
import { MINIMAL_STYLES, StylesEditor, styleCounts, listEntries } from './styles-edit';
import { inNamespaces, NS, PackageNamespaces, WorkbookPackage } from './workbook-package';
import { appendInside, escapeXml, quoteSheet, splice, withAttribute } from './xml-edit';
import { attributesOf, decodeText, elementPattern, findElement, findElements, startTag } from './xml-scan';
import { newEntry, writeZip } from './zip-writer';
import { definedNames } from './luoshi-marks';
import { dateStyleIndices, SHORT_DATE_FORMAT } from './merge-package';

/*
 * 分发 (split, SPEC §8): one package per department, built new from the master's parts rather than by
 * editing a copy, so nothing of another department travels in it. Each package holds:
 *   - the 督办通知 sheet, first (the department's overdue and due-soon items as of the split's date);
 *   - the master's breakdown sheet with only its title/header rows and the department's rows: the
 *     master's cell XML (styles, row heights, widths, views, print setup) with rows renumbered, merges
 *     remapped, shared strings made inline (the master's shared-string table would carry every other
 *     department's texts) and formulas replaced by their values (a formula over rows left out would
 *     compute something else); the progress-type cells unlocked, the rest locked by sheet protection
 *     without a password;
 *   - the hidden record `_luoshi_sent` (veryHidden), what merge reads back;
 *   - the master's styles (plus the unlocked copies and the notice's styles) and theme.
 * Dropped, and why: every other sheet (other departments' summaries, Luoshi's generated sheets, log and
 * rules sheets: not this department's business, and they would leak), drawings, comments, hyperlinks,
 * conditional formats, data validations, tables and pivots (they refer to rows that are gone or to parts
 * not carried), defined names but the sheet's print titles, docProps (they name the master's sheets),
 * macros and custom parts.
 */

export interface SplitDepartmentFile {
  /** As written in the master. */
  department: string;
  /** "台账-组织部.xlsx": the master's name and the department's, safe on Windows. */
  fileName: string;
  bytes: Uint8Array;
  /** Task rows sent. */
  rows: number;
  overdue: number;
  dueSoon: number;
}

export interface SplitResult {
  departments: SplitDepartmentFile[];
  /** Task rows that name no department: sent to nobody (1-based row). */
  skipped: Array<{ row: number; measure: string; reason: Message }>;
}

export interface SplitWorkbookOptions {
  /** YYYY-MM-DD. */
  asOf: string;
  lang: Lang;
  overrides?: LayoutOverride;
  warnDays?: number;
  /** The master's file name (a path is fine): names the department files; "台账.xlsx" when absent. */
  name?: string;
}

/**
 * Splits a master workbook into one workbook per department (SPEC §8, issue 19). Throws InputError (one
 * line, zh | en) when the bytes are not a workbook or hold no breakdown table; nothing is produced then.
 */
export async function splitWorkbook(master: Uint8Array, options: SplitWorkbookOptions): Promise<SplitResult> {
  const name = options.name ?? '台账.xlsx';
  const pkg = await WorkbookPackage.open(Buffer.from(master.buffer, master.byteOffset, master.byteLength), name);
  const workbook = await readPackage(pkg);
  const planned = planSplit(workbook, {
    asOf: options.asOf,
    lang: options.lang,
    warnDays: options.warnDays,
    override: options.overrides,
  });
  if (!planned.ok) throw new InputError(planned.error.code, planned.error.message);
  const plan = planned.plan;

  const entry = (await pkg.sheets()).find((s) => s.name === plan.sheetName && s.partPath);
  const sheetXml = await pkg.required(entry!.partPath!);
  const parts = await sharedParts(pkg, plan);
  const parsed = parseSheet(sheetXml, parts.strings);
  const styles = new ProtectionStyles(parts.styles);
  const base = baseName(name);
  const names = new Set<string>();
  // Every department's sheet first: together they say which formats need an unlocked copy.
  const sheets = plan.departments.map((department) => departmentSheet(parsed, plan, department, styles));
  const departments: SplitDepartmentFile[] = [];
  for (const [i, department] of plan.departments.entries()) {
    const bytes = packageOf(parts, plan, department, sheets[i], styles, options.lang);
    departments.push({
      department: department.department,
      fileName: uniqueName(`${base}-${safeName(department.department)}`, names),
      bytes,
      rows: department.taskRows.length,
      overdue: department.overdue,
      dueSoon: department.dueSoon,
    });
  }
  const reason: Message = {
    zh: '未写明牵头或责任部门，未分发',
    en: 'Names no lead or responsible department; not sent',
  };
  return { departments, skipped: plan.unassigned.map((u) => ({ ...u, reason })) };
}

// ---------------------------------------------------------------------------------------------------
// File names

/** Characters Windows refuses in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;
/** Longest department part of a name, and of the master's part (Windows paths stop at 260). */
const MAX_PART = 40;

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? '';
  const stem = last.replace(/\.(xlsx|xlsm|xls)$/i, '');
  return truncate(stem.replace(UNSAFE, '_').trim(), 60) || '台账';
}

/** A department's name in a file name: unsafe characters as "_", no trailing dots or spaces, length-limited. */
export function safeName(department: string): string {
  return truncate(department.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim(), MAX_PART).replace(/[. ]+$/, '') || '_';
}

function truncate(text: string, most: number): string {
  const chars = [...text];
  return chars.length > most ? chars.slice(0, most).join('') : text;
}

/** Names differ on Windows only by more than case: 组织部/A and 组织部:A both give 组织部_A, the second 组织部_A(2). */
function uniqueName(stem: string, taken: Set<string>): string {
  let name = `${stem}.xlsx`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}(${n}).xlsx`;
  taken.add(name.toLowerCase());
  return name;
}

// ---------------------------------------------------------------------------------------------------
// The master's parts every department's package shares

interface SharedParts {
  ns: PackageNamespaces;
  styles: string;
  theme: string | null;
  /** Shared strings as <si> contents, to be written inline. */
  strings: string[];
  date1904: boolean;
  /** The breakdown sheet's print titles ("$3:$4"), kept. */
  printTitles: string | null;
}

async function sharedParts(pkg: WorkbookPackage, plan: SplitPlan): Promise<SharedParts> {
  const ns = await pkg.namespaces();
  const workbookXml = await pkg.required(pkg.workbookPath);
  const stylesPath = await pkg.stylesPath();
  const styles = (stylesPath && (await pkg.text(stylesPath))) || inNamespaces(MINIMAL_STYLES, ns);
  const themeRel = (await pkg.relationships(pkg.workbookPath)).find((r) => /\/theme$/.test(r.type) && !r.external);
  const theme = themeRel ? await pkg.text(themeRel.target) : null;
  const sstPath = await pkg.sharedStringsPath();
  const sst = sstPath ? await pkg.text(sstPath) : null;
  const strings: string[] = [];
  if (sst) {
    const pattern = elementPattern('si');
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(sst))) strings.push(m[2] ?? '');
  }
  const sheetIndex = (await pkg.sheets()).findIndex((s) => s.name === plan.sheetName);
  const titles = definedNames(workbookXml).find(
    (d) => d.name === '_xlnm.Print_Titles' && d.localSheetId === sheetIndex,
  );
  // Only the rows part ("'表'!$3:$4" → "$3:$4"): header rows keep their numbers in every department's sheet.
  const rowsPart = titles ? /(\$\d+:\$\d+)/.exec(titles.value)?.[1] : undefined;
  return { ns, styles, theme, strings, date1904: usesDate1904(workbookXml), printTitles: rowsPart ?? null };
}

// ---------------------------------------------------------------------------------------------------
// Styles: the master's, with unlocked copies for the open cells and the notice's own

/**
 * The master's styles.xml with what the packages add: for each cell format an open cell uses, a copy
 * with <protection locked="0"/> (ECMA-376 §18.8.33 protection; cells are locked by default, so the rest
 * stay locked under sheet protection), and the notice sheet's formats. The same for every department.
 */
class ProtectionStyles {
  private readonly editor: StylesEditor;
  /** Key ("12", or "12d" for the copy that shows dates) → cellXfs index of the unlocked copy. */
  private readonly unlocked = new Map<string, number>();
  /** The master's formats that already show dates. */
  private readonly dates: Set<number>;
  private xml: string | null = null;
  readonly notice: Record<string, number>;

  constructor(master: string) {
    this.dates = dateStyleIndices(master);
    this.editor = new StylesEditor(master, styleCounts(master));
    const overdue = STATUS_STYLES.overdue;
    const dueSoon = STATUS_STYLES.due_soon;
    this.notice = {
      title: this.editor.cellFormat({ bold: true, size: 16 }),
      line: this.editor.cellFormat({ wrap: true, vertical: 'top' }),
      header: this.editor.cellFormat({
        bold: true,
        fill: '#DDEBF7',
        border: true,
        wrap: true,
        horizontal: 'center',
        vertical: 'center',
      }),
      cell: this.editor.cellFormat({ border: true, wrap: true, vertical: 'top' }),
      overdue: this.editor.cellFormat({
        border: true,
        wrap: true,
        vertical: 'top',
        fill: overdue.fill,
        font: overdue.font,
      }),
      due_soon: this.editor.cellFormat({
        border: true,
        wrap: true,
        vertical: 'top',
        fill: dueSoon.fill,
        font: dueSoon.font,
      }),
    };
  }

  /**
   * Asks for an unlocked copy of format `s` (before finish); `date`: a date column's cell, whose copy
   * shows dates when `s` does not (issue 19: a date typed into a General cell by exceljs or WPS stays a
   * bare serial, which the department reads as a number and merge would have to guess).
   */
  want(s: number, date = false): string {
    const key = this.keyOf(s, date);
    if (!this.unlocked.has(key)) this.unlocked.set(key, -1);
    return key;
  }

  private keyOf(s: number, date: boolean): string {
    return date && !this.dates.has(s) ? `${s}d` : String(s);
  }

  /** The cellXfs index of the unlocked copy asked for as `key` (after finish). */
  unlockedOf(key: string): number {
    return this.unlocked.get(key) ?? parseInt(key, 10);
  }

  /** styles.xml with every copy asked for; then unlockedOf gives final indexes. */
  finish(): string {
    if (this.xml !== null) return this.xml;
    let xml = this.editor.result;
    const xfs = listEntries(xml, 'cellXfs');
    let count = xfs.length;
    const added: string[] = [];
    for (const key of this.unlocked.keys()) {
      const s = parseInt(key, 10);
      const xf = xfs[s] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      const shown = key.endsWith('d')
        ? withAttribute(withAttribute(xf, 'numFmtId', String(SHORT_DATE_FORMAT)), 'applyNumberFormat', '1')
        : xf;
      added.push(unlockedXf(shown));
      this.unlocked.set(key, count++);
    }
    if (added.length) {
      let block = findElement(xml, 'cellXfs')!;
      xml = appendInside(xml, block, added.join(''));
      block = findElement(xml, 'cellXfs')!;
      xml = splice(xml, block.start, block.end, withAttribute(block.text, 'count', String(count)));
    }
    return (this.xml = xml);
  }
}

/** A cell format with its protection replaced by locked="0" (child order: alignment, protection, extLst). */
function unlockedXf(xf: string): string {
  const prefix = /^<([\w.-]+:)?xf/.exec(xf)?.[1] ?? '';
  const open = withAttribute(startTag(xf).replace(/\s*\/>$/, '>'), 'applyProtection', '1');
  let inner = xf.endsWith('/>') ? '' : xf.slice(startTag(xf).length, xf.lastIndexOf('</'));
  inner = inner.replace(/<(?:[\w.-]+:)?protection\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?protection>)/, '');
  const protection = `<${prefix}protection locked="0"/>`;
  const ext = inner.search(/<(?:[\w.-]+:)?extLst\b/);
  inner = ext >= 0 ? inner.slice(0, ext) + protection + inner.slice(ext) : inner + protection;
  return `${open}${inner}</${prefix}xf>`;
}

// ---------------------------------------------------------------------------------------------------
// The breakdown sheet

interface Cell {
  col: number;
  /** The attribute text of <c> without r. */
  attrs: string;
  s: number;
  /** The cell's content, made ready to stand alone: inline strings, no formula. */
  inner: string;
  /** Its type attribute after that (t="inlineStr", t="n" …), '' for none. */
  type: string;
}

interface Row {
  /** Attribute text of <row> without r. */
  attrs: string;
  /** The row's own format (customFormat), or null. */
  style: number | null;
  cells: Cell[];
}

interface ParsedSheet {
  prefix: string;
  rootTag: string;
  /** Elements kept as they were, by name. */
  before: string[];
  after: string[];
  rows: Map<number, Row>;
  merges: MergeRange[];
  /** Column formats (<col style>), by 0-based column. */
  columnStyles: Map<number, number>;
}

/** Elements of a worksheet kept before <sheetData>, and after it (in schema order, CT_Worksheet). */
const KEPT_BEFORE = ['sheetPr', 'sheetViews', 'sheetFormatPr', 'cols'];
const KEPT_AFTER = ['printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'colBreaks'];

function parseSheet(xml: string, strings: readonly string[]): ParsedSheet {
  const rootTag = /<(?:[\w.-]+:)?worksheet\b[^>]*>/.exec(xml)![0];
  const prefix = /^<([\w.-]+:)?/.exec(rootTag)?.[1] ?? '';
  const data = findElement(xml, 'sheetData');
  const dataStart = data?.start ?? xml.length;
  const dataEnd = data?.end ?? xml.length;
  const kept = (names: string[], from: number, to: number) =>
    names.flatMap((n) => {
      const found = findElements(xml, n, from, to)[0];
      if (!found) return [];
      let text = found.text;
      if (n === 'sheetViews') text = text.replace(/\stabSelected="(1|true)"/g, '');
      if (n === 'pageSetup') text = text.replace(/\s[\w.-]+:id="[^"]*"/g, ''); // its printer settings part is not carried
      if (n === 'sheetPr') text = text.replace(/\s(filterMode|codeName)="[^"]*"/g, '');
      return [text];
    });
  const columnStyles = new Map<number, number>();
  for (const col of findElements(xml, 'col', 0, dataStart)) {
    const a = attributesOf(col.text);
    if (a.style === undefined) continue;
    for (let c = Number(a.min); c <= Math.min(Number(a.max ?? a.min), 16384); c++)
      columnStyles.set(c - 1, Number(a.style));
  }
  const rows = new Map<number, Row>();
  const rowPattern = elementPattern('row');
  const cellPattern = elementPattern('c');
  const body = data ? data.text : '';
  let m: RegExpExecArray | null;
  let lastRow = -1;
  while ((m = rowPattern.exec(body))) {
    const a = attributesOf(`<row${m[1]}>`);
    const r = a.r ? Number(a.r) - 1 : lastRow + 1;
    lastRow = r;
    const cells: Cell[] = [];
    let lastCol = -1;
    let c: RegExpExecArray | null;
    cellPattern.lastIndex = 0;
    while ((c = cellPattern.exec(m[2] ?? ''))) {
      const ca = attributesOf(`<c${c[1]}>`);
      const col = ca.r ? columnOfRef(ca.r) : lastCol + 1;
      lastCol = col;
      cells.push(standalone(col, c[1], c[2] ?? '', ca, strings, prefix));
    }
    const style = a.customFormat === '1' || a.customFormat === 'true' ? Number(a.s ?? 0) : null;
    rows.set(r, { attrs: m[1].replace(/\s+r="[^"]*"/, '').replace(/\s*\/$/, ''), style, cells });
  }
  const merges: MergeRange[] = [];
  for (const mc of findElements(xml, 'mergeCell', dataEnd)) {
    const ref = attributesOf(mc.text).ref ?? '';
    const [a, b = a] = ref.split(':');
    const from = position(a);
    const to = position(b);
    if (from && to) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return {
    prefix,
    rootTag,
    before: kept(KEPT_BEFORE, 0, dataStart),
    after: kept(KEPT_AFTER, dataEnd, xml.length),
    rows,
    merges,
    columnStyles,
  };
}

function columnOfRef(ref: string): number {
  return position(ref)?.col ?? 0;
}

function position(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * A cell as it can stand in another package: a shared string written inline (rich text kept), a formula
 * dropped for its last value (a formula's text result as an inline string), everything else as it was.
 */
function standalone(
  col: number,
  attrText: string,
  inner: string,
  a: Record<string, string>,
  strings: readonly string[],
  prefix: string,
): Cell {
  const attrs = attrText
    .replace(/\s+(r|t|s)="[^"]*"/g, '')
    .replace(/\s*\/$/, '')
    .replace(/\s+(cm|vm)="[^"]*"/g, '');
  const s = Number(a.s ?? 0);
  const v = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(inner)?.[1];
  const t = a.t ?? 'n';
  if (t === 's') {
    const si = v !== undefined ? strings[Number(v)] : undefined;
    return si === undefined
      ? { col, attrs, s, inner: '', type: '' }
      : { col, attrs, s, inner: `<${prefix}is>${si}</${prefix}is>`, type: 'inlineStr' };
  }
  if (t === 'inlineStr') {
    const is = /<(?:[\w.-]+:)?is\b[\s\S]*?<\/(?:[\w.-]+:)?is>/.exec(inner)?.[0] ?? '';
    return { col, attrs, s, inner: is, type: is ? 'inlineStr' : '' };
  }
  if (v === undefined) return { col, attrs, s, inner: '', type: '' };
  if (t === 'str') return { col, attrs, s, inner: cellTextXml(decodeText(v), prefix), type: 'inlineStr' };
  return { col, attrs, s, inner: `<${prefix}v>${v}</${prefix}v>`, type: t === 'n' ? '' : t };
}

interface BreakdownSheet {
  xml: string;
  /** New 0-based row of each kept master row. */
  newRow: Map<number, number>;
}

/**
 * The department's breakdown sheet: kept rows renumbered; a merge keeps the kept rows it covers (a
 * category merged down over 5 rows of which the department has 2 becomes a merge over those 2, holding
 * the category's text even when the merge's first row was another department's); open cells of the
 * department's task rows unlocked (made where the master had none); protection without a password.
 */
function departmentSheet(
  sheet: ParsedSheet,
  plan: SplitPlan,
  department: DepartmentPlan,
  styles: ProtectionStyles,
): BreakdownSheet {
  const p = sheet.prefix;
  const newRow = new Map<number, number>();
  department.keptRows.forEach((r, i) => newRow.set(r, i));
  const taskRows = new Set(department.taskRows);
  const openColumns = plan.openFields.map((f) => f.masterColumn);
  const dateColumns = new Set(
    plan.openFields.filter((f) => f.role === 'doneDate' || f.role === 'lastDate').map((f) => f.masterColumn),
  );

  // Merges over the kept rows; where the first kept row is not the merge's first, it takes the anchor cell.
  const merges: MergeRange[] = [];
  const anchors = new Map<number, Map<number, Cell>>();
  for (const m of sheet.merges) {
    const kept = department.keptRows.filter((r) => r >= m.top && r <= m.bottom);
    if (kept.length === 0) continue;
    const top = newRow.get(kept[0])!;
    const bottom = newRow.get(kept[kept.length - 1])!;
    if (bottom > top || m.right > m.left) merges.push({ top, left: m.left, bottom, right: m.right });
    if (kept[0] !== m.top) {
      const anchor = sheet.rows.get(m.top)?.cells.find((c) => c.col === m.left);
      if (anchor) {
        if (!anchors.has(kept[0])) anchors.set(kept[0], new Map());
        anchors.get(kept[0])!.set(m.left, anchor);
      }
    }
  }

  let width = 0;
  const out: string[] = [];
  for (const r of department.keptRows) {
    const row = sheet.rows.get(r);
    const n = newRow.get(r)! + 1;
    const cells = new Map<number, Cell>((row?.cells ?? []).map((c) => [c.col, c]));
    // The anchor's value in the cell's own format (its borders fit where it now stands).
    for (const [col, anchor] of anchors.get(r) ?? []) cells.set(col, { ...anchor, s: cells.get(col)?.s ?? anchor.s });
    const open = taskRows.has(r);
    if (open)
      for (const col of openColumns)
        if (!cells.has(col)) {
          const s = row?.style ?? sheet.columnStyles.get(col) ?? 0;
          cells.set(col, { col, attrs: '', s, inner: '', type: '' });
        }
    const sorted = [...cells.values()].sort((a, b) => a.col - b.col);
    out.push(`<${p}row r="${n}"${row?.attrs ?? ''}>`);
    for (const c of sorted) {
      width = Math.max(width, c.col + 1);
      let attrs = c.s ? `${c.attrs} s="${c.s}"` : c.attrs;
      if (open && openColumns.includes(c.col)) {
        // Marked now, numbered when the styles are finished (every department's sheet is planned first).
        attrs = `${c.attrs} s="\u0000${styles.want(c.s, dateColumns.has(c.col))}"`;
      }
      const type = c.type ? ` t="${c.type}"` : '';
      const ref = `${columnLetter(c.col)}${n}`;
      out.push(c.inner ? `<${p}c r="${ref}"${attrs}${type}>${c.inner}</${p}c>` : `<${p}c r="${ref}"${attrs}/>`);
    }
    out.push(`</${p}row>`);
  }
  const last = Math.max(department.keptRows.length, 1) - 1;
  // ECMA-376 §18.3.1.85 sheetProtection: sheet="1" protects, and no password attribute means none is asked.
  // An attribute set to "0" allows that action: row heights and column widths (long progress texts), and
  // selecting any cell. https://c-rex.net/samples/ooxml/e1/part4/OOXML_P4_DOCX_sheetProtection_topic_ID0ENIH5.html
  const protection = `<${p}sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>`;
  const mergeXml = merges.length
    ? `<${p}mergeCells count="${merges.length}">${merges
        .map((m) => `<${p}mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`)
        .join('')}</${p}mergeCells>`
    : '';
  const [sheetPr, ...restBefore] = sheet.before[0]?.includes('sheetPr') ? sheet.before : ['', ...sheet.before];
  const xml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    sheet.rootTag,
    sheetPr,
    `<${p}dimension ref="A1:${cellAddress(last, Math.max(width, 1) - 1)}"/>`,
    ...restBefore,
    `<${p}sheetData>`,
    out.join(''),
    `</${p}sheetData>`,
    protection,
    mergeXml,
    ...sheet.after,
    `</${p}worksheet>`,
  ].join('');
  return { xml, newRow };
}

/** The breakdown sheet's XML with the unlocked formats' final indexes (known once every department asked). */
function withUnlocked(xml: string, styles: ProtectionStyles): string {
  return xml.replace(/ s="\u0000(\d+d?)"/g, (_, key: string) => ` s="${styles.unlockedOf(key)}"`);
}

// ---------------------------------------------------------------------------------------------------
// The package

const CONTENT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
};
const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
};

function packageOf(
  parts: SharedParts,
  plan: SplitPlan,
  department: DepartmentPlan,
  breakdown: BreakdownSheet,
  styles: ProtectionStyles,
  lang: Lang,
): Uint8Array {
  const ns = parts.ns;
  const stylesXml = styles.finish();
  const notice = noticeSheet(plan, department, breakdown, styles, lang, ns);
  const record = recordSheetXml(department, ns);
  const sheetNames = [notice.name, plan.sheetName, SENT_SHEET];
  const relType = (t: string) =>
    ns.strict ? t.replace('http://schemas.openxmlformats.org/officeDocument/2006/relationships', ns.rel) : t;
  const workbookXml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}">`,
    `<workbookPr${parts.date1904 ? ' date1904="1"' : ''}/>`,
    '<bookViews><workbookView activeTab="0"/></bookViews><sheets>',
    sheetNames
      .map(
        (n, i) =>
          `<sheet name="${escapeXml(n)}" sheetId="${i + 1}"${i === 2 ? ' state="veryHidden"' : ''} r:id="rId${i + 1}"/>`,
      )
      .join(''),
    '</sheets>',
    parts.printTitles
      ? `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">${escapeXml(
          `${quoteSheet(plan.sheetName)}!${parts.printTitles}`,
        )}</definedName></definedNames>`
      : '',
    '</workbook>',
  ].join('');
  const rels = [
    ...sheetNames.map((_, i) => [`rId${i + 1}`, relType(NS.worksheetType), `worksheets/sheet${i + 1}.xml`]),
    ['rId4', relType(NS.stylesType), 'styles.xml'],
    ...(parts.theme ? [['rId5', relType(REL.theme), 'theme/theme1.xml']] : []),
  ];
  const relsXml = relationshipsXml(rels);
  const types = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT.workbook}"/>`,
    ...sheetNames.map(
      (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${NS.worksheetContent}"/>`,
    ),
    `<Override PartName="/xl/styles.xml" ContentType="${NS.stylesContent}"/>`,
    parts.theme ? `<Override PartName="/xl/theme/theme1.xml" ContentType="${CONTENT.theme}"/>` : '',
    '</Types>',
  ].join('');
  const entries = [
    newEntry('[Content_Types].xml', types),
    newEntry('_rels/.rels', relationshipsXml([['rId1', relType(REL.officeDocument), 'xl/workbook.xml']])),
    newEntry('xl/workbook.xml', workbookXml),
    newEntry('xl/_rels/workbook.xml.rels', relsXml),
    newEntry('xl/worksheets/sheet1.xml', notice.xml),
    newEntry('xl/worksheets/sheet2.xml', withUnlocked(breakdown.xml, styles)),
    newEntry('xl/worksheets/sheet3.xml', record),
    newEntry('xl/styles.xml', stylesXml),
    ...(parts.theme ? [newEntry('xl/theme/theme1.xml', parts.theme)] : []),
  ];
  return new Uint8Array(writeZip(entries));
}

function relationshipsXml(rels: string[][]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
    '</Relationships>'
  );
}

/** The record sheet: every cell an inline string (SENT record, see sent-record.ts). */
function recordSheetXml(department: DepartmentPlan, ns: PackageNamespaces): string {
  const rows = sentRecordToRows(department.record);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}"><sheetData>`,
  ];
  rows.forEach((row, r) => {
    out.push(`<row r="${r + 1}">`);
    row.forEach((text, c) => {
      if (text !== '') out.push(`<c r="${columnLetter(c)}${r + 1}" t="inlineStr">${cellTextXml(text)}</c>`);
    });
    out.push('</row>');
  });
  out.push('</sheetData></worksheet>');
  return out.join('');
}

/** The 督办通知 sheet: title, the lines saying what to do, the items (each linked to its row). */
function noticeSheet(
  plan: SplitPlan,
  department: DepartmentPlan,
  breakdown: BreakdownSheet,
  styles: ProtectionStyles,
  lang: Lang,
  ns: PackageNamespaces,
): { name: string; xml: string } {
  const text = noticeText(plan, department, lang);
  const name = text.sheetName === plan.sheetName ? `${text.sheetName}(1)` : text.sheetName;
  const width = text.headers.length;
  const rows: PlanCell[][] = [
    [{ value: text.title, style: 'title' }],
    ...text.lines.map((line) => [{ value: line, style: 'line' }]),
    [],
  ];
  const merges = text.lines.map((_, i) => ({ top: i + 1, left: 0, bottom: i + 1, right: width - 1 }));
  if (text.empty) rows.push([{ value: text.empty, style: 'line' }]);
  else {
    rows.push(text.headers.map((h) => ({ value: h, style: 'header' })));
    department.notice.forEach((item, i) => {
      const target = breakdown.newRow.get(item.row - 1) ?? 0;
      rows.push(
        text.rows[i].map((value, c) => ({
          value: value === '' ? null : value,
          style: c === 5 ? item.status : 'cell',
          ...(c === 2 ? { link: { sheet: plan.sheetName, row: target, col: 0 } } : {}),
        })),
      );
    });
  }
  const sheet: GeneratedSheet = {
    role: 'summary',
    name,
    rows,
    widths: [8, 10, 50, 12, 16, 30, 12, 10],
    rowHeights: rows.map((_, r) => (r >= 1 && r <= text.lines.length ? 36 : null)),
    merges,
    freezeRows: 0,
    printTitleRows: null,
    landscape: true,
    pageNumbers: false,
  };
  return { name, xml: generatedSheetXml(sheet, (s) => styles.notice[s] ?? 0, undefined, ns) };
}
