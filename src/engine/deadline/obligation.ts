import { PeriodKind } from '../dates/periods';

/** Where an obligation was read: the deadline cell, the measure text, or a rule (built-in or 规则 sheet). */
export type ObligationOrigin = 'deadline' | 'measure' | 'rule' | 'table';

interface ObligationBase {
  /**
   * The words it was read from, as written (traditional characters, full-width digits and quotation
   * marks kept: normalised text is for matching only, SPEC §3).
   */
  text?: string;
  /** Who must do it, where the measure text names them ("机关党办"), as written. */
  actor?: string;
  origin?: ObligationOrigin;
  /** For obligations from rules: the rule's keyword and cited source. */
  rule?: { keyword: string; source: string };
}

export type RelativeUnit = 'day' | 'workday' | 'month' | 'year';

export type Obligation = ObligationBase &
  (
    | { kind: 'deadline'; due: string }
    | {
        kind: 'recurring';
        period: PeriodKind;
        minCount: number;
        /**
         * Due by this day of each period instead of its last day. A month: "DD" (每月10日前 → "10").
         * A quarter, half-year or year: "MM-DD", day DD of the period's MM-th month, counted from 1
         * (每年7月1日前 → "07-01"; 每个季度第1个月的20日前 → "01-20": Jan 20, Apr 20, Jul 20, Oct 20;
         * 每半年第一个月15日前 → "01-15"). MM never exceeds the period's length (3, 6 or 12).
         */
        by?: string;
        /**
         * Owed from this day on (从2023年第二季度起 → "2023-04-01", ISO): periods that end before it
         * are not owed. Absent when no start is written.
         */
        from?: string;
      }
    | { kind: 'continuous' }
    /** 立行立改, 立即整改: due on the row's start date (SPEC §3); without one, not done is overdue with no day count. */
    | { kind: 'immediate' }
    | { kind: 'relative'; amount: number; unit: RelativeUnit }
    | { kind: 'unspecified' }
    | { kind: 'unknown' }
  );

export type ObligationKind = Obligation['kind'];

/** Obligations that set something checkable (a date, a frequency, a time limit, "at once"). */
export function isConcrete(o: Obligation): boolean {
  return o.kind === 'deadline' || o.kind === 'recurring' || o.kind === 'relative' || o.kind === 'immediate';
}

/** The month-days on which quarters, half-years and years end. */
const PERIOD_ENDS: Partial<Record<PeriodKind, readonly string[]>> = {
  quarter: ['03-31', '06-30', '09-30', '12-31'],
  'half-year': ['06-30', '12-31'],
  year: ['12-31'],
};

/** A recurring obligation due at its periods' ends, and a deadline at the end of one such period of `year`. */
function periodEndOf(recurring: Obligation, deadline: Obligation, year: number | undefined): boolean {
  if (year === undefined || recurring.kind !== 'recurring' || recurring.by || deadline.kind !== 'deadline')
    return false;
  const ends = PERIOD_ENDS[recurring.period];
  return ends !== undefined && deadline.due.startsWith(`${year}-`) && ends.includes(deadline.due.slice(5));
}

/**
 * Same requirement, ignoring where and how it was written. Once a year and "by year end" of the
 * table's year are the same thing; so are each quarter (or half-year) and a deadline at the end of a
 * quarter (half-year) of that year: a cell 按季度 sums up "第一、二、三、四季度分别完成…".
 */
export function sameRequirement(a: Obligation, b: Obligation, year?: number): boolean {
  if (periodEndOf(a, b, year) || periodEndOf(b, a, year)) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'deadline':
      return a.due === (b as typeof a).due;
    case 'recurring':
      return a.period === (b as typeof a).period;
    case 'relative':
      return a.amount === (b as typeof a).amount && a.unit === (b as typeof a).unit;
    default:
      return true;
  }
}
