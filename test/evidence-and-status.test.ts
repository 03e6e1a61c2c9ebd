import { progressState } from '../src/engine/evidence/progress-words';
import { CellValue } from '../src/engine/model/workbook';
import { judge, sheet, table } from './helpers/fixtures';

const row = (measure: string, deadline: CellValue, progress: CellValue = '', done: CellValue = null): CellValue[] => [
  1,
  measure,
  '办公室',
  '各处室',
  deadline,
  progress,
  done,
];

describe('progress words (SPEC §2): a negation or qualifier always wins', () => {
  test.each(['已完成', '完成', '已办结', '办结', '已落实', '已开展', '✓', '√', '是', 'Done', '已于6月20日完成'])(
    'done: %s',
    (w) => expect(progressState(w)).toBe('done'),
  );
  test.each([
    '未完成',
    '尚未完成',
    '未开展',
    '未启动',
    '推进中',
    '进行中',
    '正在推进',
    '基本完成',
    '部分完成',
    '已完成80%',
    '尚未開展',
    '基本完成，部分未完成',
    '否',
    '',
  ])('not done: %s', (w) => expect(progressState(w)).toBe(w ? 'not_done' : 'empty'));
  // A negation with an adverb between it and the verb is still a negation.
  test.each(['未能按期完成', '未按时完成', '没有按期完成', '尚未全部完成', '未如期召开', '仍未及时报送'])(
    'not done, an adverb between: %s',
    (w) => expect(progressState(w)).toBe('not_done'),
  );
  // Completion words of drafting and rectification tasks (制定…办法, 整改…问题).
  test.each(['已制定', '已修订', '已建立', '已整改', '整改完毕', '已结项', '已验收', '已上报', '已发布'])(
    'done: %s',
    (w) => expect(progressState(w)).toBe('done'),
  );
});

describe('statuses as of 2022-09-30 with a 7-day window (SPEC §4)', () => {
  const status = (r: CellValue[], asOf = '2022-09-30') => judge(table([r]), { asOf }).tasks[0];

  test('overdue: deadline passed and not done, with days overdue', () => {
    expect(status(row('措施', '6月底前', '推进中'))).toMatchObject({
      status: 'overdue',
      daysOverdue: 92,
      due: '2022-06-30',
    });
  });
  test('due soon: within the window', () =>
    expect(status(row('措施', '2022年10月5日', '推进中')).status).toBe('due_soon'));
  test('the window edge is inclusive', () => {
    expect(status(row('措施', '2022年10月7日', '推进中')).status).toBe('due_soon');
    expect(status(row('措施', '2022年10月8日', '推进中')).status).toBe('on_track');
  });
  test('the deadline day itself is not yet overdue', () =>
    expect(status(row('措施', '9月30日', '推进中')).status).toBe('due_soon'));
  test('done on time, done late', () => {
    expect(status(row('措施', '6月底前', '已完成', { date: '2022-06-30' })).status).toBe('done');
    expect(status(row('措施', '6月底前', '已完成', { date: '2022-07-04' }))).toMatchObject({
      status: 'done_late',
      statusText: '◆ 逾期完成（晚 4 天）',
    });
  });
  // Done dates as clerks and office systems write them in a 完成时间 cell.
  test.each<[string, CellValue]>([
    ['a date and time exported as text', '2022-06-28 10:30:00'],
    ['a date and time with slashes', '2022/6/28 9:05'],
    ['month.day typed as text', '6.28'],
    ['month/day', '6/28'],
    ['yyyymmdd as text', '20220628'],
    ['yyyymmdd as a number', 20220628],
  ])('done date: %s', (_, done) => {
    expect(status(row('措施', '6月底前', '已完成', done))).toMatchObject({ status: 'done', findings: [] });
    expect(status(row('措施', '6月20日前', '已完成', done))).toMatchObject({ status: 'done_late', daysOverdue: 0 });
  });
  test('a number that is no date stays absurd in a date column', () => {
    expect(status(row('措施', '6月底前', '已完成', 20221399)).findings.map((f) => f.code)).toContain('absurd_date');
  });
  test('基本完成 is not done', () => expect(status(row('措施', '6月底前', '基本完成')).status).toBe('overdue'));
  test('continuous: ongoing with progress, needs attention without', () => {
    expect(status(row('措施', '长期坚持', '每月组织学习')).status).toBe('ongoing');
    expect(status(row('措施', '长期坚持', ''))).toMatchObject({
      status: 'needs_attention',
      findings: [expect.objectContaining({ code: 'continuous_without_progress' })],
    });
  });
  test('vague and unknown deadlines need attention', () => {
    expect(status(row('措施', '适时')).findings.map((f) => f.code)).toEqual(['vague_deadline']);
    expect(status(row('措施', '春节前后')).findings.map((f) => f.code)).toEqual(['unknown_deadline']);
  });
  test('a date cell and a bare date serial are deadlines', () => {
    expect(status(row('措施', { date: '2022-06-30' }, '推进中')).due).toBe('2022-06-30');
    expect(status(row('措施', 44742, '推进中')).due).toBe('2022-06-30');
  });
  test('status text survives black-and-white printing: symbol, label, reason', () => {
    const t = status(row('每月开展1次主题党日', '每月', '3月15日开展'), '2022-04-10');
    expect(t.statusText).toBe('● 逾期：缺 1月、2月（最早已逾期 69 天）'); // January's period closed on 01-31
  });
  test('English', () => {
    const r = judge(table([row('措施', '6月底前', '推进中')]), { lang: 'en' });
    expect(r.tasks[0].statusText).toBe('● Overdue by 92 days');
  });
});

