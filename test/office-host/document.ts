/*
 * Office.context.document as the add-in uses it for 分发: Document.getFileAsync(Office.FileType.Compressed,
 * { sliceSize }) gives an Office.File whose sliceCount slices are read with getSliceAsync (Slice.data a
 * byte array) and which must be closed with closeAsync: "No more than two documents are allowed to be in
 * memory; otherwise the Document.getFileAsync operation will fail"; sliceSize is at most 4194304 bytes
 * (https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1),
 * https://learn.microsoft.com/javascript/api/office/office.file). Results come through callbacks
 * ({ status: "succeeded" | "failed", value, error }), later, never synchronously.
 */

const MAX_SLICE = 4 * 1024 * 1024;

type Callback<T> = (r: { status: string; value: T; error?: { code: number; message: string } }) => void;

export interface TestDocument {
  url: string;
  /** Files open now (getFileAsync without closeAsync). */
  open: number;
  /** Slices handed out, and the slice size asked for last. */
  slicesRead: number;
  sliceSize: number;
  getFileAsync(fileType: string, options: { sliceSize?: number }, callback: Callback<any>): void;
}

/**
 * A document whose file is `bytes()` when asked (the workbook as Excel would save it now: fixed bytes, or
 * the host workbook exported then, see xlsx-io.ts). When `bytes()` fails, getFileAsync reports a failure.
 */
export function testDocument(
  bytes: () => Uint8Array | Promise<Uint8Array>,
  url = 'https://example.invalid/台账.xlsx',
): TestDocument {
  const later = (f: () => void) => void setTimeout(f, 0);
  const fail = (code: number, message: string) => ({
    status: 'failed' as const,
    value: undefined,
    error: { code, message },
  });
  const doc: TestDocument = {
    url,
    open: 0,
    slicesRead: 0,
    sliceSize: 0,
    getFileAsync(fileType, options, callback) {
      const size = options.sliceSize ?? MAX_SLICE;
      later(async () => {
        if (fileType !== 'compressed') return callback(fail(5001, `File type ${fileType} is not modelled`));
        if (size <= 0 || size > MAX_SLICE) return callback(fail(5001, 'The slice size is out of range.'));
        if (doc.open >= 2) return callback(fail(5005, 'Too many documents are open in memory.'));
        let data: Uint8Array;
        try {
          data = await bytes();
        } catch (e) {
          return callback(fail(5001, (e as Error).message));
        }
        doc.open++;
        doc.sliceSize = size;
        let closed = false;
        const file = {
          size: data.length,
          sliceCount: Math.max(1, Math.ceil(data.length / size)),
          getSliceAsync(index: number, cb: Callback<unknown>) {
            later(() => {
              if (closed || index < 0 || index >= file.sliceCount) return cb(fail(5001, 'No such slice.'));
              doc.slicesRead++;
              const part = data.subarray(index * size, Math.min(data.length, (index + 1) * size));
              cb({ status: 'succeeded', value: { data: Array.from(part), index, size: part.length } });
            });
          },
          closeAsync(cb?: Callback<undefined>) {
            later(() => {
              if (!closed) doc.open--;
              closed = true;
              cb?.({ status: 'succeeded', value: undefined });
            });
          },
        };
        callback({ status: 'succeeded', value: file });
      });
    },
  };
  return doc;
}
