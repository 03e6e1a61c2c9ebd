/*
 * Recognising real published breakdown tables (SPEC §2 "Real tables say it in many more ways", issue 15):
 * a column's role is told by its header AND its cells. Each handed case of
 * ../shared/cases/real-tables (f1 … f28) is rebuilt here in code, with two unseen variants of its kind
 * (other header words, other column orders, merged headers).
 */
import { CellValue, cellText, columnLetter, MergeRange, WorkbookData } from '../src/engine/model/workbook';
import { detectTable, LayoutOverride, TableLayout } from '../src/engine/table/detect-table';
import { MergedView } from '../src/engine/table/merged-cells';
import { readTableRows } from '../src/engine/table/read-rows';
import { judge, sheet, workbook } from './helpers/fixtures';
import { syntheticWorkbook } from '../bench/synthetic-table';
import { validateWorkbook } from '../src/engine/validate';

function book(rows: CellValue[][], merges: MergeRange[] = []): WorkbookData {
  return workbook(sheet('Sheet1', rows, merges));
}

function layoutOf(wb: WorkbookData, override?: LayoutOverride): TableLayout {
  const result = detectTable(wb, override);
  if (!result.ok) throw new Error(`no table found: ${JSON.stringify(result)}`);
  return result.layout;
}

/** The column mapping as the JSON report shows it: field → column letter. */
function columnsOf(wb: WorkbookData, override?: LayoutOverride): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, col] of Object.entries(layoutOf(wb, override).columns))
    if (col !== undefined) out[field] = columnLetter(col);
  return out;
}

/** What each task row reads as: field → cell text, as the report's tasks show them. */
function tasksOf(wb: WorkbookData, override?: LayoutOverride): Array<Record<string, string>> {
  const layout = layoutOf(wb, override);
  return readTableRows(new MergedView(wb.sheets[layout.sheetIndex]), layout).map((r) => {
    const out: Record<string, string> = {};
    for (const [field, v] of Object.entries(r.values)) if (cellText(v ?? null)) out[field] = cellText(v ?? null);
    return out;
  });
}

const m = (top: number, left: number, bottom: number, right: number): MergeRange => ({ top, left, bottom, right });

