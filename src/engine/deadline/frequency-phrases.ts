import { daysInMonth } from '../dates/civil-date';
import { PeriodKind } from '../dates/periods';
import { COUNT, parseCount } from '../text/chinese-numbers';
import { monthNumber } from './date-phrases';
import { RelativeUnit } from './obligation';

/** A frequency named in a normalised text: 每月, 每半年, 全年至少…, 一月一课, 一年两次, 每年7月1日前 … */
export interface FrequencyMention {
  period: PeriodKind;
  index: number;
  length: number;
  /** The minimum written with it (每月2次 → 2); null when none is written. */
  count: number | null;
  /** Due day within the period, as Obligation's `by`: "10" for a month, "MM-DD" (month of the period, day) otherwise. */
  by?: string;
  /** The count looks like a reported achievement (30余次, 累计…次), not an obligation. */
  achievement: boolean;
  /** Index where the words after the frequency (and its count) begin. */
  restIndex: number;
  /**
   * A further count of the frequency before it ("每季度一次支委会、一次支部大会": the second 一次), or a
   * further day of it (每年3月底、10月底前: the second day, at the same index): a separate obligation of
   * the same period, by the same actor.
   */
  continues?: boolean;
}

const PERIOD_WORDS: Array<[RegExp, PeriodKind]> = [
  [/^(?:每半年|按半年|每半年度|半年一次)/, 'half-year'],
  [/^(?:每个?(?:周|星期)|按周|每一周)/, 'week'],
  [/^(?:每个?月|按月|每一个?月|逐月)/, 'month'],
  [/^(?:每个?季度?|按季度?|每一季度?|逐季)/, 'quarter'],
  [/^(?:每年度?|按年度?|每一年|逐年|全年|年度内)/, 'year'],
];

const START = /每|按|全年|年度内|逐[月季年]|半年一次|一[周月季年]/g;
const ONE_PER = new RegExp(`^一(周|月|季度?|年)${COUNT}(次|课|会|报|回|期|场|讲|评|查)`);
const HALF_ONE = /^半年一次/;
const PERIOD_OF: Record<string, PeriodKind> = { 周: 'week', 月: 'month', 季: 'quarter', 季度: 'quarter', 年: 'year' };

/**
 * What a count is of: occasions (次, 回, 场 …) or works (篇, 本, 部: 每年至少研读2本). 个 only when no
 * month, working day or week follows (每年2个月 is no count).
 */
const UNIT = '(次|回|场|期|课|轮|篇|批|本|部|份|堂|节|个(?![月工星]))';
/** A count phrase after the frequency: (至少|不少于)… N 次. Looks no further than the clause. */
const COUNT_AFTER = new RegExp(`^([^,;。]{0,14}?)${COUNT}(余|多)?${UNIT}(以上)?`);
/**
 * A further count of the same frequency after a listed thing: "、一次支部大会", "和2次党小组会". The
 * thing in between is short and holds no separator, so "、党员大会" (one count of two things) is none.
 */
const FURTHER_COUNT = new RegExp(
  `^([^,;。、和及与每按]{1,16}?)(?:、|和|及|与|以及)(?:召开|开展|举办|组织|举行|进行)?(?:至少|不少于)?${COUNT}${UNIT}`,
);
const LIST_WORD = /[、和及与]/;
const MINIMUM_WORD = /至少|不少于|不低于|最少|不得少于/;
const ACHIEVEMENT_WORD = /共|累计|先后|已经|已|达到|合计|总计/;

const DAY_NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const BEFORE = '(?:前|之前|以前)';
/** 每年7月1日前, 每年七月一日前, 每年元月10日前, 每年6月底前. */
const YEAR_BY_DAY = new RegExp(
  `^(\\d{1,2}|[一二三四五六七八九十]{1,3}|[元正])月(?:${DAY_NUM}[日号]|(底|末))?(?:${BEFORE}|底前)`,
);
/** 每月10日前, 每月十五日前. */
const MONTH_BY_DAY = new RegExp(`^${DAY_NUM}[日号]${BEFORE}`);
/**
 * A day inside a longer period: 每个季度第1个月的20日前, 每季度首月10日前, 每半年第一个月15日前,
 * 每季度最后一个月25日前.
 */
