import { installEngineWorker } from '../excel/engine-runner';
import { startEngineWorker } from '../excel/engine-worker-start';

/** What 分发 and 合并反馈 load on first use (one lazy chunk: the package reader and writer, jszip, pako). */
export { runMerge } from '../excel/merge-writes';
export type { MergeRun } from '../excel/merge-writes';
export { departmentZip, documentName, readReplies, workbookBytes } from '../excel/file-bytes';
export type { OfficeDocumentLike } from '../excel/file-bytes';
export { explainOfficeError } from '../excel/office-errors';

// 合并反馈 judges the merged workbook in the engine worker too (see check-chunk.ts).
if (typeof Worker !== 'undefined') installEngineWorker(startEngineWorker);
