import { formatIso } from '../dates/civil-date';
import { normalizeText } from '../text/normalize';
import { compactDay, findDates, findPeriodLists, findStarts, withoutTimeOfDay } from './date-phrases';
import { CONTINUOUS_WORDS, findFrequencies, findRelatives, IMMEDIATE_WORDS, VAGUE_WORDS } from './frequency-phrases';
import { Obligation } from './obligation';

/**
 * One way a deadline cell can be read: its obligations (one, or one per listed day: 分别于6月15日、
 * 12月15日前), or null when the text does not read so. `text` is normalised.
 */
type Reading = (text: string, year: number) => Obligation[] | null;

/**
 * A frequency (每月, 每季度第1个月的20日前 …), with `from` when a start is written (从2023年第二季度起每季度);
 * several yearly days unevenly spread (每年3月底、10月底前) are one obligation per day.
 */
const frequency: Reading = (text, year) => {
  const found = findFrequencies(text);
  const first = found.findIndex((m) => !m.achievement);
  if (first < 0) return null;
  const start = findStarts(text, year)[0];
  const obligations: Obligation[] = [];
  // The further days of the same frequency only (same index), not a further count of something else.
  for (
    let i = first;
    i < found.length && (i === first || (found[i].continues && found[i].index === found[first].index));
    i++
  ) {
    const f = found[i];
    const o: Obligation = { kind: 'recurring', period: f.period, minCount: f.count && f.count > 0 ? f.count : 1 };
    if (f.by) o.by = f.by;
    if (start) o.from = formatIso(start.from);
    obligations.push(o);
  }
  return obligations;
};

/** A time limit from the row's start date (6个月内, 15个工作日内). */
const timeLimit: Reading = (text) => {
  const r = findRelatives(text)[0];
  return r ? [{ kind: 'relative', amount: r.amount, unit: r.unit }] : null;
};

/** A list is one deadline per item when the cell says so: 分别, or 各 before what is done (各报送一次). */
const EACH = /分别|各(?:报|提|上|完|开|召|举|组|交|一次|1次)/;

/**
 * The latest date named, when a cell names stages ("6月底前完成初稿，年底前完成" is due at year end); a
 * start ("7月起") is no date. Dates listed with 分别 (分别于6月15日、12月15日前) are each a deadline, in
 * order of date, with a later date named apart from them.
 */
const date: Reading = (text, year) => {
  const starts = findStarts(text, year);
  const listed: number[] = [];
  const lists = EACH.test(text) ? findPeriodLists(text, year) : [];
  let latest: number | null = null;
  for (const list of lists) listed.push(...list.days);
  for (const d of findDates(text, year)) {
    if (starts.some((s) => d.index >= s.index && d.index < s.index + s.length)) continue;
    if (lists.some((l) => d.index >= l.index && d.index < l.index + l.length)) continue;
    if (latest === null || d.day > latest) latest = d.day;
  }
  if (listed.length > 1) {
    const days = [...new Set(listed)].sort((a, b) => a - b);
    if (latest !== null && latest > days[days.length - 1]) days.push(latest);
    return days.map((day) => ({ kind: 'deadline', due: formatIso(day) }));
  }
  for (const day of listed) if (latest === null || day > latest) latest = day;
  if (latest === null) latest = compactDay(text, year); // 20220628, 6.30 as the whole cell
  return latest === null ? null : [{ kind: 'deadline', due: formatIso(latest) }];
};

/** 长期 of the problem, not of the work (立即整改长期存在的问题). */
const LONG_STANDING = /长期(?=存在|积压|未|遗留|拖欠|困扰|得不到|以来)/g;

/**
 * "At once" (立行立改, SPEC §3), unless a keep-it-up word is written with it: 立行立改、长期坚持 is
 * fixed now and kept up, which a clerk tracks as a continuous task (持续推进 with current progress).
 */
const immediate: Reading = (text) => {
  if (!IMMEDIATE_WORDS.test(text)) return null;
  const keptUp = CONTINUOUS_WORDS.test(text.includes('长期') ? text.replace(LONG_STANDING, '') : text);
  return [{ kind: keptUp ? 'continuous' : 'immediate' }];
};

const wording =
  (words: RegExp, kind: 'continuous' | 'unspecified'): Reading =>
  (text) =>
    words.test(text) ? [{ kind }] : null;

/**
 * How a deadline cell is read, in order of precedence, most concrete first (SPEC §3): the first
 * reading that fits wins.
 */
const READINGS: ReadonlyArray<Reading> = [
  wording(/贯穿全年|全年持续/, 'continuous'), // before 全年, which alone is a yearly frequency
  frequency,
  timeLimit,
  date,
  immediate, // after dates: "立即整改，6月底前完成" is due at the end of June
  wording(CONTINUOUS_WORDS, 'continuous'),
  wording(VAGUE_WORDS, 'unspecified'),
];

/**
 * Every obligation a deadline cell states (SPEC §3), at least one (`unknown` when nothing fits): one,
 * except for days listed with 分别 (分别于6月15日、12月15日前 → two deadlines, in order of date) and
 * yearly days unevenly spread (每年3月底、10月底前 → two yearly obligations, by 03-31 at least once, by
 * 10-31 at least twice). `year` is the table's year, used when the text names none. Each obligation's
 * `text` is the cell's text as written (trimmed: traditional characters, full-width digits stay):
 * normalised text is for matching only. The readings and their precedence are READINGS. Every call
 * returns new objects.
 */
export function parseDeadlineCell(raw: string, year: number): Obligation[] {
  const text = normalizeText(withoutTimeOfDay(raw));
  const shown = raw.trim();
  if (text) {
    for (const read of READINGS) {
      const obligations = read(text, year);
      if (obligations) {
        for (const o of obligations) o.text = shown;
        return obligations;
      }
    }
  }
  return [{ kind: 'unknown', text: shown }];
}

/**
 * Reads a deadline cell's text (SPEC §3) as exactly one obligation (SPEC §7, luoshi explain):
 * parseDeadlineCell's last, which is its latest (分别于6月15日、12月15日前 → 12-15), `unknown` when
 * nothing fits.
 */
export function parseDeadlineText(raw: string, year: number): Obligation {
  const obligations = parseDeadlineCell(raw, year);
  return obligations[obligations.length - 1];
}
