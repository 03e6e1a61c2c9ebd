import { DayNumber, parseIso } from '../src/engine/dates/civil-date';
import { Obligation } from '../src/engine/deadline/obligation';
import { parseDeadlineCell, parseDeadlineText } from '../src/engine/deadline/parse-deadline';
import { Activity, TaskEvidence } from '../src/engine/evidence/task-evidence';
import { judgeObligation, JudgeContext } from '../src/engine/judge/judge-obligation';

/** Deadline language of real published tables (SPEC §3, the rows after 适时/待定), in a table of 2022. */

const day = (iso: string): DayNumber => parseIso(iso)!;

/** A row's evidence as the judge sees it: nothing recorded unless said. */
function evidence(over: Partial<TaskEvidence> = {}): TaskEvidence {
  return {
    progress: 'empty',
    progressText: '',
    doneDay: null,
    startDay: null,
    hasEvidence: null,
    periodCounts: [],
    tally: null,
    absurd: [],
    ...over,
  } as TaskEvidence;
}

const ctx = (asOf: string, year = Number(asOf.slice(0, 4))): JudgeContext => ({
  asOf: day(asOf),
  warnDays: 7,
  year,
  recordsProgress: true,
});
const activity = (iso: string): Activity => ({ day: day(iso), description: '' });

describe('元月 and 正月 are January; "2027年前" is before 2027 begins', () => {
  test.each([
    ['元月十日前', '2022-01-10'],
    ['次年元月十日前', '2023-01-10'],
    ['2027年前', '2026-12-31'],
    ['2026年6月前', '2026-06-30'],
    // unseen variants of the same kinds
    ['正月底前', '2022-01-31'],
    ['2023年元月15日前', '2023-01-15'],
    ['明年正月', '2023-01-31'],
    ['2025年以前', '2024-12-31'],
    ['2024年之前完成', '2023-12-31'],
    ['次年元月十日前', '2023-01-10'],
  ])('%s → %s', (text, due) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject({ kind: 'deadline', due });
  });

  test.each(['公正月度考核', '单元月考', '3年前', '2020年前后'])('not a date: %s', (text) => {
    expect(parseDeadlineText(text, 2022).kind).not.toBe('deadline');
  });

  test.each([
    ['2023年前三季度', '2022-12-31'],
    ['月薪3000元月底发放', '2022-01-31'],
  ])('%s is not %s', (text, due) => {
    expect(parseDeadlineText(text, 2022)).not.toMatchObject({ due });
  });

  test('with words after it, and in traditional characters', () => {
    expect(parseDeadlineText('2027年以前完成', 2022)).toMatchObject({ due: '2026-12-31' });
    expect(parseDeadlineText('正月底前報送', 2022)).toMatchObject({ kind: 'deadline', due: '2022-01-31' });
  });
});

describe('立行立改: an immediate obligation, due on the row’s start date', () => {
  test.each(['立行立改', '立即整改', '即知即改', '马上就改', '立查立改', '馬上就改', '立即整改到位'])(
    '%s is immediate',
    (text) => {
      expect(parseDeadlineText(text, 2022)).toMatchObject({ kind: 'immediate' });
    },
  );

  test('a date written with it is the deadline', () => {
    expect(parseDeadlineText('立即整改，2022年6月底前完成', 2022)).toMatchObject({
      kind: 'deadline',
      due: '2022-06-30',
    });
  });

  const immediate: Obligation = { kind: 'immediate', text: '立行立改' };

  test('with a start date, it is due that day', () => {
    const start = evidence({ startDay: day('2022-03-01') });
    expect(judgeObligation(immediate, { ...start, progress: 'not_done' }, [], ctx('2022-09-30'))).toMatchObject({
      status: 'overdue',
      due: day('2022-03-01'),
      daysOverdue: 213,
    });
    expect(
      judgeObligation(immediate, { ...start, progress: 'done', doneDay: day('2022-03-01') }, [], ctx('2022-09-30')),
    ).toMatchObject({ status: 'done' });
    expect(
      judgeObligation(immediate, { ...start, progress: 'done', doneDay: day('2022-03-04') }, [], ctx('2022-09-30')),
    ).toMatchObject({ status: 'done_late', daysLate: 3 });
    // assigned today: not yet overdue
    expect(judgeObligation(immediate, { ...start, progress: 'not_done' }, [], ctx('2022-03-01')).status).toBe(
      'due_soon',
    );
  });

  test('without a start date: not done is overdue with no day count, done is done', () => {
    expect(
      judgeObligation(immediate, evidence({ progress: 'not_done', progressText: '整改中' }), [], ctx('2022-09-30')),
    ).toMatchObject({ status: 'overdue', due: null, daysOverdue: 0 });
    expect(judgeObligation(immediate, evidence(), [], ctx('2022-09-30'))).toMatchObject({
      status: 'overdue',
      due: null,
      daysOverdue: 0,
    });
    expect(
      judgeObligation(immediate, evidence({ progress: 'done', progressText: '已整改' }), [], ctx('2022-09-30')).status,
    ).toBe('done');
    expect(
      judgeObligation(immediate, evidence({ progress: 'done', doneDay: day('2022-05-01') }), [], ctx('2022-09-30'))
        .status,
    ).toBe('done');
  });
});

