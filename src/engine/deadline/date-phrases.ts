import { DayNumber, dayOf, fromYmd, lastDayOfMonth, toYmd } from '../dates/civil-date';
import { PeriodKind, periodContaining } from '../dates/periods';
import { parseCount } from '../text/chinese-numbers';

/** A date named in a text (normalised by normalizeText). */
export interface DateMention {
  day: DayNumber;
  index: number;
  length: number;
  /** True when followed by a completion cue (前, 底, 完成 …): what makes a date an obligation in a measure text. */
  cued: boolean;
  /** "precise" when the text names a day or a month; "period" for 年底, 上半年, 三季度 …. */
  precision: 'day' | 'month' | 'period';
  /** What the words name: a day, or the whole month, quarter … whose last day `day` is (for starts: 从二季度起). */
  span: PeriodKind | 'day';
}

const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/**
 * A month's number: digits, numerals, or 元/正 (元月, 正月 = January). 元/正 only where a word starts: at the
 * start, after a year (2023年, 次年, 今年), a mark, or 于/在/前/至/到/从/自/由 — never the end of another word
 * (订正 + 月报, 多元 + 月度, 公正, 单元, 修正) nor an amount (3000元月薪).
 */
const MONTH_NUM =
  '(\\d{1,2}|[一二三四五六七八九十]{1,3}|(?<=^|[年于在前至到从自由]|[^\\u4e00-\\u9fff\\dA-Za-z])[元正])';
const YEAR_WORD = '(?:(\\d{4})年?|(次年|明年|翌年|下一年|来年)|(当年|今年|本年))?';
/** Words after a date that make it a completion date (6月底前, 6月完成, 七一召开 …). */
export const CUE = /^(?:\)|底|末)?(?:前|之前|以前|前夕|前后|内|以内|之内|完成|召开|举办|报送|底|末|结束|截止|为止)/;

/**
 * What may follow the 前 of "2027年前" when it is the word "before": the end, a mark, or a verb (or the
 * adverb or subject leading one: 全面, 全市, 各, 要). Not a word that starts with 前 (前期, 前瞻, 前夕, 前述,
 * 前沿, 前置), nor 前后, 前三季度, 前两年. Normalised text: marks are half-width.
 */
const AFTER_BEFORE =
  '$|[^\\u4e00-\\u9fff\\d]|完成|完工|竣工|建成|建立|建设|办结|到位|实现|出台|印发|制定|修订|编制|发布|形成|落实|达到|达标|' +
  '启动|开展|开工|推进|投用|投入|上线|整改|报送|提交|上报|交付|通过|取得|解决|消除|清理|拆除|关闭|退出|淘汰|搬迁|改造|新建|' +
  '实施|召开|举办|部署|覆盖|创建|打造|培育|引进|健全|完善|提升|提高|降低|减少|增加|新增|累计|办理|基本|全|逐步|陆续|' +
  '分批|分步|有序|彻底|确保|力争|争取|必须|须|要|应|将|由|各';

function resolveYear(explicit: string | undefined, next: string | undefined, year: number): number {
  if (explicit) return Number(explicit);
  if (next) return year + 1;
  return year;
}

/**
 * Characters the patterns hinge on, as bits. One pass over a text tells which patterns can match at
 * all: most texts name no date, and that pass is far cheaper than running nine patterns.
 */
const DIGIT = 1;
const MONTH = 2;
const YEAR = 4;
const HALF = 8;
const SEASON = 16;
const Q = 32;
const HOLIDAY = 64;
const HINTS = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) HINTS[c] = DIGIT;
HINTS['月'.charCodeAt(0)] = MONTH;
HINTS['年'.charCodeAt(0)] = YEAR;
HINTS['岁'.charCodeAt(0)] = YEAR;
HINTS['半'.charCodeAt(0)] = HALF;
HINTS['季'.charCodeAt(0)] = SEASON;
HINTS['Q'.charCodeAt(0)] = Q;
HINTS['q'.charCodeAt(0)] = Q;
for (const ch of '七五国元') HINTS[ch.charCodeAt(0)] = HOLIDAY;

function hintsOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= HINTS[text.charCodeAt(i)];
  return bits;
}

interface Matcher {
  /** Hint bits of which the text must have at least one for the pattern to match. */
  needs: number;
  pattern: RegExp;
  precision: DateMention['precision'];
  span: DateMention['span'];
  toDay(m: RegExpExecArray, year: number): DayNumber | null;
}

