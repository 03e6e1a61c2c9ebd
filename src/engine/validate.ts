import { DayNumber, parseIso } from './dates/civil-date';
import { periodLabel } from './dates/periods';
import { linkLogEntries, readLogSheets } from './evidence/log-sheet';
import { Lang, Message } from './i18n';
import { judgeTask, TaskContext } from './judge/judge-task';
import { summarize } from './judge/summary';
import { cellText, columnLetter, SheetData, WorkbookData } from './model/workbook';
import { Report, TaskReport } from './model/report';
import { rulesInForce } from './rules/rules-sheet';
import { departmentList } from './table/departments';
import { DetectFailure, detectTable, LayoutOverride, TableLayout } from './table/detect-table';
import { firstEmptyColumn, headerExtent, statedYear, tableYear } from './table/geometry';
import { MergedView } from './table/merged-cells';
import { tableRows } from './table/read-rows';
import { VERSION } from './version';

export interface ValidateOptions {
  /** YYYY-MM-DD. */
  asOf: string;
  warnDays?: number;
  lang?: Lang;
  override?: LayoutOverride;
}

export type ValidateFailure = {
  code: 'no_table' | 'no_sheet' | 'bad_column' | 'bad_option';
  message: Message;
  /** For no_table: the row that looked most like a header (sheet, 1-based row, its texts) and the CLI options that would take it. */
  candidate?: { sheet: string; row: number; headers: string[] };
  hint?: string[];
};
export type ValidateResult = { ok: true; report: Report } | { ok: false; error: ValidateFailure };

export const DEFAULT_WARN_DAYS = 7;

function failure(code: ValidateFailure['code'], detail = ''): ValidateResult {
  const messages: Record<ValidateFailure['code'], Message> = {
    no_table: {
      zh: '没有找到责任分解表：没有一行表头同时包含“具体措施”和“牵头部门/完成时限/完成情况”等列名',
      en: 'No breakdown table found: no header row names a measure column together with lead, deadline or progress columns',
    },
    no_sheet: { zh: `工作簿中没有名为“${detail}”的工作表`, en: `The workbook has no sheet named "${detail}"` },
    bad_column: {
      zh: `列设置无法识别：${detail}（应为 字段=列字母，如 measure=C）`,
      en: `Column setting not understood: ${detail} (expected field=letters, e.g. measure=C)`,
    },
    bad_option: { zh: `参数无效：${detail}`, en: `Invalid option: ${detail}` },
  };
  return { ok: false, error: { code, message: messages[code] } };
}

/**
 * "No table" with what would find it (SPEC §2): the best candidate header row, and the overrides to name
 * it, for the CLI as options and for the pane as its settings.
 */
function noTable(d: DetectFailure): ValidateResult {
  const base = failure('no_table');
  if (!base.ok && d.candidate) {
    const { sheet, row, headers } = d.candidate;
    const shown = headers.filter(Boolean).slice(0, 8).join(' · ');
    const options = (d.hint ?? []).join(' ');
    base.error.message = {
      zh: `没有找到责任分解表。最像表头的是“${sheet}”表第 ${row} 行（${shown}）；如果就是它，请指定表头行和具体措施列（命令行：${options}；加载项：设置中的“表头行”和“列设置”）`,
      en: `No breakdown table found. The likeliest header is row ${row} of "${sheet}" (${shown}); if it is, name the header row and the measure column (command line: ${options}; add-in: Settings, "Header row" and "Columns")`,
    };
    base.error.candidate = d.candidate;
    base.error.hint = d.hint;
  } else if (!base.ok) {
    base.error.message = {
      zh: `${base.error.message.zh}；可以指定表头行和具体措施列（命令行：--header-row 行号 --column measure=列字母；加载项：设置中的“表头行”和“列设置”）`,
      en: `${base.error.message.en}; name the header row and the measure column (command line: --header-row N --column measure=LETTER; add-in: Settings, "Header row" and "Columns")`,
    };
  }
  return base;
}

/** Each task row's id and measure text, for linking log entries (read in a pass of its own). */
function* taskKeys(view: MergedView, layout: TableLayout): Generator<{ row: number; id: string; measure: string }> {
  for (const r of tableRows(view, layout))
    yield { row: r.row, id: cellText(r.values.id ?? null), measure: cellText(r.values.measure ?? null) };
}

/**
 * Judges every row of the breakdown table as of a date (SPEC §4). Pure: plain data in, plain data out.
 * The pipeline: options → the table (detectTable) → the run's context (year, rules, departments, log) →
 * each row as it is read (judgeTask) → the report.
 */
