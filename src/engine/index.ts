/** The engine: plain data in, plain data out. No Office.js, no exceljs, no file system. */
export { validateWorkbook, DEFAULT_WARN_DAYS } from './validate';
export type { ValidateOptions, ValidateResult, ValidateFailure } from './validate';
export { explain } from './explain';
export type { WorkbookData, SheetData, CellValue, MergeRange, DateValue } from './model/workbook';
export type { Report, TaskReport, ObligationReport, Summary } from './model/report';
export type { Obligation } from './deadline/obligation';
export type { LayoutOverride } from './table/detect-table';
export type { Field } from './table/vocabulary';
export { FIELDS } from './table/vocabulary';
export { STATUS_CODES, STATUS_STYLES } from './judge/status';
export type { StatusCode } from './judge/status';
export type { Lang, Message } from './i18n';
export { serialToDay, dayToSerial } from './dates/excel-serial';
export { formatIso, parseIso } from './dates/civil-date';
export { VERSION } from './version';
