import { TextByYearCache } from '../cache/bounded-cache';
import { DayNumber, dayOf, isPlausible, parseIso } from '../dates/civil-date';
import { serialToDay } from '../dates/excel-serial';
import { findDates } from '../deadline/date-phrases';
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
  if (isDateValue(value)) day = parseIso(value.date);
  else if (typeof value === 'number') {
    if (value >= SERIAL_RANGE.min && value <= SERIAL_RANGE.max) day = serialToDay(value, date1904);
    else if (Number.isInteger(value) && YYYYMMDD.test(String(value))) day = compactDay(String(value), year);
    if (day === null && value > 0) return { absurd: String(value) };
  } else if (typeof value === 'string') {
    // Office systems export "2022-06-28 10:30:00": the time of day says nothing about the date.
    const text = normalizeText(value.replace(TIME_OF_DAY, ''));
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

const TIME_OF_DAY = /[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*$/;
const YYYYMMDD = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;
const MONTH_DAY = /^(\d{1,2})[./](\d{1,2})$/;

/**
 * A whole date cell written short: 20220628, or month.day / month/day of the table's year (6.28, 6/28).
 * Only as a date cell's whole content: in running text "3.5" is a number.
 */
function compactDay(text: string, year: number): DayNumber | null {
  let m = YYYYMMDD.exec(text);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY.exec(text);
  return m ? dayOf(year, Number(m[1]), Number(m[2])) : null;
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
