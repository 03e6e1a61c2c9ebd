/**
 * The engine's public face: plain data in, plain data out; no Office.js, no exceljs, no file system.
 * The shells (src/cli, src/addin) import the engine from here only, never a module inside it (ESLint's
 * no-restricted-imports enforces this). The add-in's first load takes a few light parts; the rest comes
 * with the lazy check chunk (package.json's "sideEffects" lets webpack leave unused re-exports out).
 */

// Judging a workbook, and explaining one cell.
export { validateWorkbook, DEFAULT_WARN_DAYS } from './validate';
export type { ValidateOptions, ValidateResult, ValidateFailure } from './validate';
export { explain } from './explain';
export { VERSION } from './version';

// What the engine reads.
export type { WorkbookData, SheetData, CellValue, MergeRange, DateValue } from './model/workbook';
export { EXCEL_MAX_COLUMNS, columnLetter, columnIndex } from './model/workbook';
export { dateFormatShowsDay, isDateFormat } from './model/number-formats';
export { serialToDay, dayToSerial } from './dates/excel-serial';
export { formatIso, parseIso } from './dates/civil-date';

// Run options both shells take from the user.
export { today, runAt, parseColumnOverrides } from './run-options';
export type { ColumnOverrides, ColumnOverrideProblem, ColumnProblemReason } from './run-options';
export type { LayoutOverride } from './table/detect-table';
export type { Field } from './table/vocabulary';
export type { RoleWhy } from './table/column-roles';
export { FIELDS } from './table/vocabulary';

// What the engine reports.
export type { Report, TaskReport, ObligationReport, Summary } from './model/report';
export type { Obligation } from './deadline/obligation';
export { STATUS_CODES, STATUS_STYLES } from './judge/status';
export type { StatusCode, StatusStyle } from './judge/status';
export { STATUS_LABELS, statusLabel, describeObligation } from './write/labels';
export type { Lang, Message } from './i18n';

// What the engine asks the shells to write, and the marks that find it again.
export { buildWritePlan } from './write/build-plan';
export type { PlanContext } from './write/build-plan';
export { sheetWidth } from './write/plan';
export type { WritePlan, BreakdownMarks, GeneratedSheet, PlanCell, CellStyle, SheetRole } from './write/plan';
export { MARK, isLuoshiName, constantValue, parseColumnRange } from './write/ownership-marks';
export { SHEET_ROLES, SHEET_TITLES } from './write/sheet-names';
export { isStatusRuleFormula } from './write/status-colouring';
export { BORDER_COLOUR } from './write/styles';
export { sheetProtected, STRUCTURE_PROTECTED } from './write/protection-messages';
export type { SentRecord, SentField, SentRow } from './roundtrip/sent-record';
export { sentRecordToRows, sentRecordFromRows, rowKey, masterIdOf, sentText } from './roundtrip/sent-record';
export { SENT_SHEET, SENT_MARKER } from './roundtrip/sent-record';
export { sentCellText } from './roundtrip/sent-record';
export { planSplit, noticeText, masterIdOfReport, PROGRESS_FIELDS } from './roundtrip/split-plan';
export type { SplitPlan, SplitOptions, DepartmentPlan, SplitPlanResult } from './roundtrip/split-plan';
export type { NoticeItem, NoticeText } from './roundtrip/split-plan';
export { planMerge, mergeLogSheet, mergeLogName, mergeText, MERGE_LOG_ROLE } from './roundtrip/merge-changes';
export { carriedMergeLog } from './roundtrip/merge-changes';
export type { MergeReply, MergeDecisions, MergeCellRef, MergeChange, MergeConflict } from './roundtrip/merge-changes';
export type { MergeNotTaken, MergeSkip, NotTakenCode, SkipCode, MergePlanResult } from './roundtrip/merge-changes';
export { mergeSkip, mergeReason } from './roundtrip/merge-changes';
export type { SheetChart, ColumnRange } from './write/plan';
export { skipDuplicateReplies } from './roundtrip/merge-changes';
export type { MergeFailCode } from './roundtrip/merge-changes';
