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
 * Queues writes and syncs only when the next piece would push the request over its budget, so a
 * small workbook costs one round trip and a large one as few as the budget allows.
 */
export class WriteBatch {
  private queued = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    /** Called before anything is queued into a new request (e.g. to suspend recalculation). */
    private readonly onNewRequest: () => void = () => {},
  ) {
    onNewRequest();
  }

  /** Queues a piece of `bytes` bytes; flushes first when it would not fit. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) await this.flush();
    this.queued += Math.max(1, bytes);
    queue();
  }

  async flush(): Promise<void> {
    if (this.queued === 0) return;
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
    this.onNewRequest();
  }
}
