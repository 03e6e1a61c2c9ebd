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
  | { code: 'done_date_after_as_of'; date: string }
  | { code: 'continuous_without_progress' }
  | { code: 'relative_without_start'; text: string }
  | { code: 'count_short'; count: number; needed: number; until: string }
  | { code: 'holiday_data_missing'; years: number[] };

export interface ObligationVerdict {
  status: StatusCode;
  due: DayNumber | null;
  daysOverdue: number;
  /** Days late for done_late. */
  daysLate: number;
  missed: Period[];
  periods: PeriodProgress[];
  problems: Problem[];
}

function verdict(status: StatusCode, due: DayNumber | null, extra: Partial<ObligationVerdict> = {}): ObligationVerdict {
  return { status, due, daysOverdue: 0, daysLate: 0, missed: [], periods: [], problems: [], ...extra };
}

/**
 * When a one-off task has no progress word, what its other records say: the day of the latest
 * activity, or the first day of the latest marked period (the earliest it can have happened, so only
 * certain lateness is reported). `undefined` when nothing is recorded; null when done on an unknown day.
 */
function recordedDoneDay(ev: TaskEvidence, activities: Activity[]): DayNumber | null | undefined {
  const days = activities.map((a) => a.day);
  for (const pc of ev.periodCounts) if (pc.count > 0) days.push(periodByIndex(pc.kind, pc.year, pc.index).start);
  if (ev.tally && ev.tally.count > 0) {
    if (ev.tally.lastDay === null && days.length === 0) return null;
    if (ev.tally.lastDay !== null) days.push(ev.tally.lastDay);
  }
  return days.length > 0 ? Math.max(...days) : undefined;
}

/** A one-off due date, judged against progress, or against the other records when there is none (SPEC §4). */
function judgeDue(due: DayNumber, ev: TaskEvidence, activities: Activity[], ctx: JudgeContext, problems: Problem[]): ObligationVerdict {
  const recorded = ev.progress === 'empty' && ev.doneDay === null ? recordedDoneDay(ev, activities) : undefined;
  const done = ev.progress === 'done' || (ev.progress === 'empty' && (ev.doneDay !== null || recorded !== undefined));
  const doneDay = ev.doneDay ?? recorded ?? null;
  if (done) {
    if (doneDay === null) return verdict('done', due, { problems: [...problems, { code: 'done_without_date' }] });
    if (doneDay > ctx.asOf) problems.push({ code: 'done_date_after_as_of', date: formatIso(doneDay) });
    if (doneDay > due) return verdict('done_late', due, { daysLate: doneDay - due, problems });
    return verdict('done', due, { problems });
  }
  if (ctx.asOf > due) return verdict('overdue', due, { daysOverdue: ctx.asOf - due, problems });
  if (due - ctx.asOf <= ctx.warnDays) return verdict('due_soon', due, { problems });
  return verdict('on_track', due, { problems });
}

/** The day by which a period's quota is due: its last day, or the "by" day within it (每年7月1日前). */
function periodDue(p: Period, by: string | undefined): DayNumber {
  if (!by) return p.end;
  if (p.kind === 'year' && /^\d{2}-\d{2}$/.test(by)) {
    const [m, d] = by.split('-').map(Number);
    return fromYmd(p.year, m, Math.min(d, daysInMonth(p.year, m)));
  }
  if (p.kind === 'month' && /^\d{1,2}$/.test(by)) {
    const { y, m } = toYmd(p.start);
    return fromYmd(y, m, Math.min(Number(by), daysInMonth(y, m)));
  }
  return p.end;
}

const isoCache = new Map<DayNumber, string>();

/** Period boundaries repeat across every recurring task; format each day once. */
function isoOf(day: DayNumber): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    if (isoCache.size > 50000) isoCache.clear();
    isoCache.set(day, (iso = formatIso(day)));
  }
  return iso;
}

function countDated(activities: Activity[], from: DayNumber, to: DayNumber): number {
  let n = 0;
  for (const a of activities) if (a.day >= from && a.day <= to) n++;
  return n;
}