describe('a due day inside each period', () => {
  test.each([
    ['每个季度第1个月的20日前', { kind: 'recurring', period: 'quarter', minCount: 1, by: '01-20' }],
    ['每月10日前', { kind: 'recurring', period: 'month', minCount: 1, by: '10' }],
    ['每半年第一个月15日前', { kind: 'recurring', period: 'half-year', minCount: 1, by: '01-15' }],
    // unseen variants
    ['每季度首月10日前报送', { kind: 'recurring', period: 'quarter', by: '01-10' }],
    ['每季度最后一个月25日前', { kind: 'recurring', period: 'quarter', by: '03-25' }],
    ['每月十五日前', { kind: 'recurring', period: 'month', by: '15' }],
    ['每年七月一日前', { kind: 'recurring', period: 'year', by: '07-01' }],
    ['每年元月10日前', { kind: 'recurring', period: 'year', by: '01-10' }],
  ])('%s', (text, expected) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject(expected);
  });

  test('每季度末 is due at each quarter’s end', () => {
    const o = parseDeadlineText('每季度末', 2022);
    expect(o).toMatchObject({ kind: 'recurring', period: 'quarter', minCount: 1 });
    expect(o).not.toHaveProperty('by');
  });

  test('the judge finds each quarter’s due day: the 20th of its first month', () => {
    const o = parseDeadlineText('每个季度第1个月的20日前', 2022);
    const v = judgeObligation(o, evidence(), [activity('2022-01-18'), activity('2022-07-15')], ctx('2022-09-30'));
    expect(v.periods.map((p) => [p.label, p.due, p.state])).toEqual([
      ['2022-Q1', '2022-01-20', 'met'],
      ['2022-Q2', '2022-04-20', 'missed'],
      ['2022-Q3', '2022-07-20', 'met'],
      ['2022-Q4', '2022-10-20', 'future'],
    ]);
    expect(v).toMatchObject({ status: 'overdue', missedLabels: ['2022-Q2'], due: day('2022-04-20') });
  });

  test('half-years: the 15th of the first month; a report on the 16th misses it', () => {
    const o = parseDeadlineText('每半年第一个月15日前', 2022);
    const v = judgeObligation(o, evidence(), [activity('2022-01-16'), activity('2022-07-10')], ctx('2022-09-30'));
    expect(v.periods.map((p) => [p.due, p.state])).toEqual([
      ['2022-01-15', 'missed'],
      ['2022-07-15', 'met'],
    ]);
  });
});

