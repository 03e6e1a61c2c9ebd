import { BoundedCache } from '../cache/bounded-cache';
import { deepFreeze, emptyList } from '../cache/shared-values';
import { addMonths, DayNumber, daysInMonth, formatIso, fromYmd, parseIso, toYmd } from '../dates/civil-date';
import { Period, periodByIndex, periodLabel, periodsOfYear } from '../dates/periods';
import { addWorkdays } from '../dates/workdays';
import { Obligation } from '../deadline/obligation';
import { Activity, countFromPeriodCounts, TaskEvidence } from '../evidence/task-evidence';
import { NOTHING_YET } from '../evidence/progress-words';
import { normalizeText } from '../text/normalize';
import { StatusCode } from './status';

export interface JudgeContext {
  asOf: DayNumber;
  warnDays: number;
  year: number;
  /** The table has a progress column: without one (a plan, not a ledger) a continuous task has nothing to fill in. */
  recordsProgress: boolean;
}

/** One period of a recurring obligation, for the 周期进度 view. */
export interface PeriodProgress {
  label: string;
  start: string;
  due: string;
  count: number;
  required: number;
  state: 'met' | 'missed' | 'open' | 'future';
}

/** What went wrong or is missing, for the task's findings (the judge itself writes no messages). */
export type Problem =
  | { code: 'done_without_date' }
  | { code: 'continuous_without_progress' }
  | { code: 'relative_without_start'; text: string }
  | { code: 'count_short'; count: number; needed: number; until: string }
  | { code: 'holiday_data_missing'; years: number[] };

/**
 * One obligation's verdict. Verdicts of recurring obligations are frozen and shared by every task with
 * the same frequency and record, and their lists are used as cache keys by identity (the status text's
 * missed periods, the JSON's period lists, the 周期进度 sheet): readonly, never to be changed.
 */
export interface ObligationVerdict {
  readonly status: StatusCode;
  readonly due: DayNumber | null;
  readonly daysOverdue: number;
  /** Days late for done_late. */
  readonly daysLate: number;
  readonly missed: readonly Period[];
  /** The missed periods' labels (2026-03 …), for the report. */
  readonly missedLabels: readonly string[];
  readonly periods: readonly PeriodProgress[];
  readonly problems: readonly Problem[];
}

const NONE: Partial<ObligationVerdict> = Object.freeze({});

function verdict(
  status: StatusCode,
  due: DayNumber | null,
  extra: Partial<ObligationVerdict> = NONE,
): ObligationVerdict {
  return {
    status,
    due,
    daysOverdue: extra.daysOverdue ?? 0,
    daysLate: extra.daysLate ?? 0,
    missed: extra.missed ?? emptyList(),
    missedLabels: extra.missedLabels ?? emptyList(),
    periods: extra.periods ?? emptyList(),
    problems: extra.problems === undefined || extra.problems.length === 0 ? emptyList() : extra.problems,
  };
}

/**
 * When a one-off task has no progress word, what its other records say: the day of the latest
 * activity, or the first day of the latest marked period (the earliest it can have happened, so only
 * certain lateness is reported). `undefined` when nothing is recorded; null when done on an unknown day.
 */
function recordedDoneDay(ev: TaskEvidence, activities: Activity[]): DayNumber | null | undefined {
  // A loop, not Math.max(...days): a log sheet may hold any number of records for one task.
  let latest: DayNumber | undefined;
  const see = (day: DayNumber) => {
    if (latest === undefined || day > latest) latest = day;
  };
  for (const a of activities) see(a.day);
  for (const pc of ev.periodCounts) if (pc.count > 0) see(periodByIndex(pc.kind, pc.year, pc.index).start);
  if (ev.tally && ev.tally.count > 0) {
    if (ev.tally.lastDay === null && latest === undefined) return null;
    if (ev.tally.lastDay !== null) see(ev.tally.lastDay);
  }
  return latest;
}

/**
 * A one-off due date, judged against progress, or against the other records when there is none (SPEC §4).
 * A null due day is one already past with no day to count from (立行立改 without a start date): not
 * done is overdue with no day count, done is never late.
 */
function judgeDue(
  due: DayNumber | null,
  ev: TaskEvidence,
  activities: Activity[],
  ctx: JudgeContext,
  problems: Problem[],
): ObligationVerdict {
  const recorded = ev.progress === 'empty' && ev.doneDay === null ? recordedDoneDay(ev, activities) : undefined;
  const done = ev.progress === 'done' || (ev.progress === 'empty' && (ev.doneDay !== null || recorded !== undefined));
  const doneDay = ev.doneDay ?? recorded ?? null;
  if (done) {
    if (doneDay === null) return verdict('done', due, { problems: [...problems, { code: 'done_without_date' }] });
    // A done day after the as-of date is judgeTask's finding (it makes the task 待核实).
    if (due !== null && doneDay > due) return verdict('done_late', due, { daysLate: doneDay - due, problems });
    return verdict('done', due, { problems });
  }
  if (due === null) return verdict('overdue', null, { problems });
  if (ctx.asOf > due) return verdict('overdue', due, { daysOverdue: ctx.asOf - due, problems });
  if (due - ctx.asOf <= ctx.warnDays) return verdict('due_soon', due, { problems });
  return verdict('on_track', due, { problems });
}

