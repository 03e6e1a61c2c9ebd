/** What 分发 and 合并反馈 load on first use (one lazy chunk: the package reader and writer, jszip, pako). */
export { runMerge } from '../excel/merge-writes';
export type { MergeRun } from '../excel/merge-writes';
export { departmentZip, documentName, readReplies, workbookBytes } from '../excel/file-bytes';
export type { OfficeDocumentLike } from '../excel/file-bytes';
export { explainOfficeError } from '../excel/office-errors';
