import { ColumnOverrideProblem, Lang, LayoutOverride, parseColumnOverrides, runAt, today } from '../engine';
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

export const DEFAULT_SETTINGS: PaneSettings = { asOf: '', warnDays: 7, sheet: '', headerRow: '', columns: '', language: 'auto' };

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
  return { asOf: s.asOf || today(now), warnDays: s.warnDays, lang, override: overrideOf(s), runAt: runAt(now), showSummary };
}