describe('recurring obligations over the periods of the table year', () => {
  test('layout 1: dates written in the progress text', () => {
    const t = judge(
      table([
        row(
          '每月开展1次主题党日',
          '每月',
          '1月18日、2月22日、4月19日、5月17日、6月20日、7月18日、8月22日、9月19日开展',
        ),
      ]),
    ).tasks[0];
    expect(t).toMatchObject({ status: 'overdue', missedPeriods: ['2022-03'] });
  });

  test('layout 2: period columns with marks, counts and dates', () => {
    const header = ['具体措施', '牵头部门', '完成时限', '一季度', '二季度', '三季度', '四季度'];
    const wb = table([['每季度召开1次党员大会', '机关党委', '每季度', '✓', 2, { date: '2022-08-15' }, '']], header);
    expect(judge(wb).tasks[0]).toMatchObject({ status: 'on_track', missedPeriods: [] });
    const missing = table([['每季度召开1次党员大会', '机关党委', '每季度', '✓', '×', '', '']], header);
    expect(judge(missing).tasks[0]).toMatchObject({ status: 'overdue', missedPeriods: ['2022-Q2'] }); // Q3 is still open on its last day
  });

  test('layout 2 on a one-off task: a mark in a period column means done then', () => {
    const header = ['具体措施', '牵头部门', '完成时限', '5月', '6月', '7月'];
    expect(judge(table([['开展办实事活动', '办公室', '6月底前', '', '已开展', '']], header)).tasks[0].status).toBe(
      'done',
    );
    // Marked only in July: certainly after the June deadline.
    expect(judge(table([['开展办实事活动', '办公室', '6月底前', '', '', '✓']], header)).tasks[0].status).toBe(
      'done_late',
    );
    expect(judge(table([['开展办实事活动', '办公室', '6月底前', '', '', '']], header)).tasks[0].status).toBe('overdue');
  });

  test('layout 3 on a one-off task: a count with a last date means done on that date', () => {
    const header = ['具体措施', '牵头部门', '完成时限', '已开展次数', '最近开展时间'];
    expect(
      judge(table([['召开表彰大会', '机关党委', '七一前', 1, { date: '2022-06-29' }]], header)).tasks[0].status,
    ).toBe('done');
  });

  test('layout 2: a quarter column proves its months only with enough activities', () => {
    const header = ['具体措施', '牵头部门', '完成时限', '一季度', '二季度', '三季度'];
    const r = judge(table([['每月开展1次主题党日', '机关党委', '每月', 3, 1, 3]], header));
    expect(r.tasks[0].missedPeriods).toEqual(['2022-04', '2022-05', '2022-06']);
  });

  test('layout 3: count plus last date', () => {
    const header = ['具体措施', '牵头部门', '完成时限', '已开展次数', '最近开展时间'];
    // 8 activities cover January–August; September is open and still unmet on its last day.
    expect(
      judge(table([['每月开展主题党日', '机关党委', '每月', 8, { date: '2022-08-20' }]], header)).tasks[0],
    ).toMatchObject({ status: 'due_soon', missedPeriods: [] });
    const ok = judge(table([['每季度开展1次', '机关党委', '每季度', 3, { date: '2022-09-10' }]], header), {
      asOf: '2022-09-30',
    }).tasks[0];
    expect(ok.status).toBe('on_track'); // three activities, the last in Q3: Q1–Q3 are met
    const short = judge(table([['每月开展主题党日', '机关党委', '每月', 3, { date: '2022-08-20' }]], header)).tasks[0];
    expect(short.findings.map((f) => f.code)).toContain('count_short');
  });

  test('layout 4: a log sheet linked by id and by measure text', () => {
    const log = sheet('工作记录', [
      ['日期', '序号', '具体措施', '活动内容'],
      [{ date: '2022-03-10' }, 1, '', '一季度党员大会'],
      [{ date: '2022-06-10' }, null, '每季度召开1次党员大会', '二季度党员大会'],
      [{ date: '2022-08-10' }, 1, '', '三季度党员大会'],
      [{ date: '2022-08-12' }, 99, '', '不知所属'],
    ]);
    const r = judge(table([[1, '每季度召开1次党员大会', '机关党委', '各支部', '每季度', '', null]], undefined, [log]));
    expect(r.tasks[0]).toMatchObject({ status: 'on_track', missedPeriods: [] });
    expect(r.findings.map((f) => f.code)).toEqual(['log_entry_unlinked']);
  });

  test('several obligations in one measure: log entries go to the matching one; the worst status wins', () => {
    const log = sheet('工作记录', [
      ['日期', '序号', '活动内容'],
      [{ date: '2022-03-01' }, 1, '党员思想动态分析报告'],
      [{ date: '2022-05-01' }, 1, '书记班子专题会议'],
    ]);
    const measure = '机关党办每半年报告一次党员思想动态分析，书记班子每年至少召开1次专题会议';
    const t = judge(table([[1, measure, '机关党委', '办公室', '', '', null]], undefined, [log])).tasks[0];
    expect(t.obligations.map((o) => [o.actor, o.status])).toEqual([
      ['机关党办', 'on_track'],
      ['书记班子', 'on_track'],
    ]);
    const later = judge(table([[1, measure, '机关党委', '办公室', '', '', null]], undefined, [log]), {
      asOf: '2023-01-05',
    }).tasks[0];
    expect(later.status).toBe('overdue');
    expect(later.missedPeriods).toEqual(['2022-H2']);
  });

  test('每年7月1日前: due by that day of the year', () => {
    const t = judge(table([row('报送材料', '每年7月1日前', '')]), { asOf: '2022-07-02' }).tasks[0];
    expect(t).toMatchObject({ status: 'overdue', daysOverdue: 1, missedPeriods: ['2022'] });
  });

  test('built-in rule: 主题党日 with no frequency is monthly, citing its source', () => {
    const r = judge(table([row('开展主题党日活动', '', '')]));
    expect(r.tasks[0].obligations[0]).toMatchObject({
      kind: 'recurring',
      period: 'month',
      origin: 'rule',
      rule: { keyword: '主题党日' },
    });
    expect(r.tasks[0].obligations[0].rule?.source).toContain('支部工作条例');
  });

  test('a 规则 sheet adds rules and overrides built-in ones', () => {
    const rules = sheet('规则', [
      ['关键词', '频次', '最少次数', '提醒天数', '需佐证', '来源'],
      ['主题党日', '每月', 2, 10, '是', '本单位规定'],
      ['廉政谈话', '每半年', '', '', '', ''],
    ]);
    const r = judge(table([row('开展主题党日活动', '', ''), row('落实廉政谈话制度', '', '')], undefined, [rules]));
    expect(r.tasks[0].obligations[0]).toMatchObject({ period: 'month', minCount: 2, rule: { source: '本单位规定' } });
    expect(r.tasks[1].obligations[0]).toMatchObject({ period: 'half-year' });
  });

  test('relative deadlines count from the start date, in working days too', () => {
    const header = ['具体措施', '牵头部门', '完成时限', '起算日期', '完成情况'];
    const r = judge(table([['补齐负责人', '组织处', '15个工作日内', { date: '2022-09-26' }, '']], header), {
      asOf: '2022-10-14',
    });
    expect(r.tasks[0]).toMatchObject({ status: 'due_soon', due: '2022-10-20' });
  });

  test('1904 workbooks: a bare serial in the deadline column uses the 1904 calendar', () => {
    const wb = { ...table([row('措施', 44742 - 1462, '推进中')]), date1904: true };
    expect(judge(wb).tasks[0].due).toBe('2022-06-30');
  });
});