describe('the task column, whatever its header says (f1, f1b, f2, f3)', () => {
  test('f1: 工作任务 · 牵头单位 · 完成时限 — 工作任务 is the only text column, so it is the measure', () => {
    const wb = book([
      ['工作任务', '牵头单位', '完成时限'],
      ['全面清理行政规范性文件', '办公室', '2023年6月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', lead: 'B', deadline: 'C' });
    expect(tasksOf(wb)).toEqual([{ measure: '全面清理行政规范性文件', lead: '办公室', deadline: '2023年6月底前' }]);
  });

  test('f1b: 序号 · 重点工作任务 · 责任单位 · 完成时限', () => {
    const wb = book([
      ['序号', '重点工作任务', '责任单位', '完成时限'],
      [1, '全面清理行政规范性文件', '办公室', '2023年6月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ id: 'A', measure: 'B', responsible: 'C', deadline: 'D' });
  });

  test('f2: 具体要求 · 责任单位 · 时限要求', () => {
    const wb = book([
      ['具体要求', '责任单位', '时限要求'],
      ['全面清理行政规范性文件', '办公室', '年底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', responsible: 'B', deadline: 'C' });
  });

  test('f3: 目标任务 · 牵头单位 · 完成时限, with a short task text', () => {
    const wb = book([
      ['目标任务', '牵头单位', '完成时限'],
      ['新增托位400个', '县教育局', '2024年12月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', lead: 'B', deadline: 'C' });
  });

  test('unseen: a task header in no list (整治内容, 攻坚事项) is read by its long texts', () => {
    const wb = book([
      ['序号', '整治内容', '责任主体', '整改时限'],
      [1, '集中整治群众身边不正之风和腐败问题', '县纪委监委', '2023年9月底前'],
      [2, '开展违规吃喝专项治理', '县市场监管局、县商务局', '2023年10月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ id: 'A', measure: 'B', responsible: 'C', deadline: 'D' });
    const other = book([
      ['完成时限', '攻坚事项', '牵头部门'],
      ['6月底前', '推进老旧小区改造提升工程', '住建局'],
      ['年底前', '建成区域性养老服务中心两处', '民政局'],
    ]);
    expect(columnsOf(other)).toEqual({ deadline: 'A', measure: 'B', lead: 'C' });
  });

  test('unseen: a category word over the only text column in another order, traditional (重點任務)', () => {
    const wb = book([
      ['責任單位', '完成時限', '重點任務'],
      ['县财政局', '2023年12月底前', '完善预算绩效管理制度'],
    ]);
    expect(columnsOf(wb)).toEqual({ responsible: 'A', deadline: 'B', measure: 'C' });
  });

  test('a category column stays the category when another column holds the task text; two category levels', () => {
    const wb = book(
      [
        ['序号', '重点领域', '工作任务', '具体措施', '牵头单位', '完成时限'],
        [1, '营商环境', '优化审批', '推行企业开办一日办结', '行政审批局', '6月底前'],
        [2, null, null, '推行工程建设项目审批告知承诺制', '住建局', '9月底前'],
        [3, null, '降低成本', '落实减税降费政策', '税务局', '年底前'],
      ],
      [m(1, 1, 3, 1), m(1, 2, 2, 2)],
    );
    expect(columnsOf(wb)).toMatchObject({ id: 'A', category: 'B', measure: 'D', lead: 'E', deadline: 'F' });
    const roles = layoutOf(wb).columnRoles;
    expect(roles.find((r) => r.col === 2)).toMatchObject({ field: 'category', header: '工作任务' });
    expect(tasksOf(wb).map((t) => t.measure)).toEqual([
      '推行企业开办一日办结',
      '推行工程建设项目审批告知承诺制',
      '落实减税降费政策',
    ]);
  });
});

test('a rectification ledger: 整改措施 is the measure beside 问题清单; 问题清单 alone is the measure', () => {
  const both = book([
    ['序号', '问题清单', '整改措施', '责任领导', '责任单位', '整改时限', '整改情况'],
    [1, '干部作风不实', '开展作风建设专项整治', '王副县长', '县委组织部', '2023年6月底前', '已完成'],
  ]);
  expect(columnsOf(both)).toEqual({
    id: 'A',
    category: 'B',
    measure: 'C',
    owner: 'D',
    responsible: 'E',
    deadline: 'F',
    progress: 'G',
  });
  const alone = book([
    ['问题清单', '责任单位', '整改时限'],
    ['部分窗口办事指南更新不及时', '县政务服务中心', '2023年6月底前'],
  ]);
  expect(columnsOf(alone)).toEqual({ measure: 'A', responsible: 'B', deadline: 'C' });
});

describe('department columns by their words and cells (f4, f4b, f21)', () => {
  test('f4 / f4b: 责任科室 and 责任股室 are the responsible departments', () => {
    for (const header of ['责任科室', '责任股室']) {
      const wb = book([
        ['具体措施', header, '完成时限'],
        ['全面清理行政规范性文件', '办公室', '2023年6月底前'],
      ]);
      expect(columnsOf(wb)).toEqual({ measure: 'A', responsible: 'B', deadline: 'C' });
      expect(tasksOf(wb)[0].responsible).toBe('办公室');
    }
  });

  test('unseen: 主责科室 / 配合股室, and a header in no list (归口) over unit names', () => {
    const wb = book([
      ['具体措施', '主责科室', '配合股室', '完成时限'],
      ['规范行政执法程序', '法规科', '各股室', '年底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', lead: 'B', responsible: 'C', deadline: 'D' });
    const unnamed = book([
      ['具体措施', '归口', '完成时限'],
      ['规范行政执法程序', '法规科', '年底前'],
      ['开展执法案卷评查', '法规科、执法大队', '11月底前'],
    ]);
    expect(columnsOf(unnamed)).toEqual({ measure: 'A', responsible: 'B', deadline: 'C' });
    expect(layoutOf(unnamed).columnRoles.find((r) => r.col === 1)).toMatchObject({
      field: 'responsible',
      header: '归口',
      why: 'content',
    });
  });

  test('a header noting that the first unit listed leads (列第一位的为牵头单位) says so in the layout', () => {
    const wb = book([
      ['序号', '重点工作', '责任单位（列第一位的为牵头单位）', '完成时间'],
      [1, '新增城镇就业3万人以上', '市人社局、各区政府', '2023年12月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ id: 'A', measure: 'B', responsible: 'C', deadline: 'D' });
    expect(layoutOf(wb).firstUnitLeads).toBe(true);
    expect(
      layoutOf(
        book([
          ['具体措施', '责任单位'],
          ['完善制度', '办公室'],
        ]),
      ).firstUnitLeads,
    ).toBe(false);
  });

  test('of two task-like columns the one with the longer texts is the measure (建设内容及目标 over 项目名称)', () => {
    const wb = book([
      ['序号', '项目名称', '建设内容及目标', '责任单位', '完成时限'],
      [1, '城区公办幼儿园建设', '新建城区公办幼儿园2所，新增学位540个', '县教体局', '2023年9月底前'],
      [2, '农村饮水安全巩固提升', '完成农村供水管网改造80公里', '县水利局', '2023年12月底前'],
    ]);
    expect(columnsOf(wb)).toMatchObject({ measure: 'C', responsible: 'D', deadline: 'E' });
  });

  test('f21: 主办单位 is the lead, 协办单位 the responsible', () => {
    const wb = book([
      ['具体措施', '主办单位', '协办单位', '完成时限'],
      ['建设民俗公园', '住建局、榕发公司', '凤城镇、敖江镇', '2023年12月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', lead: 'B', responsible: 'C', deadline: 'D' });
  });

  test('unseen: 协办部门 before 主办部门; 主管单位 · 协同单位', () => {
    const wb = book([
      ['具体措施', '协办部门', '主办部门', '完成时限'],
      ['建设民俗公园', '凤城镇', '住建局', '年底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', responsible: 'B', lead: 'C', deadline: 'D' });
    const other = book([
      ['工作事项', '主管单位', '协同单位', '时间节点'],
      ['推进智慧停车建设', '市城管局', '市公安局交警支队、各区政府', '2023年10月'],
    ]);
    expect(columnsOf(other)).toEqual({ measure: 'A', lead: 'B', responsible: 'C', deadline: 'D' });
  });
});

describe('a person is the owner, not the lead (f21b)', () => {
  test('f21b: 牵头负责领导 (a name) is the owner; 牵头责任单位 the lead; 协同责任单位 the responsible', () => {
    const wb = book([
      ['具体措施', '牵头负责领导', '牵头责任单位', '协同责任单位', '完成时限'],
      ['地区生产总值增长8%以上', '张某', '市发展改革委', '市经信局', '2023年12月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', owner: 'B', lead: 'C', responsible: 'D', deadline: 'E' });
  });

  test('unseen: "分 管\\n县领导" with names, 包保领导 with titles', () => {
    const wb = book([
      ['序号', '工作任务', '分 管\n县领导', '牵头单位', '责任单位', '时间节点'],
      [1, '推进城乡供水一体化', '王某某', '县水利局', '各乡镇', '年底前'],
      [2, '实施农村公路提质改造', '李四', '县交通运输局', '各乡镇', '10月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ id: 'A', measure: 'B', owner: 'C', lead: 'D', responsible: 'E', deadline: 'F' });
    const other = book([
      ['重点任务', '牵头单位', '包保领导', '完成时限'],
      ['完成国土空间总体规划报批', '县自然资源局', '王副县长', '6月底前'],
    ]);
    expect(columnsOf(other)).toEqual({ measure: 'A', lead: 'B', owner: 'C', deadline: 'D' });
  });
});

test('牵头领导: names in it make it the owner, department names the lead (the cells decide)', () => {
  const names = book([
    ['具体措施', '牵头领导', '责任单位', '完成时限'],
    ['完善机关内部控制制度', '张三', '办公室', '年底前'],
    ['修订机关考勤管理办法', '分管副县长', '人事科', '6月底前'],
  ]);
  expect(columnsOf(names)).toEqual({ measure: 'A', owner: 'B', responsible: 'C', deadline: 'D' });
  const units = book([
    ['具体措施', '牵头领导', '责任单位', '完成时限'],
    ['完善机关内部控制制度', '县政府办', '办公室', '年底前'],
  ]);
  expect(columnsOf(units)).toEqual({ measure: 'A', lead: 'B', responsible: 'C', deadline: 'D' });
});

describe('of several progress columns the latest period is current (f10)', () => {
  test('f10: 1-10月推进情况 · 1-11月推进情况 → the 1-11月 column; the other is shown as superseded, not judged', () => {
    const wb = book([
      ['具体措施', '牵头单位', '完成时限', '1-10月推进情况', '1-11月推进情况'],
      ['新建中转站8个', '城管局', '2023年12月底前', '完成30%', '已完成，11月20日验收'],
    ]);
    const layout = layoutOf(wb);
    expect(columnsOf(wb)).toEqual({ measure: 'A', lead: 'B', deadline: 'C', progress: 'E' });
    expect(layout.periodColumns).toEqual([]);
    expect(layout.columnRoles.find((r) => r.col === 3)).toMatchObject({ field: 'progress', superseded: true });
    expect(tasksOf(wb)[0].progress).toBe('已完成，11月20日验收');
  });

  test('unseen: 11月进展 before 10月进展; 二季度 / 三季度完成情况 beside 备注', () => {
    const wb = book([
      ['具体措施', '牵头单位', '完成时限', '11月进展', '10月进展'],
      ['新建中转站8个', '城管局', '年底前', '已完成', '推进中'],
    ]);
    expect(columnsOf(wb).progress).toBe('D');
    const quarters = book([
      ['具体措施', '牵头单位', '完成时限', '二季度完成情况', '三季度完成情况', '备注'],
      ['新建中转站8个', '城管局', '年底前', '推进中', '已完成', ''],
    ]);
    expect(columnsOf(quarters)).toEqual({ measure: 'A', lead: 'B', deadline: 'C', progress: 'E', notes: 'F' });
  });

  test('unseen: a two-row header, 2023年推进情况 over 1-10月 / 1-11月 and 责任单位 over 牵头 / 配合', () => {
    const wb = book(
      [
        ['序号', '具体措施', '责任单位', null, '完成时限', '2023年推进情况', null],
        [null, null, '牵头', '配合', null, '1-10月', '1-11月'],
        [1, '完善机关内部控制制度', '办公室', '各科室', '年底前', '推进中', '已完成'],
      ],
      [m(0, 0, 1, 0), m(0, 1, 1, 1), m(0, 2, 0, 3), m(0, 4, 1, 4), m(0, 5, 0, 6)],
    );
    const layout = layoutOf(wb);
    expect([layout.headerTop, layout.headerBottom]).toEqual([0, 1]);
    expect(columnsOf(wb)).toEqual({ id: 'A', measure: 'B', lead: 'C', responsible: 'D', deadline: 'E', progress: 'G' });
    expect(layout.columnRoles.find((r) => r.col === 5)).toMatchObject({ header: '1-10月', superseded: true });
  });
});

describe('a deadline written in another column when there is no deadline column (f28)', () => {
  test('f28: 备注 "11月底前完成" is the deadline', () => {
    const wb = book([
      ['具体措施', '责任单位', '完成情况', '备注'],
      ['开展行政规范性文件清理并集中公开', '办公室', '推进中', '11月底前完成'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', responsible: 'B', progress: 'C', deadline: 'D' });
    expect(layoutOf(wb).columnRoles.find((r) => r.col === 3)).toMatchObject({
      field: 'deadline',
      header: '备注',
      why: 'content',
    });
  });

  test('unseen: 说明 holding deadlines; a header in no list over deadlines', () => {
    const wb = book([
      ['序号', '工作任务', '牵头部门', '推进情况', '说明'],
      [1, '修订机关考勤管理办法', '办公室', '推进中', '6月底前'],
      [2, '建立督查督办台账', '督查室', '', '年底前完成'],
    ]);
    expect(columnsOf(wb)).toMatchObject({ measure: 'B', lead: 'C', progress: 'D', deadline: 'E' });
    const unnamed = book([
      ['具体措施', '牵头单位', '节奏'],
      ['修订机关考勤管理办法', '办公室', '2023年6月底前'],
      ['建立督查督办台账', '督查室', '每季度'],
    ]);
    expect(columnsOf(unnamed)).toEqual({ measure: 'A', lead: 'B', deadline: 'C' });
  });

  test('notes stay notes when a deadline column exists or when they are remarks', () => {
    const withDeadline = book([
      ['具体措施', '责任单位', '完成时限', '备注'],
      ['修订机关考勤管理办法', '办公室', '年底前', '11月底前完成初稿'],
    ]);
    expect(columnsOf(withDeadline)).toMatchObject({ deadline: 'C', notes: 'D' });
    const remarks = book([
      ['具体措施', '责任单位', '完成情况', '备注'],
      ['修订机关考勤管理办法', '办公室', '推进中', '需市里统一部署'],
    ]);
    expect(columnsOf(remarks)).toEqual({ measure: 'A', responsible: 'B', progress: 'C', notes: 'D' });
  });
});

describe('the header row is the row above the body that best explains it', () => {
  test('title, 填报单位 line, blank row, a header without any measure word, category rows, notes at the bottom', () => {
    const wb = book(
      [
        ['2023年法治政府建设重点任务分解表'],
        ['填报单位：县司法局', null, '填报日期：2023年11月'],
        [],
        ['序号', '目标任务', '责任单位', '完成时限', '推进情况'],
        ['一、深化行政执法体制改革'],
        [1, '推进综合行政执法改革向乡镇延伸', '县委编办、县司法局', '2023年9月底前', '已完成'],
        [],
        ['二、提升依法行政能力'],
        [2, '开展领导干部学法用法考试', '县司法局', '年底前', '推进中'],
        ['填表说明：完成时限请填写具体日期'],
      ],
      [m(0, 0, 0, 4)],
    );
    const layout = layoutOf(wb);
    expect(layout.headerTop).toBe(3);
    expect(layout.titleText).toContain('2023年');
    expect(columnsOf(wb)).toEqual({ id: 'A', measure: 'B', responsible: 'C', deadline: 'D', progress: 'E' });
    expect(tasksOf(wb).map((t) => t.id)).toEqual(['1', '2']);
  });

  test('a header cell over two sub-columns: 工作任务 merged over 1, 2, 3 and a text column → id + measure', () => {
    const wb = book(
      [
        ['工作任务', null, '牵头单位', '完成时限'],
        [1, '完善权责清单动态调整机制', '县委编办', '6月底前'],
        [2, '推进政务服务事项标准化', '县行政审批局', '9月底前'],
        [3, '建立涉企收费目录清单', '县发改局', '年底前'],
      ],
      [m(0, 0, 0, 1)],
    );
    expect(columnsOf(wb)).toEqual({ id: 'A', measure: 'B', lead: 'C', deadline: 'D' });
    expect(tasksOf(wb)[2]).toMatchObject({ id: '3', measure: '建立涉企收费目录清单' });
  });

  test('unseen: merged 重点任务 over a number column and a text column, the text column left of the numbers', () => {
    const wb = book(
      [
        ['2023年重点任务清单'],
        ['重点任务', null, '责任单位', '时间节点'],
        ['建设县域医共体信息平台', '1', '县卫健局', '年底前'],
        ['推进家庭医生签约服务扩面', '2', '县卫健局', '10月底前'],
      ],
      [m(0, 0, 0, 3), m(1, 0, 1, 1)],
    );
    expect(columnsOf(wb)).toEqual({ measure: 'A', id: 'B', responsible: 'C', deadline: 'D' });
  });

  test('two-row header: 完成情况 over 进展 / 完成时间, the task headed 具体要求', () => {
    const wb = book(
      [
        ['具体要求', '牵头单位', '完成时限', '完成情况', null],
        [null, null, null, '进展', '完成时间'],
        ['全面清理行政规范性文件', '办公室', '6月底前', '已完成', { date: '2023-06-20' }],
      ],
      [m(0, 0, 1, 0), m(0, 1, 1, 1), m(0, 2, 1, 2), m(0, 3, 0, 4)],
    );
    const layout = layoutOf(wb);
    expect([layout.headerTop, layout.headerBottom]).toEqual([0, 1]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', lead: 'B', deadline: 'C', progress: 'D', doneDate: 'E' });
    expect(layout.columnRoles.find((r) => r.col === 3)).toMatchObject({ header: '进展' });
  });

  test('a table with no title, no deadline and no progress column', () => {
    const wb = book([
      ['具体措施', '牵头单位', '配合单位'],
      ['建立健全机关内部控制制度', '财务科', '各科室'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', lead: 'B', responsible: 'C' });
  });
});

describe('each decision is explained (columnRoles)', () => {
  test('header, content, header+content and override, with a confidence 0..1', () => {
    const wb = book([
      ['序号', '具体措施', '牵头单位', '完成时限', '完成情况', '落实主体'],
      [1, '建立健全机关内部控制制度', '财务科', '年底前', '', '各科室'],
    ]);
    const roles = layoutOf(wb, { columns: { notes: 'F' } }).columnRoles;
    const by = (col: number) => roles.find((r) => r.col === col)!;
    expect(by(1)).toMatchObject({ field: 'measure', header: '具体措施', why: 'header+content' });
    expect(by(4)).toMatchObject({ field: 'progress', header: '完成情况', why: 'header' });
    expect(by(5)).toMatchObject({ field: 'notes', why: 'override', confidence: 1 });
    for (const r of roles) expect(r.confidence).toBeGreaterThan(0);
    for (const r of roles) expect(r.confidence).toBeLessThanOrEqual(1);
    // A header whose words the vocabulary knows weighs more than cells alone.
    const unnamed = layoutOf(
      book([
        ['具体措施', '归口', '完成时限'],
        ['规范行政执法程序', '法规科', '年底前'],
      ]),
    ).columnRoles;
    expect(unnamed[1]).toMatchObject({ field: 'responsible', why: 'content' });
    expect(unnamed[1].confidence).toBeLessThan(unnamed[0].confidence);
  });

  test('the header is given as written (line breaks, traditional characters)', () => {
    const roles = layoutOf(
      book([
        ['具體措施', '牽頭\n單位', '完成時限'],
        ['完善制度', '辦公室', '年底前'],
      ]),
    ).columnRoles;
    expect(roles.map((r) => [r.field, r.header])).toEqual([
      ['measure', '具體措施'],
      ['lead', '牽頭\n單位'],
      ['deadline', '完成時限'],
    ]);
  });
});

describe('one-step correction (SPEC §2)', () => {
  test('an override of the measure column alone finds the header row', () => {
    const wb = book([
      ['某某表'],
      ['甲', '乙', '丙'],
      ['建立健全机关内部控制制度', '财务科', '年底前'],
      ['修订机关考勤管理办法', '办公室', '6月底前'],
    ]);
    expect(detectTable(wb).ok).toBe(false);
    const layout = layoutOf(wb, { columns: { measure: 'A' } });
    expect(layout.headerTop).toBe(1);
    expect(columnsOf(wb, { columns: { measure: 'A' } })).toEqual({ measure: 'A', responsible: 'B', deadline: 'C' });
    expect(layout.overridden).toEqual(['measure']);
  });

  test('unseen: the measure override with a title and a 填报 line above, the task column in the middle', () => {
    const wb = book(
      [
        ['2023年某某台账'],
        ['填报单位：', '某局'],
        ['编', '事', '人', '期'],
        ['1', '完成机关食堂改造提升', '王某', '2023年9月底前'],
        ['2', '建立公务用车管理台账', '李四', '年底前'],
      ],
      [m(0, 0, 0, 3)],
    );
    const layout = layoutOf(wb, { columns: { measure: 'B' } });
    expect(layout.headerTop).toBe(2);
    expect(columnsOf(wb, { columns: { measure: 'B' } })).toMatchObject({ measure: 'B', owner: 'C', deadline: 'D' });
  });

  test('when nothing is found, the failure names the best candidate row and the overrides that would help', () => {
    const wb = workbook(
      sheet('封面', [['2023年工作台账']]),
      sheet('台账', [['2023年工作台账'], ['项目', '归属', '备考'], ['建立健全机关内部控制制度', '财务科', '年底前']]),
    );
    const result = detectTable(wb);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('no_table');
    expect(result.candidate).toEqual({ sheet: '台账', row: 2, headers: ['项目', '归属', '备考'] });
    expect(result.hint).toEqual(['--sheet 台账', '--header-row 2', '--column measure=A']);
    // The hinted overrides do find it.
    expect(detectTable(wb, { sheet: '台账', headerRow: 2, columns: { measure: 'A' } }).ok).toBe(true);
  });

  test('terse headers (任务 · 责任 · 时间) are a table when the cells are departments and deadlines', () => {
    const wb = book([
      ['任务', '责任', '时间'],
      ['建立健全机关内部控制制度', '财务科', '年底前'],
      ['修订机关考勤管理办法', '办公室', '6月底前'],
    ]);
    expect(columnsOf(wb)).toEqual({ measure: 'A', responsible: 'B', deadline: 'C' });
    // The same words over a list of names and numbers are not.
    expect(
      detectTable(
        book([
          ['任务', '责任', '时间'],
          ['张三', 12, 3.5],
        ]),
      ).ok,
    ).toBe(false);
  });

  test('a user-named header row is used even when its words are unknown, its columns told by the cells', () => {
    const wb = book([['标题'], ['甲', '乙', '丙'], ['建立健全机关内部控制制度', '财务科', '年底前']]);
    expect(columnsOf(wb, { headerRow: 2 })).toEqual({ measure: 'A', responsible: 'B', deadline: 'C' });
  });
});

/** A 督办清单 as a new user's office keeps it (issue 15, /tmp/newuser T4): 责任单位 · 配合单位 · 办理状态. */
const DUBAN_HEADER: CellValue[] = [
  '序号',
  '议定事项',
  '纪要位置',
  '责任单位',
  '配合单位',
  '完成时限',
  '办理状态',
  '备注',
];
const DUBAN_ROWS: CellValue[][] = [
  [1, '修订局机关值班制度', '一、（一）', '办公室', '', '9月30日前', '推进中', ''],
  [2, '完成2026年度政府信息公开工作自查', '一、（二）', '办公室', '各科室', '10月15日前', '待办理', ''],
  [3, '建立建筑工地扬尘治理周调度机制', '二、（一）', '质安科', '各街道', '10月10日前', '待办理', ''],
  [6, '档案数字化外包，人事档案由档案室自行扫描', '一、（一）', '档案室', '信息中心', '6月底前', '已办结', ''],
];

/** The sheet under a title naming its year, judged on `asOf`. */
function judged(title: string, rows: CellValue[][], asOf: string) {
  return judge(workbook(sheet('Sheet1', [[title], ...rows])), { asOf });
}

describe('a status column is the progress, whatever its header (issue 15: 办理状态, 整改状态, 是否完成)', () => {
  test('督办清单: 办理状态 (已办结 / 推进中 / 待办理) is the progress; 已办结 is done, 待办理 past its deadline overdue', () => {
    const wb = book([DUBAN_HEADER, ...DUBAN_ROWS]);
    expect(columnsOf(wb)).toMatchObject({ id: 'A', measure: 'B', deadline: 'F', progress: 'G', notes: 'H' });
    expect(columnsOf(wb).category).toBeUndefined();
    expect(layoutOf(wb).columnRoles.find((r) => r.col === 6)).toMatchObject({ field: 'progress', header: '办理状态' });
    const report = judged('2026年某局局务会议定事项督办清单', [DUBAN_HEADER, ...DUBAN_ROWS], '2026-10-12');
    expect(report.tasks.map((t) => t.status)).toEqual(['overdue', 'due_soon', 'overdue', 'done']);
  });

  test('unseen: 整改狀態 (traditional) before the deadline, cells 已整改 / 整改中 / 未整改 / 已銷號', () => {
    const rows: CellValue[][] = [
      ['序號', '整改措施', '整改狀態', '責任科室', '整改時限'],
      [1, '規範公務接待審批流程', '已整改', '辦公室', '2023年6月底前'],
      [2, '完善財務報銷制度', '整改中', '財務科', '2023年12月底前'],
      [3, '清理超標準配備辦公設備', '未整改', '辦公室', '2023年9月底前'],
      [4, '建立問題整改臺賬', '已銷號', '紀檢組', '2023年5月底前'],
    ];
    expect(columnsOf(book(rows))).toEqual({ id: 'A', measure: 'B', progress: 'C', responsible: 'D', deadline: 'E' });
    const report = judged('2023年巡察反饋意見整改台賬', rows, '2023-10-08');
    expect(report.tasks.map((t) => t.status)).toEqual(['done', 'on_track', 'overdue', 'done']);
  });

  test('unseen: a header in no list (当前阶段) over status words, and 是否完成 (是 / 否)', () => {
    const stage = book([
      ['重点工作', '牵头部门', '完成时限', '当前阶段'],
      ['编制全域旅游发展规划', '文旅局', '2024年6月底前', '已完成'],
      ['推进智慧停车建设', '城管局', '2024年12月底前', '推进中'],
      ['建设区域性养老服务中心', '民政局', '2024年10月底前', '待启动'],
    ]);
    expect(columnsOf(stage)).toEqual({ measure: 'A', lead: 'B', deadline: 'C', progress: 'D' });
    const yesNo = book([
      ['序号', '是否完成', '工作任务', '完成时限', '责任单位'],
      [1, '是', '全面清理行政规范性文件', '2023年6月底前', '办公室'],
      [2, '否', '修订机关考勤管理办法', '2023年12月底前', '人事科'],
    ]);
    expect(columnsOf(yesNo)).toEqual({ id: 'A', progress: 'B', measure: 'C', deadline: 'D', responsible: 'E' });
  });

  test('是否达序 (是 / 否: on schedule?) is not the progress: beside 推进情况 it is not judged, alone it is left unassigned', () => {
    const both = book([
      ['序号', '主要任务', '牵头单位', '是否达序', '1-11月推进情况'],
      [1, '新建城区公办幼儿园2所', '区教体局', '是', '完成60%'],
      [2, '改造老旧小区12个', '区住建局', '否', '已开工8个'],
    ]);
    expect(columnsOf(both)).toMatchObject({ measure: 'B', lead: 'C', progress: 'E' });
    const alone = book([
      ['序号', '主要任务', '牵头单位', '完成时限', '是否达序'],
      [1, '新建城区公办幼儿园2所', '区教体局', '2023年12月底前', '是'],
      [2, '改造老旧小区12个', '区住建局', '2023年12月底前', '否'],
    ]);
    expect(columnsOf(alone)).toEqual({ id: 'A', measure: 'B', lead: 'C', deadline: 'D' });
    // Traditional, another order: 是否達序 before the progress column.
    const traditional = book([
      ['主要任務', '是否達序', '推進情況', '牽頭單位'],
      ['新建城區公辦幼兒園2所', '是', '完成60%', '區教體局'],
      ['改造老舊小區12個', '否', '已開工8個', '區住建局'],
    ]);
    expect(columnsOf(traditional)).toMatchObject({ measure: 'A', progress: 'C', lead: 'D' });
  });
});

describe('责任单位 beside 配合单位 and no lead column: 责任单位 leads (issue 15)', () => {
  test('督办清单: 责任单位 is the lead, 配合单位 the responsible helpers; columnRoles says why', () => {
    const wb = book([DUBAN_HEADER, ...DUBAN_ROWS]);
    expect(columnsOf(wb)).toMatchObject({ lead: 'D', responsible: 'E' });
    const roles = layoutOf(wb).columnRoles;
    expect(roles.find((r) => r.col === 3)).toMatchObject({ field: 'lead', header: '责任单位', why: 'beside-helpers' });
    expect(roles.find((r) => r.col === 4)).toMatchObject({ field: 'responsible', header: '配合单位' });
    const report = judged('2026年某局局务会议定事项督办清单', [DUBAN_HEADER, ...DUBAN_ROWS], '2026-10-12');
    expect(report.tasks.map((t) => [t.lead, t.responsible])).toEqual([
      [['办公室'], []],
      [['办公室'], ['各科室']],
      [['质安科'], ['各街道']],
      [['档案室'], ['信息中心']],
    ]);
  });

  test('unseen: 協辦單位 before 責任部門 (traditional); 责任主体 · 协助单位 · 参与单位', () => {
    const traditional = book([
      ['具體措施', '協辦單位', '責任部門', '完成時限'],
      ['建設民俗公園', '鳳城鎮、敖江鎮', '住建局', '2023年12月底前'],
    ]);
    expect(columnsOf(traditional)).toEqual({ measure: 'A', responsible: 'B', lead: 'C', deadline: 'D' });
    expect(layoutOf(traditional).columnRoles.find((r) => r.col === 2)).toMatchObject({
      field: 'lead',
      header: '責任部門',
    });
    const three = book([
      ['序号', '工作事项', '责任主体', '协助单位', '参与单位', '时间节点'],
      [1, '推进智慧停车建设', '市城管局', '市公安局交警支队', '各区政府', '2023年10月'],
    ]);
    expect(columnsOf(three)).toEqual({ id: 'A', measure: 'B', lead: 'C', responsible: 'D', deadline: 'F' });
    expect(layoutOf(three).extraResponsible).toEqual([4]);
  });

  test('a lead column elsewhere, a lead written as a person, or 责任单位 alone: the rule does not apply', () => {
    // 牵头单位 leads; 责任单位 and 配合单位 both name who helps.
    const led = book([
      ['具体措施', '牵头单位', '责任单位', '配合单位', '完成时限'],
      ['完善制度', '办公室', '人事科', '各科室', '年底前'],
    ]);
    expect(columnsOf(led)).toMatchObject({ lead: 'B', responsible: 'C' });
    expect(layoutOf(led).extraResponsible).toEqual([3]);
    // 牵头领导 with names is the owner, not a lead column: 责任单位 leads beside 配合单位 (宁波 2014, T5).
    const person = book([
      ['序号', '实事项目', '牵头领导', '责任单位', '项目责任人', '配合单位'],
      [1, '新增安装300套路口交通信息视频采集设备', '王仁洲', '市公安局', '王伟标', '市城管局、市财政局'],
      [2, '新辟公交线路10条，优化调整20条', '王仁洲', '市交通委', '劳可军', '市公安局、市城管局'],
    ]);
    expect(columnsOf(person)).toMatchObject({ owner: 'C', lead: 'D', responsible: 'F' });
    // 责任单位 alone (and 责任单位 + 责任主体, no helper word) stays responsible.
    const alone = book([
      ['具体措施', '责任单位', '完成时限'],
      ['完善制度', '办公室', '年底前'],
    ]);
    expect(columnsOf(alone)).toEqual({ measure: 'A', responsible: 'B', deadline: 'C' });
  });
});

describe('no false tables', () => {
  test('sheets that are not breakdown tables are not taken for one', () => {
    const sheets: CellValue[][][] = [
      [
        ['姓名', '单位', '职务', '联系电话'],
        ['张三', '办公室', '主任', '13800000000'],
        ['李四', '财务科', '科长', '13900000000'],
      ],
      [
        ['序号', '品名', '规格', '数量', '单价'],
        [1, '打印纸', 'A4', 20, 25.5],
      ],
      [
        ['ID', 'Description', 'Notes'],
        [1, 'Replace the broken projector in room 3', 'urgent'],
      ],
      [
        ['日期', '摘要', '收入', '支出'],
        [{ date: '2023-01-05' }, '收到上级拨付办公经费', 5000, null],
      ],
    ];
    for (const rows of sheets) expect(detectTable(book(rows)).ok).toBe(false);
  });
});

describe('detection reads a bounded sample (tables have 100,000 rows)', () => {
  test('a 100k-row table is detected as fast as a 1k-row one, give or take', () => {
    const time = (wb: WorkbookData) => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        expect(detectTable(wb).ok).toBe(true);
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
      }
      return best;
    };
    const small = time(syntheticWorkbook(1_000));
    const large = time(syntheticWorkbook(100_000));
    // The large table costs what building its merged view costs, not a read of every row's cells.
    expect(large).toBeLessThan(small + 50);
  });
});

describe('a header repeated under each section (a new-user trial: 湖州 重点工作半年度完成情况汇总表)', () => {
  test("the first header is the table's; the tasks above a repeated header are all read", () => {
    const header = ['序号', '目标任务', '责任单位', '完成时限', '进展情况'];
    const wb = {
      date1904: false,
      sheets: [
        {
          name: '汇总表',
          merges: [],
          rows: [
            ['2023年市政府工作报告重点工作半年度完成情况汇总表'],
            ['一、市长主抓重点工作'],
            header,
            [1, '推进共同富裕示范区建设', '市发展改革委', '2023年12月底前', '有序推进中'],
            ['二、副市长主抓重点工作'],
            header,
            [2, '实施数字经济一号工程', '市经信局', '2023年12月底前', '已完成年度目标的60%'],
            [3, '建设未来社区10个', '市建设局', '2023年12月底前', '已建成4个'],
          ],
        },
      ],
    };
    const result = validateWorkbook(wb, { asOf: '2023-07-31' });
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.report.headerRows).toEqual([3, 3]);
    expect(result.report.tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
  });
});
