import { CellValue, cellText } from '../model/workbook';
import { normalizeText } from '../text/normalize';

/*
 * The record split leaves in each department's workbook and merge reads back (SPEC §8, issue 19). It lives
 * in a sheet `_luoshi_sent` (state veryHidden), as plain text cells: a sheet survives Excel, WPS and
 * LibreOffice re-saves, where a custom XML part does not survive LibreOffice. Every cell is written as
 * text, so a re-save cannot turn a value into a number or a date; the reader takes numbers back as text.
 */

/** What split sent to one department, kept in the department's workbook so merge can tell who changed what. SPEC §8. */
export interface SentRecord {
  readonly version: 1;
  /** Stable id of the master: hash of the master's breakdown sheet name + header texts + sorted row keys (masterIdOf). */
  readonly masterId: string;
  /** As written in the master. */
  readonly department: string;
  /** The breakdown sheet's name in the master. */
  readonly sheetName: string;
  /** ISO date (as-of date of the split run). */
  readonly sentAt: string;
  /** Progress-type columns left open. */
  readonly openFields: readonly SentField[];
  readonly rows: readonly SentRow[];
}

/** An open column: its role (a Field such as 'progress', or 'period:2022-03'), header text as written, 0-based column. */
export interface SentField {
  readonly role: string;
  readonly header: string;
  readonly masterColumn: number;
}

export interface SentRow {
  /** Row identity: rowKey(id cell, measure cell). */
  readonly key: string;
  /** 0-based row in the master when sent (a hint only; never trusted for matching). */
  readonly masterRow: number;
  /**
   * Sent display text of each open field, same order as openFields; line breaks as "\n" (a re-save may turn
   * "\r\n" into "\n": compare with sentText()).
   */
  readonly values: readonly string[];
}

/** Name of the hidden sheet that holds the record. */
export const SENT_SHEET = '_luoshi_sent';
/** Cell A1 of the record sheet: what tells the record from any other sheet. */
export const SENT_MARKER = 'luoshi-sent-record v1';

/*
 * Layout of the record sheet (one string per cell):
 *   1  luoshi-sent-record v1
 *   2  masterId     <id>
 *   3  department   <name>
 *   4  sheetName    <name>
 *   5  sentAt       <YYYY-MM-DD>
 *   6  role         <role 1>   <role 2> …
 *   7  header       <header 1> <header 2> …
 *   8  column       <0-based>  <0-based> …
 *   9  rows         <count>
 *  10… <key>        <0-based master row> <value 1> <value 2> …
 * The count on row 9 tells a whole record from one a re-save or an edit cut short.
 */
const FIRST_ROW = 9;

/**
 * Rows of a hidden sheet ↔ record. The sheet is `_luoshi_sent` (SENT_SHEET), state veryHidden in the package.
 * rows[r][c] are the texts of the sheet's cells, 0-based; write every one as a text cell.
 */
export function sentRecordToRows(record: SentRecord): string[][] {
  const fields = record.openFields;
  const out: string[][] = [
    [SENT_MARKER],
    ['masterId', record.masterId],
    ['department', record.department],
    ['sheetName', record.sheetName],
    ['sentAt', record.sentAt],
    ['role', ...fields.map((f) => f.role)],
    ['header', ...fields.map((f) => f.header)],
    ['column', ...fields.map((f) => String(f.masterColumn))],
    ['rows', String(record.rows.length)],
  ];
  for (const row of record.rows) out.push([row.key, String(row.masterRow), ...row.values.map(sentText)]);
  return out;
}

/**
 * The record in the rows of a sheet as the project's reader returns them (strings, numbers, nulls; a
 * re-save may have made a number of a text such as "3"); undefined when the rows are not a whole record.
 */
