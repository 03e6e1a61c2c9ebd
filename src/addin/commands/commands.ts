import { installEngineWorker } from '../excel/engine-runner';
import { startEngineWorker } from '../excel/engine-worker-start';
import { officeHost } from '../excel/host';
import { ribbonClear, ribbonValidate } from './ribbon';
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

/** The browser's storage, or null where reaching it throws (storage blocked). */
function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function validate(event: Office.AddinCommands.Event): Promise<void> {
  const message = await ribbonValidate(officeHost(), localStore(), new Date());
  if (message !== null) return tell(message, event);
  event.completed();
}

async function clear(event: Office.AddinCommands.Event): Promise<void> {
  const message = await ribbonClear(officeHost(), localStore());
  if (message !== null) return tell(message, event);
  event.completed();
}

// The ribbon's 校验 judges in the engine worker as the pane's does (issue 17, item 11; engine-runner.ts).
if (typeof Worker !== 'undefined') installEngineWorker(startEngineWorker);

Office.onReady(() => {
  // Without a shared runtime, ExecuteFunction calls the function file's global functions by name.
  const g = globalThis as unknown as Record<string, unknown>;
  g.luoshiValidate = validate;
  g.luoshiClear = clear;
  Office.actions?.associate?.('luoshiValidate', validate);
  Office.actions?.associate?.('luoshiClear', clear);
});
