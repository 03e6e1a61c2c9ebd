import { findDates } from '../src/engine/deadline/date-phrases';
import { sameRequirement } from '../src/engine/deadline/obligation';
import { parseDeadlineText } from '../src/engine/deadline/parse-deadline';
import { parseMeasureText } from '../src/engine/deadline/parse-measure';

/** Measure texts of real published tables (SPEC §3, the paragraph "In measure texts"), in a table of 2023. */

const dues = (text: string) => parseMeasureText(text, 2023).map((o) => (o.kind === 'deadline' ? o.due : o.kind));

describe('a start limits a recurring obligation to the periods from then on', () => {
  test('f13: 从2023年第二季度起 … 每个季度第1个月的20日前', () => {
    const text = '从2023年第二季度起，各牵头单位要在每个季度第1个月的20日前，将责任事项完成情况报督查室。';
    expect(parseMeasureText(text, 2023)).toEqual([
      {
        kind: 'recurring',
        period: 'quarter',
        minCount: 1,
        by: '01-20',
        from: '2023-04-01',
        text: '各牵头单位要在每个季度第1个月的20日前',
        actor: '各牵头单位',
        origin: 'measure',
      },
    ]);
  });

  test.each([
    ['自2023年7月起，每月10日前报送工作进展', { period: 'month', by: '10', from: '2023-07-01' }],
    ['从下半年开始每季度召开一次推进会', { period: 'quarter', from: '2023-07-01' }],
    ['2023年3月起每月开展1次主题党日活动', { period: 'month', from: '2023-03-01' }],
  ])('%s', (text, expected) => {
    expect(parseMeasureText(text, 2023)).toEqual([expect.objectContaining({ kind: 'recurring', ...expected })]);
  });

  test('a start applies within its sentence only', () => {
    const [first, second] = parseMeasureText('从二季度起每月报送1次。每季度召开1次专题会议。', 2023);
    expect(first).toMatchObject({ period: 'month', from: '2023-04-01' });
    expect(second).toMatchObject({ period: 'quarter' });
    expect(second).not.toHaveProperty('from');
  });
});

describe('period-by-period targets: one deadline per period named', () => {
  test('f12: 第一、二、三、四季度任务分别为… → each quarter’s end of the table’s year', () => {
    expect(dues('第一、二、三、四季度任务分别为500、600、500、400万元。')).toEqual([
      '2023-03-31',
      '2023-06-30',
      '2023-09-30',
      '2023-12-31',
    ]);
  });

  test.each([
    ['第三季度：完成主体施工；第四季度：竣工验收并投入使用', ['2023-09-30', '2023-12-31']],
    ['上半年、下半年分别完成招商引资300万元、400万元', ['2023-06-30', '2023-12-31']],
    ['3月、6月、9月底前分别报送阶段性工作总结', ['2023-03-31', '2023-06-30', '2023-09-30']],
    ['一、二季度分别完成30%、60%', ['2023-03-31', '2023-06-30']],
    ['上半年：完成方案编制。下半年：组织实施', ['2023-06-30', '2023-12-31']],
    ['6月底前完成初稿，9月底前完成修订', ['2023-06-30', '2023-09-30']],
  ])('%s', (text, expected) => {
    expect(dues(text)).toEqual(expected);
  });

  test('a number before the month that numbers the item is no period', () => {
    expect(dues('1、完善制度；2、3月底前完成培训')).toEqual(['2023-03-31']);
    expect(dues('3、6、9月分别报送季度总结')).toEqual(['2023-03-31', '2023-06-30', '2023-09-30']);
  });

  test('each period’s obligation shows the clause as written', () => {
    const [q1] = parseMeasureText('第一、二季度任務分別為500、600萬元', 2023);
    expect(q1).toMatchObject({ kind: 'deadline', due: '2023-03-31', text: '第一、二季度任務分別為500、600萬元' });
  });
});

