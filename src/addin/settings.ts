import { Lang } from '../engine/i18n';
import type { CheckOptions } from './excel/run-check';
import { langOf } from './ui-text';
import { LayoutOverride } from '../engine/table/detect-table';
import { Field, FIELDS } from '../engine/table/vocabulary';

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

function mappingParts(s: PaneSettings): string[] {
  return s.columns.split(/[,，;；\s]+/).filter(Boolean);
}

/** Parts of the column mapping that are not field=letters with a known field (shown under the field). */
export function invalidColumns(s: PaneSettings): string[] {
  return mappingParts(s).filter((part) => {
    const [field, letters] = part.split(/[=＝]/);
    return !(FIELDS as readonly string[]).includes(field?.trim() ?? '') || !/^[A-Za-z]{1,3}$/.test(letters?.trim() ?? '');
  });
}

/** The sheet/column mapping as the engine's override; parts that do not parse are left out (see invalidColumns). */
export function overrideOf(s: PaneSettings): LayoutOverride {
  const override: LayoutOverride = {};
  if (s.sheet) override.sheet = s.sheet;
  if (/^\d+$/.test(s.headerRow.trim())) override.headerRow = Number(s.headerRow.trim());
  const columns: Partial<Record<Field, string>> = {};
  for (const part of mappingParts(s)) {
    const [field, letters] = part.split(/[=＝]/);
    if (field && letters && (FIELDS as readonly string[]).includes(field.trim())) columns[field.trim() as Field] = letters.trim().toUpperCase();
  }
  if (Object.keys(columns).length > 0) override.columns = columns;
  return override;
}

/** Today in the user's time zone, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function runAt(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${today(now)} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

/** The language the user chose, or Office's. */
export function settingsLang(s: PaneSettings, displayLanguage: string): Lang {
  return s.language === 'auto' ? langOf(displayLanguage) : s.language;
}

/** What a check runs with: the pane's settings, today and now. Shared by the pane and the ribbon's 校验. */
export function checkOptions(s: PaneSettings, lang: Lang, now: Date, showSummary: boolean): CheckOptions {
  return { asOf: s.asOf || today(now), warnDays: s.warnDays, lang, override: overrideOf(s), runAt: runAt(now), showSummary };
}
