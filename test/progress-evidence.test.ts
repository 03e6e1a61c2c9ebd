import { progressState } from '../src/engine/evidence/progress-words';
import { gatherEvidence } from '../src/engine/evidence/task-evidence';
import { CellValue } from '../src/engine/model/workbook';
import { judge, table } from './helpers/fixtures';

/*
 * SPEC §2 "Progress text is evidence too" (issue 15, item 4): the periods a progress cell says were done
 * ("上半年已开展", "一、二、三季度已开展", "1-10月均已按月报送") are met for a recurring obligation, and
 * "已开展4次" is a count; a part, a phase, or an amount or share short of the target is not done.
 * Tables are judged through validateWorkbook (the standard 2022 table of test/helpers/fixtures).
 */

const row = (measure: string, deadline: CellValue, progress: CellValue): CellValue[] => [
  1,
  measure,
  '办公室',
  '各科室',
  deadline,
  progress,
  null,
];
const judged = (measure: string, deadline: CellValue, progress: CellValue, asOf = '2022-11-30') =>
  judge(table([row(measure, deadline, progress)]), { asOf }).tasks[0];

describe('the periods a progress text says were done are met (recurring obligations)', () => {
  test.each<[string, string, string, string]>([
    // The realistic layouts' rows (清廉机关, 部门重点工作, 招商引资目标责任书).
    ['做实机关工作人员思想动态分析', '每半年', '上半年已开展', 'on_track'],
    ['每季度开展1次重点项目建设督导', '', '一、二、三季度已开展', 'on_track'],
    ['每月向县政府报送1次招商工作进展', '每月', '1-10月均已按月报送', 'due_soon'],
    // Unseen variants of each way of naming periods.
    ['召开党员大会', '每季度', '第一季度、第二季度、第三季度均已召开', 'on_track'],
    ['报送安全生产形势分析', '每月', '1至10月每月均已报送', 'due_soon'],
    ['报送安全生产形势分析', '按月', '一月至十月已按时报送', 'due_soon'],
    ['做实机关工作人员思想动态分析', '每半年', '上半年已開展', 'on_track'],
    ['召开党员大会', '每季度', '前三季度均已召开', 'on_track'],
    ['开展谈心谈话', '每年', '全年已开展', 'on_track'],
  ])('%s (%s) with "%s" as of 2022-11-30: %s, nothing missed', (measure, deadline, progress, status) => {
    const t = judged(measure, deadline, progress);
    expect([t.status, t.missedPeriods]).toEqual([status, []]);
  });

  test('months listed one by one (1月、2月、3月已开展) cover those months only', () => {
    expect(judged('召开支委会', '每月', '1月、2月、3月已开展', '2022-04-15')).toMatchObject({
      status: 'on_track',
      missedPeriods: [],
    });
    expect(judged('召开支委会', '每月', '1月、2月、3月已开展', '2022-06-15')).toMatchObject({
      status: 'overdue',
      missedPeriods: ['2022-04', '2022-05'],
    });
  });

  test('a period not said to be done (计划, 未) is not met', () => {
    expect(judged('做实机关工作人员思想动态分析', '每半年', '上半年计划开展')).toMatchObject({
      status: 'overdue',
      missedPeriods: ['2022-H1'],
    });
    expect(judged('召开党员大会', '每季度', '一季度已召开，二、三季度未召开')).toMatchObject({
      status: 'overdue',
      missedPeriods: ['2022-Q2', '2022-Q3'],
    });
    expect(judged('报送安全生产形势分析', '每月', '1-10月未报送').status).toBe('overdue');
  });

  test('a coarser period does not prove each month in it (上半年已开展 for a monthly task)', () => {
    expect(judged('召开支委会', '每月', '上半年已开展', '2022-07-15').status).toBe('overdue');
  });

  test('a date in the text stays an activity on that day, not a whole month named', () => {
    expect(judged('召开支委会', '每月', '1月18日、2月22日分别开展', '2022-03-10')).toMatchObject({
      status: 'on_track',
      missedPeriods: [],
    });
    expect(judged('召开支委会', '每月', '1月18日已开展', '2022-03-10')).toMatchObject({
      status: 'overdue',
      missedPeriods: ['2022-02'],
    });
  });
});

describe('"已开展4次" in the progress text is a count', () => {
  test.each<[string, string, string]>([
    ['召开党员大会', '已开展4次', 'on_track'],
    ['召开党员大会', '今年已召开3次', 'on_track'],
    ['召开党员大会', '截至10月底，已组织开展3次', 'on_track'],
    ['召开党员大会', '已开展2次', 'overdue'],
  ])('%s each quarter, "%s" as of 2022-11-30: %s', (measure, progress, status) =>
    expect(judged(measure, '每季度', progress).status).toBe(status),
  );
});