const MONTHS_IN: Partial<Record<Period['kind'], number>> = { quarter: 3, 'half-year': 6, year: 12 };

/**
 * The day by which a period's quota is due: its last day, or the "by" day within it (Obligation's
 * `by`): "DD" of a month (每月10日前), "MM-DD" of the period's MM-th month otherwise (每年7月1日前 →
 * "07-01"; 每个季度第1个月的20日前 → "01-20"). A day past the month's end is its last day (31 → Feb 28).
 */
function periodDue(p: Period, by: string | undefined): DayNumber {
  if (!by) return p.end;
  const { y, m } = toYmd(p.start);
  if (p.kind === 'month' && /^\d{1,2}$/.test(by)) return fromYmd(y, m, Math.min(Number(by), daysInMonth(y, m)));
  const months = MONTHS_IN[p.kind];
  if (months && /^\d{2}-\d{2}$/.test(by)) {
    const [offset, d] = by.split('-').map(Number);
    if (offset < 1 || offset > months) return p.end;
    const month = m + offset - 1;
    return fromYmd(y, month, Math.min(d, daysInMonth(y, month)));
  }
  return p.end;
}

/** One period of a recurring obligation's year, with its due day and labels computed once. */
interface ScheduledPeriod {
  period: Period;
  due: DayNumber;
  label: string;
  startIso: string;
  dueIso: string;
}

const schedules = new BoundedCache<string, ScheduledPeriod[]>(1000);

/** The periods of the table's year for a frequency, each with its due day ("by" day or last day). */
function scheduleOf(kind: Period['kind'], year: number, by: string | undefined): ScheduledPeriod[] {
  return schedules.get(`${kind}|${year}|${by ?? ''}`, () =>
    periodsOfYear(kind, year).map((period) => {
      const due = periodDue(period, by);
      return { period, due, label: periodLabel(period), startIso: formatIso(period.start), dueIso: formatIso(due) };
    }),
  );
}

function countDated(activities: Activity[], from: DayNumber, to: DayNumber): number {
  let n = 0;
  for (const a of activities) if (a.day >= from && a.day <= to) n++;
  return n;
}

/**
 * Verdicts of recurring obligations, by everything they depend on. Thousands of tasks share a
 * frequency and the same record (nothing done yet, or the same months): they share one frozen verdict.
 */
const recurringVerdicts = new BoundedCache<string, ObligationVerdict>(20_000);

/** A recurring obligation over the periods of the table's year up to the as-of date (SPEC §4). */
function judgeRecurring(
  o: Extract<Obligation, { kind: 'recurring' }>,
  ev: TaskEvidence,
  activities: Activity[],
  ctx: JudgeContext,
): ObligationVerdict {
  const min = o.minCount;
  const wholeYear = scheduleOf(o.period, ctx.year, o.by);
  // Owed from the row's start date or the start the text writes (从二季度起), whichever is later: a
  // period whose due day comes before it is not owed.
  const from = o.from ? parseIso(o.from) : null;
  const owedFrom = from === null ? ev.startDay : ev.startDay === null ? from : Math.max(from, ev.startDay);
  const schedule = owedFrom === null ? wholeYear : wholeYear.filter((s) => s.due >= owedFrom);
  const useTally = ev.tally !== null && activities.length === 0 && ev.periodCounts.length === 0;

  // Periods are in order and each is due within itself, so the started and the closed ones are prefixes.
  let started = 0;
  while (started < schedule.length && schedule[started].period.start <= ctx.asOf) started++;
  let closed = 0;
  while (closed < started && ctx.asOf > schedule[closed].due) closed++;

  const counts: number[] = [];
  if (useTally) {
    const { count, lastDay } = ev.tally!;
    // Periods after the last recorded activity cannot have been met; before it the count decides.
    let lastIndex = closed - 1;
    if (lastDay !== null) {
      lastIndex = -1;
      for (let i = 0; i < started && lastIndex < 0; i++)
        if (lastDay >= schedule[i].period.start && lastDay <= schedule[i].period.end) lastIndex = i;
    }
    const creditable = lastDay === null ? closed : lastIndex + 1;
    const tallyMetUpTo = Math.min(creditable, Math.floor(count / min)) - 1;
    for (let i = 0; i < schedule.length; i++) counts.push(i <= tallyMetUpTo ? min : 0);
    const needed = Math.min(creditable, closed) * min;
    if (count < needed) {
      const short: Problem = {
        code: 'count_short',
        count,
        needed,
        until: schedule[Math.min(creditable, closed) - 1].dueIso,
      };
      const firstUnmet = Math.floor(count / min);
      return verdictOfCounts(
        schedule,
        counts,
        min,
        ctx,
        short,
        firstUnmet < closed ? schedule[firstUnmet].due : ctx.asOf,
      );
    }
  } else {
    for (const s of schedule) {
      const p = s.period;
      const dated = activities.length > 0 ? countDated(activities, p.start, s.due) : 0;
      counts.push(
        dated + (ev.periodCounts.length > 0 ? countFromPeriodCounts(ev.periodCounts, p.kind, p.year, p.index, min) : 0),
      );
    }
  }
  const key = `${o.period}|${ctx.year}|${o.by ?? ''}|${owedFrom ?? ''}|${ctx.asOf}|${ctx.warnDays}|${min}|${counts.join(',')}`;
  return recurringVerdicts.get(key, () => deepFreeze(verdictOfCounts(schedule, counts, min, ctx, null, 0)));
}

