import { officeHost } from '../excel/host';
import { explainOfficeError } from '../excel/office-errors';
import { runCheck, runClear } from '../excel/run-check';
import { checkOptions, loadSettings, settingsLang } from '../settings';
import { t } from '../ui-text';
import { tellThenComplete } from './ribbon-dialog';

/*
 * The ribbon's 校验 and 清除结果 run here, in the function file, without opening the task pane. A
 * function file has no UI, so a failure is shown in a small dialog (DialogApi 1.1, where Excel has it).
 */

/** Shows `message`, then completes the command once the dialog is gone (see tellThenComplete). */
function tell(message: string, event: Office.AddinCommands.Event): void {
  const complete = () => event.completed();
  if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) {
    console.error(`[Luoshi] ${message}`);
    return complete();
  }
  const url = new URL('message.html', window.location.href);
  url.searchParams.set('text', message);
  tellThenComplete(Office.context.ui, url.toString(), complete);
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
    return tell(explainOfficeError(e)[lang], event);
  }
  event.completed();
}

async function clear(event: Office.AddinCommands.Event): Promise<void> {
  const host = officeHost();
  const lang = settingsLang(loadSettings(window.localStorage), host.displayLanguage);
  try {
    if (!(await runClear(host, { delayForCellEdit: true }))) return tell(t(lang, 'nothingToClear'), event);
  } catch (e) {
    return tell(explainOfficeError(e)[lang], event);
  }
  event.completed();
}

Office.onReady(() => {
  // Without a shared runtime, ExecuteFunction calls the function file's global functions by name.
  const g = globalThis as unknown as Record<string, unknown>;
  g.luoshiValidate = validate;
  g.luoshiClear = clear;
  Office.actions?.associate?.('luoshiValidate', validate);
  Office.actions?.associate?.('luoshiClear', clear);
});
