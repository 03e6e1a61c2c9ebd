import { parseDeadlineText } from '../src/engine/deadline/parse-deadline';

/** SPEC §3, row by row: text → obligation, in a table titled for 2022. */
const CASES: Array<[string, object]> = [
  ['2022年6月30日前', { kind: 'deadline', due: '2022-06-30' }],
  ['2022年6月30日之前', { kind: 'deadline', due: '2022-06-30' }],
  ['2022年6月30日以前', { kind: 'deadline', due: '2022-06-30' }],
  ['2022-06-30', { kind: 'deadline', due: '2022-06-30' }],
  ['2022/6/30', { kind: 'deadline', due: '2022-06-30' }],
  ['2022.6.30', { kind: 'deadline', due: '2022-06-30' }],
  ['截至2022年6月30日', { kind: 'deadline', due: '2022-06-30' }],
  ['6月底前', { kind: 'deadline', due: '2022-06-30' }],
  ['6月底', { kind: 'deadline', due: '2022-06-30' }],
  ['6月', { kind: 'deadline', due: '2022-06-30' }],
  ['6月份', { kind: 'deadline', due: '2022-06-30' }],
  ['2022.06', { kind: 'deadline', due: '2022-06-30' }],
  ['2022年6月', { kind: 'deadline', due: '2022-06-30' }],
  ['2月底前', { kind: 'deadline', due: '2022-02-28' }],
  ['6月上旬', { kind: 'deadline', due: '2022-06-10' }],
  ['6月中旬', { kind: 'deadline', due: '2022-06-20' }],
  ['6月下旬', { kind: 'deadline', due: '2022-06-30' }],
  ['年底前', { kind: 'deadline', due: '2022-12-31' }],
  ['年底', { kind: 'deadline', due: '2022-12-31' }],
  ['年末', { kind: 'deadline', due: '2022-12-31' }],
  ['年内完成', { kind: 'deadline', due: '2022-12-31' }],
  ['上半年', { kind: 'deadline', due: '2022-06-30' }],
  ['下半年', { kind: 'deadline', due: '2022-12-31' }],
  ['一季度', { kind: 'deadline', due: '2022-03-31' }],
  ['第二季度', { kind: 'deadline', due: '2022-06-30' }],
  ['三季度末前', { kind: 'deadline', due: '2022-09-30' }],
  ['第四季度', { kind: 'deadline', due: '2022-12-31' }],
  ['七一前', { kind: 'deadline', due: '2022-07-01' }],
  ['七一前夕', { kind: 'deadline', due: '2022-07-01' }],
  ['国庆节前', { kind: 'deadline', due: '2022-10-01' }],
  ['国庆前', { kind: 'deadline', due: '2022-10-01' }],
  ['次年1月底前', { kind: 'deadline', due: '2023-01-31' }],
  ['明年3月', { kind: 'deadline', due: '2023-03-31' }],
  ['每月', { kind: 'recurring', period: 'month', minCount: 1 }],
  ['按月', { kind: 'recurring', period: 'month', minCount: 1 }],
  ['每季度', { kind: 'recurring', period: 'quarter', minCount: 1 }],
  ['每季', { kind: 'recurring', period: 'quarter', minCount: 1 }],
  ['按季度', { kind: 'recurring', period: 'quarter', minCount: 1 }],
  ['每半年', { kind: 'recurring', period: 'half-year', minCount: 1 }],
  ['每年', { kind: 'recurring', period: 'year', minCount: 1 }],
  ['每年度', { kind: 'recurring', period: 'year', minCount: 1 }],
  ['全年', { kind: 'recurring', period: 'year', minCount: 1 }],
  ['按年度', { kind: 'recurring', period: 'year', minCount: 1 }],
  ['每周', { kind: 'recurring', period: 'week', minCount: 1 }],
  ['每月2次', { kind: 'recurring', period: 'month', minCount: 2 }],
  ['每年不少于2次', { kind: 'recurring', period: 'year', minCount: 2 }],
  ['一年两次', { kind: 'recurring', period: 'year', minCount: 2 }],
  ['每季度至少召开1次', { kind: 'recurring', period: 'quarter', minCount: 1 }],
  ['一月一课', { kind: 'recurring', period: 'month', minCount: 1 }],
  ['每年7月1日前', { kind: 'recurring', period: 'year', minCount: 1, by: '07-01' }],
  ['每月10日前', { kind: 'recurring', period: 'month', minCount: 1, by: '10' }],
  ['长期坚持', { kind: 'continuous' }],
  ['持续推进', { kind: 'continuous' }],
  ['常态化', { kind: 'continuous' }],
  ['长期', { kind: 'continuous' }],
  ['持续开展', { kind: 'continuous' }],
  ['6个月内', { kind: 'relative', amount: 6, unit: 'month' }],
  ['30日内', { kind: 'relative', amount: 30, unit: 'day' }],
  ['15个工作日内', { kind: 'relative', amount: 15, unit: 'workday' }],
  ['半年内', { kind: 'relative', amount: 6, unit: 'month' }],
  ['适时', { kind: 'unspecified' }],
  ['定期', { kind: 'unspecified' }],
  ['视情', { kind: 'unspecified' }],
  ['待定', { kind: 'unspecified' }],
  ['春节前后', { kind: 'unknown' }],
  ['请尽快', { kind: 'unknown' }],
];

