import { DayNumber, formatIso, parseIso, toYmd } from './dates/civil-date';
import { Obligation } from './deadline/obligation';
import { LogEntry, logCell, LogLinker, readLogSheets } from './evidence/log-sheet';
import { activitiesOfTask, Activity, gatherEvidence, TaskEvidence } from './evidence/task-evidence';
import { Lang, Message } from './i18n';
import { Finding, finding } from './judge/findings';
import { IdRegister } from './judge/id-register';
import { judgeObligation, JudgeContext, ObligationVerdict } from './judge/judge-obligation';
import { AddFinding, checkDeadline, checkIdentity, reportProblems } from './judge/row-findings';
import { worseStatus } from './judge/status';
import { statusText } from './judge/status-text';
import { summarize } from './judge/summary';
import { obligationsOfTask } from './judge/task-obligations';
import { cellAddress, cellText, columnLetter, isEmptyCell, SheetData, WorkbookData } from './model/workbook';
import { ObligationReport, Report, TaskReport } from './model/report';
import { rulesInForce } from './rules/rules-sheet';
import { departmentList, splitDepartments } from './table/departments';
import { detectTable, LayoutOverride, TableLayout } from './table/detect-table';
import { MergedView } from './table/merged-cells';
import { readTableRows, TableRow, tableRows } from './table/read-rows';
import { Field } from './table/vocabulary';
import { normalizeText } from './text/normalize';
import { sharedBigrams } from './text/similarity';
import { Period, periodLabel } from './dates/periods';
import { VERSION } from './version';
import { internText } from './cache/shared-values';

export interface ValidateOptions {
  /** YYYY-MM-DD. */
  asOf: string;
  warnDays?: number;
  lang?: Lang;
  override?: LayoutOverride;
}

export type ValidateFailure = { code: 'no_table' | 'no_sheet' | 'bad_column' | 'bad_option'; message: Message };
export type ValidateResult = { ok: true; report: Report } | { ok: false; error: ValidateFailure };

export const DEFAULT_WARN_DAYS = 7;

function tableYear(layout: TableLayout, workbook: WorkbookData, asOf: DayNumber): number {
  for (const raw of [layout.titleText, layout.sheetName, workbook.name ?? '']) {
    const text = normalizeText(raw);
    const m = /((?:19|20)\d{2})年/.exec(text) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(text);
    if (m) return Number(m[1]);
  }
  return toYmd(asOf).y;
}

function failure(code: ValidateFailure['code'], detail = ''): ValidateResult {
  const messages: Record<ValidateFailure['code'], Message> = {
    no_table: {
      zh: '没有找到责任分解表：没有一行表头同时包含“具体措施”和“牵头部门/完成时限/完成情况”等列名',
      en: 'No breakdown table found: no header row names a measure column together with lead, deadline or progress columns',
    },
    no_sheet: { zh: `工作簿中没有名为“${detail}”的工作表`, en: `The workbook has no sheet named "${detail}"` },
    bad_column: { zh: `列设置无法识别：${detail}（应为 字段=列字母，如 measure=C）`, en: `Column setting not understood: ${detail} (expected field=letters, e.g. measure=C)` },
    bad_option: { zh: `参数无效：${detail}`, en: `Invalid option: ${detail}` },
  };
  return { ok: false, error: { code, message: messages[code] } };
}

/**
 * The activities each obligation counts when a task has several recurring ones: undescribed
 * activities count for all, described ones only for the recurring obligation whose words they share most.
 */
function activitiesByObligation(all: Activity[], obligations: Obligation[], recurring: Obligation[]): Map<Obligation, Activity[]> {
  const byObligation = new Map<Obligation, Activity[]>(obligations.map((o) => [o, []]));
  const keys = recurring.map((o) => normalizeText(`${o.text ?? ''}${o.rule?.keyword ?? ''}`));
  for (const a of all) {
    if (!a.description) {
      for (const list of byObligation.values()) list.push(a);
      continue;
    }
    const d = normalizeText(a.description);
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < recurring.length; i++) {
      const score = sharedBigrams(keys[i], d);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    byObligation.get(recurring[best])!.push(a);
  }
  return byObligation;
}

/** An obligation with its verdict, for the report. */
function obligationReport(o: Obligation, v: ObligationVerdict): ObligationReport {
  // One object shape for every kind (absent fields stay undefined and are left out of the JSON).
  const r = o as unknown as Partial<Record<string, unknown>>;
  return {
    kind: o.kind,
    due: r.due,
    period: r.period,
    minCount: r.minCount,
    by: r.by,
    amount: r.amount,
    unit: r.unit,
    text: o.text,
    actor: o.actor,
    origin: o.origin,
    rule: o.rule,
    status: v.status,
    effectiveDue: v.due === null ? null : formatIso(v.due),
    daysOverdue: v.daysOverdue,
    missedPeriods: v.missedLabels,
    periods: o.kind === 'recurring' ? v.periods : undefined,
  } as ObligationReport;
}

