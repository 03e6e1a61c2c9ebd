import holidayData from 'chinese-days/dist/chinese-days.json';
import { DayNumber, formatIso, toYmd, weekday } from './civil-date';

/**
 * Chinese working days: Monday–Friday, minus public holidays, plus make-up working days (调休).
 * Data: the chinese-days package (State Council notices). It covers the years in HOLIDAY_YEARS;
 * outside them only weekends are skipped, and callers report that (see holidayDataCovers).
 */
const data = holidayData as { holidays: Record<string, string>; workdays: Record<string, string> };
const holidays = new Set(Object.keys(data.holidays));
const makeUpWorkdays = new Set(Object.keys(data.workdays));

export const HOLIDAY_YEARS = (() => {
  const years = Object.keys(data.holidays).map((k) => Number(k.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
})();

export function holidayDataCovers(year: number): boolean {
  return year >= HOLIDAY_YEARS.first && year <= HOLIDAY_YEARS.last;
}

export function isWorkday(day: DayNumber): boolean {
  const iso = formatIso(day);
  if (makeUpWorkdays.has(iso)) return true;
  if (holidays.has(iso)) return false;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** The day on which `count` working days after `start` have elapsed (start itself not counted). */
export function addWorkdays(start: DayNumber, count: number): { day: DayNumber; uncoveredYears: number[] } {
  let day = start;
  let left = count;
  const uncovered = new Set<number>();
  while (left > 0) {
    day++;
    if (!holidayDataCovers(toYmd(day).y)) uncovered.add(toYmd(day).y);
    if (isWorkday(day)) left--;
  }
  return { day, uncoveredYears: [...uncovered] };
}
