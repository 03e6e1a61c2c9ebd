import { internText } from '../cache/shared-values';
import { DayNumber, formatIso } from '../dates/civil-date';
import { Period, periodLabel } from '../dates/periods';
import { Obligation } from '../deadline/obligation';
import { Activity, gatherEvidence, TaskActivities, taskActivities, TaskEvidence } from '../evidence/task-evidence';
import { Lang } from '../i18n';
import { cellText } from '../model/workbook';
import { ObligationReport, TaskReport } from '../model/report';
import { Rule } from '../rules/rules';
import { rowDepartments } from '../table/departments';
import { TableRow } from '../table/read-rows';
import { Field } from '../table/vocabulary';
import { Finding, finding } from './findings';
import { judgeObligation, JudgeContext, ObligationVerdict } from './judge-obligation';
import { AddFinding, checkDeadline, checkIdentity, reportProblems } from './row-findings';
import { StatusCode, worseStatus } from './status';
import { statusText } from './status-text';
import { obligationsOfTask, TaskObligations } from './task-obligations';

/**
 * Everything judging one row needs beyond the row itself, built once per run (validateWorkbook). Plain
 * data: a test can build one by hand. Only `seenIds` changes as rows are judged (in table order).
 */
export interface TaskContext {
  readonly asOf: DayNumber;
  /** The as-of date as written (YYYY-MM-DD), for messages. */
  readonly asOfText: string;
  /** The run's warning window in days (SPEC §4 W); a matched rule may shorten it for its tasks. */
  readonly warnDays: number;
  /** The table's year (SPEC §3): recurring obligations are judged over its periods. */
  readonly year: number;
  readonly date1904: boolean;
  readonly lang: Lang;
  /** The breakdown sheet's name and its columns (0-based), for the findings' cells. */
  readonly sheet: string;
  readonly columns: Readonly<Partial<Record<Field, number>>>;
  /** The header says the first unit of a responsible cell leads (责任单位（列第一位的为牵头单位）). */
  readonly firstUnitLeads: boolean;
  /**
   * A table with no deadline column whose title states its year (年度工作报告, 民生实事 tables): a task that
   * states no deadline of its own is due by that year's end (YYYY-12-31). Null otherwise.
   */
  readonly yearEnd: string | null;
  /** Built-in and workbook rules (SPEC §2 rules sheet). */
  readonly rules: readonly Rule[];
  /** The workbook's department list (normalised names), or null when it has none. */
  readonly departments: ReadonlySet<string> | null;
  /** The log sheets' activities by task row (0-based sheet row). */
  readonly logged: ReadonlyMap<number, readonly Activity[]>;
  /** Each id seen so far (normalised) → the 1-based row that first had it, to name duplicates. */
  readonly seenIds: Map<string, number>;
  /** Columns (0-based) of the table's cells holding a formula never calculated, by 0-based row (SheetData.uncalculated). */
  readonly uncalculated?: ReadonlyMap<number, readonly number[]>;
}

const NOTHING_LOGGED: readonly Activity[] = Object.freeze([]);

/**
 * Judges one task row as of ctx.asOf (SPEC §4): its departments and id, its obligations (deadline cell,
 * measure text, rules), the evidence of what was done, one verdict per obligation, and their combination.
 * Each finding about the row is raised here, once, at the cell it concerns.
 */
