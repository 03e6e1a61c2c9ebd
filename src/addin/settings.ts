import { ColumnOverrideProblem, Field, Lang, LayoutOverride, parseColumnOverrides, runAt, today } from '../engine';
import type { ExcelHost } from './excel/host';
import type { CheckOptions } from './excel/run-check';
import { langOf } from './ui-text';

/**
 * The user's own settings, kept in the browser's storage (localStorage): they follow the user from
 * workbook to workbook.
 */
export interface UserSettings {
  /** YYYY-MM-DD, or "" for today. */
  asOf: string;
  warnDays: number;
  language: 'auto' | Lang;
}

/**
 * Where the table is in one workbook (the SPEC §2 overrides): kept in that workbook, for this add-in
 * (Workbook.settings, key LAYOUT_SETTING), so an override made for one file is never applied to another
 * (issue 17, item 9). "" for each means "detect".
 */
export interface WorkbookLayout {
  sheet: string;
  headerRow: string;
  /** "measure=C, lead=D" */
  columns: string;
}

/** What the pane shows and edits: the user's settings and this workbook's layout. */
export interface PaneSettings extends UserSettings, WorkbookLayout {
  /**
   * False while the pane has not yet read this workbook's layout (its first moments): a check then uses
   * what the workbook holds rather than the empty fields. Absent means the fields are to be used.
   */
  layoutLoaded?: boolean;
}

export const EMPTY_LAYOUT: WorkbookLayout = { sheet: '', headerRow: '', columns: '' };

export const DEFAULT_SETTINGS: PaneSettings = {
  asOf: '',
  warnDays: 7,
  language: 'auto',
  ...EMPTY_LAYOUT,
};

/** localStorage key of the user's settings. Older versions kept the layout here too: it is ignored now. */
const KEY = 'luoshi.settings';

/**
 * The Workbook.settings key of the layout (ExcelApi 1.4). Excel keeps these "per file and add-in"
 * (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection): the task pane and the ribbon's
 * function file are the same add-in, so both see it; it is saved with the file, with no saveAsync
 * (that is the older Office.context.document.settings).
 */
export const LAYOUT_SETTING = 'luoshi.layout';

/** The user's settings from storage; anything missing, of the wrong type or unreadable is the default. */
export function loadUserSettings(storage: Pick<Storage, 'getItem'> | null): UserSettings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // Unreadable (private mode, a broken value): the defaults.
  }
  const asOf = typeof stored.asOf === 'string' && /^(\d{4}-\d{2}-\d{2})?$/.test(stored.asOf) ? stored.asOf : '';
  const warnDays =
    typeof stored.warnDays === 'number' && Number.isFinite(stored.warnDays)
      ? Math.max(0, Math.min(365, Math.round(stored.warnDays)))
      : DEFAULT_SETTINGS.warnDays;
  const language = stored.language === 'zh' || stored.language === 'en' ? stored.language : 'auto';
  return { asOf, warnDays, language };
}

/**
 * The pane's settings at start: the user's from storage, and no layout yet (layoutLoaded false) until
 * the workbook's is read (loadLayout). A layout older versions left in storage is not used.
 */
export function loadSettings(storage: Pick<Storage, 'getItem'> | null): PaneSettings {
  return { ...loadUserSettings(storage), ...EMPTY_LAYOUT, layoutLoaded: false };
}

/** The layout part of `s`. */
export function layoutOf(s: WorkbookLayout): WorkbookLayout {
  return { sheet: s.sheet, headerRow: s.headerRow, columns: s.columns };
}

/**
 * The pane's settings once the workbook's layout is read: taken unless the user already set one by hand
 * in the meantime (see edited).
 */
export function withLoadedLayout(s: PaneSettings, layout: WorkbookLayout): PaneSettings {
  return s.layoutLoaded === false ? { ...s, ...layoutOf(layout), layoutLoaded: true } : s;
}

/**
 * `next` as the pane keeps it after the user edited `prev`: a layout changed by hand is to be used (and
 * saved) even if the workbook's was not read yet.
 */
export function edited(prev: PaneSettings, next: PaneSettings): PaneSettings {
  if (next.layoutLoaded !== false) return next;
  const changed = JSON.stringify(layoutOf(prev)) !== JSON.stringify(layoutOf(next));
  return changed ? { ...next, layoutLoaded: true } : next;
}

