/**
 * Calendar dates as whole day numbers (days since 1970-01-01, proleptic Gregorian).
 * No Date object and no time zone is involved anywhere, so no time zone can shift a date.
 */
import { BoundedCache } from '../cache/bounded-cache';

export type DayNumber = number;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Howard Hinnant's days_from_civil. */
export function fromYmd(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toYmd(day: DayNumber): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** A date that validates, or null ("2022-02-30" is null). */
export function dayOf(y: number, m: number, d: number): DayNumber | null {
  return isValidYmd(y, m, d) ? fromYmd(y, m, d) : null;
}

export function lastDayOfMonth(y: number, m: number): DayNumber {
  return fromYmd(y, m, daysInMonth(y, m));
}

/** Adds calendar months; the day is clamped to the target month's length (01-31 + 1 month = 02-28/29). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { y, m, d } = toYmd(day);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return fromYmd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** ISO texts of the days from 1900 to 2199 (the plausible years and more), by day number: filled as used. */
const ISO_FIRST_DAY = fromYmd(1900, 1, 1);
const isoTexts: Array<string | undefined> = new Array(fromYmd(2200, 1, 1) - ISO_FIRST_DAY);

/** YYYY-MM-DD. The same few hundred days recur across every row of a table: each is formatted once. */
export function formatIso(day: DayNumber): string {
  const index = day - ISO_FIRST_DAY;
  if (!(index >= 0 && index < isoTexts.length)) return isoText(day);
  return (isoTexts[index] ??= isoText(day));
}

function isoText(day: DayNumber): string {
  const { y, m, d } = toYmd(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const isoDays = new BoundedCache<string, DayNumber | null>();

/** Parses exactly YYYY-MM-DD; anything else (or an impossible date) is null. */
export function parseIso(text: string): DayNumber | null {
  return isoDays.get(text, parseIsoText);
}

function parseIsoText(text: string): DayNumber | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? dayOf(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** Years a clerk could mean; anything outside is an absurd date. */
export const PLAUSIBLE_YEARS = { min: 1950, max: 2100 };

const FIRST_PLAUSIBLE_DAY = fromYmd(PLAUSIBLE_YEARS.min, 1, 1);
const LAST_PLAUSIBLE_DAY = fromYmd(PLAUSIBLE_YEARS.max, 12, 31);

export function isPlausible(day: DayNumber): boolean {
  return day >= FIRST_PLAUSIBLE_DAY && day <= LAST_PLAUSIBLE_DAY;
}
