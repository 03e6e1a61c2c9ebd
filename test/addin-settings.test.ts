/**
 * Issue 17, item 9: the sheet, header-row and column overrides are kept in the workbook they were made
 * for (Workbook.settings), the user's own settings (language, warning days, as-of date) in the browser's
 * storage. Several workbooks open in one Excel share one localStorage: an override made in one must not
 * be applied by 校验 — the pane's or the ribbon's — in another.
 */
import { ribbonClear, ribbonValidate } from '../src/addin/commands/ribbon';
import { runCheck } from '../src/addin/excel/run-check';
import {
  checkOptions,
  edited,
  LAYOUT_SETTING,
  loadLayout,
  loadSettings,
  PaneSettings,
  saveLayout,
  saveSettings,
  settingsLang,
  withHeaderRow,
  withLoadedLayout,
} from '../src/addin/settings';
import { OfficeThemeColours, paneTheme } from '../src/addin/taskpane/theme';
import { WorkbookData } from '../src/engine/model/workbook';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { sheet, table } from './helpers/fixtures';
import { testHost } from './office-host/context';
import { hostWorkbookOf, HostWorkbook } from './office-host/model';

const NOW = new Date(2022, 8, 30, 9, 0);

/** One localStorage for every workbook, as a browser has (one origin). */
class SharedStorage {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** Two tables: 台账 (found by detection) and 整改台账 under a title and a note (header in row 3). */
function twoTables(): WorkbookData {
  const data = table([
    [1, '修订请示报告制度', '办公室', '督查室', '2022年6月30日前', '已完成', { date: '2022-06-20' }],
  ]);
  data.sheets.push(
    sheet('整改台账', [
      ['2022年整改台账'],
      ['填報單位：辦公室'],
      ['序号', '整改措施', '牽頭單位', '責任單位', '整改時限', '整改情況'],
      [1, '建立督办台账', '办公室', '各科室', '2022年3月底前', '已建立'],
      [2, '每季度通报一次整改进展', '督查室', '各科室', '每季度', '一季度已通报'],
    ]),
  );
  return data;
}

/** The sheet whose table got the 校验结果 column, as the user sees it after 校验. */
function checkedSheet(model: HostWorkbook): string | null {
  const found = model.sheets.filter((s) =>
    [...s.cells.values()].some((c) => c.value === '校验结果' || c.value === 'Check result'),
  );
  const user = found.filter((s) => ['台账', '整改台账'].includes(s.name));
  return user.length === 1 ? user[0].name : null;
}

/** The pane opened on `host`: the user's settings from storage, then the workbook's layout. */
async function openPane(host: ReturnType<typeof testHost>, storage: SharedStorage): Promise<PaneSettings> {
  return withLoadedLayout(loadSettings(storage), await loadLayout(host));
}

/** The pane's 校验 with `s`. */
function paneCheck(host: ReturnType<typeof testHost>, s: PaneSettings) {
  return runCheck(host, { ...checkOptions(s, settingsLang(s, host.displayLanguage), NOW, false), fileName: 'x.xlsx' });
}

/** The user edits the pane's settings from `prev` to `next`: kept, and saved where each part belongs. */
async function paneEdit(
  host: ReturnType<typeof testHost>,
  storage: SharedStorage,
  prev: PaneSettings,
  next: PaneSettings,
) {
  const s = edited(prev, next);
  saveSettings(storage, s, host);
  await saveLayout(host, s); // the save the edit started: wait for it
  return s;
}

describe('per-workbook layout, per-user settings (issue 17, item 9)', () => {
  test('an override made in one workbook is not applied by 校验 in another, from the pane or the ribbon', async () => {
    const storage = new SharedStorage();
    const a = testHost(hostWorkbookOf(twoTables()));
    const b = testHost(hostWorkbookOf(twoTables()));

    // Workbook A: the clerk points the pane at 整改台账, header row 3, and sets warning days to 10.
    let paneA = await openPane(a, storage);
    paneA = await paneEdit(a, storage, paneA, { ...withHeaderRow(paneA, '整改台账', 3), warnDays: 10 });
    await paneCheck(a, paneA);
    expect(checkedSheet(a.model)).toBe('整改台账');
    expect(JSON.parse(a.model.settings.get(LAYOUT_SETTING)!)).toMatchObject({ sheet: '整改台账', headerRow: '3' });

    // Workbook B, opened in the same Excel: its pane shows no override, and its 校验 reads 台账.
    const paneB = await openPane(b, storage);
    expect(paneB).toMatchObject({ sheet: '', headerRow: '', columns: '', warnDays: 10 });
    await paneCheck(b, paneB);
    expect(checkedSheet(b.model)).toBe('台账');

    // The ribbon's 校验 in B, with the pane closed: 台账 again; in A: A's override, without the pane.
    const fresh = testHost(hostWorkbookOf(twoTables()));
    expect(await ribbonValidate(fresh, storage, NOW)).toBeNull();
    expect(checkedSheet(fresh.model)).toBe('台账');
    const ribbonA = testHost(a.model);
    expect(await ribbonClear(ribbonA, storage)).toBeNull();
    expect(checkedSheet(a.model)).toBeNull();
    expect(await ribbonValidate(ribbonA, storage, NOW)).toBeNull();
    expect(checkedSheet(a.model)).toBe('整改台账');
    // The ribbon stores nothing: A keeps its layout.
    expect(JSON.parse(a.model.settings.get(LAYOUT_SETTING)!)).toEqual({
      sheet: '整改台账',
      headerRow: '3',
      columns: '',
    });
    // Only the user's settings are in the browser's storage.
    expect(Object.keys(JSON.parse(storage.getItem('luoshi.settings')!)).sort()).toEqual([
      'asOf',
      'language',
      'warnDays',
    ]);
  });

  test('the layout is read and stored in the check’s own requests; the pane reopened shows it again', async () => {
    const storage = new SharedStorage();
    const a = testHost(hostWorkbookOf(twoTables()));
    const pane = await openPane(a, storage);
    expect(a.lastSyncs.length).toBe(1); // loadLayout: one round trip
    const result = await paneCheck(a, { ...withHeaderRow(pane, '整改台账', 3), layoutLoaded: true });
    // Two reads, the writes, the page setup: the layout goes with the first read.
    expect(result.syncs).toBe(4);
    expect(a.lastSyncs.filter((s) => !s.final).length).toBe(4);
    expect(result.layout).toEqual({ sheet: '整改台账', headerRow: '3', columns: '' });
    // Closed and opened again (a new pane, the same file): the override is shown and used.
    const reopened = await openPane(testHost(a.model), storage);
    expect(reopened).toMatchObject({ sheet: '整改台账', headerRow: '3', layoutLoaded: true });
  });

  test('a layout left in the browser’s storage by an older version is applied to no workbook', async () => {
    const storage = new SharedStorage();
    storage.setItem(
      'luoshi.settings',
      JSON.stringify({
        asOf: '',
        warnDays: 5,
        sheet: '整改台账',
        headerRow: '3',
        columns: 'measure=B',
        language: 'en',
      }),
    );
    const host = testHost(hostWorkbookOf(twoTables()));
    const pane = await openPane(host, storage);
    expect(pane).toMatchObject({ sheet: '', headerRow: '', columns: '', warnDays: 5, language: 'en' });
    expect(await ribbonValidate(host, storage, NOW)).toBeNull();
    expect(checkedSheet(host.model)).toBe('台账');
  });

  test('before the workbook’s layout is read, the pane’s 校验 uses the workbook’s and does not overwrite it', async () => {
    const storage = new SharedStorage();
    const model = hostWorkbookOf(twoTables());
    model.settings.set(LAYOUT_SETTING, JSON.stringify({ sheet: '整改台账', headerRow: '3', columns: '' }));
    const host = testHost(model);
    const early = loadSettings(storage); // the pane's first moment
    const result = await paneCheck(host, early);
    expect(checkedSheet(model)).toBe('整改台账');
    expect(result.layout.sheet).toBe('整改台账');
    expect(withLoadedLayout(early, result.layout)).toMatchObject({ sheet: '整改台账', headerRow: '3' });
    // A language change before the read is no layout edit: the workbook's layout still stands.
    const lang = edited(early, { ...early, language: 'en' });
    saveSettings(storage, lang, host);
    expect(lang.layoutLoaded).toBe(false);
    expect(JSON.parse(model.settings.get(LAYOUT_SETTING)!).sheet).toBe('整改台账');
  });

  test('a damaged or foreign setting value, and damaged storage, read as the defaults', async () => {
    for (const stored of ['"整改台账"', '[1,2]', 'null', '{"sheet":7,"headerRow":3,"columns":null}']) {
      const model = hostWorkbookOf(twoTables());
      model.settings.set(LAYOUT_SETTING, stored);
      const layout = await loadLayout(testHost(model));
      expect(layout.columns).toBe('');
      const message = await ribbonValidate(testHost(model), null, NOW);
      // A number kept where text belongs is read as its text: a sheet "7" the workbook does not have.
      if (stored.includes('"sheet":7')) expect(message).toMatch(/“7”/);
      else expect({ stored, message, sheet: checkedSheet(model) }).toEqual({ stored, message: null, sheet: '台账' });
    }
    const broken = new SharedStorage();
    broken.setItem('luoshi.settings', '{"warnDays":"many","asOf":"明天","language":"fr"}');
    expect(loadSettings(broken)).toMatchObject({ warnDays: 7, asOf: '', language: 'auto' });
    broken.setItem('luoshi.settings', '{not json');
    expect(loadSettings(broken)).toMatchObject({ warnDays: 7, asOf: '', language: 'auto' });
  });
});

describe('the pane follows Office’s dark themes (issue 17, item 11)', () => {
  /** WCAG contrast of two "#RRGGBB" colours. */
  function contrast(a: string, b: string): number {
    const lum = (c: string) => {
      const [r, g, bl] = [1, 3, 5].map((i) => {
        const v = parseInt(c.slice(i, i + 2), 16) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }
  /** Text and its background, as the pane draws its body, headings and secondary text. */
  const readable = (theme: ReturnType<typeof paneTheme>) =>
    ['colorNeutralForeground1', 'colorNeutralForeground2', 'colorNeutralForeground3'].every(
      (k) => contrast(theme.colorNeutralBackground1, (theme as unknown as Record<string, string>)[k]) >= 4.5,
    );

  test.each([
    ['Black', { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' }],
    ['Dark Gray', { bodyBackgroundColor: '#444444', bodyForegroundColor: '#ffffff' }],
    ['isDarkTheme only', { isDarkTheme: true }],
    ['a dark body with an unreadable foreground', { bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#202020' }],
  ])('%s: Fluent’s dark theme, every text readable on its background', (_l, office: OfficeThemeColours) => {
    const theme = paneTheme(office);
    expect(theme.colorNeutralForeground2).toBe(webDarkTheme.colorNeutralForeground2);
    expect(readable(theme)).toBe(true);
    // Office's own body colour where the pane's text reads on it (Black), Fluent's where not (Dark Gray).
    if (office.bodyBackgroundColor === '#262626') expect(theme.colorNeutralBackground1).toBe('#262626');
  });

  test.each([
    ['Colorful/White', { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000' }],
    ['no theme (an older Office)', null],
    [
      'isDarkTheme false on a grey body',
      { bodyBackgroundColor: '#e6e6e6', bodyForegroundColor: '#262626', isDarkTheme: false },
    ],
  ])('%s: the light theme, readable', (_l, office) => {
    const theme = paneTheme(office);
    expect(theme.colorNeutralForeground2).toBe(webLightTheme.colorNeutralForeground2);
    expect(readable(theme)).toBe(true);
  });

  test('the old choice (light theme with Office’s dark body colour) left secondary text unreadable', () => {
    const old = { ...webLightTheme, colorNeutralBackground1: '#262626', colorNeutralForeground1: '#ffffff' };
    expect(readable(old)).toBe(false);
  });
});