const PERIOD_BY_DAY = new RegExp(`^的?(?:第${DAY_NUM}个?月|(首个?月)|(最后一个?月|末月))的?${DAY_NUM}[日号]${BEFORE}`);
const MONTHS_IN: Partial<Record<PeriodKind, number>> = { quarter: 3, 'half-year': 6, year: 12 };

const MONTH_DAY_ITEM = `(?:\\d{1,2}|[一二三四五六七八九十]{1,3}|[元正])月(?:${DAY_NUM}[日号]|底|末)?`;
/** 每年6月15日、12月15日前, 每年6月底和12月底前: several days of each year, the last with 前 after it. */
const YEAR_BY_DAYS = new RegExp(`^${MONTH_DAY_ITEM}(?:[、和及与]${MONTH_DAY_ITEM})+${BEFORE}`);
const YEAR_DAY_ITEM = new RegExp(`^(\\d{1,2}|[一二三四五六七八九十]{1,3}|[元正])月(?:${DAY_NUM}[日号])?`);
/** The period a year's evenly spread days make, by their count (6月、12月 → each half-year). */
const PERIOD_OF_COUNT: Record<number, PeriodKind> = { 2: 'half-year', 4: 'quarter', 12: 'month' };

/**
 * Several days of each year (after 每年): evenly spread, the same day of the same month of each
 * half-year, quarter or month, they are that period's frequency (6月15日、12月15日 → each half-year by
 * "06-15"; month ends → by the month's end, or the period's end when it is its last month); otherwise
 * one yearly day each, in order (`days`). Null when the words are no such list or name no real day.
 */