describe('a part, a phase, or an amount or share short of the target is not done (SPEC §2)', () => {
  const due = '2022年12月底前';
  test.each<[string, string]>([
    // The realistic layouts' rows (民生实事, 交通运输局, 常务会议议定事项).
    ['完成农村供水管网改造80公里', '完成管网改造68公里'],
    ['建成镇级综合运输服务站3个', '主体已完工'],
    ['加快推进职教园区建设', '一期主体完工'],
    // Unseen variants.
    ['完成城区雨污分流改造12公里', '已完成改造9.6千米'],
    ['新建县档案馆', '主体已建成'],
    ['新建县档案馆', '主体工程竣工'],
    ['建设物流园区', '二期工程已竣工'],
    ['建设物流园区', '首期已建成投用'],
    ['建設物流園區', '一期主體完工'],
  ])('%s, "%s": not done (正常推进 before the deadline)', (measure, progress) =>
    expect(judged(measure, due, progress).status).toBe('on_track'),
  );

  test.each<[string]>([
    ['完成检查32家，占比80%'],
    ['已排查企业45家，占总数的75%'],
    ['完成整改18处，占比90%'],
    ['已检查32家，占應檢企業的80％'],
  ])('a share short of 100 of the work (%s) is not done: 逾期 after the deadline', (progress) =>
    expect(judged('开展危化品企业安全检查', '2022年10月底前', progress).status).toBe('overdue'),
  );

  test.each<[string]>([
    ['主体及附属工程已全部完工'],
    ['一期、二期均已竣工'],
    ['已完成整改，占比100%'],
    ['已压实主体责任'],
    ['已完成，群众满意率98%'],
    ['已完成，女性干部占比45%'],
  ])('still done: %s', (progress) => expect(progressState(progress)).toBe('done'));

  test('a stage is done when the target is that stage (完成一期工程, 主体工程)', () => {
    expect(progressState('一期主体完工', '完成一期工程建设')).toBe('done');
    expect(progressState('二期工程已竣工', '推进物流园区二期工程建设')).toBe('done');
    expect(progressState('主体已完工', '10月底前完成主体工程')).toBe('done');
    expect(progressState('主体已完工', '建成镇级综合运输服务站3个')).toBe('not_done');
    expect(progressState('主体已完工')).toBe('not_done');
  });
});

describe('a target stated outside the measure column (targetText: the deadline cell, 建设内容及目标)', () => {
  const cells = (progress: string, measure: string, targetText?: string) => ({
    progress,
    doneDate: undefined,
    startDate: undefined,
    evidence: undefined,
    hasEvidenceColumn: false,
    count: undefined,
    lastDate: undefined,
    periodValues: [],
    measure,
    targetText,
  });
  const state = (progress: string, measure: string, targetText?: string) =>
    gatherEvidence(cells(progress, measure, targetText), 2023, false).evidence.progress;

  test('an amount short of the target in another cell is not done', () => {
    expect(state('完成管网改造68公里', '农村饮水安全巩固提升', '完成农村供水管网改造80公里')).toBe('not_done');
    expect(state('完成管网改造80公里', '农村饮水安全巩固提升', '完成农村供水管网改造80公里')).toBe('done');
  });
  test('a stage is done when the deadline cell makes it the target (10月底前主体封顶)', () => {
    expect(state('主体已完工', '市第二人民医院迁建', '2023年10月底前主体完工')).toBe('done');
    expect(state('主体已完工', '市第二人民医院迁建', '2023年10月底前')).toBe('not_done');
  });
});

describe('partial progress from published tables reads as not done in the judged table (issue 15, second round)', () => {
  test.each<[string, string]>([
    [
      '新辟公交线路10条，优化调整20条',
      '新辟线路实际完成6条（年度目标10条），优化调整线路实际完成24条（年度目标20条）。',
    ],
    ['新建建筑垃圾中转站8个、分类池20个', '已建成建筑垃圾中转站7个、分类池17个'],
    ['全面完成村规划编制', '8个村已编制完成并获批入库，其余2个村规划正加快编制'],
    ['签约项目50个', '2022年，共签约48个项目。三利谱光电已与黄冈市政府签订战略协议。'],
  ])('%s, "%s": 逾期 after the deadline, not 已完成', (measure, progress) =>
    expect(judged(measure, '2022年10月底前', progress).status).toBe('overdue'),
  );
  test('the same rows with every target met are done', () => {
    expect(
      judged('新建建筑垃圾中转站8个、分类池20个', '2022年10月底前', '已建成建筑垃圾中转站8个、分类池20个').status,
    ).toBe('done');
  });
});
