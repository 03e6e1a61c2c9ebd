import { columnIndex, Lang, Report } from '../engine';
import { FIELD_LABELS, t, WHY_LABELS } from './ui-text';

/** Below this confidence (0..1) a column's role is marked as a guess to check (issue 15). */
export const LOW_CONFIDENCE = 0.6;

/** One line of the pane's "识别结果" list: a column as the engine read it, in the clerk's words. */
export interface ColumnRoleRow {
  /** Column letters, "C". */
  column: string;
  /** The header as written in the sheet (traditional script stays traditional). */
  header: string;
  /** The engine's field name (measure, lead …). */
  field: string;
  /** The field in the clerk's words: 具体措施, 牵头单位 … */
  role: string;
  /** 按表头 / 按内容 / 表头和内容 / 手动指定. */
  why: string;
  /** 0..1, as the engine reported it. */
  confidence: number;
  /** confidence < LOW_CONFIDENCE and not set by hand: worth a look. */
  low: boolean;
  /** An older progress column: shown, not judged. */
  superseded: boolean;
  /** What else to say: the low-confidence mark and/or "older progress column"; "" when nothing. */
  note: string;
}

/**
 * The report's columnRoles (SPEC §2, issue 15) as the pane lists them, left to right: letter, header,
 * role and why in `lang`, with a mark on low-confidence guesses. A field the pane has no words for is
 * shown by its engine name.
 */
export function columnRoleRows(report: Pick<Report, 'columnRoles'>, lang: Lang): ColumnRoleRow[] {
  const rows = (report.columnRoles ?? []).map((r) => {
    const low = r.why !== 'override' && r.confidence < LOW_CONFIDENCE;
    const superseded = r.superseded === true;
    const notes = [
      low ? t(lang, 'lowConfidence', { pct: `${Math.round(r.confidence * 100)}%` }) : '',
      superseded ? t(lang, 'superseded') : '',
    ].filter(Boolean);
    return {
      column: r.column,
      header: r.header,
      field: r.field,
      role: (FIELD_LABELS as Record<string, { zh: string; en: string } | undefined>)[r.field]?.[lang] ?? r.field,
      why: WHY_LABELS[r.why][lang],
      confidence: r.confidence,
      low,
      superseded,
      note: notes.join(lang === 'zh' ? '；' : '; '),
    };
  });
  return rows.sort((a, b) => (columnIndex(a.column) ?? 0) - (columnIndex(b.column) ?? 0));
}