function yearDays(list: string): { period: PeriodKind; by?: string } | { days: string[] } | null {
  const items: Array<{ month: number; day: number; end: boolean }> = [];
  for (const item of list.split(/[、和及与]/)) {
    const m = YEAR_DAY_ITEM.exec(item);
    const month = m ? monthNumber(m[1]) : null;
    if (!m || month === null) return null;
    const last = daysInMonth(2000, month); // Feb 29 counts as its end; Feb 28 too, below
    const day = m[2] ? parseCount(m[2]) : last;
    if (day === null || day < 1 || day > last) return null;
    items.push({ month, day, end: day >= daysInMonth(2001, month) });
  }
  items.sort((a, b) => a.month - b.month || a.day - b.day);
  const period = PERIOD_OF_COUNT[items.length];
  const step = 12 / items.length;
  const first = items[0];
  const even =
    period !== undefined &&
    first.month <= step &&
    items.every(
      (it, i) => it.month === first.month + i * step && (first.end ? it.end : !it.end && it.day === first.day),
    );
  if (even && period === 'month') return first.end ? { period } : { period, by: two(first.day) };
  if (even) {
    if (first.end && first.month === step) return { period }; // the period's own end
    const by = monthDay(first.month, Math.max(...items.map((it) => it.day)), period);
    if (by) return { period, by };
  }
  const days: string[] = [];
  for (const it of items) {
    const by = monthDay(it.month, it.day, 'year');
    if (by && !days.includes(by)) days.push(by);
  }
  return days.length > 0 ? { days } : null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The "MM-DD" of day `day` of the `month`-th month of a period; undefined when no such day exists in any year. */
function monthDay(month: number | null, day: number | null, period: PeriodKind): string | undefined {
  const months = MONTHS_IN[period];
  if (!months || month === null || day === null || month < 1 || month > months) return undefined;
  // The longest that month of the period can be (Feb 29 in a leap year); shorter years are clamped by the judge.
  let longest = 0;
  for (let first = 1; first <= 12; first += months) longest = Math.max(longest, daysInMonth(2000, first + month - 1));
  return day >= 1 && day <= longest ? `${two(month)}-${two(day)}` : undefined;
}

/**
 * The due day(s) written after a frequency word: `by` for one, `period` when a list of days makes a
 * shorter period (每年6月15日、12月15日前 → each half-year), `days` when it makes none (one yearly
 * obligation per day); `length` is how much of `after` they take.
 */
function byDay(
  after: string,
  period: PeriodKind,
): { by?: string; length: number; period?: PeriodKind; days?: string[] } {
  if (period === 'year' && YEAR_BY_DAYS.test(after)) {
    const m = YEAR_BY_DAYS.exec(after)!;
    const list = yearDays(m[0].replace(/(?:前|之前|以前)$/, ''));
    if (list)
      return 'days' in list
        ? { by: list.days[0], days: list.days, length: m[0].length }
        : { ...list, length: m[0].length };
  }
  if (period === 'month') {
    const m = MONTH_BY_DAY.exec(after);
    const day = m ? parseCount(m[1]) : null;
    if (m && day !== null && day >= 1 && day <= 31) return { by: two(day), length: m[0].length };
    return { length: 0 };
  }
  if (period === 'year') {
    const m = YEAR_BY_DAY.exec(after);
    if (m) {
      const month = monthNumber(m[1]);
      const day = m[2]
        ? parseCount(m[2])
        : month !== null && month >= 1 && month <= 12
          ? daysInMonth(2001, month)
          : null;
      const by = monthDay(month, day, period);
      return by ? { by, length: m[0].length } : { length: 0 };
    }
  }
  const m = PERIOD_BY_DAY.exec(after);
  if (m) {
    const months = MONTHS_IN[period] ?? 0;
    const month = m[2] ? 1 : m[3] ? months : parseCount(m[1]);
    const by = monthDay(month, parseCount(m[4]), period);
    if (by) return { by, length: m[0].length };
  }
  return { length: 0 };
}

/** Every frequency named in `text`, in order. */
export function findFrequencies(text: string): FrequencyMention[] {
  const found: FrequencyMention[] = [];
  START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = START.exec(text))) {
    const at = m.index;
    const rest = text.slice(at);
    let period: PeriodKind | null = null;
    let length = 0;
    let count: number | null = null;
    const onePer = ONE_PER.exec(rest);
    if (onePer) {
      period = PERIOD_OF[onePer[1]];
      length = onePer[0].length;
      count = parseCount(onePer[2]);
    } else if (HALF_ONE.test(rest)) {
      period = 'half-year';
      length = 4;
      count = 1;
    } else {
      for (const [pattern, kind] of PERIOD_WORDS) {
        const pm = pattern.exec(rest);
        if (pm) {
          period = kind;
          length = pm[0].length;
          break;
        }
      }
    }
    if (!period) continue;
    const by = byDay(text.slice(at + length), period);
    if (by.period) period = by.period;
    let restIndex = at + length + by.length;
    let achievement = false;
    if (count === null) {
      const after = text.slice(restIndex);
      const cm = COUNT_AFTER.exec(after);
      // A count belongs to this frequency unless another frequency starts before it.
      if (cm && !/每|按|全年/.test(cm[1])) {
        count = parseCount(cm[2]);
        achievement = Boolean(cm[3]) || (ACHIEVEMENT_WORD.test(cm[1]) && !MINIMUM_WORD.test(cm[1]));
        restIndex += cm[0].length;
      }
    }
    found.push({ period, index: at, length: restIndex - at, count, by: by.by, achievement, restIndex });
    // Further days of each year (每年3月底、10月底前): by each day, the reports due so far, counted from
    // the year's start: a March report alone does not meet October's.
    if (by.days) {
      const each = count ?? 1;
      for (let i = 1; i < by.days.length; i++)
        found.push({
          period,
          index: at,
          length: restIndex - at,
          count: each * (i + 1),
          by: by.days[i],
          achievement,
          restIndex,
          continues: true,
        });
    }
    // Further counts of the same frequency, each a thing of its own: 每季度一次支委会、一次支部大会.
    if (count !== null && !achievement) {
      let further: RegExpExecArray | null;
      // Only where a list word follows soon: most counts end their phrase.
      while (
        LIST_WORD.test(text.slice(restIndex, restIndex + 18)) &&
        (further = FURTHER_COUNT.exec(text.slice(restIndex)))
      ) {
        const index = restIndex + further[1].length;
        const n = parseCount(further[2]);
        restIndex += further[0].length;
        if (n === null || n === 0) break;
        found.push({
          period,
          index,
          length: restIndex - index,
          count: n,
          by: by.by,
          achievement: false,
          restIndex,
          continues: true,
        });
      }
    }
    START.lastIndex = Math.max(at + Math.max(length, 1), restIndex);
  }
  return found;
}

