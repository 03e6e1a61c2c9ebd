/**
 * Office's dialog API as a ribbon command meets it (DialogApi 1.1), with the documented behaviour that
 * matters for completing the command:
 * - displayDialogAsync calls back with status "failed" (12007) while another dialog of the add-in is open
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events);
 * - the user closing the dialog raises DialogEventReceived with 12006;
 * - a command that completes (event.completed) while its dialog is open takes the dialog's parent away:
 *   the dialog closes on Mac and is left unanswerable on the web, recorded here as `lostDialog`.
 */
export class HostDialogs {
  open: HostDialog | null = null;
  completedAt: number | null = null;
  lostDialog = false;
  /** Set to make the next display fail (a blocked pop-up, 12009). */
  failNext = false;

  displayDialogAsync(
    url: string,
    _options: unknown,
    callback: (result: { status: string; value?: HostDialog; error?: { code: number } }) => void,
  ): void {
    if (this.open || this.failNext) {
      this.failNext = false;
      queueMicrotask(() => callback({ status: 'failed', error: { code: this.open ? 12007 : 12009 } }));
      return;
    }
    const dialog = new HostDialog(this, url);
    this.open = dialog;
    queueMicrotask(() => callback({ status: 'succeeded', value: dialog }));
  }

  /** The command's event.completed(). */
  completed(): void {
    if (this.completedAt !== null) throw new Error('event.completed() called twice');
    if (this.open) this.lostDialog = true;
    this.completedAt = Date.now();
  }
}

export class HostDialog {
  private handlers = new Map<string, Array<(arg: unknown) => void>>();
  constructor(
    private readonly owner: HostDialogs,
    readonly url: string,
  ) {}
  get text(): string {
    return new URL(this.url).searchParams.get('text') ?? '';
  }
  addEventHandler(type: string, handler: (arg: unknown) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  close(): void {
    if (this.owner.open === this) this.owner.open = null;
  }
  /** The user clicks the dialog's X. */
  userCloses(): void {
    this.close();
    for (const h of this.handlers.get('dialogEventReceived') ?? []) h({ error: 12006 });
  }
}