export function validateWorkbook(workbook: WorkbookData, options: ValidateOptions): ValidateResult {
  const lang: Lang = options.lang ?? 'zh';
  const parsedAsOf = parseIso(options.asOf);
  if (parsedAsOf === null) return failure('bad_option', `--as-of ${options.asOf}`);
  const asOf: DayNumber = parsedAsOf;
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS;
  if (!Number.isInteger(warnDays) || warnDays < 0 || warnDays > 3650)
    return failure('bad_option', `--warn-days ${warnDays}`);

  const detected = detectTable(workbook, options.override);
  if (!detected.ok)
    return detected.reason === 'no_table' ? noTable(detected) : failure(detected.reason, detected.detail);
  const layout = detected.layout;
  const sheet = workbook.sheets[layout.sheetIndex];
  const view = new MergedView(sheet);
  const year = tableYear(layout, workbook, asOf);
  const { rules, findings: ruleFindings } = rulesInForce(workbook, year, lang);
  const logEntries = readLogSheets(workbook, year);
  // Linking log entries needs every task's id and measure: a light first pass, only when there is a log.
  const logged = linkLogEntries(logEntries, logEntries.length > 0 ? taskKeys(view, layout) : [], lang);
  const ctx: TaskContext = {
    asOf,
    asOfText: options.asOf,
    warnDays,
    year,
    date1904: workbook.date1904,
    lang,
    sheet: sheet.name,
    columns: layout.columns,
    firstUnitLeads: layout.firstUnitLeads,
    yearEnd: layout.columns.deadline === undefined && statedYear(layout, workbook) !== null ? `${year}-12-31` : null,
    rules,
    departments: departmentList(workbook),
    logged: logged.byRow,
    seenIds: new Map(),
    uncalculated: uncalculatedByRow(sheet),
  };
  // Rows are judged as they are read: none is kept but its report.
  const tasks: TaskReport[] = [];
  let lastRow = layout.headerBottom;
  for (const row of tableRows(view, layout)) {
    tasks.push(judgeTask(row, ctx));
    lastRow = row.row;
  }
  const workbookFindings = [...ruleFindings, ...logged.findings];

  const columns: Record<string, string> = {};
  const extent = headerExtent(view, layout);
  for (const [field, col] of Object.entries(layout.columns)) if (col !== undefined) columns[field] = columnLetter(col);
  // How each column's role was decided, so a wrong guess is visible (issue 15).
  const columnRoles = layout.columnRoles.map((r) => ({
    field: r.field,
    column: columnLetter(r.col),
    header: r.header,
    why: r.why,
    confidence: r.confidence,
    ...(r.superseded ? { superseded: true } : {}),
  }));
  if (layout.extraResponsible.length) columns.responsibleMore = layout.extraResponsible.map(columnLetter).join(',');
  return {
    ok: true,
    report: {
      tool: 'luoshi',
      version: VERSION,
      asOf: options.asOf,
      warnDays,
      lang,
      sheet: sheet.name,
      headerRows: [layout.headerTop + 1, layout.headerBottom + 1],
      table: {
        firstColumn: extent.first + 1,
        lastColumn: extent.last + 1,
        lastRow: lastRow + 1,
        resultColumn: firstEmptyColumn(sheet, extent.last + 1, layout.headerTop, lastRow) + 1,
      },
      year,
      dateSystem: workbook.date1904 ? '1904' : '1900',
      columns,
      columnRoles,
      periodColumns: layout.periodColumns.map((p) => ({
        column: columnLetter(p.col),
        period: periodLabel({ kind: p.period, year, index: p.index, start: 0, end: 0 }),
      })),
      overridden: layout.overridden,
      rules: rules.map((r) => ({
        keywords: r.keywords,
        requirement: r.obligation,
        source: r.source,
        origin: r.origin,
        ...(r.warnDays !== undefined ? { warnDays: r.warnDays } : {}),
        ...(r.evidenceRequired !== undefined ? { evidenceRequired: r.evidenceRequired } : {}),
      })),
      tasks,
      findings: workbookFindings,
      summary: summarize(tasks, workbookFindings),
    },
  };
}

/** The sheet's never-calculated formula cells (SheetData.uncalculated) as row → columns; undefined when none. */
function uncalculatedByRow(sheet: SheetData): ReadonlyMap<number, readonly number[]> | undefined {
  if (!sheet.uncalculated?.length) return undefined;
  const byRow = new Map<number, number[]>();
  for (const { row, col } of sheet.uncalculated) {
    const cols = byRow.get(row);
    if (cols) cols.push(col);
    else byRow.set(row, [col]);
  }
  return byRow;
}