export interface RelativeMention {
  amount: number;
  unit: RelativeUnit;
  index: number;
  length: number;
}

// Not after a digit (2022年内 is the year 2022, not 022 years) nor after 上/下 (下半年内 is the second half).
const RELATIVE = new RegExp(
  `(?<![\\d.上下])(半个?月|半年|${COUNT}(个工作日|工作日|个月|日|天|周|星期|年|个星期))(?:内|以内|之内)`,
  'g',
);

/** Time limits relative to a start date: 6个月内, 30日内, 15个工作日内, 半年内. */
export function findRelatives(text: string): RelativeMention[] {
  const found: RelativeMention[] = [];
  if (!text.includes('内')) return found; // every time limit ends in 内/以内/之内
  RELATIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RELATIVE.exec(text))) {
    let amount: number;
    let unit: RelativeUnit;
    if (m[1].startsWith('半')) {
      if (m[1] === '半年') {
        amount = 6;
        unit = 'month';
      } else {
        amount = 15;
        unit = 'day';
      }
    } else {
      const n = parseCount(m[2]);
      if (n === null || n === 0) continue;
      const word = m[3];
      if (word.includes('工作日')) [amount, unit] = [n, 'workday'];
      else if (word === '个月') [amount, unit] = [n, 'month'];
      else if (word === '年') [amount, unit] = [n, 'year'];
      else if (word.includes('周') || word.includes('星期')) [amount, unit] = [n * 7, 'day'];
      else [amount, unit] = [n, 'day'];
    }
    // A duration the work is to be cut to (企业开办时间压缩至1个工作日以内) is a target, not a time limit.
    if (TARGET_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    found.push({ amount, unit, index: m.index, length: m[0].length });
  }
  return found;
}

/** Words just before a duration that make it the result aimed for: 压缩至, 缩短到, 控制在, 不超过, 提速至. */
const TARGET_BEFORE = /(?:压缩|缩短|缩减|减少|降低|控制|提速|压减|精简)(?:至|到|在|为)?$|不超过$/;

export const CONTINUOUS_WORDS =
  /长期坚持|持续推进|常态化|长期|持续开展|持续|常年|长效|经常性|贯穿全年|全年持续|动态调整/;
export const VAGUE_WORDS = /适时|定期|视情|待定|根据(?:工作)?需要|按需|另行|不定期|随时|及时|择机/;
/**
 * "At once" (立行立改, 立即整改, 即知即改, 马上就改 …, SPEC §3): due on the row's start date. Tested
 * after dates, so "立即整改，6月底前完成" is due at the end of June.
 */
export const IMMEDIATE_WORDS =
  /立行立改|立改立行|立查立改|即查即改|即知即改|边查边改|即行即改|立整立改|马上就改|马上办|即时整改|立即|马上|即刻|当即/;
