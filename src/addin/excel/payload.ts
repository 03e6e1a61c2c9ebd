import { paneSlices } from './pane-slices';

/**
 * Request budgets. Excel on the web rejects a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded); the budget leaves room for
 * the protocol's own envelope. Excel on Windows and Mac has no such cap, so a larger budget there keeps
 * a whole validation to one write round trip.
 */
export const WEB_REQUEST_BUDGET = 4_500_000;
export const DESKTOP_REQUEST_BUDGET = 48_000_000;

/** UTF-8 size of a value as JSON: what it adds to a request or a response. */
export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c >= 0x800) bytes += c >= 0xd800 && c <= 0xdfff ? 1 : 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

/** Whether an Office error says a request or a response was too large for one round trip. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * Whether a read was too large for one round trip: the 5 MB payload cap (Excel on the web) or the
 * five-million-cell limit on a get (RangeExceedsLimit, every platform;
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
 */
export function isReadTooLarge(error: unknown): boolean {
  return isPayloadTooLarge(error) || (error as { code?: string } | null)?.code === 'RangeExceedsLimit';
}

/**
 * What an operation adds to a request besides its value. Office.js sends a request as JSON: an action
 * per method call or property set ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":…}),
 * and an object path, with an Instantiate action of its own, for every object the actions go through
 * (worksheets.getItem("台账") → getRanges("A1:B2,…") → format → fill): office.js ClientRequest,
 * ensureInstantiateObjectPath and buildRequestMessageBodyAndRequestFlags (@microsoft/office-js,
 * excel-web-16.00.debug.js). Measured there at about 90 bytes an action and 130 an object before
 * arguments; these are rounded up, so an estimate is never below what is sent.
 */
export const ACTION_BYTES = 110;
export const OBJECT_BYTES = 160;

/**
 * Request bytes of `objects` objects reached (their arguments' text in `args`) and `actions` actions
 * carrying `values`. Every object is counted, though a request sends an object shared by several
 * operations once: a little over, never under.
 */
export function opBytes(objects: number, actions: number, values: unknown = null, args = ''): number {
  return (
    objects * OBJECT_BYTES + actions * ACTION_BYTES + payloadBytes(args) + (values === null ? 0 : payloadBytes(values))
  );
}

/** One piece of a write: its request bytes, measured before anything is sent, and what it queues. */
export interface Piece {
  bytes: number;
  queue: () => void;
}

/**
 * Sends pieces in as few requests as the budget allows: a piece goes into the current request unless it
 * would push it over, then the request is sent first. Every piece must fit a request alone (the
 * writer splits rows and cells into pieces so; a larger one is a mistake and throws before anything
 * is sent). `onNewRequest` runs before the first piece of each request, never after the last one, so
 * nothing is left for Excel.run's own final sync to send.
 */
export class WriteBatch {
  private queued = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    /** Called before anything is queued into a new request (e.g. to suspend recalculation). */
    private readonly onNewRequest: () => void = () => {},
    /** Bytes `onNewRequest` itself queues. */
    private readonly newRequestBytes = 0,
  ) {}

  /** Checks that every piece fits a request alone: call before sending any, so a bad plan writes nothing. */
  check(pieces: Piece[]): void {
    for (const p of pieces)
      if (p.bytes + this.newRequestBytes > this.budget)
        throw new Error(`A write of ${p.bytes} bytes does not fit a request of ${this.budget} bytes.`);
  }

  /** Queues a piece of `bytes` bytes; sends the request first when it would not fit. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) await this.flush();
    if (this.queued === 0) {
      this.onNewRequest();
      this.queued = this.newRequestBytes;
    }
    this.queued += Math.max(1, bytes);
    queue();
  }

  /** Queues every piece, yielding to the pane between pieces every 50 ms (paneSlices). */
  async addAll(pieces: Piece[]): Promise<void> {
    const breathe = paneSlices();
    for (const p of pieces) {
      await this.add(p.bytes, p.queue);
      await breathe();
    }
  }

  async flush(): Promise<void> {
    if (this.queued === 0) return;
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
  }
}