/** A stored Workbook.settings value → a layout; anything not a layout (another version's, damaged) reads as none. */
export function layoutFromSetting(value: unknown): WorkbookLayout {
  if (!value || typeof value !== 'object') return EMPTY_LAYOUT;
  const v = value as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
  return { sheet: text(v.sheet), headerRow: text(v.headerRow), columns: text(v.columns) };
}

/** Layouts saved or being saved, by host: saves go one after another, and an unchanged layout is not saved again. */
const savedLayouts = new WeakMap<object, { text: string; done: Promise<void> }>();

/**
 * Saves the user's settings in `storage`; with `host`, saves the layout in the workbook too when it
 * changed (one Excel.run, one round trip). A failed workbook save (the user typing in a cell) is let go:
 * the pane's next 校验 stores the layout in its own first request anyway.
 */
export function saveSettings(storage: Pick<Storage, 'setItem'> | null, s: UserSettings, host?: ExcelHost): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ asOf: s.asOf, warnDays: s.warnDays, language: s.language }));
  } catch {
    // Storage may be unavailable (private mode); settings then last for the session only.
  }
  const layout = s as Partial<PaneSettings>;
  if (!host || typeof layout.columns !== 'string' || layout.layoutLoaded === false) return;
  void saveLayout(host, layoutOf(layout as WorkbookLayout)).catch(() => {});
}

/** This workbook's layout (Workbook.settings, LAYOUT_SETTING): one Excel.run of one round trip. */
export async function loadLayout(host: ExcelHost): Promise<WorkbookLayout> {
  const layout = await host.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(LAYOUT_SETTING);
    item.load('value');
    await context.sync();
    return item.isNullObject ? EMPTY_LAYOUT : layoutFromSetting(item.value);
  });
  savedLayouts.set(host, { text: JSON.stringify(layout), done: Promise.resolve() });
  return layout;
}

/** Stores `layout` in the workbook (Workbook.settings.add, ExcelApi 1.4), after any save still under way. */
export function saveLayout(host: ExcelHost, layout: WorkbookLayout): Promise<void> {
  const text = JSON.stringify(layoutOf(layout));
  const last = savedLayouts.get(host);
  if (last?.text === text) return last.done;
  const done = (last?.done ?? Promise.resolve())
    .catch(() => {})
    .then(() =>
      host.run(async (context) => {
        context.workbook.settings.add(LAYOUT_SETTING, JSON.parse(text));
        await context.sync();
      }),
    );
  savedLayouts.set(host, { text, done });
  // A failed save is tried again next time.
  done.catch(() => savedLayouts.get(host)?.done === done && savedLayouts.delete(host));
  return done;
}

/** Parts of the column mapping that are not understood, with the engine's message (shown under the field). */
export function invalidColumns(s: WorkbookLayout): ColumnOverrideProblem[] {
  return parseColumnOverrides(s.columns).problems;
}

/** The sheet/column mapping as the engine's override; parts that do not parse are left out (see invalidColumns). */
export function overrideOf(s: WorkbookLayout): LayoutOverride {
  const override: LayoutOverride = {};
  if (s.sheet) override.sheet = s.sheet;
  // Row 0 names no row: like any other text that is not a row number, it leaves the header to detection.
  if (/^0*[1-9]\d*$/.test(s.headerRow.trim())) override.headerRow = Number(s.headerRow.trim());
  const { columns } = parseColumnOverrides(s.columns);
  if (Object.keys(columns).length > 0) override.columns = columns;
  return override;
}

/** The language the user chose, or Office's. */
export function settingsLang(s: UserSettings, displayLanguage: string): Lang {
  return s.language === 'auto' ? langOf(displayLanguage) : s.language;
}

/**
 * What a check runs with: the user's settings, today and now, and, when `s` carries a layout the pane
 * has (PaneSettings, layoutLoaded not false), that layout, which the check stores in the workbook and
 * uses. Without one (the ribbon's 校验: UserSettings only), the check uses the layout the workbook holds.
 * Shared by the pane and the ribbon's 校验.
 */
export function checkOptions(
  s: UserSettings | PaneSettings,
  lang: Lang,
  now: Date,
  showSummary: boolean,
): CheckOptions {
  const pane = s as Partial<PaneSettings>;
  const withLayout = typeof pane.columns === 'string' && pane.layoutLoaded !== false;
  return {
    asOf: s.asOf || today(now),
    warnDays: s.warnDays,
    lang,
    runAt: runAt(now),
    showSummary,
    ...(withLayout ? { layout: layoutOf(pane as WorkbookLayout) } : {}),
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
