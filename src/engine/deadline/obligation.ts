import { PeriodKind } from '../dates/periods';

/** Where an obligation was read: the deadline cell, the measure text, or a rule (built-in or 规则 sheet). */
export type ObligationOrigin = 'deadline' | 'measure' | 'rule';

interface ObligationBase {
  /** The words it was read from (normalised). */
  text?: string;
  /** Who must do it, where the measure text names them ("机关党办"). */
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
        /** Due by this day of each period: "07-01" for a year, "10" for a month. */
        by?: string;
      }
    | { kind: 'continuous' }
    | { kind: 'relative'; amount: number; unit: RelativeUnit }
    | { kind: 'unspecified' }
    | { kind: 'unknown' }
  );

export type ObligationKind = Obligation['kind'];

/** Obligations that set something checkable (a date, a frequency, a time limit). */
export function isConcrete(o: Obligation): boolean {
  return o.kind === 'deadline' || o.kind === 'recurring' || o.kind === 'relative';
}

/**
 * Same requirement, ignoring where and how it was written. Once a year and "by year end" of the
 * table's year are the same thing.
 */
export function sameRequirement(a: Obligation, b: Obligation, year?: number): boolean {
  const yearEnd = year !== undefined ? `${year}-12-31` : null;
  const isYearly = (o: Obligation) => o.kind === 'recurring' && o.period === 'year' && !o.by;
  if ((isYearly(a) && b.kind === 'deadline' && b.due === yearEnd) || (isYearly(b) && a.kind === 'deadline' && a.due === yearEnd)) return true;
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