/** A month's number from digits, numerals or 元/正 (January); null when it is no month. */
export function monthNumber(text: string): number | null {
  if (text === '元' || text === '正') return 1;
  const n = parseCount(text);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

function tenDay(y: number, m: number, part: string | undefined): DayNumber {
  if (part === '上旬') return fromYmd(y, m, 10);
  if (part === '中旬') return fromYmd(y, m, 20);
  return lastDayOfMonth(y, m);
}

const MATCHERS: Matcher[] = [
  {
    // 2022年6月30日, 2022-06-30, 2022/6/30, 2022.6.30
    needs: DIGIT,
    pattern: /(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})(?![\d])日?号?/g,
    precision: 'day',
    span: 'day',
    toDay: (m) => dayOf(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // 6.30前, 6/30前, 12.31之前: month.day as clerks abbreviate it, only with 前 after it (in running
    // text a bare 3.5 is a number; a whole date cell is read by compactDay)
    needs: DIGIT,
    pattern: /(?<![\d.\-/年])(\d{1,2})[./](\d{1,2})(?![\d./])(?=前|之前|以前)/g,
    precision: 'day',
    span: 'day',
    toDay: (m, year) => dayOf(year, Number(m[1]), Number(m[2])),
  },
  {
    // 2022年6月, 2022.06, 2022-6, 2022年6月底, 2022年6月下旬
    needs: DIGIT,
    pattern: /(\d{4})[年\-/.](\d{1,2})(?![\d./-])月?份?(上旬|中旬|下旬)?/g,
    precision: 'month',
    span: 'month',
    toDay: (m) => {
      const month = Number(m[2]);
      return month >= 1 && month <= 12 ? tenDay(Number(m[1]), month, m[3]) : null;
    },
  },
  {
    // 6月30日, 次年1月15日, 元月十日
    needs: MONTH,
    pattern: new RegExp(`${YEAR_WORD}${MONTH_NUM}月${NUM}[日号]`, 'g'),
    precision: 'day',
    span: 'day',
    toDay: (m, year) => {
      const month = monthNumber(m[4]);
      const d = parseCount(m[5]);
      return month && d ? dayOf(resolveYear(m[1], m[2], year), month, d) : null;
    },
  },
  {
    // 6月底, 6月份, 6月, 6月上旬, 次年3月, 正月 — never "6个月" (a time limit) nor "一月一课" (a frequency)
    needs: MONTH,
    pattern: new RegExp(
      `${YEAR_WORD}(?<![个每一])${MONTH_NUM}月(?![\\d一二三四五六七八九十])份?(上旬|中旬|下旬)?`,
      'g',
    ),
    precision: 'month',
    span: 'month',
    toDay: (m, year) => {
      const month = monthNumber(m[4]);
      return month ? tenDay(resolveYear(m[1], m[2], year), month, m[5]) : null;
    },
  },
  {
    // 2027年前, 2027年以前: before that year begins, i.e. the end of the year before (not 2027年6月前,
    // read above, nor 3年前, "three years ago", nor 2023年前三季度 / 2020年前后)
    needs: YEAR, // and digits: gated on 年, the rarer of the two
    pattern: new RegExp(`(?<!\\d)(\\d{4})年(?=前(?:${AFTER_BEFORE})|之前|以前)`, 'g'),
    precision: 'period',
    span: 'year',
    toDay: (m) => fromYmd(Number(m[1]) - 1, 12, 31),
  },
  {
    needs: YEAR,
    // Not the 年 of 上半年/下半年 (上半年内 is the first half's end, not the year's).
    pattern: new RegExp(`${YEAR_WORD}(?<!半)(年底|年末|年内|年终|年度内|岁末)`, 'g'),
    precision: 'period',
    span: 'year',
    toDay: (m, year) => fromYmd(resolveYear(m[1], m[2], year), 12, 31),
  },
  {
    needs: HALF,
    pattern: new RegExp(`${YEAR_WORD}(上半年|下半年)`, 'g'),
    precision: 'period',
    span: 'half-year',
    toDay: (m, year) => {
      const y = resolveYear(m[1], m[2], year);
      return m[4] === '上半年' ? fromYmd(y, 6, 30) : fromYmd(y, 12, 31);
    },
  },
  {
    needs: SEASON,
    pattern: new RegExp(`${YEAR_WORD}第?([一二三四1-4])季度?(?!一)`, 'g'),
    precision: 'period',
    span: 'quarter',
    toDay: (m, year) => {
      const q = parseCount(m[4])!;
      return lastDayOfMonth(resolveYear(m[1], m[2], year), q * 3);
    },
  },
  {
    needs: Q,
    pattern: /(?<![\d年])Q([1-4])/gi,
    precision: 'period',
    span: 'quarter',
    toDay: (m, year) => lastDayOfMonth(year, Number(m[1]) * 3),
  },
  {
    // Holidays named as deadlines: 七一 (Party founding day), 国庆, 五一. 元旦前 = before the new year.
    needs: HOLIDAY,
    pattern: /(七一|国庆节?|五一|元旦)/g,
    precision: 'day',
    span: 'day',
    toDay: (m, year) => {
      switch (m[1]) {
        case '七一':
          return fromYmd(year, 7, 1);
        case '五一':
          return fromYmd(year, 5, 1);
        case '元旦':
          return fromYmd(year, 12, 31);
        default:
          return fromYmd(year, 10, 1);
      }
    },
  },
];

/** A time of day after a date, as office systems export it ("2022-06-28 10:30:00"): it says nothing about the day. */
const TIME_OF_DAY = /[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*$/;

export function withoutTimeOfDay(text: string): string {
  return text.replace(TIME_OF_DAY, '');
}

const YYYYMMDD = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;
const MONTH_DAY = /^(\d{1,2})[./](\d{1,2})$/;

/**
 * A whole date or deadline cell written short (normalised text): 20220628, or month.day / month/day
 * of `year` (6.28, 6/28). Only as a cell's whole content: in running text "3.5" is a number.
 */
export function compactDay(text: string, year: number): DayNumber | null {
  let m = YYYYMMDD.exec(text);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY.exec(text);
  return m ? dayOf(year, Number(m[1]), Number(m[2])) : null;
}

/**
 * The parts of a text already read: dates found, and impossible dates (2022年2月30日) that no weaker
 * pattern may reread as something else. A list of spans while there are few; a mark per character once
 * there are many, so that a text naming thousands of dates is not read in quadratic time.
 */
class TakenSpans {
  private readonly spans: number[] = []; // start, end, start, end …
  private marks: Uint8Array | null = null;

  constructor(private readonly size: number) {}

  overlaps(start: number, end: number): boolean {
    const marks = this.marks;
    if (marks !== null) {
      for (let i = start; i < end; i++) if (marks[i] !== 0) return true;
      return false;
    }
    for (let k = 0; k < this.spans.length; k += 2) if (start < this.spans[k + 1] && this.spans[k] < end) return true;
    return false;
  }

  add(start: number, end: number): void {
    if (this.marks !== null) {
      this.marks.fill(1, start, end);
      return;
    }
    this.spans.push(start, end);
    if (this.spans.length < 64) return;
    this.marks = new Uint8Array(this.size);
    for (let k = 0; k < this.spans.length; k += 2) this.marks.fill(1, this.spans[k], this.spans[k + 1]);
  }
}

/** Every date named in `text`, in order of position; overlapping weaker matches are dropped. */
export function findDates(text: string, year: number): DateMention[] {
  const found: DateMention[] = [];
  const hints = hintsOf(text);
  if (hints === 0) return found;
  const taken = new TakenSpans(text.length);
  for (const matcher of MATCHERS) {
    if ((hints & matcher.needs) === 0) continue;
    matcher.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = matcher.pattern.exec(text))) {
      if (m[0].length === 0) {
        matcher.pattern.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (taken.overlaps(start, end)) continue;
      const day = matcher.toDay(m, year);
      if (day === null) {
        if (matcher.precision === 'day') taken.add(start, end);
        continue;
      }
      const after = text.slice(end);
      taken.add(start, end);
      found.push({
        day,
        index: start,
        length: m[0].length,
        cued: CUE.test(after) || /底|末/.test(m[0]),
        precision: matcher.precision,
        span: matcher.span,
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first day of what a mention names: the day itself, or the first day of its month, quarter … */
export function firstDayOf(d: DateMention): DayNumber {
  if (d.span === 'day') return d.day;
  if (d.span === 'month') {
    const { y, m } = toYmd(d.day);
    return fromYmd(y, m, 1);
  }
  return periodContaining(d.span, d.day).start;
}

/** Most texts name no start and no list of periods: one shared empty answer. */
const NONE: readonly never[] = Object.freeze([]);

/** A start: 从/自/由 before a date, 起/开始/以后 after it ("从2023年第二季度起", "自7月起", "下半年开始"). */
export interface StartMention {
  /** The first day owed. */
  from: DayNumber;
  index: number;
  length: number;
}

const START_BEFORE = /(?:从|自|由)$/;
const START_AFTER = /^(?:份)?(?:起(?![草步诉来到点航飞])|开始|以后|之后)/;

/**
 * Every start named in `text` (normalised): a date with 起/开始/以后/之后 after it, 从/自 optionally
 * before it. Not 以来 ("2023年以来" reports what was done since).
 */
export function findStarts(text: string, year: number): readonly StartMention[] {
  if (!/[起始后]/.test(text)) return NONE; // a start always has one of these (起, 开始, 以后, 之后)
  const starts: StartMention[] = [];
  for (const d of findDates(text, year)) {
    const after = START_AFTER.exec(text.slice(d.index + d.length));
    if (!after) continue;
    const before = START_BEFORE.test(text.slice(0, d.index)) ? 1 : 0;
    starts.push({ from: firstDayOf(d), index: d.index - before, length: d.length + before + after[0].length });
  }
  return starts;
}

/**
 * Periods or days named together ("第一、二、三、四季度", "上半年、下半年", "3月、6月、9月底",
 * "6月15日、12月15日"): each period's last day, or the day, in order.
 */
export interface PeriodList {
  days: DayNumber[];
  index: number;
  length: number;
  /** The first item is a bare number ("3、6、9月"): at the start of a clause it may number the clause instead ("2、3月底前完成"). */
  bare: boolean;
}

const SEPARATOR = '[、和及与]';
const QUARTER = '第?([一二三四1-4])';
const QUARTER_LIST = new RegExp(`(?:(\\d{4})年)?${QUARTER}((?:${SEPARATOR}${QUARTER})+)季度?`, 'g');
const HALF_LIST = /(?:(\d{4})年)?上半年[、和及与]下半年/g;
const MONTH_ITEM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月?份?(?:底|末)?';
// At most twelve months in a list: an unbounded run would try every shorter list again at each start
// ("1、" ×16000 then 月底前 took a second); a year has no more months to name anyway.
const MONTH_LIST = new RegExp(
  `(?:(\\d{4})年)?(?<![\\d.\\-/~至到个每])((?:${MONTH_ITEM}${SEPARATOR}){1,11})(\\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:底|末)?`,
  'g',
);

/**
 * Lists of two or more periods of one kind, or of days, named together, as period-by-period targets
 * and 分别 deadlines name them (SPEC §3). Whether a list is one obligation per item is the caller's
 * decision (分别 …).
 */
export function findPeriodLists(text: string, year: number): readonly PeriodList[] {
  if (!/[、和及与]/.test(text)) return NONE;
  const lists: PeriodList[] = [];
  const yearOf = (written: string | undefined) => (written ? Number(written) : year);
  if (text.includes('季')) {
    QUARTER_LIST.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = QUARTER_LIST.exec(text));) {
      const y = yearOf(m[1]);
      const quarters = [
        m[2],
        ...m[3]
          .split(/[、和及与]/)
          .filter(Boolean)
          .map((q) => q.replace('第', '')),
      ].map((q) => parseCount(q)!);
      lists.push({
        days: quarters.map((q) => lastDayOfMonth(y, q * 3)),
        index: m.index,
        length: m[0].length,
        bare: false,
      });
    }
  }
  if (text.includes('半年')) {
    HALF_LIST.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = HALF_LIST.exec(text));) {
      const y = yearOf(m[1]);
      lists.push({ days: [fromYmd(y, 6, 30), fromYmd(y, 12, 31)], index: m.index, length: m[0].length, bare: false });
    }
  }
  if (text.includes('月')) {
    MONTH_LIST.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = MONTH_LIST.exec(text));) {
      const y = yearOf(m[1]);
      const written = [...m[2].split(/[、和及与]/).filter(Boolean), m[3]];
      const items = written.map((item) => monthNumber(item.replace(/月?份?(?:底|末)?$/, '')));
      if (items.some((n) => n === null)) continue;
      lists.push({
        days: items.map((n) => lastDayOfMonth(y, n!)),
        index: m.index,
        length: m[0].length,
        bare: !written[0].includes('月'),
      });
    }
  }
  // Days named together ("6月15日、12月15日前", "2023年7月1日和2024年1月10日"): each a date of its own.
  if (DAY_IN_LIST.test(text)) dayLists(text, year, lists);
  return lists.sort((a, b) => a.index - b.index);
}

/** A day (日/号) right before a separator or shortly after one: what a list naming a day has. */
const DAY_IN_LIST = /[日号][、和及与]|[、和及与][^,;。、和及与]{2,12}[日号]/;

/**
 * Adds to `lists` each run of dates joined by one separator (、和及与) of which one names a day, unless
 * a list found by the period patterns holds it.
 */
function dayLists(text: string, year: number, lists: PeriodList[]): void {
  const dates = findDates(text, year);
  for (let i = 0; i < dates.length;) {
    let j = i;
    let namesDay = dates[i].span === 'day';
    while (j + 1 < dates.length) {
      const end = dates[j].index + dates[j].length;
      if (dates[j + 1].index !== end + 1 || !/[、和及与]/.test(text[end])) break;
      j++;
      if (dates[j].span === 'day') namesDay = true;
    }
    if (j > i && namesDay) {
      const index = dates[i].index;
      const length = dates[j].index + dates[j].length - index;
      if (!lists.some((l) => index < l.index + l.length && l.index < index + length)) {
        lists.push({ days: dates.slice(i, j + 1).map((d) => d.day), index, length, bare: false });
      }
    }
    i = j + 1;
  }
}
