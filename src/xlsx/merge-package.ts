import { Lang } from '../engine/i18n';
import { cellAddress, CellValue, isDateValue, WorkbookData } from '../engine/model/workbook';
import { isDateFormat } from '../engine/model/number-formats';
import { Report } from '../engine/model/report';
import { dayToSerial } from '../engine/dates/excel-serial';
import { parseIso } from '../engine/dates/civil-date';
import { validateWorkbook } from '../engine/validate';
import { LayoutOverride } from '../engine/table/detect-table';
import { buildWritePlan } from '../engine/write/build-plan';
import {
  mergeLogName,
  mergeLogSheet,
  mergeReason,
  mergeSkip,
  MergeChange,
  MergeConflict,
  MergeDecisions,
  MergeNotTaken,
  MergeReply,
  MergeSkip,
  planMerge,
  skipDuplicateReplies,
} from '../engine/roundtrip/merge-changes';
import { applyPlan } from './apply-plan';
import { clearOwned } from './clear-owned';
import { CellWriter } from './generated-sheet-xml';
import { InputError, inputError } from './input-error';
import { refuseProtectedCheck } from './protection';
import { readPackage } from './read-workbook';
import { CellEdit, editColumn, styleOf } from './sheet-data-edit';
import { SharedStringsEditor } from './shared-strings-edit';
import { firstLoss } from './verify-package';
import { attributesOf, findElement, findElements, innerXml } from './xml-scan';
import { appendInside, rootPrefix, splice, withAttribute } from './xml-edit';
import { listEntries } from './styles-edit';
import { WorkbookPackage } from './workbook-package';

/*
 * 合并反馈 on a package (SPEC §8, issue 19): the master with the taken cells changed in place, through
 * the project's own part editing (editColumn, the shared-string table, CellWriter), so every other byte
 * stays; then validated as `validate` does, with the 合并记录 sheet added to the write plan, so the
 * status column and the generated sheets match the merged progress (a stale 逾期 beside a merged 已完成
 * would mislead). Two checks before the bytes are handed out:
 *  1. with the listed cells put back as they were, the merged package loses nothing of the master (firstLoss);
 *  2. the validated output loses nothing of the merged package (firstLoss, as validate checks).
 */

export interface MergeOptions {
  /** YYYY-MM-DD: the as-of date of the validation that follows the merge (SPEC §4). */
  asOf: string;
  lang?: Lang;
  /** Local time shown in 合并记录 and 校验记录 ("2026-11-21 09:30"); the as-of date when absent. */
  runAt?: string;
  warnDays?: number;
  /** The user's layout override for the master (SPEC §2). */
  override?: LayoutOverride;
  /** The master's file name, for messages and the generated sheets. */
  masterName?: string;
}

export interface MergeResult {
  /** The master package with exactly the taken cells changed (their styles kept), validated, plus a 合并记录 sheet. */
  bytes: Uint8Array;
  changes: MergeChange[];
  conflicts: MergeConflict[];
  notTaken: MergeNotTaken[];
  skipped: MergeSkip[];
  /** The validation of the merged master. */
  report: Report;
}

/** The cell format indices (cellXfs) that show numbers as dates. */
export function dateStyleIndices(stylesXml: string | null): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const f of findElements(stylesXml, 'numFmt')) {
    const a = attributesOf(f.text);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = findElement(stylesXml, 'cellXfs');
  findElements(innerXml(xfs?.text ?? ''), 'xf').forEach((xf, i) => {
    const id = Number(attributesOf(xf.text).numFmtId ?? 0);
    if (isDateFormat(id, custom.get(id))) out.add(i);
  });
  return out;
}

/**
 * The returned workbooks as merge reads them, in the CLI and in the pane: each with Luoshi's own output
 * taken out; one that is not a workbook or is password-protected is listed as skipped, and so is the
 * same reply given twice (its answers would otherwise meet themselves).
 */
export async function readReplies(
  files: ReadonlyArray<{ fileName: string; bytes: Uint8Array }>,
): Promise<{ replies: MergeReply[]; unreadable: MergeSkip[] }> {
  const replies: MergeReply[] = [];
  const { kept, skipped: unreadable } = skipDuplicateReplies(files);
  for (const r of kept) {
    const w = await readReply(r.fileName, r.bytes);
    if ('code' in w) unreadable.push(w);
    else replies.push({ fileName: r.fileName, workbook: w });
  }
  return { replies, unreadable };
}

/** Reads a reply with Luoshi's own output taken out (a whole master emailed after 校验 carries it); null with a skip. */
async function readReply(fileName: string, bytes: Uint8Array): Promise<WorkbookData | MergeSkip> {
  try {
    const pkg = await WorkbookPackage.open(Buffer.from(bytes), fileName);
    await clearOwned(pkg);
    return await readPackage(pkg);
  } catch (e) {
    if (e instanceof InputError && e.code === 'encrypted') return mergeSkip(fileName, 'encrypted');
    return mergeSkip(fileName, 'not_workbook');
  }
}

