/** Built-in number formats that show dates: 14–22, 45–47, and the East Asian date formats 27–36, 50–58. */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/**
 * Whether a number format displays a date: a built-in date id, or a custom code with date or time
 * letters outside quotes, escapes and colour/condition brackets ("yyyy/m/d", "[$-F800]dddd",
 * 'yyyy"年"m"月"d"日"'). Time-only formats count too; the reader drops the time of day.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATE_IDS.has(id)) return true;
  if (!code) return false;
  const stripped = codeLetters(code);
  if (/general/i.test(stripped)) return false;
  return /[ymdhs]/i.test(stripped) && !/^[#0.,%\s]*$/.test(stripped);
}

/** The format's first section without literal text, escapes, colour/locale brackets and padding. */
function codeLetters(code: string): string {
  return code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
}

/**
 * Built-in formats that show a year and month but no day: 17 (mmm-yy) and the zh-CN 27, 36, 50, 52, 57
 * (yyyy"年"m"月"), as ECMA-376 Part 1 §18.8.30 (numFmt) lists them.
 */
const BUILTIN_MONTH_IDS = new Set([17, 27, 36, 50, 52, 57]);

/**
 * Whether a date format shows the day: false for month formats ('yyyy"年"m"月"', 'yyyy/mm', 'mmm yyyy',
 * built-in month ids), whose cell stands for the month's end (SPEC §2). Time formats show more than a day.
 */
export function dateFormatShowsDay(id: number, code: string | undefined): boolean {
  if (BUILTIN_MONTH_IDS.has(id)) return false;
  if (BUILTIN_DATE_IDS.has(id) || !code) return true;
  const letters = codeLetters(code).toLowerCase();
  return /[dhs]/.test(letters) || !/[ym]/.test(letters);
}
