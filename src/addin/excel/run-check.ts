import { Report, ValidateOptions } from '../../engine';
import { layoutFromSetting, overrideOf, WorkbookLayout } from '../settings';
import { applyPlan, clearPlan } from './apply-plan';
import { runEngine } from './engine-runner';
import { ExcelHost } from './host';
import { AddinError, isCellEditError, MESSAGES } from './office-errors';
import { DESKTOP_REQUEST_BUDGET, WEB_REQUEST_BUDGET } from './payload';
import { readWorkbook, WorkbookSnapshot } from './read-workbook';
import { REQUIRED_API_SET } from './requirements';

export type Stage = 'read' | 'judge' | 'write';

export interface CheckOptions extends ValidateOptions {
  /** Local time of the run, "2026-11-21 09:30". */
  runAt: string;
  fileName?: string;
  /** Show the summary sheet when done (the ribbon's 校验 does). */
  showSummary?: boolean;
  /** Wait out the user's cell editing instead of failing (the ribbon's commands; see ExcelHost.run). */
  delayForCellEdit?: boolean;
  /**
   * The pane's layout (sheet, header row, columns): stored in the workbook (Workbook.settings) in the
   * check's first request, and used. Without it the layout the workbook holds is used, and nothing is
   * stored (the ribbon's 校验). An explicit `override` wins over both and is not stored.
   */
  layout?: WorkbookLayout;
}

/**
 * Runs `body` in one Excel.run (校验, 清除结果 and 合并反馈 alike). If the user starts typing in a cell once writing has begun, the requests
 * already applied may have removed the old results and written part of the new ones; rather than leave
 * that, the whole job runs again, waiting out the editing (delayForCellEdit), and so ends whole.
 * Before writing, a cell-edit failure is passed on (nothing was changed; the pane says to finish editing).
 */
export async function runWhole<T>(
  host: ExcelHost,
  delayForCellEdit: boolean,
  body: (context: Excel.RequestContext, writing: () => void) => Promise<T>,
): Promise<T> {
  let wrote = false;
  try {
    return await host.run(
      (context) => body(context, () => void (wrote = true)),
      delayForCellEdit ? { delayForCellEdit: true } : undefined,
    );
  } catch (e) {
    if (delayForCellEdit || !wrote || !isCellEditError(e)) throw e;
    return host.run((context) => body(context, () => {}), { delayForCellEdit: true });
  }
}

export interface CheckResult {
  report: Report;
  /** context.sync() round trips the whole validation took. */
  syncs: number;
  /** Sheets of the user's workbook, for the pane's sheet choice. */
  sheets: string[];
  /** Copies of Luoshi's sheets the user made ("汇总 (2)"): left alone, and named in the pane. */
  keptCopies: string[];
  /** The workbook's layout the check used (what it holds now). */
  layout: WorkbookLayout;
}

/** The engine's options among 校验's: plain data for the engine worker (the shell's own settings stay here). */
export function validateOptionsOf(options: CheckOptions): ValidateOptions {
  const {
    runAt: _runAt,
    fileName: _fileName,
    showSummary: _show,
    delayForCellEdit: _delay,
    layout: _layout,
    ...engine
  } = options;
  return engine;
}

/** Throws AddinError (MESSAGES.tooOld) when Excel lacks REQUIRED_API_SET. */
export function requireApi(host: ExcelHost): void {
  if (!host.isSetSupported(REQUIRED_API_SET.name, REQUIRED_API_SET.version)) throw new AddinError(MESSAGES.tooOld);
}

/**
 * Throws AddinError (one line) when writing would touch protection: the workbook's structure, the
 * breakdown sheet, or a sheet of Luoshi's (its generated sheets, 合并记录, the status column's sheet).
 */
export function refuseProtected(snapshot: WorkbookSnapshot, breakdownSheet: string | null): void {
  if (snapshot.structureProtected) throw new AddinError(MESSAGES.structureProtected);
  for (const sheet of [breakdownSheet, ...snapshot.owned.sheets.keys(), snapshot.owned.status?.sheet]) {
    if (sheet && snapshot.protectedSheets.has(sheet)) throw new AddinError(MESSAGES.sheetProtected(sheet));
  }
}