/**
 * Takes the departments' returned workbooks into the master (SPEC §8, issue 19). `master` and each
 * reply are .xlsx bytes, never modified. A reply that is not a workbook, is password-protected, has no
 * table, comes from another master or no longer matches what was sent is skipped and listed; the
 * others are merged (see planMerge for which cells are taken). Throws InputError when the master has
 * no table ('no_table'), is protected against writing ('protected'), or the result would lose part of
 * it ('would_lose_data').
 */
export async function mergeReplies(
  master: Uint8Array,
  replies: ReadonlyArray<{ fileName: string; bytes: Uint8Array }>,
  options: MergeOptions,
): Promise<MergeResult> {
  const file = options.masterName ?? 'master.xlsx';
  const lang = options.lang ?? 'zh';
  const runAt = options.runAt ?? options.asOf;
  // A copy: the caller's bytes are never touched, whatever the zip reader does with its input.
  const pkg = await WorkbookPackage.open(Buffer.from(master), file);
  const cleared = await clearOwned(pkg);
  const previous = cleared.previousMergeLog;
  const workbook = await readPackage(pkg);

  const { replies: read, unreadable } = await readReplies(replies);
  const planned = planMerge(workbook, read, { override: options.override });
  if (!planned.ok)
    throw inputError(planned.code ?? 'no_table', `${planned.message.zh}：${file}`, `${planned.message.en}: ${file}`);
  const decisions: MergeDecisions = { ...planned.decisions, skipped: [...unreadable, ...planned.decisions.skipped] };
  await refuseProtectedCheck(pkg, decisions.sheet, file);

  const before = await pkg.save();
  const applied = await writeCells(pkg, decisions, workbook.date1904);
  const merged = await pkg.save();
  await verifyCells(before, merged, decisions.sheet, applied.originals, file);

  // Validated as usual, on the merged package; 合并记录 joins the write plan's sheets.
  const out = await WorkbookPackage.open(merged, file);
  const data = await readPackage(out);
  const result = validateWorkbook(data, {
    asOf: options.asOf,
    lang,
    warnDays: options.warnDays,
    override: options.override,
  });
  if (!result.ok) throw inputError(result.error.code, result.error.message.zh, result.error.message.en);
  const userSheets = (await out.sheets()).map((s) => s.name);
  const plan = buildWritePlan(result.report, {
    userSheets,
    fileName: file.split(/[\\/]/).pop() ?? file,
    runAt,
    previousRunLog: cleared.previousRunLog,
  });
  const final = { ...decisions, changes: applied.changes, notTaken: [...decisions.notTaken, ...applied.refused] };
  plan.sheets.push(
    mergeLogSheet(final, {
      name: mergeLogName([...userSheets, ...plan.sheets.map((s) => s.name)], lang),
      lang,
      mergedAt: runAt,
      previous,
    }),
  );
  await applyPlan(out, plan, {
    // A date format added for a merged date is the user's now, as the cell it formats.
    styles: applied.addedStyles ? null : cleared.originalStyles,
    strings: applied.addedStrings ? null : cleared.originalStrings,
  });
  const bytes = await out.save();
  const loss = await firstLoss(out, bytes, file);
  if (loss) throw lossError(loss, file);
  return {
    bytes: new Uint8Array(bytes),
    changes: final.changes,
    conflicts: final.conflicts,
    notTaken: final.notTaken,
    skipped: final.skipped,
    report: result.report,
  };
}

function lossError(loss: string, file: string): InputError {
  return inputError(
    'would_lose_data',
    `为避免丢失工作簿中的内容，未写出结果（${loss}）：${file}`,
    `Nothing was written, to avoid losing part of the workbook (${loss}): ${file}`,
  );
}

/** The master's cells as they were before the merge, by column and row (null: there was no cell). */
type Originals = Map<number, Map<number, string | null>>;

/**
 * Writes the taken values into the breakdown sheet. A cell keeps its style; a date goes in as a date
 * serial where the cell shows dates, else as its ISO text; a text is always text (never a formula). A
 * cell holding a formula is not overwritten: its change moves to the not-taken list.
 */