/** The verdict once each period's count is known; `short` (with its first unmet due day) when a tally falls short. */
function verdictOfCounts(
  schedule: ScheduledPeriod[],
  counts: number[],
  min: number,
  ctx: JudgeContext,
  short: Problem | null,
  shortDue: DayNumber,
): ObligationVerdict {
  const progress: PeriodProgress[] = [];
  const missed: Period[] = [];
  let firstMissedDue: DayNumber | null = null;
  let current: { due: DayNumber; met: boolean } | null = null;
  let next: DayNumber | null = null;
  let started = 0;
  for (let i = 0; i < schedule.length; i++) {
    const { period: p, due } = schedule[i];
    const count = counts[i];
    const met = count >= min;
    let state: PeriodProgress['state'];
    if (p.start > ctx.asOf) {
      state = 'future';
      if (next === null) next = due;
    } else if (ctx.asOf > due) {
      started++;
      state = met ? 'met' : 'missed';
      if (!met) {
        missed.push(p);
        if (firstMissedDue === null) firstMissedDue = due;
      }
    } else {
      started++;
      state = met ? 'met' : 'open';
      current = { due, met };
    }
    progress.push({
      label: schedule[i].label,
      start: schedule[i].startIso,
      due: schedule[i].dueIso,
      count,
      required: min,
      state,
    });
  }

  const base = { periods: progress, missed, missedLabels: missed.map(periodLabel), problems: short ? [short] : [] };
  if (firstMissedDue !== null)
    return verdict('overdue', firstMissedDue, { ...base, daysOverdue: ctx.asOf - firstMissedDue });
  if (short) return verdict('overdue', shortDue, { ...base, daysOverdue: ctx.asOf - shortDue });
  const open = current as { due: DayNumber; met: boolean } | null;
  if (open) {
    if (open.met) return verdict('on_track', next ?? open.due, base);
    return verdict(open.due - ctx.asOf <= ctx.warnDays ? 'due_soon' : 'on_track', open.due, base);
  }
  if (started === 0) return verdict('on_track', next, base);
  if (next !== null) return verdict('on_track', next, base);
  return verdict('done', schedule[schedule.length - 1].due, base);
}

function relativeDue(
  o: Extract<Obligation, { kind: 'relative' }>,
  start: DayNumber,
): { due: DayNumber; uncovered: number[] } {
  switch (o.unit) {
    case 'day':
      return { due: start + o.amount, uncovered: [] };
    case 'month':
      return { due: addMonths(start, o.amount), uncovered: [] };
    case 'year':
      return { due: addMonths(start, o.amount * 12), uncovered: [] };
    case 'workday': {
      const { day, uncoveredYears } = addWorkdays(start, o.amount);
      return { due: day, uncovered: uncoveredYears };
    }
  }
}

/**
 * The verdict on one obligation of a task as of ctx.asOf (SPEC §4): deadlines and time limits against
 * the progress, recurring obligations period by period over ctx.year (from `from` / the row's start),
 * immediate ones against the row's start date.
 */
export function judgeObligation(
  o: Obligation,
  ev: TaskEvidence,
  activities: Activity[],
  ctx: JudgeContext,
): ObligationVerdict {
  switch (o.kind) {
    case 'deadline':
      return judgeDue(parseIso(o.due)!, ev, activities, ctx, []);
    case 'recurring':
      return judgeRecurring(o, ev, activities, ctx);
    case 'relative': {
      if (ev.startDay === null)
        return verdict('needs_attention', null, { problems: [{ code: 'relative_without_start', text: o.text ?? '' }] });
      const { due, uncovered } = relativeDue(o, ev.startDay);
      return judgeDue(
        due,
        ev,
        activities,
        ctx,
        uncovered.length > 0 ? [{ code: 'holiday_data_missing', years: uncovered }] : [],
      );
    }
    case 'immediate':
      // 立行立改 (SPEC §3): due on the row's start date; without one, no day to count from (null).
      return judgeDue(ev.startDay, ev, activities, ctx, []);
    case 'continuous': {
      if (!ctx.recordsProgress) return verdict('ongoing', null);
      const text = normalizeText(ev.progressText);
      if (!text || NOTHING_YET.test(text))
        return verdict('needs_attention', null, { problems: [{ code: 'continuous_without_progress' }] });
      return verdict('ongoing', null);
    }
    case 'unspecified':
    case 'unknown':
      return verdict('needs_attention', null);
  }
}
