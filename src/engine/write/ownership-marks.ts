import { columnIndex } from '../model/workbook';

/*
 * How Luoshi recognises what it wrote: hidden defined names. A name scoped to a sheet survives when
 * the user renames, moves or re-saves the workbook in Excel, WPS or LibreOffice, and Excel adjusts a
 * name's range when rows or columns are inserted, so the status column is found again even then.
 *
 *   _luoshi_sheet  (scoped to each generated sheet)  "summary", "overdue" …: the sheet's role
 *   _luoshi_status (scoped to the breakdown sheet)    the status column, header to last row
 *   _luoshi_width  (scoped to the breakdown sheet)    present when Luoshi set that column's width
 *   _luoshi_styles (workbook)                         how long styles.xml's lists were before Luoshi
 *   _luoshi_strings (workbook)                        how long the shared-string table was before Luoshi
 *   _luoshi_refs   (scoped to the breakdown sheet)    the sheet's <dimension> and autofilter references before and
 *                                                     after Luoshi grew them to the status column:
 *                                                     "dimension=A1:G5>A1:H5;autoFilter=A2:G5>A2:H5"
 *   _luoshi_shown  (scoped to the breakdown sheet)    present when the status column lay in a hidden <col> range
 *                                                     (every column right of the table hidden): that <col> as it
 *                                                     was, which Luoshi split to show the status column
 *   _luoshi_print  (scoped to the breakdown sheet)    present when Luoshi set the sheet to print A4 landscape, fit to
 *                                                     width (the user had no print settings); what was there before:
 *                                                     "pageSetup.orientation=portrait;pageSetup.fitToWidth=;sheetPr=+"
 *                                                     ("+": Luoshi made the element; empty: no such attribute)
 *
 * The conditional formats are recognised by their formula (status-colouring.ts), LEFT($<status column><row>,1)="<symbol>",
 * which only Luoshi writes against that column.
 */
export const MARK = {
  sheet: '_luoshi_sheet',
  status: '_luoshi_status',
  width: '_luoshi_width',
  styles: '_luoshi_styles',
  strings: '_luoshi_strings',
  refs: '_luoshi_refs',
  print: '_luoshi_print',
  shown: '_luoshi_shown',
} as const;

/** A sheet reference Luoshi grew: what it was and what Luoshi made it ("A1:G5" → "A1:H5"). */
export interface GrownRef {
  before: string;
  after: string;
}

/** Which references of the breakdown sheet Luoshi grew to take in the status column. */
export type GrownRefs = Partial<Record<'dimension' | 'autoFilter', GrownRef>>;

/** The _luoshi_refs mark's text: "dimension=A1:G5>A1:H5;autoFilter=A2:G5>A2:H5" (a string constant). */
export function refsMark(refs: GrownRefs): string {
  const parts = Object.entries(refs).map(([k, r]) => `${k}=${r!.before}>${r!.after}`);
  return `"${parts.join(';')}"`;
}

/** The references a _luoshi_refs mark records; parts it cannot read are left out. */
export function parseRefsMark(value: string): GrownRefs {
  const out: GrownRefs = {};
  for (const part of (constantValue(value) ?? '').split(';')) {
    const m = /^(dimension|autoFilter)=([A-Za-z0-9:$]+)>([A-Za-z0-9:$]+)$/.exec(part);
    if (m) out[m[1] as 'dimension' | 'autoFilter'] = { before: m[2], after: m[3] };
  }
  return out;
}

export function isLuoshiName(name: string): boolean {
  return name.startsWith('_luoshi_');
}

/** A defined name's formula holding `text` as a string constant, quotes doubled: summary → "summary". */
export function stringConstant(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A string constant as a defined name's formula: "summary". */
export function constantValue(value: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(value.trim());
  return m ? m[1].replace(/""/g, '"') : null;
}

/** "'台账'!$I$3:$I$40" → column and rows (0-based); null when it no longer names a column range (#REF!). */
export function parseColumnRange(value: string): { col: number; top: number; bottom: number } | null {
  const m = /!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(value.trim());
  if (!m || (m[3] && m[3] !== m[1])) return null;
  return { col: columnIndex(m[1])!, top: Number(m[2]) - 1, bottom: Number(m[4] ?? m[2]) - 1 };
}

export function parseCounts(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (constantValue(value) ?? '').split(';')) {
    const [k, v] = part.split('=');
    if (k && v !== undefined && /^-?\d+$/.test(v)) out[k] = Number(v);
  }
  return out;
}