export function judgeTask(row: TableRow, ctx: TaskContext): TaskReport {
  const v = row.values;
  const c = ctx.columns;
  const findings: Finding[] = [];
  const add: AddFinding = (code, col, detail) =>
    findings.push(finding(code, { sheet: ctx.sheet, row: row.row, col: col ?? c.measure! }, ctx.lang, detail));

  const measure = cellText(v.measure ?? null);
  const id = cellText(v.id ?? null);
  const { lead, responsible } = departmentsOf(row, ctx);
  const identity = { measure, id, lead, responsible, sheetRow: row.row + 1, idFromMerge: row.idFromMerge };
  checkIdentity(identity, c, ctx.departments, ctx.seenIds, add);

  const deadlineText = cellText(v.deadline ?? null);
  const plan = obligationsOfTask(v.deadline ?? null, measure, ctx.year, ctx.date1904, ctx.rules);
  const obligations = obligationsToJudge(plan, deadlineText, ctx, add);

  const { ev, activities, doneAfterAsOf } = evidenceOf(row, ctx, measure, deadlineText, obligations, add);
  const judgeCtx = obligationContext(ctx, plan.matchedRules);
  const verdicts = obligations.map((o, i) => judgeObligation(o, ev, activities.byObligation[i], judgeCtx));
  reportProblems(verdicts, c, add, findings);

  const combined = combineVerdicts(verdicts);
  // A formula never calculated reads as blank, but its value is unknown: the row cannot be judged (issue 16).
  const uncalculated = ctx.uncalculated?.get(row.row)?.find((col) => Object.values(c).includes(col));
  if (uncalculated !== undefined) {
    add('formula_not_calculated', uncalculated);
    combined.status = 'needs_attention';
  }
  const attention =
    uncalculated !== undefined
      ? findings[findings.length - 1].message
      : settleStatus(combined, ev, obligations, plan.matchedRules, doneAfterAsOf, findings, ctx, add);
  const { status, due, daysOverdue, daysLate, missed } = combined;
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
    obligations: obligations.map((o, i) => obligationReport(o, verdicts[i])),
    status,
    statusText: internText(statusText({ status, daysOverdue, daysLate, due, missed, attention }, ctx.lang)),
    due: due === null ? null : formatIso(due),
    daysOverdue,
    missedPeriods: combined.missedLabels,
    findings,
  };
}

/** The row's departments by role: roles written in the cells count (办公室牵头，各科室配合: lead 办公室), not only the column's. */
function departmentsOf(row: TableRow, ctx: TaskContext) {
  const v = row.values;
  const responsible = cellText(v.responsible ?? null);
  return rowDepartments(
    [cellText(v.lead ?? null)],
    row.extraResponsible.length === 0 ? [responsible] : [responsible, ...row.extraResponsible.map(cellText)],
    ctx.firstUnitLeads,
  );
}

/**
 * What the task is judged against: the obligations the deadline cell, the measure and the rules state;
 * with none, the table year's end when the table has no deadline column (SPEC §4), else `unknown`.
 */
function obligationsToJudge(
  plan: TaskObligations,
  deadlineText: string,
  ctx: TaskContext,
  add: AddFinding,
): Obligation[] {
  if (plan.obligations.length === 0 && ctx.yearEnd !== null) {
    add('deadline_from_table_year', ctx.columns.measure, { due: ctx.yearEnd });
    return [{ kind: 'deadline', due: ctx.yearEnd, origin: 'table' }];
  }
  checkDeadline(plan, deadlineText, ctx.columns, add);
  return plan.obligations.length > 0 ? plan.obligations : [{ kind: 'unknown', text: deadlineText }];
}

/**
 * What the row and the log say was done (SPEC §2), with each obligation's activities. Activities and done
 * dates after the as-of date have not happened yet: they prove nothing, and the earliest is returned.
 */
function evidenceOf(
  row: TableRow,
  ctx: TaskContext,
  measure: string,
  deadlineText: string,
  obligations: readonly Obligation[],
  add: AddFinding,
): { ev: TaskEvidence; activities: TaskActivities; doneAfterAsOf: DayNumber | null } {
  const v = row.values;
  const c = ctx.columns;
  const cells = {
    progress: v.progress,
    doneDate: v.doneDate,
    startDate: v.startDate,
    evidence: v.evidence,
    hasEvidenceColumn: c.evidence !== undefined,
    count: v.count,
    lastDate: v.lastDate,
    periodValues: row.periodValues,
    measure,
    // A deadline cell may name the stage that is due (2023年10月底前主体封顶): then that stage is the work.
    targetText: deadlineText,
  };
  const { evidence: ev, activities: own } = gatherEvidence(cells, ctx.year, ctx.date1904);
  for (const a of ev.absurd) add('absurd_date', c[a.field as Field] ?? c.measure, { text: a.text });
  const logged = ctx.logged.get(row.row) ?? NOTHING_LOGGED;
  const activities = taskActivities(ev, own, logged, obligations, ctx.year, ctx.asOf);
  const doneDay = ev.progress !== 'not_done' ? ev.doneDay : null;
  const doneAfterAsOf = activities.future ?? laterThan(ctx.asOf, doneDay, ev.tally?.lastDay ?? null);
  if (doneAfterAsOf !== null)
    add('done_date_after_as_of', c.doneDate ?? c.progress, { date: formatIso(doneAfterAsOf), asOf: ctx.asOfText });
  return { ev, activities, doneAfterAsOf };
}

