import { formatIso } from '../dates/civil-date';
import { normalizeText } from '../text/normalize';
import { compactDay, findDates, findStarts, withoutTimeOfDay } from './date-phrases';
import { CONTINUOUS_WORDS, findFrequencies, findRelatives, IMMEDIATE_WORDS, VAGUE_WORDS } from './frequency-phrases';
import { Obligation } from './obligation';

/** One way a deadline cell can be read: the obligation, or null when the text does not read so. `text` is normalised. */
type Reading = (text: string, year: number) => Obligation | null;

/** A frequency (每月, 每季度第1个月的20日前 …), with `from` when a start is written (从2023年第二季度起每季度). */
const frequency: Reading = (text, year) => {
  const f = findFrequencies(text).find((m) => !m.achievement);
  if (!f) return null;
  const o: Obligation = { kind: 'recurring', period: f.period, minCount: f.count && f.count > 0 ? f.count : 1 };
  if (f.by) o.by = f.by;
  const start = findStarts(text, year)[0];
  if (start) o.from = formatIso(start.from);
  return o;
};

/** A time limit from the row's start date (6个月内, 15个工作日内). */
const timeLimit: Reading = (text) => {
  const r = findRelatives(text)[0];
  return r ? { kind: 'relative', amount: r.amount, unit: r.unit } : null;
};

/** The latest date named, when a cell names stages ("6月底前完成初稿，年底前完成" is due at year end); a start ("7月起") is no date. */
const date: Reading = (text, year) => {
  const starts = findStarts(text, year);
  let latest: number | null = null;
  for (const d of findDates(text, year)) {
    if (starts.some((s) => d.index >= s.index && d.index < s.index + s.length)) continue;
    if (latest === null || d.day > latest) latest = d.day;
  }
  if (latest === null) latest = compactDay(text, year); // 20220628, 6.30 as the whole cell
  return latest === null ? null : { kind: 'deadline', due: formatIso(latest) };
};

const wording =
  (words: RegExp, kind: 'immediate' | 'continuous' | 'unspecified'): Reading =>
  (text) =>
    words.test(text) ? { kind } : null;

/**
 * How a deadline cell is read, in order of precedence, most concrete first (SPEC §3): the first
 * reading that fits wins.
 */
const READINGS: ReadonlyArray<Reading> = [
  wording(/贯穿全年|全年持续/, 'continuous'), // before 全年, which alone is a yearly frequency
  frequency,
  timeLimit,
  date,
  wording(IMMEDIATE_WORDS, 'immediate'), // after dates: "立即整改，6月底前完成" is due at the end of June
  wording(CONTINUOUS_WORDS, 'continuous'),
  wording(VAGUE_WORDS, 'unspecified'),
];

/**
 * Reads a deadline cell's text (SPEC §3): exactly one obligation, `unknown` when nothing fits.
 * `year` is the table's year, used when the text names none. The obligation's `text` is the cell's
 * text as written (trimmed: traditional characters, full-width digits stay): normalised text is for
 * matching only. The readings and their precedence are READINGS.
 */
export function parseDeadlineText(raw: string, year: number): Obligation {
  const text = normalizeText(withoutTimeOfDay(raw));
  const shown = raw.trim();
  if (text) {
    for (const read of READINGS) {
      const o = read(text, year);
      if (o) {
        o.text = shown;
        return o;
      }
    }
  }
  return { kind: 'unknown', text: shown };
}