/** A recurring obligation over the periods of the table's year up to the as-of date (SPEC §4). */
function judgeRecurring(o: Extract<Obligation, { kind: 'recurring' }>, ev: TaskEvidence, activities: Activity[], ctx: JudgeContext): ObligationVerdict {
  const min = o.minCount;
  const periods = periodsOfYear(o.period, ctx.year).filter((p) => ev.startDay === null || p.end >= ev.startDay);
  const progress: PeriodProgress[] = [];
  const missed: Period[] = [];
  const problems: Problem[] = [];
  const useTally = ev.tally !== null && activities.length === 0 && ev.periodCounts.length === 0;
  let current: { period: Period; due: DayNumber; met: boolean } | null = null;
  let next: DayNumber | null = null;

  const started = periods.filter((p) => p.start <= ctx.asOf);
  const closed = started.filter((p) => ctx.asOf > periodDue(p, o.by));
  let tallyMetUpTo = -1;
  if (useTally) {
    const { count, lastDay } = ev.tally!;
    // Periods after the last recorded activity cannot have been met; before it the count decides.
    const lastIndex = lastDay === null ? closed.length - 1 : started.findIndex((p) => lastDay >= p.start && lastDay <= p.end);
    const creditable = lastDay === null ? closed.length : lastIndex + 1;
    tallyMetUpTo = Math.min(creditable, Math.floor(count / min)) - 1;
    const needed = Math.min(creditable, closed.length) * min;
    if (count < needed) {
      problems.push({ code: 'count_short', count, needed, until: formatIso(periodDue(closed[Math.min(creditable, closed.length) - 1], o.by)) });
    }
  }

  periods.forEach((p, i) => {
    const due = periodDue(p, o.by);
    const count = useTally ? (i <= tallyMetUpTo ? min : 0) : countDated(activities, p.start, due) + countFromPeriodCounts(ev.periodCounts, p.kind, p.year, p.index, min);
    const met = count >= min;
    let state: PeriodProgress['state'];
    if (p.start > ctx.asOf) {
      state = 'future';
      if (next === null) next = due;
    } else if (ctx.asOf > due) {
      state = met ? 'met' : 'missed';
      if (!met) missed.push(p);
    } else {
      state = met ? 'met' : 'open';
      current = { period: p, due, met };
    }
    progress.push({ label: periodLabel(p), start: isoOf(p.start), due: isoOf(due), count, required: min, state });
  });

  const base = { periods: progress, missed, problems };
  if (missed.length > 0) {
    const firstDue = periodDue(missed[0], o.by);
    return verdict('overdue', firstDue, { ...base, daysOverdue: ctx.asOf - firstDue });
  }
  if (problems.some((p) => p.code === 'count_short')) {
    const short = problems.find((p) => p.code === 'count_short') as Extract<Problem, { code: 'count_short' }>;
    const firstUnmet = closed[Math.floor(short.count / min)];
    const firstDue = firstUnmet ? periodDue(firstUnmet, o.by) : ctx.asOf;
    return verdict('overdue', firstDue, { ...base, daysOverdue: ctx.asOf - firstDue });
  }
  const open = current as { period: Period; due: DayNumber; met: boolean } | null;
  if (open) {
    if (open.met) return verdict('on_track', next ?? open.due, base);
    return verdict(open.due - ctx.asOf <= ctx.warnDays ? 'due_soon' : 'on_track', open.due, base);
  }
  if (started.length === 0) return verdict('on_track', next, base);
  if (next !== null) return verdict('on_track', next, base);
  return verdict('done', periodDue(periods[periods.length - 1], o.by), base);
}

function relativeDue(o: Extract<Obligation, { kind: 'relative' }>, start: DayNumber): { due: DayNumber; uncovered: number[] } {
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

export function judgeObligation(o: Obligation, ev: TaskEvidence, activities: Activity[], ctx: JudgeContext): ObligationVerdict {
  switch (o.kind) {
    case 'deadline':
      return judgeDue(parseIso(o.due)!, ev, activities, ctx, []);
    case 'recurring':
      return judgeRecurring(o, ev, activities, ctx);
    case 'relative': {
      if (ev.startDay === null) return verdict('needs_attention', null, { problems: [{ code: 'relative_without_start', text: o.text ?? '' }] });
      const { due, uncovered } = relativeDue(o, ev.startDay);
      return judgeDue(due, ev, activities, ctx, uncovered.length > 0 ? [{ code: 'holiday_data_missing', years: uncovered }] : []);
    }
    case 'continuous': {
      const text = normalizeText(ev.progressText);
      if (!text || NOTHING_YET.test(text)) return verdict('needs_attention', null, { problems: [{ code: 'continuous_without_progress' }] });
      return verdict('ongoing', null);
    }
    case 'unspecified':
    case 'unknown':
      return verdict('needs_attention', null);
  }
}
