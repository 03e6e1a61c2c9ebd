import { judge, sheet, table, workbook } from './helpers/fixtures';

/** Issue 15, statuses: what a clerk reads in the 校验结果 column. */
const row = (measure: string, deadline: string, progress = '', done: string | { date: string } = '') => [
  1,
  measure,
  '组织部',
  '宣传部',
  deadline,
  progress,
  done,
];
const task = (r: ReturnType<typeof row>, asOf = '2022-09-30', lang: 'zh' | 'en' = 'zh') =>
  judge(table([r]), { asOf, lang }).tasks[0];

describe('a done date after the as-of date makes the row 待核实, never 逾期完成', () => {
  test.each([
    ['a date cell after the as-of date', row('制定实施方案', '2022年6月底前', '已完成', { date: '2022-10-15' })],
    ['a date written in the progress text', row('制定实施方案', '2022年6月底前', '已于2022年10月15日完成')],
    [
      'before its deadline, but after the as-of date',
      row('制定实施方案', '2022年12月底前', '已完成', { date: '2022-10-15' }),
    ],
  ])('%s', (_, r) => {
    const t = task(r);
    expect(t.status).toBe('needs_attention');
    expect(t.statusText).toBe('? 待核实：完成时间 2022-10-15 晚于校验日期 2022-09-30');
    expect(t.findings.filter((f) => f.code === 'done_date_after_as_of')).toHaveLength(1);
  });
});

describe('a row without a deadline whose progress says it is done is 已完成', () => {
  test.each([
    ['no deadline at all', ''],
    ['a deadline left 待定', '待定'],
  ])('%s: done, counted in 办结率, the deadline still a finding', (_, deadline) => {
    const report = judge(table([row('修订机关工作规则', deadline, '已完成，2022年8月印发')]));
    expect(report.tasks[0].status).toBe('done');
    expect(report.summary.doneRate).toBe(1);
    expect(report.tasks[0].findings.map((f) => f.code)).toEqual(
      expect.arrayContaining([deadline ? 'vague_deadline' : 'missing_deadline']),
    );
  });
  test('not done without a deadline still needs attention', () => {
    expect(task(row('修订机关工作规则', '', '正在起草')).status).toBe('needs_attention');
  });
});

describe('a recurring task says what its day count counts', () => {
  test('missed months come first, the days count from the earliest', () => {
    const t = task(row('每月开展1次主题党日', '每月', '3月15日开展'), '2022-04-10');
    expect(t.status).toBe('overdue');
    expect(t.statusText).toBe('● 逾期：缺 1月、2月（最早已逾期 69 天）');
  });
  test('in English', () => {
    const t = task(row('每月开展1次主题党日', '每月', '3月15日开展'), '2022-04-10', 'en');
    expect(t.statusText).toBe('● Overdue: missed Jan, Feb (the earliest 69 days ago)');
  });
  test('a one-off task keeps its plain day count', () => {
    expect(task(row('制定实施方案', '2022年6月底前', '推进中')).statusText).toBe('● 逾期 92 天');
  });
});

describe("a table with no deadline column whose title states its year: each task is due by that year's end", () => {
  const annual = (title: string, rows: (string | number)[][], asOf: string) =>
    judge(workbook(sheet('推进情况', [[title], ['序号', '目标任务', '责任单位', '推进情况'], ...rows])), { asOf });
  test('年度工作报告 targets, as of mid-year: on track, due 12-31, an info finding says why', () => {
    const report = annual(
      '2025年区政府工作报告目标任务上半年推进情况汇总表',
      [[1, '地区生产总值增长6%以上', '区发展改革委', '上半年增长5.8%']],
      '2025-07-15',
    );
    const t = report.tasks[0];
    expect([t.status, t.due]).toEqual(['on_track', '2025-12-31']);
    expect(t.findings.map((f) => [f.code, f.severity])).toEqual([['deadline_from_table_year', 'info']]);
    expect(t.findings[0].message).toBe('表中没有完成时限列，按表题年度计：2025-12-31 到期');
  });
  test('民生实事 as of late December: due soon; after the year: overdue unless done', () => {
    const rows = [
      [1, '新建城市书房10个', '市文广旅局', '已建成8个，其余正加快建设'],
      [2, '改造老旧小区20个', '市住建局', '已全部完工'],
    ];
    expect(annual('2023年民生实事项目推进情况', rows, '2023-12-28').tasks.map((t) => t.status)).toEqual([
      'due_soon',
      'done',
    ]);
    expect(annual('2023年民生实事项目推进情况', rows, '2024-01-20').tasks.map((t) => t.status)).toEqual([
      'overdue',
      'done',
    ]);
  });
  test('a measure that states its own deadline keeps it', () => {
    const t = annual('2023年重点工作任务分解', [[1, '6月底前完成实施方案制定', '办公室', '推进中']], '2023-09-30')
      .tasks[0];
    expect([t.status, t.due]).toEqual(['overdue', '2023-06-30']);
  });
  test('with no year stated, a missing deadline stays a missing deadline', () => {
    const t = judge(
      workbook(
        sheet('Sheet1', [
          ['序号', '目标任务', '责任单位', '推进情况'],
          [1, '地区生产总值增长6%以上', '区发展改革委', '推进中'],
        ]),
      ),
      { asOf: '2025-07-15' },
    ).tasks[0];
    expect(t.status).toBe('needs_attention');
    expect(t.findings.map((f) => f.code)).toContain('missing_deadline');
  });
});

describe('a deadline cell listing two dates with 分别 is two deadlines', () => {
  test.each([
    ['分别于6月15日、12月15日前报送', 'overdue', '2022-06-15'],
    ['于6月底、12月底前分别报送', 'overdue', '2022-06-30'],
  ])('%s: the first missed date counts', (deadline, status, due) => {
    const t = task(row('报送年度工作总结', deadline, '推进中'));
    expect([t.status, t.due, t.obligations.length]).toEqual([status, due, 2]);
  });
});

describe('a plan with no progress column (a new-user trial: 政务公开重点任务清单)', () => {
  test('a continuous task is 持续推进: there is no progress cell to leave empty', () => {
    const report = judge(
      workbook(
        sheet('任务清单', [
          ['2025年政务公开重点任务清单'],
          ['序号', '工作任务', '责任科室', '完成时限'],
          [1, '及时公开信访工作动态', '办公室', '持续推进'],
          [2, '公开年度工作要点', '办公室', '2025年3月底前'],
        ]),
      ),
      { asOf: '2025-06-30' },
    );
    expect(report.tasks.map((t) => t.status)).toEqual(['ongoing', 'overdue']);
    expect(report.tasks[0].findings.map((f) => f.code)).not.toContain('continuous_without_progress');
  });
  test('with a progress column, an empty cell still needs attention', () => {
    expect(task(row('长期坚持理论学习', '长期坚持', '')).status).toBe('needs_attention');
  });
});