describe('a start written with a frequency limits the periods owed', () => {
  test('从2023年第二季度起每季度 → from the first day of 2023-Q2', () => {
    expect(parseDeadlineText('从2023年第二季度起每季度', 2023)).toMatchObject({
      kind: 'recurring',
      period: 'quarter',
      from: '2023-04-01',
    });
    expect(parseDeadlineText('自7月起每月10日前', 2023)).toMatchObject({
      kind: 'recurring',
      period: 'month',
      by: '10',
      from: '2023-07-01',
    });
    expect(parseDeadlineText('2023年下半年开始，每月', 2023)).toMatchObject({
      kind: 'recurring',
      period: 'month',
      from: '2023-07-01',
    });
  });

  test('f13: quarterly from 2023-Q2, due the 20th of each quarter’s first month; 2023-Q1 is not missed', () => {
    const o: Obligation = { kind: 'recurring', period: 'quarter', minCount: 1, by: '01-20', from: '2023-04-01' };
    const v = judgeObligation(
      o,
      evidence({ progress: 'done', progressText: '7月15日已报送' }),
      [activity('2023-07-15')],
      ctx('2023-11-30'),
    );
    expect(v.periods.map((p) => p.label)).toEqual(['2023-Q2', '2023-Q3', '2023-Q4']);
    expect(v.missedLabels).toEqual(['2023-Q2', '2023-Q4']);
  });

  test('a start date of the row and a written start: the later one counts', () => {
    const o: Obligation = { kind: 'recurring', period: 'month', minCount: 1, from: '2022-03-01' };
    expect(judgeObligation(o, evidence(), [], ctx('2022-09-30')).periods[0].label).toBe('2022-03');
    expect(judgeObligation(o, evidence({ startDay: day('2022-06-10') }), [], ctx('2022-09-30')).periods[0].label).toBe(
      '2022-06',
    );
    expect(judgeObligation(o, evidence({ startDay: day('2022-01-10') }), [], ctx('2022-09-30')).periods[0].label).toBe(
      '2022-03',
    );
  });

  test('a period whose due day comes before the start is not owed', () => {
    const o: Obligation = { kind: 'recurring', period: 'month', minCount: 1, by: '10', from: '2022-05-15' };
    expect(judgeObligation(o, evidence(), [], ctx('2022-09-30')).periods[0]).toMatchObject({
      label: '2022-06',
      due: '2022-06-10',
    });
  });
});

describe('the text shown is the text as written', () => {
  test.each(['每半年報告一次', '每月２次', '次年元月十日前', '著作出版：2022年6月底前', ' 年底前 '])('%s', (text) => {
    expect(parseDeadlineText(text, 2022).text).toBe(text.trim());
  });
});

/* Issue 15, deadline language of a new user's 整改台账 (brief full14). */

describe('立行立改 with a keep-it-up word is a continuous task (持续推进 with current progress)', () => {
  test.each([
    '立行立改、长期坚持',
    '立即整改并长期坚持',
    '即知即改、常态化推进',
    // unseen variants of the same kind
    '立查立改，持续开展',
    '马上就改并建立长效机制',
    '立行立改、長期堅持',
  ])('%s is continuous', (text) => {
    const o = parseDeadlineText(text, 2022);
    expect(o).toMatchObject({ kind: 'continuous', text });
    // a clerk's reading: progress written → 持续推进; nothing written → 待核实, never 逾期
    expect(
      judgeObligation(
        o,
        evidence({ progress: 'not_done', progressText: '已整改3项，持续跟踪中' }),
        [],
        ctx('2022-09-30'),
      ).status,
    ).toBe('ongoing');
    expect(judgeObligation(o, evidence(), [], ctx('2022-09-30')).status).toBe('needs_attention');
  });

  test('a date written with both still is the deadline', () => {
    expect(parseDeadlineText('立行立改，6月底前完成', 2022)).toMatchObject({ kind: 'deadline', due: '2022-06-30' });
    expect(parseDeadlineText('立即整改、长期坚持，2022年9月底前见效', 2022)).toMatchObject({
      kind: 'deadline',
      due: '2022-09-30',
    });
  });

  test('长期 describing the problem (长期存在的问题) is no keep-it-up word', () => {
    expect(parseDeadlineText('立即整改长期存在的问题', 2022)).toMatchObject({ kind: 'immediate' });
    expect(parseDeadlineText('立行立改', 2022)).toMatchObject({ kind: 'immediate' });
  });
});