async function writeCells(
  pkg: WorkbookPackage,
  decisions: MergeDecisions,
  date1904: boolean,
): Promise<{
  changes: MergeChange[];
  refused: MergeNotTaken[];
  originals: Originals;
  addedStrings: boolean;
  addedStyles: boolean;
}> {
  const originals: Originals = new Map();
  const changes: MergeChange[] = [];
  const refused: MergeNotTaken[] = [];
  if (decisions.changes.length === 0) return { changes, refused, originals, addedStrings: false, addedStyles: false };
  const entry = (await pkg.sheets()).find((s) => s.name === decisions.sheet);
  if (!entry?.partPath)
    throw inputError('no_sheet', `工作表“${decisions.sheet}”无法写入`, `Sheet "${decisions.sheet}" cannot be written`);
  let xml = await pkg.required(entry.partPath);
  const stylesPath = await pkg.stylesPath();
  let stylesXml = stylesPath ? await pkg.text(stylesPath) : null;
  const dates = dateStyleIndices(stylesXml);
  // A date into a cell whose format shows no date: the cell gets a copy of its format showing dates.
  const dated = new Map<number, number>();
  const dateStyleOf = (s: number): number | null => {
    if (dates.has(s)) return s;
    if (stylesXml === null) return null;
    let i = dated.get(s);
    if (i === undefined) {
      const copy = withDateCopy(stylesXml, s);
      if (copy === null) return null;
      ({ xml: stylesXml, index: i } = copy);
      dated.set(s, i);
      dates.add(i);
    }
    return i;
  };
  const stringsPath = await pkg.sharedStringsPath();
  const stringsXml = stringsPath ? await pkg.text(stringsPath) : null;
  const strings = stringsXml !== null ? SharedStringsEditor.open(stringsXml) : null;
  let addedStrings = false;
  const writer = new CellWriter(
    rootPrefix(xml, 'worksheet'),
    strings
      ? (t: string) => {
          addedStrings = true;
          return strings.indexOf(t);
        }
      : undefined,
  );
  const byColumn = new Map<number, MergeChange[]>();
  for (const c of decisions.changes) byColumn.set(c.col, [...(byColumn.get(c.col) ?? []), c]);
  for (const [col, list] of byColumn) {
    const edits = new Map<number, CellEdit>();
    const seen = new Map<number, string | null>();
    originals.set(col, seen);
    for (const change of list) {
      edits.set(change.row, (existing) => {
        if (existing && /<(?:[\w.-]+:)?f[\s/>]/.test(existing)) {
          refused.push({
            ...change,
            code: 'formula_cell',
            value: change.new,
            master: change.old,
            reason: mergeReason('formula_cell'),
          });
          return existing;
        }
        seen.set(change.row, existing);
        changes.push(change);
        const own = existing ? styleOf(existing) : 0;
        const s = isDateValue(change.value) ? (dateStyleOf(own) ?? own) : own;
        return writer.xml(
          cellAddress(change.row, col),
          cellValue(change.value, s, dates, date1904),
          s ? ` s="${s}"` : '',
        );
      });
    }
    xml = editColumn(xml, col, edits);
  }
  pkg.write(entry.partPath, xml);
  if (strings && stringsPath && addedStrings) pkg.write(stringsPath, strings.result);
  const addedStyles = dated.size > 0;
  if (addedStyles && stylesPath && stylesXml !== null) pkg.write(stylesPath, stylesXml);
  changes.sort((a, b) => a.row - b.row || a.col - b.col);
  return { changes, refused, originals, addedStrings, addedStyles };
}

/** Built-in number format 14: the short date of the reader's locale (2022/4/26 in Chinese Excel). ECMA-376 §18.8.30. */
export const SHORT_DATE_FORMAT = 14;

/**
 * Appends to cellXfs a copy of format `s` that shows dates (numFmtId 14, applyNumberFormat) and gives its
 * index; every other entry stays as it was, so every index the cells hold keeps its meaning. null when
 * the styles part has no cellXfs (the date is then written as its ISO text).
 */
export function withDateCopy(stylesXml: string, s: number): { xml: string; index: number } | null {
  const xfs = listEntries(stylesXml, 'cellXfs');
  const source = xfs[s] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  const copy = withAttribute(withAttribute(source, 'numFmtId', String(SHORT_DATE_FORMAT)), 'applyNumberFormat', '1');
  let block = findElement(stylesXml, 'cellXfs');
  if (!block) return null;
  let xml = appendInside(stylesXml, block, copy);
  block = findElement(xml, 'cellXfs')!;
  xml = splice(xml, block.start, block.end, withAttribute(block.text, 'count', String(xfs.length + 1)));
  return { xml, index: xfs.length };
}

/** What a cell holds for a reply's value: a date as a serial where the cell's style shows dates, else as text. */
function cellValue(v: CellValue, style: number, dates: Set<number>, date1904: boolean): string | number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) {
    const day = parseIso(v.date);
    return day !== null && dates.has(style) ? dayToSerial(day, date1904) : v.date;
  }
  return v;
}

/**
 * Check 1: the merged package with the changed cells put back as they were loses nothing of the master
 * (as `before`, Luoshi's earlier output cleared): only the listed cells changed.
 */
async function verifyCells(
  before: Buffer,
  merged: Buffer,
  sheet: string,
  originals: Originals,
  file: string,
): Promise<void> {
  const undo = await WorkbookPackage.open(merged, file);
  const entry = (await undo.sheets()).find((s) => s.name === sheet);
  if (entry?.partPath && originals.size > 0) {
    let xml = await undo.required(entry.partPath);
    for (const [col, cells] of originals) {
      const edits = new Map<number, CellEdit>();
      for (const [row, cell] of cells) edits.set(row, () => cell ?? '');
      xml = editColumn(xml, col, edits);
    }
    undo.write(entry.partPath, xml);
  }
  const loss = await firstLoss(before, await undo.save(), file);
  if (loss) throw lossError(loss, file);
}