export function sentRecordFromRows(rows: readonly (readonly unknown[])[]): SentRecord | undefined {
  const at = (r: number, c: number): string => text(rows[r]?.[c]);
  if (at(0, 0) !== SENT_MARKER) return undefined;
  const labels = ['masterId', 'department', 'sheetName', 'sentAt', 'role', 'header', 'column', 'rows'];
  for (let i = 0; i < labels.length; i++) if (at(i + 1, 0) !== labels[i]) return undefined;
  const count = Number(at(8, 1));
  if (!Number.isInteger(count) || count < 0 || rows.length < FIRST_ROW + count) return undefined;
  // The field rows may lose trailing empty cells on a re-save: the widest of the three is the field count.
  const width = Math.max(rows[5]?.length ?? 0, rows[6]?.length ?? 0, rows[7]?.length ?? 0) - 1;
  const openFields: SentField[] = [];
  for (let i = 1; i <= width; i++) {
    const column = Number(at(7, i));
    if (!Number.isInteger(column) || column < 0) return undefined;
    openFields.push(Object.freeze({ role: at(5, i), header: at(6, i), masterColumn: column }));
  }
  const sentRows: SentRow[] = [];
  for (let r = FIRST_ROW; r < FIRST_ROW + count; r++) {
    const masterRow = Number(at(r, 1));
    if (!Number.isInteger(masterRow) || masterRow < 0) return undefined;
    const values = openFields.map((_, i) => sentText(at(r, i + 2)));
    sentRows.push(Object.freeze({ key: at(r, 0), masterRow, values: Object.freeze(values) }));
  }
  return Object.freeze({
    version: 1,
    masterId: at(1, 1),
    department: at(2, 1),
    sheetName: at(3, 1),
    sentAt: at(4, 1),
    openFields: Object.freeze(openFields),
    rows: Object.freeze(sentRows),
  });
}

/** A cell of the record sheet as text: a re-save may hand back "3" as the number 3. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'date' in v) return String((v as { date: unknown }).date);
  return String(v);
}

/** A sent or returned value as compared: line breaks as "\n" (Excel writes "\r\n", XML readers give "\n"). */
export function sentText(value: string): string {
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

/**
 * The text an open cell is sent and compared by (SentRow.values): the engine's cell text of the value the
 * project's reader gives (dates as YYYY-MM-DD, numbers without float noise, text trimmed), line breaks as
 * "\n". Merge reads a reply's cells the same way.
 */
export function sentCellText(value: CellValue | undefined): string {
  return sentText(cellText(value ?? null));
}

/** Punctuation at the end of an id (1. / 1、 / 一、) or a measure (a full stop a clerk adds or drops). */
const TRAILING = /[.,;:、。．，；：]+$/;

/**
 * Row identity (SPEC §8: rows match by id or measure text, never by row number). With an id cell:
 * "id:" + the id; otherwise "m:" + the measure text. Both normalised for matching only (traditional →
 * simplified, full-width → half-width, no white space or quotation marks, no trailing punctuation,
 * Latin in lower case), so 牽頭 and 牵头, "1." and "1" give one key.
 */
export function rowKey(idText: string | undefined, measureText: string): string {
  const id = idText === undefined ? '' : keyText(idText);
  return id ? `id:${id}` : `m:${keyText(measureText)}`;
}

function keyText(raw: string): string {
  return normalizeText(raw).replace(/。/g, '.').replace(TRAILING, '').toLowerCase();
}

/**
 * The master's stable id (SentRecord.masterId): a 64-bit FNV-1a hash, as 16 hex digits, of the breakdown
 * sheet's name, its header texts (normalised as rowKey does) and its row keys sorted, so sorting the rows
 * keeps the id and another master gets another.
 */
export function masterIdOf(sheetName: string, headers: readonly string[], keys: readonly string[]): string {
  const parts = [sheetName, ...headers.map(keyText), '\u0000', ...[...keys].sort()];
  return fnv64(parts.join('\u0001'));
}

/** FNV-1a over UTF-16 code units, as two 32-bit halves (no BigInt on the per-master path). */
function fnv64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 16), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