describe('a list of dates with 分别 states one deadline per date', () => {
  test.each([
    ['分别于6月15日、12月15日前将落实情况报至牵头单位', ['2022-06-15', '2022-12-15']],
    ['于6月底、12月底前分别报送', ['2022-06-30', '2022-12-31']],
    // unseen variants of the same kind
    ['分别于3月10日和9月10日前报送自查报告', ['2022-03-10', '2022-09-10']],
    ['于7月1日、10月1日、12月25日前各报送一次', ['2022-07-01', '2022-10-01', '2022-12-25']],
    ['分別於6月15日、12月15日前報送', ['2022-06-15', '2022-12-15']],
  ])('%s', (text, dues) => {
    const cell = parseDeadlineCell(text, 2022);
    expect(cell).toEqual(dues.map((due) => ({ kind: 'deadline', due, text })));
    // one obligation where exactly one is asked for (SPEC §7, luoshi explain): the latest
    expect(parseDeadlineText(text, 2022)).toEqual({ kind: 'deadline', due: dues[dues.length - 1], text });
  });

  test('each date is judged: the June report missed is overdue though December is far', () => {
    const [june, december] = parseDeadlineCell('分别于6月15日、12月15日前将落实情况报至牵头单位', 2022);
    expect(judgeObligation(june, evidence({ progress: 'not_done' }), [], ctx('2022-09-30'))).toMatchObject({
      status: 'overdue',
      daysOverdue: 107,
    });
    expect(judgeObligation(december, evidence({ progress: 'not_done' }), [], ctx('2022-09-30')).status).toBe(
      'on_track',
    );
  });

  test('stages and single dates stay one deadline', () => {
    expect(parseDeadlineCell('6月底前完成初稿，年底前完成', 2022)).toEqual([
      { kind: 'deadline', due: '2022-12-31', text: '6月底前完成初稿，年底前完成' },
    ]);
    expect(parseDeadlineCell('2022年6月30日', 2022)).toEqual([
      { kind: 'deadline', due: '2022-06-30', text: '2022年6月30日' },
    ]);
    expect(parseDeadlineCell('长期坚持', 2022)).toEqual([{ kind: 'continuous', text: '长期坚持' }]);
    expect(parseDeadlineCell('', 2022)).toEqual([{ kind: 'unknown', text: '' }]);
  });
});

describe('每年 with several days: due on each of them every year', () => {
  test.each([
    ['每年6月15日、12月15日前', { kind: 'recurring', period: 'half-year', minCount: 1, by: '06-15' }],
    // unseen variants: evenly spread days are one frequency of the shorter period
    ['每年1月10日和7月10日前报送', { kind: 'recurring', period: 'half-year', minCount: 1, by: '01-10' }],
    ['每年3月31日、9月30日前各报送一次', { kind: 'recurring', period: 'half-year', minCount: 1, by: '03-31' }],
    ['每年3月10日、6月10日、9月10日、12月10日前', { kind: 'recurring', period: 'quarter', minCount: 1, by: '03-10' }],
    ['每年6月底、12月底前', { kind: 'recurring', period: 'half-year', minCount: 1 }],
    ['每年6月15日、12月15日前', { kind: 'recurring', period: 'half-year', by: '06-15' }],
  ])('%s', (text, expected) => {
    const o = parseDeadlineText(text, 2022);
    expect(o).toMatchObject(expected);
    if (!('by' in expected)) expect(o).not.toHaveProperty('by');
    expect(parseDeadlineCell(text, 2022)).toEqual([o]);
  });

  test('the judge sees both days: a May report meets June 15, nothing by December 15 misses it', () => {
    const o = parseDeadlineText('每年6月15日、12月15日前', 2022);
    const v = judgeObligation(o, evidence(), [activity('2022-05-10')], ctx('2022-12-20'));
    expect(v.periods.map((p) => [p.due, p.state])).toEqual([
      ['2022-06-15', 'met'],
      ['2022-12-15', 'missed'],
    ]);
    expect(v.status).toBe('overdue');
  });

  test('unevenly spread days: one yearly obligation per day, counting the reports due by then', () => {
    const text = '每年3月底、10月底前报送';
    const cell = parseDeadlineCell(text, 2022);
    expect(cell).toEqual([
      { kind: 'recurring', period: 'year', minCount: 1, by: '03-31', text },
      { kind: 'recurring', period: 'year', minCount: 2, by: '10-31', text },
    ]);
    // a March report alone does not meet October's
    expect(judgeObligation(cell[0], evidence(), [activity('2022-03-20')], ctx('2022-11-30')).status).toBe('done');
    expect(judgeObligation(cell[1], evidence(), [activity('2022-03-20')], ctx('2022-11-30')).status).toBe('overdue');
    expect(
      judgeObligation(cell[1], evidence(), [activity('2022-03-20'), activity('2022-09-01')], ctx('2022-11-30')).status,
    ).toBe('done');
    expect(
      parseDeadlineCell('每年5月20日和8月20日前', 2022).map((o) => [
        o.kind === 'recurring' && o.by,
        o.kind === 'recurring' && o.minCount,
      ]),
    ).toEqual([
      ['05-20', 1],
      ['08-20', 2],
    ]);
  });
});