/**
 * 校验: read the workbook, judge it with the engine, write the plan. Two round trips read, one (or, on
 * Excel on the web with a large table, a few more) write; nothing is written when the checks before
 * writing fail.
 */
export async function runCheck(
  host: ExcelHost,
  options: CheckOptions,
  progress: (stage: Stage) => void = () => {},
): Promise<CheckResult> {
  requireApi(host);
  return runWhole(host, options.delayForCellEdit ?? false, async (context, writing) => {
    progress('read');
    const snapshot = await readWorkbook(context, options.layout ? { storeLayout: options.layout } : {});
    progress('judge');
    const layout = layoutFromSetting(snapshot.storedLayout);
    const override = options.override ?? overrideOf(layout);
    const userSheets = snapshot.workbook.sheets.map((s) => s.name);
    // Judged and planned off the pane's thread where a worker is installed (engine-runner.ts).
    const result = await runEngine({
      workbook: { ...snapshot.workbook, name: options.fileName },
      options: { ...validateOptionsOf(options), override },
      plan: {
        userSheets,
        fileName: options.fileName ?? '',
        runAt: options.runAt,
        previousRunLog: snapshot.owned.previousRunLog,
        previousMergeLog: snapshot.owned.previousMergeLog,
      },
    });
    if (!result.ok)
      throw new AddinError(
        result.error.message,
        result.error.code === 'no_table' ? { candidate: result.error.candidate, hint: result.error.hint } : undefined,
      );
    refuseProtected(snapshot, result.report.sheet);
    progress('write');
    writing();
    const plan = result.plan;
    const writes = await applyPlan(context, plan, snapshot.owned, {
      budget: host.web ? WEB_REQUEST_BUDGET : DESKTOP_REQUEST_BUDGET,
      show: options.showSummary ? 'summary' : undefined,
      web: host.web,
    });
    return {
      report: result.report,
      syncs: snapshot.syncs + writes,
      sheets: userSheets,
      keptCopies: snapshot.owned.copies,
      layout,
    };
  });
}

/**
 * 清除结果: removes Luoshi's sheets, status column, colours and names. False when there was nothing.
 * `keptCopies` hears of copies of Luoshi's sheets the user made, which stay.
 */
export async function runClear(
  host: ExcelHost,
  options: { delayForCellEdit?: boolean; keptCopies?: (sheets: string[]) => void } = {},
): Promise<boolean> {
  requireApi(host);
  return runWhole(host, options.delayForCellEdit ?? false, async (context, writing) => {
    const snapshot = await readWorkbook(context);
    options.keptCopies?.(snapshot.owned.copies);
    const { sheets, status, staleNames } = snapshot.owned;
    if (sheets.size === 0 && !status && staleNames.length === 0) return false;
    refuseProtected(snapshot, null);
    writing();
    await clearPlan(context, snapshot.owned, host.web ? WEB_REQUEST_BUDGET : DESKTOP_REQUEST_BUDGET);
    return true;
  });
}

/** Selects a row of the table (the pane's lists link to their rows). */
export async function selectRow(host: ExcelHost, sheet: string, row: number, lastColumn: string): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(`A${row}:${lastColumn}${row}`).select();
    await context.sync();
  });
}

/**
 * The sheet and 1-based row of the cell the user selected: "用所选行作为表头". One round trip.
 * Office.js: Workbook.getSelectedRange() (ExcelApi 1.1; throws InvalidSelection when several ranges are
 * selected), Range.rowIndex (ExcelApi 1.1, zero-indexed row of the range's first cell) and
 * Range.worksheet (ExcelApi 1.1), all within REQUIRED_API_SET. Sources:
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1),
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-rowindex-member,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks ("Get the selected range").
 */
export async function selectedRow(host: ExcelHost): Promise<{ sheet: string; row: number }> {
  requireApi(host);
  return host.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('rowIndex');
    const sheet = range.worksheet;
    sheet.load('name');
    await context.sync();
    return { sheet: sheet.name, row: range.rowIndex + 1 };
  });
}
