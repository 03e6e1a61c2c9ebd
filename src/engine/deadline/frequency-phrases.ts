import { daysInMonth } from '../dates/civil-date';
import { PeriodKind } from '../dates/periods';
import { COUNT, parseCount } from '../text/chinese-numbers';
import { RelativeUnit } from './obligation';

/** A frequency named in a normalised text: 每月, 每半年, 全年至少…, 一月一课, 一年两次, 每年7月1日前 … */
export interface FrequencyMention {
  period: PeriodKind;
  index: number;
  length: number;
  /** The minimum written with it (每月2次 → 2); null when none is written. */
  count: number | null;
  /** Due day within the period: "07-01" for a year, "10" for a month. */
  by?: string;
  /** The count looks like a reported achievement (30余次, 累计…次), not an obligation. */
  achievement: boolean;
  /** Index where the words after the frequency (and its count) begin. */
  restIndex: number;
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

/** A count phrase after the frequency: (至少|不少于)… N 次. Looks no further than the clause. */
const COUNT_AFTER = new RegExp(`^([^,;。]{0,14}?)${COUNT}(余|多)?(次|回|场|期|课|轮|篇|批)(以上)?`);
const MINIMUM_WORD = /至少|不少于|不低于|最少|不得少于/;
const ACHIEVEMENT_WORD = /共|累计|先后|已经|已|达到|合计|总计/;

const YEAR_BY_DAY = /^(\d{1,2})月(?:(\d{1,2})[日号]|(底|末))?(?:前|之前|以前|底前)/;
const MONTH_BY_DAY = /^(\d{1,2})[日号](?:前|之前|以前)/;

function byDay(after: string, period: PeriodKind): { by?: string; length: number } {
  if (period === 'year') {
    const m = YEAR_BY_DAY.exec(after);
    if (m) {
      const month = Number(m[1]);
      if (month < 1 || month > 12) return { length: 0 };
      const day = m[2] ? Number(m[2]) : daysInMonth(2001, month);
      if (day < 1 || day > daysInMonth(2000, month)) return { length: 0 };
      return { by: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, length: m[0].length };
    }
  }
  if (period === 'month') {
    const m = MONTH_BY_DAY.exec(after);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31) return { by: String(Number(m[1])).padStart(2, '0'), length: m[0].length };
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
    START.lastIndex = at + Math.max(length, 1);
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
const RELATIVE = new RegExp(`(?<![\\d.上下])(半个?月|半年|${COUNT}(个工作日|工作日|个月|日|天|周|星期|年|个星期))(?:内|以内|之内)`, 'g');

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
    found.push({ amount, unit, index: m.index, length: m[0].length });
  }
  return found;
}

export const CONTINUOUS_WORDS = /长期坚持|持续推进|常态化|长期|持续开展|持续|常年|长效|经常性|贯穿全年|全年持续|动态调整/;
export const VAGUE_WORDS = /适时|定期|视情|待定|根据(?:工作)?需要|按需|另行|不定期|随时|及时|择机/;
