import { BoundedCache } from '../cache/bounded-cache';
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

/** One period of a recurring obligation's year, with its due day and labels computed once. */
interface ScheduledPeriod {
  period: Period;
  due: DayNumber;
  label: string;
  startIso: string;
  dueIso: string;
  /** Interned progress records: every task with the same frequency shares them (see BoundedCache). */
  progress: Map<number, PeriodProgress>;
}

const schedules = new BoundedCache<string, ScheduledPeriod[]>(1000);

/** The periods of the table's year for a frequency, each with its due day ("by" day or last day). */
function scheduleOf(kind: Period['kind'], year: number, by: string | undefined): ScheduledPeriod[] {
  return schedules.get(`${kind}|${year}|${by ?? ''}`, () =>
    periodsOfYear(kind, year).map((period) => {
      const due = periodDue(period, by);
      return { period, due, label: periodLabel(period), startIso: formatIso(period.start), dueIso: formatIso(due), progress: new Map() };
    }),
  );
}

const STATES: PeriodProgress['state'][] = ['met', 'missed', 'open', 'future'];

/** The (frozen, shared) progress record of a period with this count, quota and state. */
function progressOf(s: ScheduledPeriod, count: number, required: number, state: PeriodProgress['state']): PeriodProgress {
  const key = (count * 4096 + required) * 4 + STATES.indexOf(state);
  let record = s.progress.get(key);
  if (record === undefined) {
    if (s.progress.size > 1000) s.progress.clear();
    record = Object.freeze({ label: s.label, start: s.startIso, due: s.dueIso, count, required, state });
    s.progress.set(key, record);
  }
  return record;
}

function countDated(activities: Activity[], from: DayNumber, to: DayNumber): number {
  let n = 0;
  for (const a of activities) if (a.day >= from && a.day <= to) n++;
  return n;
}

/** A recurring obligation over the periods of the table's year up to the as-of date (SPEC §4). */
function judgeRecurring(o: Extract<Obligation, { kind: 'recurring' }>, ev: TaskEvidence, activities: Activity[], ctx: JudgeContext): ObligationVerdict {
  const min = o.minCount;
  const year = scheduleOf(o.period, ctx.year, o.by);
  const schedule = ev.startDay === null ? year : year.filter((s) => s.period.end >= ev.startDay!);
  const progress: PeriodProgress[] = [];
  const missed: Period[] = [];
  const problems: Problem[] = [];
  const useTally = ev.tally !== null && activities.length === 0 && ev.periodCounts.length === 0;
  let current: { due: DayNumber; met: boolean } | null = null;
  let next: DayNumber | null = null;

  // Periods are in order and each is due within itself, so the started and the closed ones are prefixes.
  let started = 0;
  while (started < schedule.length && schedule[started].period.start <= ctx.asOf) started++;
  let closed = 0;
  while (closed < started && ctx.asOf > schedule[closed].due) closed++;
  let tallyMetUpTo = -1;
  if (useTally) {
    const { count, lastDay } = ev.tally!;
    // Periods after the last recorded activity cannot have been met; before it the count decides.
    let lastIndex = closed - 1;
    if (lastDay !== null) {
      lastIndex = -1;
      for (let i = 0; i < started && lastIndex < 0; i++) if (lastDay >= schedule[i].period.start && lastDay <= schedule[i].period.end) lastIndex = i;
    }
    const creditable = lastDay === null ? closed : lastIndex + 1;
    tallyMetUpTo = Math.min(creditable, Math.floor(count / min)) - 1;
    const needed = Math.min(creditable, closed) * min;
    if (count < needed) problems.push({ code: 'count_short', count, needed, until: schedule[Math.min(creditable, closed) - 1].dueIso });
  }

  for (let i = 0; i < schedule.length; i++) {
    const s = schedule[i];
    const p = s.period;
    const due = s.due;
    const count = useTally
      ? i <= tallyMetUpTo
        ? min
        : 0
      : (activities.length > 0 ? countDated(activities, p.start, due) : 0) + (ev.periodCounts.length > 0 ? countFromPeriodCounts(ev.periodCounts, p.kind, p.year, p.index, min) : 0);
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
      current = { due, met };
    }
    progress.push(progressOf(s, count, min, state));
  }

  const base = { periods: progress, missed, problems };
  if (missed.length > 0) {
    const firstDue = periodDue(missed[0], o.by);
    return verdict('overdue', firstDue, { ...base, daysOverdue: ctx.asOf - firstDue });
  }
  const short = problems.find((p) => p.code === 'count_short') as Extract<Problem, { code: 'count_short' }> | undefined;
  if (short) {
    const firstUnmet = Math.floor(short.count / min);
    const firstDue = firstUnmet < closed ? schedule[firstUnmet].due : ctx.asOf;
    return verdict('overdue', firstDue, { ...base, daysOverdue: ctx.asOf - firstDue });
  }
  const open = current as { due: DayNumber; met: boolean } | null;
  if (open) {
    if (open.met) return verdict('on_track', next ?? open.due, base);
    return verdict(open.due - ctx.asOf <= ctx.warnDays ? 'due_soon' : 'on_track', open.due, base);
  }
  if (started === 0) return verdict('on_track', next, base);
  if (next !== null) return verdict('on_track', next, base);
  return verdict('done', schedule[schedule.length - 1].due, base);
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
