import { Lang } from '../i18n';
import { GeneratedSheet, PlanCell } from './plan';
import { pick } from './labels';

/**
 * Characters a cell may hold (UTF-16 units, as Excel counts): "Total number of characters that a cell can
 * contain: 32,767" (Microsoft, "Excel specifications and limits"). Excel calls a file with a longer text
 * damaged; Office.js refuses to write one.
 */
export const EXCEL_MAX_CELL_TEXT = 32_767;

/**
 * A text that fits one cell: as it is when it fits, else cut and ended with "…" and a note saying how
 * long the original was (the full text stays in the user's own cell). Never cut inside a surrogate pair.
 */
export function fitCellText(text: string, lang: Lang): string {
  if (text.length <= EXCEL_MAX_CELL_TEXT) return text;
  const note = pick(
    lang,
    `…（原文 ${text.length} 字，超出 Excel 单元格上限 ${EXCEL_MAX_CELL_TEXT} 字，已截断）`,
    `… (truncated: ${text.length} characters, over Excel's cell limit of ${EXCEL_MAX_CELL_TEXT})`,
  );
  let end = EXCEL_MAX_CELL_TEXT - note.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate without its pair
  return text.slice(0, end) + note;
}

/**
 * The sheet with every text fitted to a cell (fitCellText). Rows and cells are copied only where a text
 * is cut: the sheet's own arrays, which may be shared, are never changed. The common case, no long text,
 * costs one length check per cell and gives the same sheet back.
 */
export function fitSheetTexts(sheet: GeneratedSheet, lang: Lang): GeneratedSheet {
  let rows: PlanCell[][] | null = null;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    let copy: PlanCell[] | null = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c].value;
      if (typeof v !== 'string' || v.length <= EXCEL_MAX_CELL_TEXT) continue;
      copy ??= row.slice();
      copy[c] = { ...row[c], value: fitCellText(v, lang) };
    }
    if (copy) (rows ??= sheet.rows.slice())[r] = copy;
  }
  return rows ? { ...sheet, rows } : sheet;
}