/**
 * The task's status after the rules that look at the whole task (SPEC §4), and the reason a 待核实 text
 * shows: done without any date to judge against is done; done without required evidence is a finding;
 * done on a day still to come is 待核实.
 */
function settleStatus(
  combined: CombinedVerdict,
  ev: TaskEvidence,
  obligations: readonly Obligation[],
  matchedRules: readonly Rule[],
  doneAfterAsOf: DayNumber | null,
  findings: readonly Finding[],
  ctx: TaskContext,
  add: AddFinding,
): string | undefined {
  if (combined.status === 'needs_attention' && ev.progress === 'done' && obligations.every(hasNoDate))
    combined.status = 'done';
  const isDone = combined.status === 'done' || combined.status === 'done_late';
  // A rule may require evidence; without a rule, only an evidence column left empty is a finding.
  const evidenceRequired = matchedRules.some((r) => r.evidenceRequired);
  if (isDone && (ev.hasEvidence === false || (evidenceRequired && ev.hasEvidence !== true)))
    add('done_without_evidence', ctx.columns.evidence ?? ctx.columns.progress);
  if (isDone && doneAfterAsOf !== null) {
    combined.status = 'needs_attention';
    return findings.find((f) => f.code === 'done_date_after_as_of')!.message;
  }
  return findings.find((f) => f.severity !== 'info')?.message;
}

/** The earliest of the days given that falls after `asOf`, or null. */
function laterThan(asOf: DayNumber, ...days: Array<DayNumber | null>): DayNumber | null {
  let first: DayNumber | null = null;
  for (const d of days) if (d !== null && d > asOf && (first === null || d < first)) first = d;
  return first;
}

/** Obligations that set no date to judge against: no deadline, or one not understood or left vague. */
function hasNoDate(o: Obligation): boolean {
  return o.kind === 'unknown' || o.kind === 'unspecified';
}

/** The judge's context for this task: a matched rule's warning days shorten the run's window. */
function obligationContext(ctx: TaskContext, matchedRules: readonly Rule[]): JudgeContext {
  let warnDays = ctx.warnDays;
  for (const r of matchedRules) if (r.warnDays !== undefined) warnDays = Math.min(warnDays, r.warnDays);
  return { asOf: ctx.asOf, warnDays, year: ctx.year, recordsProgress: ctx.columns.progress !== undefined };
}

/** A task's verdict from its obligations' verdicts. */
export interface CombinedVerdict {
  status: StatusCode;
  /** The earliest due day among the obligations whose status is the task's. */
  due: DayNumber | null;
  /** The largest, over all obligations. */
  daysOverdue: number;
  /** The largest among the obligations whose status is the task's. */
  daysLate: number;
  /** Every obligation's missed periods, in obligation order, and their labels. */
  missed: readonly Period[];
  missedLabels: readonly string[];
}

/**
 * A task with several obligations takes the worst status (SPEC §4); the obligations with that status
 * decide its due date and lateness. One verdict's lists are passed on as they are (they may be shared
 * between rows, so they are never changed).
 */
export function combineVerdicts(verdicts: readonly ObligationVerdict[]): CombinedVerdict {
  let status = verdicts[0].status;
  for (const x of verdicts) status = worseStatus(status, x.status);
  let due: number | null = null;
  let daysLate = 0;
  let daysOverdue = 0;
  let missed: readonly Period[] = verdicts.length === 1 ? verdicts[0].missed : [];
  for (const x of verdicts) {
    daysOverdue = Math.max(daysOverdue, x.daysOverdue);
    if (verdicts.length > 1 && x.missed.length > 0) missed = missed.concat(x.missed);
    if (x.status !== status) continue;
    if (x.due !== null) due = due === null ? x.due : Math.min(due, x.due);
    daysLate = Math.max(daysLate, x.daysLate);
  }
  const missedLabels = verdicts.length === 1 ? verdicts[0].missedLabels : missed.map(periodLabel);
  return { status, due, daysOverdue, daysLate, missed, missedLabels };
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
    from: r.from,
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