describe('deadline cells (SPEC §3)', () => {
  test.each(CASES)('%s', (text, expected) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject(expected);
  });

  test('a cell naming stages is due at its last stage', () => {
    expect(parseDeadlineText('2022年6月底前完成初稿，年底前全面完成', 2022)).toMatchObject({
      kind: 'deadline',
      due: '2022-12-31',
    });
  });

  // A year written before 年内 is the year, not a count of years (2022年内 is not "within 2022 years"),
  // and 上半年内 / 下半年内 name a half of the year, not a six-month time limit.
  test.each([
    ['2022年内', { kind: 'deadline', due: '2022-12-31' }],
    ['2022年内完成', { kind: 'deadline', due: '2022-12-31' }],
    ['2023年内', { kind: 'deadline', due: '2023-12-31' }],
    ['上半年内', { kind: 'deadline', due: '2022-06-30' }],
    ['下半年内完成', { kind: 'deadline', due: '2022-12-31' }],
    ['3年内', { kind: 'relative', amount: 3, unit: 'year' }],
    ['两年内', { kind: 'relative', amount: 2, unit: 'year' }],
  ])('a year or half-year before 内: %s', (text, expected) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject(expected);
  });

  // Month.day without a year, as clerks abbreviate it (inside a longer text only with 前 after it).
  test.each([
    ['6.30前', { kind: 'deadline', due: '2022-06-30' }],
    ['12.31之前完成', { kind: 'deadline', due: '2022-12-31' }],
    ['2.30前', { kind: 'unknown' }],
    ['1.5倍', { kind: 'unknown' }],
  ])('month.day: %s', (text, expected) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject(expected);
  });

  // Deadline cells exported by office systems or typed short.
  test.each([
    ['2022-06-30 00:00:00', '2022-06-30'],
    ['2022/6/30 17:00', '2022-06-30'],
    ['20220630', '2022-06-30'],
    ['6/30', '2022-06-30'],
    ['6/30前', '2022-06-30'],
    ['6.30', '2022-06-30'],
  ])('a deadline cell written %s', (text, due) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject({ kind: 'deadline', due });
  });

  test('an explicit year wins over the table year', () => {
    expect(parseDeadlineText('2023年3月底前', 2022)).toMatchObject({ due: '2023-03-31' });
  });

  test('impossible dates are not dates', () => {
    expect(parseDeadlineText('2022年2月30日', 2022).kind).not.toBe('deadline');
  });

  test('leap years: 2月底 is the 29th in 2024 and the 28th in 2023', () => {
    expect(parseDeadlineText('2月底前', 2024)).toMatchObject({ due: '2024-02-29' });
    expect(parseDeadlineText('2月底前', 2023)).toMatchObject({ due: '2023-02-28' });
  });

  test.each([
    ['每半年報告一次', { kind: 'recurring', period: 'half-year' }],
    ['長期堅持', { kind: 'continuous' }],
    ['國慶節前', { kind: 'deadline', due: '2022-10-01' }],
    ['年底前完成', { kind: 'deadline', due: '2022-12-31' }],
    ['每季度至少召開1次', { kind: 'recurring', period: 'quarter', minCount: 1 }],
    ['適時', { kind: 'unspecified' }],
  ])('traditional Chinese: %s', (text, expected) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject(expected);
  });

  test('full-width digits and spaces', () => {
    expect(parseDeadlineText('２０２２年 ６月 ３０日', 2022)).toMatchObject({ kind: 'deadline', due: '2022-06-30' });
    expect(parseDeadlineText('每月２次', 2022)).toMatchObject({ kind: 'recurring', minCount: 2 });
  });
});
