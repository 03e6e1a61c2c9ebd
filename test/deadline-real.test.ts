import { DayNumber, parseIso } from '../src/engine/dates/civil-date';
import { Obligation } from '../src/engine/deadline/obligation';
import { parseDeadlineText } from '../src/engine/deadline/parse-deadline';
import { Activity, TaskEvidence } from '../src/engine/evidence/task-evidence';
import { judgeObligation, JudgeContext } from '../src/engine/judge/judge-obligation';

/** Deadline language of real published tables (SPEC §3, the rows after 适时/待定), in a table of 2022. */

const day = (iso: string): DayNumber => parseIso(iso)!;

/** A row's evidence as the judge sees it: nothing recorded unless said. */
function evidence(over: Partial<TaskEvidence> = {}): TaskEvidence {
  return { progress: 'empty', progressText: '', doneDay: null, startDay: null, hasEvidence: null, periodCounts: [], tally: null, absurd: [], ...over } as TaskEvidence;
}

const ctx = (asOf: string, year = Number(asOf.slice(0, 4))): JudgeContext => ({ asOf: day(asOf), warnDays: 7, year });
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
  test.each(['立行立改', '立即整改', '即知即改', '马上就改', '立行立改，长期坚持', '立查立改', '馬上就改', '立即整改到位'])('%s is immediate', (text) => {
    expect(parseDeadlineText(text, 2022)).toMatchObject({ kind: 'immediate' });
  });

  test('a date written with it is the deadline', () => {
    expect(parseDeadlineText('立即整改，2022年6月底前完成', 2022)).toMatchObject({ kind: 'deadline', due: '2022-06-30' });
  });

  const immediate: Obligation = { kind: 'immediate', text: '立行立改' };

  test('with a start date, it is due that day', () => {
    const start = evidence({ startDay: day('2022-03-01') });
    expect(judgeObligation(immediate, { ...start, progress: 'not_done' }, [], ctx('2022-09-30'))).toMatchObject({ status: 'overdue', due: day('2022-03-01'), daysOverdue: 213 });
    expect(judgeObligation(immediate, { ...start, progress: 'done', doneDay: day('2022-03-01') }, [], ctx('2022-09-30'))).toMatchObject({ status: 'done' });
    expect(judgeObligation(immediate, { ...start, progress: 'done', doneDay: day('2022-03-04') }, [], ctx('2022-09-30'))).toMatchObject({ status: 'done_late', daysLate: 3 });
    // assigned today: not yet overdue
    expect(judgeObligation(immediate, { ...start, progress: 'not_done' }, [], ctx('2022-03-01')).status).toBe('due_soon');
  });

  test('without a start date: not done is overdue with no day count, done is done', () => {
    expect(judgeObligation(immediate, evidence({ progress: 'not_done', progressText: '整改中' }), [], ctx('2022-09-30'))).toMatchObject({ status: 'overdue', due: null, daysOverdue: 0 });
    expect(judgeObligation(immediate, evidence(), [], ctx('2022-09-30'))).toMatchObject({ status: 'overdue', due: null, daysOverdue: 0 });
    expect(judgeObligation(immediate, evidence({ progress: 'done', progressText: '已整改' }), [], ctx('2022-09-30')).status).toBe('done');
    expect(judgeObligation(immediate, evidence({ progress: 'done', doneDay: day('2022-05-01') }), [], ctx('2022-09-30')).status).toBe('done');
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
    expect(parseDeadlineText('从2023年第二季度起每季度', 2023)).toMatchObject({ kind: 'recurring', period: 'quarter', from: '2023-04-01' });
    expect(parseDeadlineText('自7月起每月10日前', 2023)).toMatchObject({ kind: 'recurring', period: 'month', by: '10', from: '2023-07-01' });
    expect(parseDeadlineText('2023年下半年开始，每月', 2023)).toMatchObject({ kind: 'recurring', period: 'month', from: '2023-07-01' });
  });

  test('f13: quarterly from 2023-Q2, due the 20th of each quarter’s first month; 2023-Q1 is not missed', () => {
    const o: Obligation = { kind: 'recurring', period: 'quarter', minCount: 1, by: '01-20', from: '2023-04-01' };
    const v = judgeObligation(o, evidence({ progress: 'done', progressText: '7月15日已报送' }), [activity('2023-07-15')], ctx('2023-11-30'));
    expect(v.periods.map((p) => p.label)).toEqual(['2023-Q2', '2023-Q3', '2023-Q4']);
    expect(v.missedLabels).toEqual(['2023-Q2', '2023-Q4']);
  });

  test('a start date of the row and a written start: the later one counts', () => {
    const o: Obligation = { kind: 'recurring', period: 'month', minCount: 1, from: '2022-03-01' };
    expect(judgeObligation(o, evidence(), [], ctx('2022-09-30')).periods[0].label).toBe('2022-03');
    expect(judgeObligation(o, evidence({ startDay: day('2022-06-10') }), [], ctx('2022-09-30')).periods[0].label).toBe('2022-06');
    expect(judgeObligation(o, evidence({ startDay: day('2022-01-10') }), [], ctx('2022-09-30')).periods[0].label).toBe('2022-03');
  });

  test('a period whose due day comes before the start is not owed', () => {
    const o: Obligation = { kind: 'recurring', period: 'month', minCount: 1, by: '10', from: '2022-05-15' };
    expect(judgeObligation(o, evidence(), [], ctx('2022-09-30')).periods[0]).toMatchObject({ label: '2022-06', due: '2022-06-10' });
  });
});

describe('the text shown is the text as written', () => {
  test.each(['每半年報告一次', '每月２次', '次年元月十日前', '著作出版：2022年6月底前', ' 年底前 '])('%s', (text) => {
    expect(parseDeadlineText(text, 2022).text).toBe(text.trim());
  });
});
