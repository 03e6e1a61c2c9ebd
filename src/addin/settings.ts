import { ColumnOverrideProblem, Field, Lang, LayoutOverride, parseColumnOverrides, runAt, today } from '../engine';
import type { CheckOptions } from './excel/run-check';
import { langOf } from './ui-text';

/** The pane's settings, kept in the browser's storage for this user. */
export interface PaneSettings {
  /** YYYY-MM-DD, or "" for today. */
  asOf: string;
  warnDays: number;
  sheet: string;
  headerRow: string;
  /** "measure=C, lead=D" */
  columns: string;
  language: 'auto' | Lang;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  asOf: '',
  warnDays: 7,
  sheet: '',
  headerRow: '',
  columns: '',
  language: 'auto',
};

const KEY = 'luoshi.settings';

export function loadSettings(storage: Pick<Storage, 'getItem'> | null): PaneSettings {
  try {
    return { ...DEFAULT_SETTINGS, ...JSON.parse(storage?.getItem(KEY) ?? '{}') };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | null, s: PaneSettings): void {
  try {
    storage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage may be unavailable (private mode); settings then last for the session only.
  }
}

/** Parts of the column mapping that are not understood, with the engine's message (shown under the field). */
export function invalidColumns(s: PaneSettings): ColumnOverrideProblem[] {
  return parseColumnOverrides(s.columns).problems;
}

/** The sheet/column mapping as the engine's override; parts that do not parse are left out (see invalidColumns). */
export function overrideOf(s: PaneSettings): LayoutOverride {
  const override: LayoutOverride = {};
  if (s.sheet) override.sheet = s.sheet;
  // Row 0 names no row: like any other text that is not a row number, it leaves the header to detection.
  if (/^0*[1-9]\d*$/.test(s.headerRow.trim())) override.headerRow = Number(s.headerRow.trim());
  const { columns } = parseColumnOverrides(s.columns);
  if (Object.keys(columns).length > 0) override.columns = columns;
  return override;
}

/** The language the user chose, or Office's. */
export function settingsLang(s: PaneSettings, displayLanguage: string): Lang {
  return s.language === 'auto' ? langOf(displayLanguage) : s.language;
}

/** What a check runs with: the pane's settings, today and now. Shared by the pane and the ribbon's 校验. */
export function checkOptions(s: PaneSettings, lang: Lang, now: Date, showSummary: boolean): CheckOptions {
  return {
    asOf: s.asOf || today(now),
    warnDays: s.warnDays,
    lang,
    override: overrideOf(s),
    runAt: runAt(now),
    showSummary,
  };
}

/**
 * Column letters as a user types them in the pane ("h", "Ｈ", "H列") → "H"; null when they are not
 * letters of a column Excel has (read by the engine's own override parser, so both agree).
 */
export function columnLettersOf(text: string): string | null {
  const { columns } = parseColumnOverrides(`measure=${text.trim()}`);
  return /[,，;；、\s]/.test(text.trim()) ? null : (columns.measure ?? null);
}

/**
 * The settings with column `column` (letters) given the role `field` in the columns override
 * ("field=LETTER", SPEC §2), or, with field null, with any override on that column removed. A column
 * has one role and a field one column: this field's override of another column and another field's
 * override of this column are dropped. Parts that do not parse are kept as written (they are still
 * shown as problems). Unchanged settings when `column` is not column letters.
 */
export function withColumnRole(s: PaneSettings, column: string, field: Field | null): PaneSettings {
  const letters = columnLettersOf(column);
  if (letters === null) return s;
  const { columns, problems } = parseColumnOverrides(s.columns);
  const kept = Object.entries(columns).filter(([f, c]) => c !== letters && f !== field);
  if (field !== null) kept.push([field, letters]);
  const text = [...kept.map(([f, c]) => `${f}=${c}`), ...problems.map((p) => p.part)].join(', ');
  return { ...s, columns: text };
}

/** The field the columns override gives `column` (letters), if any. */
export function overriddenRole(s: PaneSettings, column: string): Field | undefined {
  const { columns } = parseColumnOverrides(s.columns);
  return (Object.keys(columns) as Field[]).find((f) => columns[f] === column);
}

/** The settings with the header on `sheet`, 1-based `row` (SPEC §2 override): "use the selected row". */
export function withHeaderRow(s: PaneSettings, sheet: string, row: number): PaneSettings {
  return { ...s, sheet, headerRow: String(row) };
}

/** What the engine says would find the table after a no_table failure (ValidateFailure's candidate and hint). */
export interface TableHint {
  candidate?: { sheet: string; row: number; headers: string[] };
  hint?: string[];
}

/** The columns the hint names ("--column measure=B" → { measure: 'B' }). */
export function hintedColumns(h: TableHint): NonNullable<LayoutOverride['columns']> {
  const specs = (h.hint ?? []).filter((x) => /^--column\s/.test(x)).map((x) => x.replace(/^--column\s+/, ''));
  return parseColumnOverrides(specs).columns;
}

/**
 * The settings that take the engine's candidate header row (SPEC §2, no_table): its sheet and row, and
 * each column the hint names (the measure column, usually). Unchanged settings without a candidate.
 */
export function withCandidate(s: PaneSettings, h: TableHint): PaneSettings {
  if (!h.candidate) return s;
  let next = withHeaderRow(s, h.candidate.sheet, h.candidate.row);
  for (const [field, letters] of Object.entries(hintedColumns(h))) next = withColumnRole(next, letters, field as Field);
  return next;
}
