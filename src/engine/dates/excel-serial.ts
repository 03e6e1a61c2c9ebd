import { DayNumber, fromYmd } from './civil-date';

const EPOCH_1900 = fromYmd(1899, 12, 30);
const EPOCH_1904 = fromYmd(1904, 1, 1);

/**
 * An Excel date serial → calendar day. The 1900 system counts the fictitious 1900-02-29 (serial 60,
 * kept from Lotus 1-2-3): serials 1–59 are one day later than plain arithmetic would give, and 60
 * itself is no real date (null). The fraction (time of day) is dropped.
 */
export function serialToDay(serial: number, date1904: boolean): DayNumber | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const whole = Math.floor(serial);
  if (date1904) return EPOCH_1904 + whole;
  if (whole === 60 || whole === 0) return null;
  return whole < 60 ? EPOCH_1900 + whole + 1 : EPOCH_1900 + whole;
}

export function dayToSerial(day: DayNumber, date1904: boolean): number {
  if (date1904) return day - EPOCH_1904;
  const serial = day - EPOCH_1900;
  return serial < 61 ? serial - 1 : serial;
}