describe('a day in the last month of each quarter; 全年 is yearly', () => {
  test.each([
    ['每季度最后一个月的30日前', '03-30'],
    ['每季度末月25日前', '03-25'],
    // unseen variants
    ['每个季度最后一月20日前报送', '03-20'],
    ['每季度末月的28日前', '03-28'],
    ['每季度最後一個月的30日前', '03-30'],
  ])('%s → quarterly by %s', (text, by) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject({ kind: 'recurring', period: 'quarter', minCount: 1, by });
  });

  test('the judge finds the 30th of March, June, September and December', () => {
    const o = parseDeadlineText('每季度最后一个月的30日前', 2022);
    const v = judgeObligation(o, evidence(), [activity('2022-03-29'), activity('2022-07-01')], ctx('2022-10-05'));
    expect(v.periods.map((p) => [p.due, p.state])).toEqual([
      ['2022-03-30', 'met'],
      ['2022-06-30', 'missed'],
      ['2022-09-30', 'met'],
      ['2022-12-30', 'open'],
    ]);
  });

  test.each([
    ['全年', { kind: 'recurring', period: 'year', minCount: 1 }],
    ['全年至少2次', { kind: 'recurring', period: 'year', minCount: 2 }],
    ['全年持续推进', { kind: 'continuous' }],
    ['贯穿全年', { kind: 'continuous' }],
  ])('%s', (text, expected) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject(expected);
  });
});

describe('"2027年前" only where 前 is the word "before" (review finding 1)', () => {
  // 前期, 前瞻, 前夕, 前述 … start another word: the year is no "before 2027" deadline.
  test.each([
    ['2024年前期工作完成', '2023-12-31'],
    ['2025年前瞻布局', '2024-12-31'],
    // unseen variants: other words that begin with 前
    ['2024年前沿技术攻关取得突破', '2023-12-31'],
    ['2023年前置审批事项清理到位', '2022-12-31'],
  ])('%s is not due %s', (text, due) => {
    expect(parseDeadlineText(text, 2022)).not.toMatchObject({ due });
  });

  test.each([
    ['2027年前', '2026-12-31'],
    ['2027年前完成', '2026-12-31'],
    ['2027年前，全面建成', '2026-12-31'],
    // unseen variants: a verb, or an adverb before one, right after 前
    ['2025年前建成投用', '2024-12-31'],
    ['2026年前全部办结', '2025-12-31'],
  ])('%s → %s', (text, due) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject({ kind: 'deadline', due });
  });
});

describe('元月 and 正月 only at the start of a word (review finding 2)', () => {
  // 订正 + 月报, 多元 + 月度, 指正 + 月报: no month is named.
  test.each(['订正月报数据', '建立多元月度评价机制', '请各单位指正月报错误'])('not a date: %s', (text) => {
    expect(parseDeadlineText(text, 2022).kind).not.toBe('deadline');
  });

  test.each([
    ['元月底前', '2022-01-31'],
    ['2023年正月底前', '2023-01-31'],
    // unseen variants: after a punctuation mark, after 于 / 在
    ['立即整改，元月底前完成', '2022-01-31'],
    ['于正月十五日前办结', '2022-01-15'],
    ['在元月10日前报送', '2022-01-10'],
  ])('%s → %s', (text, due) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject({ kind: 'deadline', due });
  });
});