describe('several counts of one frequency, and minimum counts', () => {
  test('每季度一次支委会、一次支部大会 is two obligations', () => {
    expect(parseMeasureText('每季度一次支委会、一次支部大会', 2023)).toEqual([
      expect.objectContaining({ kind: 'recurring', period: 'quarter', minCount: 1 }),
      expect.objectContaining({ kind: 'recurring', period: 'quarter', minCount: 1 }),
    ]);
  });

  test('the second count keeps the actor of the first', () => {
    expect(parseMeasureText('机关党支部每月召开1次支委会和2次党小组会', 2023)).toEqual([
      expect.objectContaining({ period: 'month', minCount: 1, actor: '机关党支部' }),
      expect.objectContaining({ period: 'month', minCount: 2, actor: '机关党支部' }),
    ]);
    expect(
      parseMeasureText('每年开展1次集中培训、2次专题讲座、1次实地观摩', 2023).map((o) =>
        o.kind === 'recurring' ? o.minCount : 0,
      ),
    ).toEqual([1, 2, 1]);
  });

  test.each([
    ['每年至少研读2本', 2],
    ['每季度学习次数不少于3次', 3],
    ['每季度至少开展两次', 2],
    ['每人每年至少撰写1篇调研报告', 1],
    ['每年至少研读3部经典著作', 3],
  ])('%s → minimum %d', (text, min) => {
    expect(parseMeasureText(text, 2023)).toEqual([expect.objectContaining({ kind: 'recurring', minCount: min })]);
  });

  test('one count of two things stays one obligation', () => {
    expect(parseMeasureText('每季度召开1次支委会、党员大会', 2023)).toHaveLength(1);
  });
});

describe('dates that report or forecast are not obligations', () => {
  test.each([
    '截至9月底已完成投资5亿元',
    '截至9月底，已完成投资5亿元',
    '预计年底前完成',
    '目前已完成主体施工，正在进行内部装修',
    '1-10月累计完成固定资产投资8.6亿元',
    // unseen variants
    '预计将于2023年6月底前竣工',
    '截止2023年10月底，全市共建成充电桩320个',
    '6月底已全部完成验收',
    '今年以来每月开展1次主题党日',
  ])('%s', (text) => {
    expect(parseMeasureText(text, 2023)).toEqual([]);
  });

  test('a plan with 已 or 以来 elsewhere in it is still a plan', () => {
    expect(dues('6月底前对已建成项目开展验收')).toEqual(['2023-06-30']);
    expect(dues('目前已完成选址，年底前完成主体建设')).toEqual(['2023-12-31']);
    expect(dues('7月1日前组织学习建党以来的历史经验')).toEqual(['2023-07-01']);
  });

  test('起草 is no start', () => {
    expect(parseMeasureText('6月起草实施方案，每月报送1次进展', 2023)).toEqual([
      expect.not.objectContaining({ from: expect.anything() }),
    ]);
  });
});

describe('the text shown is the text as written', () => {
  test('著作 stays 著作 (the converter would make it 着作)', () => {
    expect(parseMeasureText('每年至少研读2本著作', 2023)[0].text).toBe('每年至少研读2本著作');
  });

  test('traditional clauses are shown as written, their actors too', () => {
    expect(parseMeasureText('機關黨辦每半年報告一次黨員思想動態分析，書記班子每年至少召開1次專題會議', 2023)).toEqual([
      expect.objectContaining({ text: '機關黨辦每半年報告一次黨員思想動態分析', actor: '機關黨辦' }),
      expect.objectContaining({ text: '書記班子每年至少召開1次專題會議', actor: '書記班子' }),
    ]);
  });

  test('traditional input reads the same and shows as written: a start, a due day in each quarter', () => {
    expect(parseMeasureText('從2023年第二季度起，各牽頭單位要在每個季度第1個月的20日前報送', 2023)).toEqual([
      expect.objectContaining({
        period: 'quarter',
        by: '01-20',
        from: '2023-04-01',
        text: '各牽頭單位要在每個季度第1個月的20日前報送',
      }),
    ]);
  });

  test('quotation marks, full-width digits and spaces stay in the clause; the actor is the words themselves', () => {
    expect(parseMeasureText('“机关党办” 每月开展１次主题党日；年底前完成总结', 2023)).toEqual([
      expect.objectContaining({ text: '“机关党办” 每月开展１次主题党日', actor: '机关党办', minCount: 1 }),
      expect.objectContaining({ text: '年底前完成总结', due: '2023-12-31' }),
    ]);
  });
});

