import { STATUS_CODES, STATUS_STYLES } from '../judge/status';
import { Report } from '../model/report';
import { fitCellText, fitSheetTexts } from './cell-text-limit';
import { fitColumnWidths } from './column-widths';
import { displayWidth } from './display-width';
import { departmentSheet } from './department-sheet';
import { findingsSheet } from './findings-sheet';
import { pick } from './labels';
import { periodsSheet } from './periods-sheet';
import { WritePlan } from './plan';
import { PreviousRunLog, runLogSheet } from './run-log-sheet';
import { generatedSheetNames } from './sheet-names';
import { rowHeights } from './row-heights';
import { statusRuleFormula } from './status-colouring';
import { statusMark, styleCatalogue } from './styles';
import { summarySheet } from './summary-sheet';
import { dueSoonSheet, overdueSheet } from './task-list-sheets';

export interface PlanContext {
  /** Names of the workbook's own sheets (Luoshi's previous sheets already removed). */
  userSheets: string[];
  /** Shown in the generated sheets; the file the user opened. */
  fileName: string;
  /** Local time of this run, "2026-11-21 09:30", for the run log. */
  runAt: string;
  /** The run log sheet of earlier runs, when there is one. */
  previousRunLog: PreviousRunLog | null;
}

/** Narrowest and widest status column, in characters: wider texts wrap (the column's style wraps). */
const STATUS_WIDTH = { min: 14, max: 36 };

/**
 * The status column's width: its longest text's display width and padding, within STATUS_WIDTH, so the
 * usual reasons print on one line and the user's table keeps most of the page. Texts repeat: each
 * distinct one is measured once.
 */
export function statusColumnWidth(cells: ReadonlyArray<{ text: string }>): number {
  let widest = 0;
  const seen = new Set<string>();
  for (const { text } of cells) {
    if (seen.has(text)) continue;
    seen.add(text);
    widest = Math.max(widest, displayWidth(text));
  }
  return Math.min(STATUS_WIDTH.max, Math.max(STATUS_WIDTH.min, widest + 2));
}

/** Everything Luoshi writes for a report (SPEC §5), as data. */
export function buildWritePlan(report: Report, ctx: PlanContext): WritePlan {
  const lang = report.lang;
  const names = generatedSheetNames(ctx.userSheets, lang);
  const statusColumn = report.table.resultColumn - 1;
  const headerRow = report.headerRows[0] - 1;
  const dataTop = report.headerRows[1];
  const bottom = Math.max(dataTop, report.table.lastRow - 1);
  const styles = styleCatalogue();
  const lines = new Map<number, Map<string, number>>();
  const sheets = [
    summarySheet(report, names.summary, ctx.fileName),
    overdueSheet(report, names.overdue, ctx.fileName),
    dueSoonSheet(report, names.dueSoon, ctx.fileName),
    departmentSheet(report, names.byDepartment, ctx.fileName),
    periodsSheet(report, names.periods, ctx.fileName),
    findingsSheet(report, names.findings, ctx.fileName),
    runLogSheet(report, names.runLog, ctx.fileName, ctx.runAt, ctx.previousRunLog),
  ]
    // Texts copied from the user's cells may pass Excel's cell limit; cut before row heights are measured.
    .map((sheet) => fitSheetTexts(sheet, lang))
    .map((sheet) => ({ ...sheet, widths: fitColumnWidths(sheet, styles) }))
    .map((sheet) => ({ ...sheet, rowHeights: rowHeights(sheet, styles, lines) }));
  const cells = report.tasks.map((t) => ({ row: t.row - 1, text: fitCellText(t.statusText, lang), status: t.status }));
  return {
    breakdown: {
      sheet: report.sheet,
      statusColumn,
      headerRow,
      header: pick(lang, '校验结果', 'Check result'),
      headerStyle: 'header',
      cellStyle: 'text',
      cells,
      width: statusColumnWidth(cells),
      fitToPage: true,
      colouring: {
        top: dataTop,
        bottom,
        left: report.table.firstColumn - 1,
        right: statusColumn,
        rules: STATUS_CODES.map((status) => ({
          status,
          formula: statusRuleFormula(statusColumn, dataTop, STATUS_STYLES[status].symbol),
          style: statusMark(status),
        })),
      },
    },
    sheets,
    styles,
  };
}
