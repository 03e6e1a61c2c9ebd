import JSZip from 'jszip';
import { Lang, LayoutOverride } from '../../engine';
import { InputError } from '../../xlsx/input-error';
import { splitWorkbook, SplitResult } from '../../xlsx/split-package';
import { AddinError } from './office-errors';

/*
 * Files in and out of the pane for 分发 and 合并反馈 (SPEC §8, issue 19): the open workbook's bytes
 * (Document.getFileAsync, read slice by slice), the replies the user picks (read with the project's own
 * .xlsx reader, as the CLI's merge reads them), and the department files in one zip.
 * The package code needs Node's Buffer and zlib: the webpack build gives it the `buffer` package and
 * pako (src/addin/zlib-browser.ts).
 */

/** Office.AsyncResult, as far as it is used here (status "succeeded" or "failed"). */
export interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message?: string };
}

/** Office.File, as far as it is used here (Slice.data: the slice's bytes as numbers). */
export interface OfficeFileLike {
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncResultLike<{ data: ArrayLike<number> }>) => void): void;
  closeAsync(callback?: (result: AsyncResultLike<void>) => void): void;
}

/** What the add-in uses of Office.context.document (the test host models the same). */
export interface OfficeDocumentLike {
  url?: string;
  getFileAsync(
    fileType: string,
    options: { sliceSize?: number },
    callback: (result: AsyncResultLike<OfficeFileLike>) => void,
  ): void;
}

/** Bytes per slice by default: the largest Office allows ("The maximum slice size is 4194304 bytes (4 MB)"). */
const SLICE_SIZE = 4 * 1024 * 1024;

function failed(result: AsyncResultLike<unknown>): Error | null {
  // Office.AsyncResultStatus.Failed is the string "failed" (office.js); compared as text, so the tests need no Office global.
  return String(result.status) === 'failed'
    ? new AddinError({
        zh: `无法取得工作簿文件：${result.error?.message ?? ''}`,
        en: `The workbook file could not be read: ${result.error?.message ?? ''}`,
      })
    : null;
}

/**
 * The open workbook as .xlsx bytes, as last saved by Excel's in-memory state: Document.getFileAsync with
 * Office.FileType.Compressed ("Returns the entire document (.pptx, .docx, .xlsx, or .xlsm) in Office Open
 * XML (OOXML) format as a byte array"), then each slice by File.getSliceAsync (Slice.data a byte array),
 * and File.closeAsync always: "No more than two documents are allowed to be in memory; otherwise the
 * Document.getFileAsync operation will fail."
 * https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1),
 * https://learn.microsoft.com/javascript/api/office/office.file, https://learn.microsoft.com/javascript/api/office/office.slice.
 */
export async function workbookBytes(doc: OfficeDocumentLike, sliceSize = SLICE_SIZE): Promise<Uint8Array> {
  const file = await new Promise<OfficeFileLike>((resolve, reject) =>
    // Office.FileType.Compressed is "compressed".
    doc.getFileAsync('compressed', { sliceSize }, (r) => {
      const e = failed(r);
      if (e) reject(e);
      else resolve(r.value);
    }),
  );
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await new Promise<{ data: ArrayLike<number> }>((resolve, reject) =>
        file.getSliceAsync(i, (r) => {
          const e = failed(r);
          if (e) reject(e);
          else resolve(r.value);
        }),
      );
      parts.push(Uint8Array.from(slice.data));
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  } finally {
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}

/** The workbook's file name from Document.url (a path or a URL), "台账.xlsx" when Office gives none (a new book). */
export function documentName(doc: OfficeDocumentLike): string {
  const last = (doc.url ?? '').split(/[\\/]/).pop()?.split(/[?#]/)[0] ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // a name with a stray "%" stays as written
  }
  return /\.xls[xm]$/i.test(name) ? name : '台账.xlsx';
}

/** The returned files, read in the pane exactly as the CLI's merge reads them (src/xlsx/merge-package.ts). */
export { readReplies } from '../../xlsx/merge-package';

export interface DepartmentZip {
  /** "台账-分发.zip": named after the workbook. */
  fileName: string;
  bytes: Uint8Array;
  split: SplitResult;
}

/**
 * 分发 in the pane: the workbook split into one file per department (splitWorkbook, as `luoshi split`),
 * all in one zip named after the workbook, so the browser offers one download. Throws AddinError
 * (one line) when the workbook has no table.
 */
export async function departmentZip(
  master: Uint8Array,
  options: { asOf: string; lang: Lang; name: string; warnDays?: number; override?: LayoutOverride },
): Promise<DepartmentZip> {
  let split: SplitResult;
  try {
    split = await splitWorkbook(master, {
      asOf: options.asOf,
      lang: options.lang,
      name: options.name,
      warnDays: options.warnDays,
      overrides: options.override,
    });
  } catch (e) {
    if (e instanceof InputError) throw new AddinError(e.messages);
    throw e;
  }
  const zip = new JSZip();
  // The zip's own date, not the clock: the same workbook gives the same bytes.
  for (const d of split.departments) zip.file(d.fileName, d.bytes, { date: new Date(Date.UTC(1980, 0, 1)) });
  const base = options.name.replace(/\.[^.]*$/, '');
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  return { fileName: `${base}-${options.lang === 'zh' ? '分发' : 'split'}.zip`, bytes, split };
}