describe('a deadline cell that sums up period-by-period targets is no conflict', () => {
  test('按季度 and one deadline per quarter are the same requirement; 每月 and a quarter’s end are not', () => {
    const quarters = parseMeasureText('第一、二、三、四季度分别完成4亿元、5亿元、5亿元、6亿元', 2023);
    const cell = parseDeadlineText('按季度', 2023);
    expect(quarters.every((q) => sameRequirement(q, cell, 2023))).toBe(true);
    expect(sameRequirement(parseDeadlineText('每半年', 2023), parseDeadlineText('上半年', 2023), 2023)).toBe(true);
    expect(sameRequirement(parseDeadlineText('每年', 2023), parseDeadlineText('年底前', 2023), 2023)).toBe(true);
    expect(sameRequirement(parseDeadlineText('每月', 2023), quarters[0], 2023)).toBe(false);
    expect(sameRequirement(cell, parseDeadlineText('2024年3月底前', 2023), 2023)).toBe(false);
    expect(sameRequirement(parseDeadlineText('每季度首月10日前', 2023), quarters[0], 2023)).toBe(false);
  });
});

describe('a duration the work is cut to is a target, not a time limit', () => {
  test.each([
    '企业开办时间压缩至1个工作日以内',
    '工程建设项目审批时间缩短到60个工作日以内',
    '不动产登记办理时间控制在3个工作日内',
  ])('%s states no obligation', (text) => {
    expect(parseMeasureText(text, 2023)).toEqual([]);
  });
  test('a real time limit stays one', () => {
    expect(parseMeasureText('收到交办件后15个工作日内办结', 2023).map((o) => o.kind)).toEqual(['relative']);
  });
});

/* Issue 15 (brief full14): a list of dates with 分别, and 每年 with several days. */

describe('a list of dates with 分别 is one deadline per date', () => {
  test.each([
    ['分别于6月15日、12月15日前将落实情况报至牵头单位', ['2023-06-15', '2023-12-15']],
    ['各责任单位于6月底、12月底前分别报送工作总结', ['2023-06-30', '2023-12-31']],
    // unseen variants of the same kind
    ['请于5月20日和11月20日前分别提交自查报告', ['2023-05-20', '2023-11-20']],
    ['各单位分別於2023年7月1日、2024年1月10日前報送', ['2023-07-01', '2024-01-10']],
  ])('%s', (text, expected) => {
    expect(dues(text)).toEqual(expected);
  });

  test('each keeps its clause and actor', () => {
    expect(parseMeasureText('办公室分别于6月15日、12月15日前汇总报送，年底前完成总结', 2023)).toEqual([
      {
        kind: 'deadline',
        due: '2023-06-15',
        text: '办公室分别于6月15日、12月15日前汇总报送',
        actor: '办公室',
        origin: 'measure',
      },
      {
        kind: 'deadline',
        due: '2023-12-15',
        text: '办公室分别于6月15日、12月15日前汇总报送',
        actor: '办公室',
        origin: 'measure',
      },
      { kind: 'deadline', due: '2023-12-31', text: '年底前完成总结', origin: 'measure' },
    ]);
  });

  test('dates listed in a report are no obligation', () => {
    expect(dues('截至目前，已分别于3月5日、4月8日召开推进会')).toEqual([]);
    expect(dues('分别于3月5日、4月8日已召开推进会')).toEqual([]);
  });
});

