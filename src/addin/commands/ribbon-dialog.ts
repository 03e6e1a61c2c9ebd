/**
 * How long a ribbon command waits for its message dialog before it completes anyway: under the five
 * minutes Office gives a function command (ExecuteFunction) before it ends it
 * (https://learn.microsoft.com/office/dev/add-ins/design/add-in-commands), with a margin.
 */
export const COMMAND_WAIT_MS = 4 * 60 * 1000;

/** The parts of Office.context.ui a command needs (DialogApi 1.1). */
export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: Office.DialogOptions,
    callback: (result: { status: Office.AsyncResultStatus | string; value?: DialogLike; error?: unknown }) => void,
  ): void;
}

/** The parts of Office.Dialog a command needs. */
export interface DialogLike {
  addEventHandler(type: Office.EventType | string, handler: (arg: unknown) => void): void;
  close(): void;
}

/**
 * Shows `url` in a dialog and calls `complete` (the command's event.completed) exactly once: when the
 * dialog closes (DialogEventReceived, e.g. 12006 "closed by the user"), when it fails to open (the
 * callback's status "failed": another dialog open, a blocked pop-up), or after `waitMs`, closing the
 * dialog first. Completing right after opening it instead closes the dialog on Mac and leaves it broken on
 * the web, since the function file's runtime goes with the command.
 * https://learn.microsoft.com/javascript/api/office/office.addincommands.event#office-office-addincommands-event-completed-member(1),
 * https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events,
 * https://learn.microsoft.com/javascript/api/office/office.dialog.
 */
export function tellThenComplete(
  ui: DialogUi | null,
  url: string,
  complete: () => void,
  waitMs = COMMAND_WAIT_MS,
  timers: { set: typeof setTimeout; clear: typeof clearTimeout } = { set: setTimeout, clear: clearTimeout },
): void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (done) return;
    done = true;
    if (timer !== undefined) timers.clear(timer);
    complete();
  };
  if (!ui) return finish();
  try {
    ui.displayDialogAsync(url, { height: 25, width: 35, displayInIframe: true }, (result) => {
      const dialog = result.value;
      if (result.status !== 'succeeded' || !dialog) return finish();
      // Any dialog event (closed by the user, navigation error) ends the dialog's life.
      dialog.addEventHandler('dialogEventReceived', finish);
      dialog.addEventHandler('dialogMessageReceived', () => {
        dialog.close();
        finish();
      });
      timer = timers.set(() => {
        try {
          dialog.close();
        } finally {
          finish();
        }
      }, waitMs);
    });
  } catch {
    finish();
  }
}
