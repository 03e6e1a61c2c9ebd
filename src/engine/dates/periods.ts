import { BoundedCache } from '../cache/bounded-cache';
import { DayNumber, fromYmd, lastDayOfMonth, toYmd, weekday } from './civil-date';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'half-year' | 'year';

export interface Period {
  kind: PeriodKind;
  /** Year the period belongs to (the ISO week-year for weeks). */
  year: number;
  /** 1-based: month 1–12, quarter 1–4, half 1–2, week 1–53, year 1. */
  index: number;
  start: DayNumber;
  end: DayNumber;
}

/** Monday of ISO week 1 of an ISO week-year. */
function isoWeekOneMonday(year: number): DayNumber {
  const jan4 = fromYmd(year, 1, 4);
  return jan4 - ((weekday(jan4) + 6) % 7);
}

export function periodByIndex(kind: PeriodKind, year: number, index: number): Period {
  switch (kind) {
    case 'month':
      return { kind, year, index, start: fromYmd(year, index, 1), end: lastDayOfMonth(year, index) };
    case 'quarter':
      return { kind, year, index, start: fromYmd(year, index * 3 - 2, 1), end: lastDayOfMonth(year, index * 3) };
    case 'half-year':
      return { kind, year, index, start: fromYmd(year, index * 6 - 5, 1), end: lastDayOfMonth(year, index * 6) };
    case 'year':
      return { kind, year, index: 1, start: fromYmd(year, 1, 1), end: fromYmd(year, 12, 31) };
    case 'week': {
      const start = isoWeekOneMonday(year) + (index - 1) * 7;
      return { kind, year, index, start, end: start + 6 };
    }
  }
}

export function periodContaining(kind: PeriodKind, day: DayNumber): Period {
  const { y, m } = toYmd(day);
  switch (kind) {
    case 'month':
      return periodByIndex(kind, y, m);
    case 'quarter':
      return periodByIndex(kind, y, Math.ceil(m / 3));
    case 'half-year':
      return periodByIndex(kind, y, m <= 6 ? 1 : 2);
    case 'year':
      return periodByIndex(kind, y, 1);
    case 'week': {
      let weekYear = y + 1;
      while (isoWeekOneMonday(weekYear) > day) weekYear--;
      return periodByIndex(kind, weekYear, Math.floor((day - isoWeekOneMonday(weekYear)) / 7) + 1);
    }
  }
}

const yearCache = new Map<string, Period[]>();

/** The periods of a year, in order. Shared, frozen arrays: callers must not modify them. */
export function periodsOfYear(kind: PeriodKind, year: number): Period[] {
  const key = `${kind}${year}`;
  let cached = yearCache.get(key);
  if (!cached) yearCache.set(key, (cached = Object.freeze(buildPeriodsOfYear(kind, year)) as Period[]));
  return cached;
}

function buildPeriodsOfYear(kind: PeriodKind, year: number): Period[] {
  const count = {
    month: 12,
    quarter: 4,
    'half-year': 2,
    year: 1,
    week: (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7,
  }[kind];
  const periods: Period[] = [];
  for (let i = 1; i <= count; i++) periods.push(periodByIndex(kind, year, i));
  return periods;
}

const KIND_NUMBER: Record<PeriodKind, number> = { week: 0, month: 1, quarter: 2, 'half-year': 3, year: 4 };
const labels = new BoundedCache<number, string>();

/** Machine label of SPEC §4: 2022-03, 2022-Q2, 2022-H1, 2022, 2022-W05. Each label is built once. */
export function periodLabel(p: Period): string {
  return labels.get((p.year * 8 + KIND_NUMBER[p.kind]) * 64 + p.index, () => buildLabel(p));
}

function buildLabel(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'half-year':
      return `${p.year}-H${p.index}`;
    case 'year':
      return `${p.year}`;
    case 'week':
      return `${p.year}-W${String(p.index).padStart(2, '0')}`;
  }
}

const QUARTER_ZH = ['一', '二', '三', '四'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Short label a clerk reads: 3月, 二季度, 上半年, 2022年, 第5周 (zh) / Mar, Q2, H1, 2022, W05 (en). */
export function periodDisplay(p: Period, lang: 'zh' | 'en'): string {
  switch (p.kind) {
    case 'month':
      return lang === 'zh' ? `${p.index}月` : MONTHS_EN[p.index - 1];
    case 'quarter':
      return lang === 'zh' ? `${QUARTER_ZH[p.index - 1]}季度` : `Q${p.index}`;
    case 'half-year':
      return lang === 'zh' ? (p.index === 1 ? '上半年' : '下半年') : `H${p.index}`;
    case 'year':
      return lang === 'zh' ? `${p.year}年` : `${p.year}`;
    case 'week':
      return lang === 'zh' ? `第${p.index}周` : `W${String(p.index).padStart(2, '0')}`;
  }
}

/** The period a SPEC §4 label names (2022-03, 2022-Q2, 2022-H1, 2022, 2022-W05); null for anything else. */
export function periodFromLabel(label: string): Period | null {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|W(\d{2})))?$/.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? periodByIndex('month', year, Number(m[2])) : null;
  if (m[3]) return periodByIndex('quarter', year, Number(m[3]));
  if (m[4]) return periodByIndex('half-year', year, Number(m[4]));
  if (m[5]) return Number(m[5]) >= 1 && Number(m[5]) <= 53 ? periodByIndex('week', year, Number(m[5])) : null;
  return periodByIndex('year', year, 1);
}
