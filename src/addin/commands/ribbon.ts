import type { ExcelHost } from '../excel/host';
import { explainOfficeError } from '../excel/office-errors';
import { runCheck, runClear } from '../excel/run-check';
import { checkOptions, loadUserSettings, settingsLang } from '../settings';
import { t } from '../ui-text';

/*
 * What the ribbon's 校验 and 清除结果 do, apart from Office's command plumbing (commands.ts), so that
 * they can be run on the test host. Each returns the message to show the user, or null when all went well.
 */

/**
 * The ribbon's 校验: the user's settings from `storage` (language, warning days, as-of date) and this
 * workbook's own layout, which the check reads from the workbook (Workbook.settings) in its first
 * request; nothing the pane set for another workbook applies (issue 17, item 9). Waits out cell editing.
 */
export async function ribbonValidate(
  host: ExcelHost,
  storage: Pick<Storage, 'getItem'> | null,
  now: Date,
): Promise<string | null> {
  const settings = loadUserSettings(storage);
  const lang = settingsLang(settings, host.displayLanguage);
  try {
    // A ribbon command waits out cell editing rather than failing (RunOptions.delayForCellEdit, ExcelApi 1.11:
    // https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
    await runCheck(host, { ...checkOptions(settings, lang, now, true), delayForCellEdit: true });
    return null;
  } catch (e) {
    return explainOfficeError(e)[lang];
  }
}

/** The ribbon's 清除结果; "nothing to clear" is a message too. Waits out cell editing. */
export async function ribbonClear(host: ExcelHost, storage: Pick<Storage, 'getItem'> | null): Promise<string | null> {
  const lang = settingsLang(loadUserSettings(storage), host.displayLanguage);
  try {
    return (await runClear(host, { delayForCellEdit: true })) ? null : t(lang, 'nothingToClear');
  } catch (e) {
    return explainOfficeError(e)[lang];
  }
}
