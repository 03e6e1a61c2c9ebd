import { TextByYearCache } from '../cache/bounded-cache';
import { DayNumber, isPlausible, lastDayOfMonth, parseIso, toYmd } from '../dates/civil-date';
import { serialToDay } from '../dates/excel-serial';
import { compactDay, findDates, withoutTimeOfDay } from '../deadline/date-phrases';
import { CellValue, isDateValue } from '../model/workbook';
import { normalizeText } from '../text/normalize';

export type CellDate = { day: DayNumber } | { absurd: string } | null;

/** Serial numbers a date column can hold without being something else (1954 … 2119). */
const SERIAL_RANGE = { min: 20000, max: 80000 };

/**
 * A date a cell states: a date cell, a date serial in a date column, or a date written as text.
 * Dates far outside any working life (year 1900, 2900) are reported as absurd, not used.
 */
export function dateInCell(value: CellValue, year: number, date1904: boolean): CellDate {
  if (value === null) return null;
  let day: DayNumber | null = null;
  if (isDateValue(value)) day = value.monthOnly ? monthEnd(parseIso(value.date)) : parseIso(value.date);
  else if (typeof value === 'number') {
    if (value >= SERIAL_RANGE.min && value <= SERIAL_RANGE.max) day = serialToDay(value, date1904);
    else if (Number.isInteger(value)) day = compactDay(String(value), year); // 20220628
    if (day === null && value > 0) return { absurd: String(value) };
  } else if (typeof value === 'string') {
    const text = normalizeText(withoutTimeOfDay(value));
    if (!text) return null;
    const found = findDates(text, year).filter((d) => d.precision !== 'period');
    if (found.length > 0) day = Math.max(...found.map((d) => d.day));
    else if (/^\d{5}(\.\d+)?$/.test(text)) day = serialToDay(Number(text), date1904);
    else day = compactDay(text, year);
  }
  if (day === null) return null;
  if (!isPlausible(day)) return { absurd: isDateValue(value) ? value.date : String(value) };
  return { day };
}

function monthEnd(day: DayNumber | null): DayNumber | null {
  if (day === null) return null;
  const { y, m } = toYmd(day);
  return lastDayOfMonth(y, m);
}

const textDates = new TextByYearCache<DayNumber[]>();

/**
 * Every day-precise date written in a text ("1月18日、2月22日分别开展" → two dates). Progress texts
 * repeat ("已完成", "推进中") and each row asks twice: the (frozen) answers are kept.
 */
export function datesInText(raw: string, year: number): DayNumber[] {
  return textDates.get(year, raw, frozenDatesInText);
}

function frozenDatesInText(raw: string, year: number): DayNumber[] {
  return Object.freeze(findDatesInText(raw, year)) as DayNumber[];
}

function findDatesInText(raw: string, year: number): DayNumber[] {
  const text = normalizeText(raw);
  // Only dates written with digits: 七一 or 国庆 in a progress note names an occasion, not a day worked.
  return findDates(text, year)
    .filter((d) => d.precision === 'day' && /\d/.test(text.slice(d.index, d.index + d.length)) && isPlausible(d.day))
    .map((d) => d.day);
}