describe('每年 with several days in a measure text', () => {
  test.each([
    ['每年6月15日、12月15日前将整改进展报送牵头单位', { period: 'half-year', minCount: 1, by: '06-15' }],
    // unseen variants
    ['每年1月10日和7月10日前报送上半年、下半年工作情况', { period: 'half-year', minCount: 1, by: '01-10' }],
    ['每年3月31日、9月30日前各报送一次', { period: 'half-year', minCount: 1, by: '03-31' }],
  ])('%s', (text, expected) => {
    expect(parseMeasureText(text, 2023)).toEqual([expect.objectContaining({ kind: 'recurring', ...expected })]);
  });

  test('unevenly spread days: one yearly obligation per day, each counting the reports due by then', () => {
    expect(parseMeasureText('机关党委每年3月底、10月底前报送', 2023)).toEqual([
      {
        kind: 'recurring',
        period: 'year',
        minCount: 1,
        by: '03-31',
        text: '机关党委每年3月底、10月底前报送',
        actor: '机关党委',
        origin: 'measure',
      },
      {
        kind: 'recurring',
        period: 'year',
        minCount: 2,
        by: '10-31',
        text: '机关党委每年3月底、10月底前报送',
        actor: '机关党委',
        origin: 'measure',
      },
    ]);
  });
});

describe('a time limit named as one stays a time limit (review finding)', () => {
  test.each(['办结时限15个工作日内', '收到投诉后办结时间30日内'])('%s', (text) => {
    expect(parseMeasureText(text, 2023).map((o) => o.kind)).toEqual(['relative']);
  });
});

describe('a long run of list items is read in bounded time (review finding 5)', () => {
  /** The fastest of three readings, in ms: the first warms the patterns up, the least is the least disturbed by load. */
  const fastestMs = (text: string): number => {
    let least = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = process.hrtime.bigint();
      parseMeasureText(text, 2023);
      least = Math.min(least, Number(process.hrtime.bigint() - started) / 1e6);
    }
    return least;
  };
  // "1、" ×16000 before 月底前完成 took 1.1 s: each start tried every shorter list again.
  test.each([
    ['1、', '月底前完成'],
    // unseen variants: numerals in words, another separator
    ['一、', '月底前完成'],
    ['12和', '月份报送'],
  ])('"%s" ×16000 then "%s" in under 100 ms', (item, tail) => {
    expect(fastestMs(item.repeat(16000) + tail)).toBeLessThan(100);
  });

  test('a text naming thousands of months is read in linear time (8 times the text, not 64 times the time)', () => {
    // findDates compared each month found with every one found before it: 16000 months took 0.2 s (ratio ~33).
    const fastestFind = (text: string): number => {
      let least = Infinity;
      for (let i = 0; i < 5; i++) {
        const started = process.hrtime.bigint();
        findDates(text, 2023);
        least = Math.min(least, Number(process.hrtime.bigint() - started) / 1e6);
      }
      return least;
    };
    const [small, large] = [2000, 16000].map((n) => fastestFind('3月、'.repeat(n) + '月底前完成'));
    expect(large / Math.max(small, 0.5)).toBeLessThan(16);
  });

  test('lists of up to twelve months are still read', () => {
    expect(dues('3、6、9月底前分别报送')).toEqual(['2023-03-31', '2023-06-30', '2023-09-30']);
    expect(dues('1、2、3、4、5、6、7、8、9、10、11、12月底前分别报送')).toHaveLength(12);
  });
});

describe('the actor is shown as written, traditional script included (SPEC §3)', () => {
  test.each([
    ['著作權管理處每年至少開展2次版權執法檢查', '著作權管理處'],
    ['辦公室每月10日前報送工作動態', '辦公室'],
    ['机关党办每半年报告一次', '机关党办'],
  ])('%s → %s', (text, actor) => {
    expect(parseMeasureText(text, 2023)[0].actor).toBe(actor);
  });
});
