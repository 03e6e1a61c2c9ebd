import { officeHost } from '../excel/host';
import { explainOfficeError } from '../excel/office-errors';
import { runCheck, runClear } from '../excel/run-check';
import { checkOptions, loadSettings, settingsLang } from '../settings';
import { t } from '../ui-text';

/*
 * The ribbon's 校验 and 清除结果 run here, in the function file, without opening the task pane. A
 * function file has no UI, so a failure is shown in a small dialog (DialogApi 1.1, where Excel has it).
 */

function tell(message: string): void {
  if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) {
    console.error(`[Luoshi] ${message}`);
    return;
  }
  const url = new URL('message.html', window.location.href);
  url.searchParams.set('text', message);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 35, displayInIframe: true });
}

async function validate(event: Office.AddinCommands.Event): Promise<void> {
  const host = officeHost();
  const settings = loadSettings(window.localStorage);
  const lang = settingsLang(settings, host.displayLanguage);
  try {
    // A ribbon command waits out cell editing rather than failing (RunOptions.delayForCellEdit, ExcelApi 1.11:
    // https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
    await runCheck(host, { ...checkOptions(settings, lang, new Date(), true), delayForCellEdit: true });
  } catch (e) {
    tell(explainOfficeError(e)[lang]);
  } finally {
    event.completed();
  }
}

async function clear(event: Office.AddinCommands.Event): Promise<void> {
  const host = officeHost();
  const lang = settingsLang(loadSettings(window.localStorage), host.displayLanguage);
  try {
    if (!(await runClear(host, { delayForCellEdit: true }))) tell(t(lang, 'nothingToClear'));
  } catch (e) {
    tell(explainOfficeError(e)[lang]);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // Without a shared runtime, ExecuteFunction calls the function file's global functions by name.
  const g = globalThis as unknown as Record<string, unknown>;
  g.luoshiValidate = validate;
  g.luoshiClear = clear;
  Office.actions?.associate?.('luoshiValidate', validate);
  Office.actions?.associate?.('luoshiClear', clear);
});
