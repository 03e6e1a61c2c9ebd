import fc from 'fast-check';
import { detectTable } from '../src/engine/table/detect-table';
import { splitDepartments } from '../src/engine/table/departments';
import { cellKind } from '../src/engine/table/column-content';
import { looksLikePersonNames, looksLikeUnitNames } from '../src/engine/table/unit-names';
import { CellValue } from '../src/engine/model/workbook';
import { judge, sheet, table, workbook } from './helpers/fixtures';

describe('finding the table (SPEC §2)', () => {
  test('title row, 填报 line, two-row header with a merged progress group, merged categories, category rows, notes', () => {
    const rows: CellValue[][] = [
      ['2022年省直机关党建工作要点责任分解表'],
      ['填报单位：机关党委     填报日期：2022年9月'],
      ['序号', '工作任务', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', null, null],
      [null, null, null, null, null, null, '进展', '完成时间', '佐证材料'],
      ['一、突出政治统领'],
      [
        1,
        '政治建设',
        '完善督查问责机制',
        '办公室',
        '各处室',
        '2022年6月30日',
        '已完成',
        { date: '2022-06-20' },
        '文件',
      ],
      [2, null, '每年向上级党组织报送1次情况报告', '机关党委', '办公室', '每年', '推进中', null, null],
      [],
      ['二、深化理论武装'],
      [3, '理论武装', '深化理想信念教育', '宣传处', '各支部', '年底前', '推进中', null, null],
      ['填表说明：1. 完成时限请填写具体日期'],
      ['2. 完成情况如实填写'],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 8 },
      { top: 2, left: 6, bottom: 2, right: 8 },
      ...[0, 1, 2, 3, 4, 5].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
      { top: 5, left: 1, bottom: 6, right: 1 },
    ];
    const report = judge(workbook(sheet('Sheet1', rows, merges)));
    expect(report.headerRows).toEqual([3, 4]);
    expect(report.year).toBe(2022);
    expect(report.columns).toMatchObject({
      id: 'A',
      category: 'B',
      measure: 'C',
      lead: 'D',
      responsible: 'E',
      deadline: 'F',
      progress: 'G',
      doneDate: 'H',
      evidence: 'I',
    });
    expect(report.tasks.map((t) => [t.row, t.category])).toEqual([
      [6, '政治建设'],
      [7, '政治建设'],
      [10, '理论武装'],
    ]);
  });

  test('category rows give the category when there is no category column', () => {
    const report = judge(
      table([
        ['一、突出政治统领'],
        [1, '措施甲', '办公室', '各处室', '年底前', '推进中'],
        ['（二）深化理论武装'],
        [2, '措施乙', '办公室', '各处室', '年底前', '推进中'],
      ]),
    );
    expect(report.tasks.map((t) => t.category)).toEqual(['一、突出政治统领', '（二）深化理论武装']);
  });

  test('traditional and English headers', () => {
    const trad = judge(
      workbook(
        sheet('表', [
          ['序號', '具體措施', '牽頭部門', '責任單位', '完成時限', '進展情況'],
          [1, '措施', '辦公室', '各處室', '年底前', '推進中'],
        ]),
      ),
    );
    expect(trad.columns).toMatchObject({
      id: 'A',
      measure: 'B',
      lead: 'C',
      responsible: 'D',
      deadline: 'E',
      progress: 'F',
    });
    const en = judge(
      workbook(
        sheet('Plan', [
          ['No.', 'Measure', 'Lead', 'Responsible', 'Deadline', 'Progress'],
          [1, 'Do it', 'Office', 'All', '2022-12-31', ''],
        ]),
      ),
    );
    expect(en.columns).toMatchObject({
      id: 'A',
      measure: 'B',
      lead: 'C',
      responsible: 'D',
      deadline: 'E',
      progress: 'F',
    });
  });

  test('header wordings clerks use beyond the SPEC list: 举措, 牵头责任单位, 计划完成时间, 主责/协办, 责任领导', () => {
    const report = judge(
      workbook(
        sheet('表', [
          ['序号', '具体举措', '牵头责任单位', '协办单位', '责任领导', '计划完成时间', '推进情况', '实际完成时间'],
          [1, '每季度开展1次作风督查', '纪检组', '办公室', '张三', '年底前', '推进中', null],
        ]),
      ),
    );
    expect(report.columns).toEqual({
      id: 'A',
      measure: 'B',
      lead: 'C',
      responsible: 'D',
      owner: 'E',
      deadline: 'F',
      progress: 'G',
      doneDate: 'H',
    });
    const other = judge(
      workbook(
        sheet('表', [
          ['序號', '工作舉措', '主責部門', '時間安排', '完成情況'],
          [1, '完善制度', '辦公室', '6月底前', '已完成'],
        ]),
      ),
    );
    expect(other.columns).toEqual({ id: 'A', measure: 'B', lead: 'C', deadline: 'D', progress: 'E' });
  });

  test('department cells: a role noted in brackets (牵头, 配合 …) is not part of the name', () => {
    expect(splitDepartments('组织部（牵头）、宣传部(配合)')).toEqual(['组织部', '宣传部']);
    expect(splitDepartments('機關黨委（牽頭）')).toEqual(['機關黨委']);
    // Other brackets are part of the name.
    expect(splitDepartments('机关党委（机关纪委）、办公室')).toEqual(['机关党委（机关纪委）', '办公室']);
    const report = judge(table([[1, '完善制度', '组织部（牵头）', '宣传部（配合）', '年底前', '推进中']]));
    expect(report.tasks[0].lead).toEqual(['组织部']);
    expect(report.summary.byLead.map((g) => g.name)).toEqual(['组织部']);
  });

  test('the table is found on whichever sheet has it', () => {
    const wb = workbook(
      sheet('封面', [['2022年工作要点'], ['机关党委']]),
      sheet('分解表', [
        ['具体措施', '牵头部门', '完成时限'],
        ['措施', '办公室', '年底前'],
      ]),
    );
    expect(judge(wb).sheet).toBe('分解表');
  });

  test('a workbook without such a table is refused with a reason', () => {
    const result = detectTable(
      workbook(
        sheet('data', [
          ['name', 'value'],
          ['a', 1],
        ]),
      ),
    );
    expect(result.ok).toBe(false);
  });

  test('the user can override sheet, header row and columns', () => {
    const wb = workbook(sheet('x', [['标题'], ['甲', '乙', '丙'], ['措施一', '办公室', '年底前']]));
    const report = judge(wb, {
      override: { sheet: 'x', headerRow: 2, columns: { measure: 'A', lead: 'B', deadline: 'C' } },
    });
    expect(report.tasks).toHaveLength(1);
    expect(report.tasks[0]).toMatchObject({ measure: '措施一', lead: ['办公室'], deadlineText: '年底前' });
    expect(report.overridden).toEqual(['measure', 'lead', 'deadline']);
  });

  test('period columns 1月…12月, 一季度…, 上半年/下半年 are recognised', () => {
    const header = ['具体措施', '牵头部门', '完成时限', '1月', '2月', '第一季度', 'Q2', '上半年', '下半年'];
    const result = detectTable(workbook(sheet('s', [header, ['x', 'y', '每月', '✓', '', '', '', '', '']])));
    expect(result.ok && result.layout.periodColumns.map((p) => `${p.period}${p.index}`)).toEqual([
      'month1',
      'month2',
      'quarter1',
      'quarter2',
      'half-year1',
      'half-year2',
    ]);
  });

  test('header detection survives shuffled columns and noise rows (property)', () => {
    const fields: Array<[string, string]> = [
      ['序号', 'id'],
      ['具体措施', 'measure'],
      ['牵头部门', 'lead'],
      ['责任部门', 'responsible'],
      ['完成时限', 'deadline'],
      ['完成情况', 'progress'],
      ['备注', 'notes'],
    ];
    const noise = fc.array(
      fc.array(fc.constantFrom<CellValue>(null, '', '说明文字', 42, '2022年度', '填报单位：xx'), { maxLength: 4 }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(
        fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length }),
        noise,
        fc.integer({ min: 0, max: 3 }),
        (order, above, offset) => {
          const header: CellValue[] = [...Array(offset).fill(null), ...order.map(([h]) => h)];
          const data: CellValue[] = [
            ...Array(offset).fill(null),
            ...order.map(([, f]) => (f === 'measure' ? '某项措施' : f === 'deadline' ? '年底前' : 'x')),
          ];
          const result = detectTable(workbook(sheet('s', [...above, header, data])));
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.layout.headerTop).toBe(above.length);
          order.forEach(([, field], i) =>
            expect(result.layout.columns[field as keyof typeof result.layout.columns]).toBe(offset + i),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('real tables: columns told by header words and cells (SPEC §2, issue 15)', () => {
  test('the handed tables are judged as a clerk expects, through the report (f1, f2, f3, f10, f28)', () => {
    const asOf = '2023-11-30';
    const f1 = judge(
      workbook(
        sheet('Sheet', [
          ['工作任务', '牵头单位', '完成时限'],
          ['全面清理行政规范性文件', '办公室', '2023年6月底前'],
        ]),
      ),
      { asOf },
    );
    expect(f1.columns).toEqual({ measure: 'A', lead: 'B', deadline: 'C' });
    expect(f1.tasks[0]).toMatchObject({ due: '2023-06-30', status: 'overdue', daysOverdue: 153 });
    const f2 = judge(
      workbook(
        sheet('Sheet', [
          ['具体要求', '责任单位', '时限要求'],
          ['全面清理行政规范性文件', '办公室', '年底前'],
        ]),
      ),
      { asOf },
    );
    expect(f2.tasks[0]).toMatchObject({ due: '2023-12-31', status: 'on_track', responsible: ['办公室'] });
    const f3 = judge(
      workbook(
        sheet('Sheet', [
          ['目标任务', '牵头单位', '完成时限'],
          ['新增托位400个', '县教育局', '2024年12月底前'],
        ]),
      ),
      { asOf },
    );
    expect(f3.tasks[0]).toMatchObject({ measure: '新增托位400个', due: '2024-12-31' });
    const f10 = judge(
      workbook(
        sheet('Sheet', [
          ['具体措施', '牵头单位', '完成时限', '1-10月推进情况', '1-11月推进情况'],
          ['新建中转站8个', '城管局', '2023年12月底前', '完成30%', '已完成，11月20日验收'],
        ]),
      ),
      { asOf },
    );
    expect(f10.tasks[0].status).toBe('done');
    const f28 = judge(
      workbook(
        sheet('Sheet', [
          ['具体措施', '责任单位', '完成情况', '备注'],
          ['开展行政规范性文件清理并集中公开', '办公室', '推进中', '11月底前完成'],
        ]),
      ),
      { asOf: '2023-11-25' },
    );
    expect(f28.tasks[0]).toMatchObject({ due: '2023-11-30', status: 'due_soon' });
  });

  test('columns headed by words in no list are told by their cells, in any order (property)', () => {
    // Each column: a header the vocabulary does not know, and cells of its kind.
    const kinds: Array<[string, string, CellValue[]]> = [
      ['measure', '事', ['完善机关内部控制制度建设', '开展政策法规集中宣传活动', '推进办公用房清理整改工作']],
      ['responsible', '归口', ['办公室', '财务科、人事科', '各科室']],
      ['deadline', '节奏', ['2023年6月底前', '年底前', '每季度']],
      ['progress', '动态', ['已完成', '推进中', '已印发实施方案']],
    ];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(kinds, { minLength: kinds.length, maxLength: kinds.length }),
        fc.integer({ min: 0, max: 2 }),
        (order, offset) => {
          const pad = Array<CellValue>(offset).fill(null);
          // One column the vocabulary names (具体措施 … would be too easy: the lead) keeps the table plausible.
          const rows: CellValue[][] = [[...pad, '牵头单位', ...order.map(([, h]) => h)]];
          for (let i = 0; i < 3; i++) rows.push([...pad, '县政府办', ...order.map(([, , cells]) => cells[i])]);
          const result = detectTable(workbook(sheet('s', rows)));
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.layout.columns.lead).toBe(offset);
          order.forEach(([field], i) =>
            expect(result.layout.columns[field as keyof typeof result.layout.columns]).toBe(offset + 1 + i),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('status columns and 责任单位 beside helpers, over the header words clerks use (issue 15)', () => {
  const STATUS_HEADERS = [
    '办理状态',
    '整改状态',
    '是否完成',
    '进展状态',
    '完成状态',
    '办理情况',
    '整改情况',
    '整改进展',
    '推进状态',
    '辦理狀態',
    '推進狀態',
  ];
  const STATUS_CELLS: CellValue[][] = [
    ['已办结', '推进中', '待办理'],
    ['已整改', '整改中', '未整改'],
    ['是', '否', '是'],
    ['已完成', '正常推进', '进度滞后'],
    ['已辦結', '辦理中', '暫緩'],
  ];

  test('a column of status words is the progress under any of these headers, at any place', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUS_HEADERS),
        fc.constantFrom(...STATUS_CELLS),
        fc.integer({ min: 0, max: 3 }),
        (header, cells, at) => {
          const base: Array<[CellValue, CellValue[]]> = [
            ['工作任务', ['修订局机关值班制度', '完成政府信息公开工作自查', '建立扬尘治理周调度机制']],
            ['牵头单位', ['办公室', '质安科', '规划科']],
            ['完成时限', ['9月30日前', '10月15日前', '年底前']],
          ];
          base.splice(at, 0, [header, cells]);
          const rows: CellValue[][] = [base.map(([h]) => h)];
          for (let i = 0; i < 3; i++) rows.push(base.map(([, c]) => c[i]));
          const result = detectTable(workbook(sheet('s', rows)));
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.layout.columns.progress).toBe(at);
        },
      ),
      { numRuns: 120 },
    );
  });

  test('责任单位 leads beside any helpers column, in either order; the helpers are the responsible', () => {
    const mains = ['责任单位', '责任部门', '责任科室', '責任單位', '承办单位'];
    const helpers = ['配合单位', '协办单位', '协同单位', '参与单位', '协助单位', '配合部门', '協辦單位'];
    for (const main of mains)
      for (const helper of helpers)
        for (const helperFirst of [false, true]) {
          const units: CellValue[][] = [
            [main, '办公室'],
            [helper, '各科室'],
          ];
          if (helperFirst) units.reverse();
          const rows: CellValue[][] = [
            ['具体措施', units[0][0], units[1][0], '完成时限'],
            ['完善机关内部控制制度', units[0][1], units[1][1], '年底前'],
          ];
          const result = detectTable(workbook(sheet('s', rows)));
          expect(result.ok).toBe(true);
          if (!result.ok) continue;
          expect([main, helper, result.layout.columns.lead, result.layout.columns.responsible]).toEqual([
            main,
            helper,
            helperFirst ? 2 : 1,
            helperFirst ? 1 : 2,
          ]);
        }
  });
});

describe('review findings (issue 15 follow-up): what a column is, read from its cells and its period', () => {
  /** The progress column a table of two progress columns is judged by (the other is kept as older). */
  const currentProgress = (older: string, newer: string, newerFirst: boolean) => {
    const progress: Array<[string, string[]]> = [
      [older, ['正在推进', '已完成招标']],
      [newer, ['已完成', '已完成验收']],
    ];
    if (newerFirst) progress.reverse();
    const rows: CellValue[][] = [
      ['具体措施', '牵头单位', '完成时限', progress[0][0], progress[1][0]],
      ['完善机关内部控制制度', '办公室', '年底前', progress[0][1][0], progress[1][1][0]],
      ['建设城市公共停车场', '住建局', '12月底前', progress[0][1][1], progress[1][1][1]],
    ];
    const result = detectTable(workbook(sheet('s', rows)));
    expect(result.ok).toBe(true);
    return result.ok ? result.layout.columns.progress : undefined;
  };

  test('a whole-year progress column (2023年度, 全年) is later than the months of that year; a year not written compares by months', () => {
    for (const newerFirst of [false, true]) {
      const at = newerFirst ? 3 : 4;
      expect(currentProgress('2023年1-11月推进情况', '2023年度完成情况', newerFirst)).toBe(at);
      // Unseen variants: the same year written as 全年, and months without a year beside months with one.
      expect(currentProgress('2023年1-10月进展', '2023年全年完成情况', newerFirst)).toBe(at);
      expect(currentProgress('2023年1-10月推进情况', '1-11月推进情况', newerFirst)).toBe(at);
      expect(currentProgress('2022年度完成情况', '2023年1-6月推进情况', newerFirst)).toBe(at);
    }
  });

  test('a measure that mentions done or unfinished work (已建成的…, 尚未解决的…) is a task, not progress', () => {
    expect(cellKind('推动已建成的公共充电桩纳入统一监管平台')).toBe('text');
    expect(cellKind('全力解决群众反映强烈但尚未解决的问题')).toBe('text');
    // Unseen variants of the same kind: 正在…的 and 已…的 in the middle of a task.
    expect(cellKind('对正在建设的重点项目开展安全生产检查')).toBe('text');
    expect(cellKind('梳理各地尚未办结的信访事项并建立台账')).toBe('text');
    expect(cellKind('督促已印发的实施方案落地见效')).toBe('text');
    // Progress reports stay progress.
    for (const p of [
      '已完成招标工作',
      '目前已印发实施方案',
      '项目正在施工，尚未完工',
      '已建成的3个站点已投入使用',
      '推进中',
    ])
      expect([p, cellKind(p)]).toEqual([p, 'progress']);
  });

  test('a task starting with a verb is not a unit, though it ends in 市/村/镇/区; short agency names still are', () => {
    for (const task of ['创建文明城市', '建设美丽乡村', '打造特色小镇', '建设智慧园区', '创建卫生县城', '打造美丽集镇'])
      expect([task, looksLikeUnitNames(task)]).toEqual([task, false]);
    for (const unit of ['组织部', '建设局', '发展改革委', '建设局、组织部'])
      expect([unit, looksLikeUnitNames(unit)]).toEqual([unit, true]);
  });

  test('place names and everyday words that start with a surname are not people; names are', () => {
    for (const word of ['温州、郑州', '全覆盖', '高质量', '林业', '黄河', '徐州、常州', '全方位', '高效率', '林场'])
      expect([word, looksLikePersonNames(word)]).toEqual([word, false]);
    for (const name of ['张三', '王建国', '李某', '王副市长、刘某某', '陈海、林江', '黄河清'])
      expect([name, looksLikePersonNames(name)]).toEqual([name, true]);
  });
});