/** The columns the header spans: from its first to its last non-empty cell (merged cells included). */
function headerExtent(view: MergedView, layout: TableLayout): { first: number; last: number } {
  let first = Infinity;
  let last = -1;
  for (let r = layout.headerTop; r <= layout.headerBottom; r++) {
    for (let c = 0; c < view.width; c++) {
      if (isEmptyCell(view.value(r, c))) continue;
      first = Math.min(first, c);
      last = Math.max(last, c);
    }
  }
  return last < 0 ? { first: 0, last: 0 } : { first, last };
}

/** The first column from `from` on with no value in rows top…bottom (and outside every merged area there). */
function firstEmptyColumn(sheet: SheetData, from: number, top: number, bottom: number): number {
  for (let c = from; ; c++) {
    let empty = !sheet.merges.some((m) => m.left <= c && c <= m.right && m.top <= bottom && top <= m.bottom);
    for (let r = top; empty && r <= bottom; r++) if (!isEmptyCell(sheet.rows[r]?.[c])) empty = false;
    if (empty) return c;
  }
}

/** Judges every row of the breakdown table as of a date (SPEC §4). Pure: plain data in, plain data out. */
export function validateWorkbook(workbook: WorkbookData, options: ValidateOptions): ValidateResult {
  const lang: Lang = options.lang ?? 'zh';
  const parsedAsOf = parseIso(options.asOf);
  if (parsedAsOf === null) return failure('bad_option', `--as-of ${options.asOf}`);
  const asOf: DayNumber = parsedAsOf;
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS;
  if (!Number.isInteger(warnDays) || warnDays < 0 || warnDays > 3650) return failure('bad_option', `--warn-days ${warnDays}`);

  const detected = detectTable(workbook, options.override);
  if (!detected.ok) return failure(detected.reason, detected.detail);
  const layout = detected.layout;
  const sheet = workbook.sheets[layout.sheetIndex];
  const year = tableYear(layout, workbook, asOf);
  const view = new MergedView(sheet);
  const logEntries = readLogSheets(workbook, year);
  // With a log sheet every row is needed up front (to link entries to tasks); otherwise rows are judged as read.
  const rows: Iterable<TableRow> = logEntries.length > 0 ? readTableRows(view, layout) : tableRows(view, layout);
  const { rules, findings: ruleFindings } = rulesInForce(workbook, year, lang);
  const departments = departmentList(workbook);
  const ref = (row: number, col: number | undefined) => `'${sheet.name}'!${cellAddress(row, col ?? layout.columns.measure!)}`;

  const linker = new LogLinker();
  if (Array.isArray(rows)) rows.forEach((r, i) => linker.add(i, cellText(r.values.id ?? null), cellText(r.values.measure ?? null)));
  const logByTask = new Map<number, LogEntry[]>();
  const workbookFindings: Finding[] = [...ruleFindings];
  for (const entry of logEntries) {
    const task = linker.taskOf(entry);
    if (task === undefined) {
      workbookFindings.push(finding('log_entry_unlinked', logCell(entry), lang, { text: entry.id || entry.measure || entry.description }));
      continue;
    }
    if (entry.day === null) {
      workbookFindings.push(finding('log_entry_without_date', logCell(entry), lang));
      continue;
    }
    let list = logByTask.get(task);
    if (!list) logByTask.set(task, (list = []));
    list.push(entry);
  }

  const ctx: JudgeContext = { asOf, warnDays, year };
  const seenIds = new IdRegister();
  const tasks: TaskReport[] = [];
  let lastRow = layout.headerBottom;
  for (const row of rows) {
    tasks.push(judgeRow(row, tasks.length));
    lastRow = Math.max(lastRow, row.row);
  }

  function judgeRow(row: TableRow, index: number): TaskReport {
    const v = row.values;
    const c = layout.columns;
    const findings: Finding[] = [];
    const add: AddFinding = (code, col, detail) => findings.push(finding(code, ref(row.row, col), lang, detail));

    const measure = cellText(v.measure ?? null);
    const id = cellText(v.id ?? null);
    const lead = splitDepartments(cellText(v.lead ?? null));
    const ownResponsible = splitDepartments(cellText(v.responsible ?? null));
    const responsible = row.extraResponsible.length === 0 ? ownResponsible : [ownResponsible, ...row.extraResponsible.map((x) => splitDepartments(cellText(x)))].flat();
    checkIdentity({ measure, id, lead, responsible, sheetRow: row.row + 1, idFromMerge: row.idFromMerge }, c, departments, seenIds, add);

    const plan = obligationsOfTask(v.deadline ?? null, measure, year, workbook.date1904, rules);
    const deadlineText = cellText(v.deadline ?? null);
    checkDeadline(plan, deadlineText, c, add);
    const obligations: Obligation[] = plan.obligations.length > 0 ? plan.obligations : [{ kind: 'unknown', text: deadlineText }];

    const ev: TaskEvidence = gatherEvidence(
      { progress: v.progress, doneDate: v.doneDate, startDate: v.startDate, evidence: v.evidence, hasEvidenceColumn: c.evidence !== undefined, count: v.count, lastDate: v.lastDate, periodValues: row.periodValues },
      year,
      workbook.date1904,
    );
    for (const a of ev.absurd) add('absurd_date', c[a.field as Field] ?? c.measure, { text: a.text });

    const ownEntries = logByTask.get(index);
    const logged = ownEntries ? ownEntries.map((e) => ({ day: e.day!, description: e.description })) : [];
    const { activities, future } = activitiesOfTask(ev, logged, year, asOf);
    // Activities dated after the as-of date have not happened yet: they prove nothing.
    if (future !== null) add('done_date_after_as_of', c.doneDate ?? c.progress, { date: formatIso(future), asOf: options.asOf });

    let taskWarn = warnDays;
    for (const r of plan.matchedRules) if (r.warnDays !== undefined) taskWarn = Math.min(taskWarn, r.warnDays);
    const taskCtx = taskWarn === warnDays ? ctx : { ...ctx, warnDays: taskWarn };
    const recurring = obligations.length > 1 ? obligations.filter((o) => o.kind === 'recurring') : [];
    const shared = recurring.length > 1 && activities.length > 0 ? activitiesByObligation(activities, obligations, recurring) : null;
    const verdicts: ObligationVerdict[] = obligations.map((o) => judgeObligation(o, ev, shared?.get(o) ?? activities, taskCtx));
    reportProblems(verdicts, c, options.asOf, add, findings);

    let status = verdicts[0].status;
    for (const x of verdicts) status = worseStatus(status, x.status);
    const isDone = status === 'done' || status === 'done_late';
    const evidenceRequired = plan.matchedRules.some((r) => r.evidenceRequired);
    if (isDone && (ev.hasEvidence === false || (evidenceRequired && ev.hasEvidence !== true))) add('done_without_evidence', c.evidence ?? c.progress);

    const reports: ObligationReport[] = obligations.map((o, i) => obligationReport(o, verdicts[i]));
    // The obligations whose status is the task's decide its due date, lateness and missed periods.
    let due: number | null = null;
    let daysLate = 0;
    let daysOverdue = 0;
    let missed: Period[] = verdicts.length === 1 ? verdicts[0].missed : [];
    for (const x of verdicts) {
      daysOverdue = Math.max(daysOverdue, x.daysOverdue);
      if (verdicts.length > 1 && x.missed.length > 0) missed = missed.concat(x.missed);
      if (x.status !== status) continue;
      if (x.due !== null) due = due === null ? x.due : Math.min(due, x.due);
      daysLate = Math.max(daysLate, x.daysLate);
    }
    const attention = findings.find((f) => f.severity !== 'info')?.message;
    return {
      row: row.row + 1,
      id,
      category: row.category,
      measure,
      lead,
      responsible,
      owner: cellText(v.owner ?? null),
      deadlineText,
      progressText: ev.progressText,
      obligations: reports,
      status,
      statusText: internText(statusText({ status, daysOverdue, daysLate, due, missed, attention }, lang)),
      due: due === null ? null : formatIso(due),
      daysOverdue,
      missedPeriods: verdicts.length === 1 ? verdicts[0].missedLabels : missed.map(periodLabel),
      findings,
    };
  }

  const columns: Record<string, string> = {};
  const extent = headerExtent(view, layout);
  for (const [field, col] of Object.entries(layout.columns)) if (col !== undefined) columns[field] = columnLetter(col);
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
      table: { firstColumn: extent.first + 1, lastColumn: extent.last + 1, lastRow: lastRow + 1, resultColumn: firstEmptyColumn(sheet, extent.last + 1, layout.headerTop, lastRow) + 1 },
      year,
      dateSystem: workbook.date1904 ? '1904' : '1900',
      columns,
      periodColumns: layout.periodColumns.map((p) => ({ column: columnLetter(p.col), period: periodLabel({ kind: p.period, year, index: p.index, start: 0, end: 0 }) })),
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
