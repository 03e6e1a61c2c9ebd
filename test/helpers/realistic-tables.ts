/**
 * A corpus of breakdown-table LAYOUTS as offices publish them (issue 15, item 7), built in code: 政务公开
 * 任务清单, 重点工作任务分解, 民生实事推进情况, 政府工作报告任务分解, 目标责任书, 专项整治, 整改清单/台账,
 * 清廉机关任务分工, 主题党日台账, two in traditional script … They vary the way real ones do: header
 * words, column order, merged titles and two-row headers, 填报单位 lines, category rows and merged
 * category columns, no deadline or no progress column, several progress columns, roles written in
 * department cells, notes under the table.
 *
 * Each task row may carry what a clerk expects of it (status as of the layout's date, due date, lead,
 * responsible …), written as a clerk judges the row, never adapted to what the code does today. Only
 * what a clerk is certain of is given; the rest is left out.
 *
 * Used by test/realistic-corpus.test.ts and test/recognition-property.test.ts.
 */
import { StatusCode } from '../../src/engine/judge/status';
import { Report, TaskReport } from '../../src/engine/model/report';
import {
  CellValue,
  columnIndex,
  columnLetter,
  DateValue,
  MergeRange,
  SheetData,
  WorkbookData,
} from '../../src/engine/model/workbook';
import { Field } from '../../src/engine/table/vocabulary';
import { buildXlsx, utc } from './fixtures';

/** What a clerk expects of one task row. Only the fields given are checked. */
export interface RowExpectation {
  measure?: string;
  id?: string;
  category?: string;
  lead?: string[];
  responsible?: string[];
  owner?: string;
  /** Status as of the layout's as-of date (SPEC §4). */
  status?: StatusCode;
  /** YYYY-MM-DD, or null when the row has no due date (continuous tasks). */
  due?: string | null;
  /** Period labels (2023-03, 2023-Q2 …) that were missed. */
  missedPeriods?: string[];
}

export type BodyRow =
  | { kind: 'task'; cells: CellValue[]; expect?: RowExpectation }
  | { kind: 'category'; text: string }
  | { kind: 'blank' };

export interface RealisticLayout {
  /** What the table is, as its title would say: "政务公开任务清单（县直部门）". */
  name: string;
  sheetName: string;
  /** YYYY-MM-DD: the date the rows are judged as of. */
  asOf: string;
  /**
   * Rows above the header: a string is one cell merged across the table (title, 附件1); an array is
   * written as is (填报单位 … 填报日期 … in separate cells); null is a blank row.
   */
  above: Array<string | CellValue[] | null>;
  /**
   * One or two header rows. With two, a named top cell with names under it spans them (a group:
   * 完成情况 over 进展 / 完成时间 / 佐证材料, its null neighbours are part of it); a named top cell with
   * nothing under it is merged down over both rows.
   */
  header: CellValue[][];
  body: BodyRow[];
  /**
   * A kind the product does not read yet, said in a sentence: the layout's test is expected to fail
   * (jest's test.failing), so fixing the kind turns it red until this line is removed.
   */
  knownGap?: string;
  /** Columns (letters) whose empty cells continue the cell above, merged down as published. */
  mergedDown?: string[];
  /** Rows under the table (填表说明, 填报人), each merged across. */
  below?: string[];
  /** The column a clerk reads for each field, where certain. */
  columns: Partial<Record<Field, string>>;
  /** Sheets before the table's sheet (封面, 填报说明). */
  sheetsBefore?: SheetData[];
}

/** A task row, with what a clerk expects of it. */
export function task(cells: CellValue[], expect?: RowExpectation): BodyRow {
  return { kind: 'task', cells, expect };
}

/** A category row: one text alone on its row, merged across ("一、突出政治统领"). */
export function category(text: string): BodyRow {
  return { kind: 'category', text };
}

export function blank(): BodyRow {
  return { kind: 'blank' };
}

/** A cell Excel shows as a date. */
export function d(iso: string): DateValue {
  return { date: iso };
}

export interface BuiltLayout {
  sheet: SheetData;
  workbook: WorkbookData;
  /** 1-based [first, last] header rows. */
  headerRows: [number, number];
  /** Every task row: its 1-based sheet row and what is expected of it. */
  taskRows: Array<{ row: number; expect?: RowExpectation }>;
}

export function layoutWidth(layout: RealisticLayout): number {
  return Math.max(...layout.header.map((h) => h.length));
}

function isNamed(v: CellValue | undefined): boolean {
  return v !== null && v !== undefined && v !== '';
}

/** The header's merged areas (0-based rows from `top`). */
function headerMerges(header: CellValue[][], top: number): MergeRange[] {
  if (header.length < 2) return [];
  const [upper, lower] = header;
  const merges: MergeRange[] = [];
  for (let c = 0; c < upper.length; c++) {
    if (!isNamed(upper[c])) continue;
    if (!isNamed(lower[c])) {
      merges.push({ top, left: c, bottom: top + 1, right: c });
      continue;
    }
    let right = c;
    while (right + 1 < upper.length && !isNamed(upper[right + 1]) && isNamed(lower[right + 1])) right++;
    if (right > c) merges.push({ top, left: c, bottom: top, right });
  }
  return merges;
}

/** Builds the layout's sheet: rows, merged areas, and where its header and task rows are. */
export function buildLayout(layout: RealisticLayout): BuiltLayout {
  const width = layoutWidth(layout);
  const rows: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const across = (text: string) => {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
    rows.push([text]);
  };
  for (const line of layout.above) {
    if (line === null) rows.push([]);
    else if (typeof line === 'string') across(line);
    else rows.push([...line]);
  }
  const headerTop = rows.length;
  merges.push(...headerMerges(layout.header, headerTop));
  for (const h of layout.header) rows.push([...h]);
  const headerRows: [number, number] = [headerTop + 1, rows.length];

  const mergedCols = (layout.mergedDown ?? []).map((l) => columnIndex(l)!);
  // Open merged-down runs: column → first row of the run.
  const open = new Map<number, number>();
  const close = (col: number, last: number) => {
    const first = open.get(col);
    if (first !== undefined && last > first) merges.push({ top: first, left: col, bottom: last, right: col });
    open.delete(col);
  };
  const closeAll = (last: number) => mergedCols.forEach((c) => close(c, last));
  const taskRows: BuiltLayout['taskRows'] = [];
  for (const item of layout.body) {
    if (item.kind !== 'task') {
      closeAll(rows.length - 1);
      if (item.kind === 'category') across(item.text);
      else rows.push([]);
      continue;
    }
    const cells = [...item.cells];
    while (cells.length < width) cells.push(null);
    for (const c of mergedCols) {
      if (isNamed(cells[c])) {
        close(c, rows.length - 1);
        open.set(c, rows.length);
      }
    }
    taskRows.push({ row: rows.length + 1, expect: item.expect });
    rows.push(cells);
  }
  closeAll(rows.length - 1);
  for (const line of layout.below ?? []) across(line);

  const sheet: SheetData = { name: layout.sheetName, rows, merges };
  return {
    sheet,
    workbook: { sheets: [...(layout.sheetsBefore ?? []), sheet], date1904: false },
    headerRows,
    taskRows,
  };
}

/** The same layout as a real .xlsx file (exceljs): dates as date cells, merges as merged ranges. */
export async function layoutXlsx(layout: RealisticLayout): Promise<Buffer> {
  const toSheet = (s: SheetData) => {
    const formats: Record<string, string> = {};
    const rows = s.rows.map((r) =>
      r.map((v, c) => {
        if (v === null || typeof v !== 'object') return v;
        formats[columnLetter(c)] = 'yyyy-mm-dd';
        const [y, m, day] = v.date.split('-').map(Number);
        return utc(y, m, day);
      }),
    );
    const merges = s.merges.map((m) => `${columnLetter(m.left)}${m.top + 1}:${columnLetter(m.right)}${m.bottom + 1}`);
    return { name: s.name, rows: rows.map((r) => [...r]), merges, formats };
  };
  return buildXlsx(buildLayout(layout).workbook.sheets.map(toSheet));
}

/** What differs between a judged task and what the clerk expects ([] when it is as expected). */
export function rowProblems(t: TaskReport | undefined, e: RowExpectation): string[] {
  if (!t) return ['not read as a task'];
  const problems: string[] = [];
  for (const key of Object.keys(e) as Array<keyof RowExpectation>) {
    const want = JSON.stringify(e[key]);
    const got = JSON.stringify(t[key]);
    if (want !== got) problems.push(`${key} ${got} (expected ${want})`);
  }
  return problems;
}

export interface LayoutOutcome {
  /** The table was found: right header rows, and every column the clerk is certain of. */
  found: boolean;
  /** Task rows with expectations that came out as expected, of those with expectations. */
  rowsRight: number;
  rowsTotal: number;
  /** The sheet rows read as tasks are exactly the task rows (no title, category or note row among them). */
  rowsExact: boolean;
  problems: string[];
}

/** Compares a report with what the clerk expects of the layout. */
export function judgeOutcome(layout: RealisticLayout, built: BuiltLayout, report: Report | null): LayoutOutcome {
  const withExpect = built.taskRows.filter((t) => t.expect !== undefined);
  if (!report)
    return { found: false, rowsRight: 0, rowsTotal: withExpect.length, rowsExact: false, problems: ['no table found'] };
  const problems: string[] = [];
  if (JSON.stringify(report.headerRows) !== JSON.stringify(built.headerRows))
    problems.push(`header rows ${report.headerRows} (expected ${built.headerRows})`);
  for (const [field, letter] of Object.entries(layout.columns)) {
    if (report.columns[field] !== letter)
      problems.push(`${field} column ${report.columns[field] ?? 'none'} (expected ${letter})`);
  }
  const found = problems.length === 0 && report.sheet === layout.sheetName;
  if (report.sheet !== layout.sheetName) problems.push(`sheet ${report.sheet} (expected ${layout.sheetName})`);
  const byRow = new Map(report.tasks.map((t) => [t.row, t]));
  const got = report.tasks.map((t) => t.row);
  const want = built.taskRows.map((t) => t.row);
  const rowsExact = JSON.stringify(got) === JSON.stringify(want);
  if (!rowsExact) problems.push(`task rows ${got.join(',')} (expected ${want.join(',')})`);
  let rowsRight = 0;
  for (const { row, expect } of withExpect) {
    const p = rowProblems(byRow.get(row), expect!);
    if (p.length === 0) rowsRight++;
    else problems.push(`row ${row}: ${p.join('; ')}`);
  }
  return { found, rowsRight, rowsTotal: withExpect.length, rowsExact, problems };
}

const MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
/** Month mark cells: ✓ for the months given (1-based), empty otherwise. */
function marks(months: number[], mark = '✓'): CellValue[] {
  return MONTHS.map((_, i) => (months.includes(i + 1) ? mark : null));
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const AS_OF = '2023-11-30';

/**
 * The corpus. Dates are judged as of 2023-11-30 unless a layout says otherwise (7 warning days).
 * Written one sheet row per line, as the tables read (hence no Prettier here).
 */
// prettier-ignore
export const REALISTIC_LAYOUTS: RealisticLayout[] = [
  {
    name: '政务公开重点工作任务清单（区直部门：工作任务合并单元格、具体要求、责任科室、时限要求）',
    sheetName: 'Sheet1',
    asOf: AS_OF,
    above: ['2023年区城市管理局政务公开重点工作任务清单'],
    header: [['工作任务', '序号', '具体要求', '责任科室', '时限要求']],
    body: [
      task(['强化行政规范性文件集中规范公开', 1, '对行政规范性文件进行全面清理，并向社会公布现行有效行政规范性文件目录。', '办公室', '年底前'],
        { id: '1', category: '强化行政规范性文件集中规范公开', responsible: ['办公室'], due: '2023-12-31', status: 'on_track' }),
      task(['深化政策解读形式', 2, '积极做好政策解读工作，持续提升政策解读质量，丰富解读形式。', '各科室', '持续推进'],
        { responsible: ['各科室'], due: null }),
      task(['做好主动公开基础工作', 3, '严格规范政府信息公开专栏，及时、集中、规范发布法定主动公开内容。', '各科室', '持续推进'],
        { due: null }),
      task([null, 4, '规范做好政府信息公开工作年度报告编制发布工作，确保体例规范、数据准确。', '办公室', '2023年1月31日前'],
        { category: '做好主动公开基础工作', due: '2023-01-31', status: 'overdue' }),
      task(['规范办理依申请公开', 5, '依法依规办理政府信息公开申请，防范法律风险。', '各科室', '持续推进']),
    ],
    mergedDown: ['A'],
    columns: { category: 'A', id: 'B', measure: 'C', responsible: 'D', deadline: 'E' },
  },
  {
    name: '政务公开任务分解责任清单（市政府办：一、二级任务合并、牵头/配合写在责任单位里）',
    sheetName: '任务分解',
    asOf: AS_OF,
    above: ['2023年政务公开任务分解责任清单'],
    header: [['工作任务', '序号', '具体要求', '责任单位', '时限要求']],
    body: [
      task(['一、以公开助力经济平稳健康发展', 1, '进一步增强政策文件制定实施的透明度与可预期性，切实公开涉及市场主体政策文件的决策、解读、执行落实情况。', '市政府各有关部门，各县市区人民政府、功能区管委会负责落实', '持续推进'],
        { responsible: ['市政府各有关部门', '各县市区人民政府', '功能区管委会'] }),
      task([null, 2, '用好营商环境问题投诉、处置、回应机制，及时回应和解决“堵点”问题。', '市发展改革委牵头，市住建局、市自然资源和规划局配合', '2023年6月底前'],
        { category: '一、以公开助力经济平稳健康发展', lead: ['市发展改革委'], responsible: ['市住建局', '市自然资源和规划局'], due: '2023-06-30', status: 'overdue' }),
      task(['二、以公开推动政策落地见效', 3, '围绕稳就业、保民生等重点工作，及时发布政策文件及解读材料。', '市人社局、市民政局', '2023年9月底前'],
        { responsible: ['市人社局', '市民政局'], due: '2023-09-30', status: 'overdue' }),
      task([null, 4, '开设行业帮扶政策公开专题，加大帮扶政策与解读的公开力度。', '市商务局牵头，市文旅局、市交通运输局配合', '2023年12月31日前'],
        { category: '二、以公开推动政策落地见效', lead: ['市商务局'], responsible: ['市文旅局', '市交通运输局'], due: '2023-12-31', status: 'on_track' }),
    ],
    mergedDown: ['A'],
    columns: { category: 'A', id: 'B', measure: 'C', responsible: 'D', deadline: 'E' },
  },
  {
    name: '县委县政府重点工作任务分解表（重点工作合并、具体任务、牵头单位、配合单位、推进情况）',
    sheetName: '重点工作',
    asOf: AS_OF,
    above: ['2023年县委县政府重点工作任务分解表'],
    header: [['序号', '重点工作', '具体任务', '牵头单位', '配合单位', '完成时限', '推进情况']],
    body: [
      task([1, '产业项目建设', '新开工亿元以上产业项目20个以上', '县发改局', '县工信局、县商务局', '2023年12月底前', '已新开工16个，其余4个正在办理前期手续'],
        { lead: ['县发改局'], responsible: ['县工信局', '县商务局'], due: '2023-12-31', status: 'on_track' }),
      task([2, null, '完成固定资产投资120亿元', '县发改局', '各乡镇（街道）', '2023年12月底前', '1-10月完成98.6亿元'],
        { category: '产业项目建设', responsible: ['各乡镇（街道）'], status: 'on_track' }),
      task([3, '城乡建设', '完成老旧小区改造12个', '县住建局', '相关街道', '2023年10月底前', '已完成9个，3个正在施工'],
        { due: '2023-10-31', status: 'overdue' }),
      task([4, null, '建成城区停车场2处', '县城管局', '县自然资源局', '2023年9月30日', '已建成投用'],
        { category: '城乡建设', lead: ['县城管局'], status: 'done' }),
    ],
    mergedDown: ['B'],
    columns: { id: 'A', category: 'B', measure: 'C', lead: 'D', responsible: 'E', deadline: 'F', progress: 'G' },
  },
  {
    name: '民生实事项目推进情况表（填报单位行、1-10月/1-11月两个推进情况列）',
    sheetName: '民生实事',
    asOf: AS_OF,
    above: ['2023年县政府十件民生实事项目推进情况表', ['填报单位：县政府督查室', null, null, null, '填报时间：2023年11月28日']],
    header: [['序号', '项目名称', '建设内容及目标', '责任单位', '完成时限', '1-10月推进情况', '1-11月推进情况']],
    body: [
      task([1, '城区公办幼儿园建设', '新建城区公办幼儿园2所，新增学位540个', '县教体局', '2023年9月底前', '主体完工，正在进行内部装修', '已竣工，9月1日投入使用'],
        { responsible: ['县教体局'], status: 'done' }),
      task([2, '农村饮水安全巩固提升', '完成农村供水管网改造80公里', '县水利局', '2023年12月底前', '完成管网改造55公里', '完成管网改造68公里'],
        { due: '2023-12-31', status: 'on_track' }),
      task([3, '老年助餐服务', '新建社区老年食堂10个', '县民政局', '2023年10月底前', '已建成7个', '已建成8个，2个正在装修'],
        { due: '2023-10-31', status: 'overdue' }),
      task([4, '城乡公交一体化', '新开通城乡公交线路3条', '县交通运输局', '2023年6月底前', '已完成', '已完成'],
        { status: 'done' }),
    ],
    // 项目名称 or 建设内容及目标 as the measure: a clerk could read either, so neither is asserted.
    columns: { id: 'A', responsible: 'D', deadline: 'E', progress: 'G' },
  },
  {
    name: '市级民生实事任务分解及推进情况（实事项目、目标任务、牵头/责任单位、时间节点、截至10月底进展情况、注）',
    sheetName: '民生实事推进',
    asOf: AS_OF,
    above: ['2023年市级民生实事项目任务分解及推进情况'],
    header: [['序号', '实事项目', '目标任务', '牵头单位', '责任单位', '时间节点', '截至10月底进展情况']],
    body: [
      task([1, '托育服务扩容', '新增普惠性托位1000个', '市卫生健康委', '各区县政府', '2023年12月底前', '已新增普惠性托位1120个，完成年度任务'],
        { status: 'done' }),
      task([2, '背街小巷改造', '改造提升背街小巷60条', '市城管局', '各区政府', '2023年11月30日前', '已完成52条，其余8条正在施工'],
        { lead: ['市城管局'], responsible: ['各区政府'], due: '2023-11-30', status: 'due_soon' }),
      task([3, '残疾儿童康复救助', '为300名残疾儿童提供康复救助', '市残联', '市卫生健康委、市医保局', '全年', '已救助286名'],
        { responsible: ['市卫生健康委', '市医保局'], status: 'on_track' }),
      task([4, '学校食堂“互联网+明厨亮灶”', '实现全市中小学校食堂“互联网+明厨亮灶”全覆盖', '市市场监管局', '市教育局', '2023年9月底前', '已全覆盖，9月25日通过验收'],
        { status: 'done' }),
    ],
    below: ['注：进展情况由牵头单位汇总填报，每月25日前报市政府督查室。'],
    columns: { id: 'A', measure: 'C', lead: 'D', responsible: 'E', deadline: 'F', progress: 'G' },
  },
  {
    name: '《政府工作报告》重点工作任务分解表（牵头领导写人名、牵头单位、配合单位，无进展列）',
    sheetName: '任务分解表',
    asOf: AS_OF,
    above: ['2023年《政府工作报告》重点工作任务分解表'],
    header: [['序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限']],
    body: [
      task([1, '地区生产总值增长6%左右', '王明', '县发改局', '县统计局、各乡镇', '2023年12月底前'],
        { owner: '王明', lead: ['县发改局'], responsible: ['县统计局', '各乡镇'], due: '2023-12-31', status: 'on_track' }),
      task([2, '一般公共预算收入增长5%', '李华', '县财政局', '县税务局', '2023年12月底前'],
        { owner: '李华', lead: ['县财政局'], responsible: ['县税务局'] }),
      task([3, '完成县城污水处理厂提标改造', '王明', '县住建局', '县生态环境分局', '2023年6月底前'],
        { lead: ['县住建局'], due: '2023-06-30', status: 'overdue' }),
      task([4, '新建5G基站300个', '赵强', '县工信局', '县铁塔公司，各通信运营商', '2023年10月底前'],
        { lead: ['县工信局'], responsible: ['县铁塔公司', '各通信运营商'], due: '2023-10-31', status: 'overdue' }),
    ],
    columns: { id: 'A', measure: 'B', owner: 'C', lead: 'D', responsible: 'E', deadline: 'F' },
  },
  {
    name: '政府工作报告重点工作责任分解（表头注明“列第一位的为牵头单位”，完成时间即时限）',
    sheetName: '责任分解',
    asOf: AS_OF,
    above: ['2023年政府工作报告重点工作责任分解'],
    header: [['序号', '重点工作', '责任单位（列第一位的为牵头单位）', '完成时间']],
    body: [
      task([1, '推进城市有机更新，完成城中村改造签约2000户', '市住建局、市规划资源局、各区政府', '2023年12月底前'],
        { lead: ['市住建局'], responsible: ['市规划资源局', '各区政府'], due: '2023-12-31', status: 'on_track' }),
      task([2, '新增城镇就业3万人以上', '市人社局、各区政府', '2023年12月底前'],
        { lead: ['市人社局'], responsible: ['各区政府'] }),
      task([3, '建成区域应急救援中心', '市应急管理局', '2023年9月底前'],
        { lead: ['市应急管理局'], due: '2023-09-30', status: 'overdue' }),
    ],
    columns: { id: 'A', measure: 'B', deadline: 'D' },
  },
  {
    name: '党风廉政建设目标责任书任务分解（责任目标合并、工作措施、责任科室、完成时间）',
    sheetName: '目标责任书',
    asOf: AS_OF,
    above: ['2023年度党风廉政建设目标责任书任务分解表'],
    header: [['序号', '责任目标', '工作措施', '责任科室', '完成时间']],
    body: [
      task([1, '落实全面从严治党主体责任', '党组每半年专题研究1次党风廉政建设工作', '办公室', '每半年'],
        { responsible: ['办公室'] }),
      task([2, null, '与各科室负责人签订党风廉政建设责任书', '办公室', '2023年3月底前'],
        { category: '落实全面从严治党主体责任', due: '2023-03-31', status: 'overdue' }),
      task([3, '加强廉政教育', '组织观看警示教育片，开展廉政警示教育', '机关党委', '2023年6月底前'],
        { responsible: ['机关党委'], due: '2023-06-30', status: 'overdue' }),
      task([4, null, '开展廉政谈话，实现全覆盖', '机关党委', '2023年12月20日前'],
        { category: '加强廉政教育', due: '2023-12-20', status: 'on_track' }),
    ],
    mergedDown: ['B'],
    columns: { id: 'A', category: 'B', measure: 'C', responsible: 'D', deadline: 'E' },
  },
  {
    name: '道路交通安全隐患专项整治工作计划（整治内容、整治措施，完成时限为日期单元格）',
    sheetName: '专项整治',
    asOf: AS_OF,
    above: ['2023年道路交通安全隐患专项整治工作计划'],
    header: [['序号', '整治内容', '整治措施', '牵头单位', '责任单位', '完成时限', '进展情况']],
    body: [
      task([1, '临水临崖路段', '对临水临崖路段增设护栏、警示标志', '县交通运输局', '各乡镇', d('2023-06-30'), '已完成，6月20日验收'],
        { lead: ['县交通运输局'], responsible: ['各乡镇'], status: 'done' }),
      task([2, '事故多发路段', '完成12处事故多发路段治理', '县公安局交警大队', '县交通运输局', d('2023-09-30'), '已完成10处'],
        { due: '2023-09-30', status: 'overdue' }),
      task([3, '农村道路', '实施农村公路安保工程', '县交通运输局', '各乡镇', d('2023-12-15'), '正在施工'],
        { due: '2023-12-15', status: 'on_track' }),
      task([4, '校车安全', '开展校车安全专项检查', '县教体局', '县公安局交警大队', d('2023-12-05'), '已检查校车46辆，剩余车辆正在检查'],
        { due: '2023-12-05', status: 'due_soon' }),
    ],
    columns: { id: 'A', measure: 'C', lead: 'D', responsible: 'E', deadline: 'F', progress: 'G' },
  },
  {
    name: '巡察反馈意见整改任务清单（问题清单、整改措施、责任领导、整改时限、整改情况）',
    sheetName: '整改清单',
    asOf: AS_OF,
    above: ['关于县委第二巡察组反馈意见的整改任务清单（2023年）'],
    header: [['序号', '问题清单', '整改措施', '责任领导', '责任单位', '整改时限', '整改情况']],
    body: [
      task([1, '理论学习不够深入，学用结合不紧', '制定党组理论学习中心组年度学习计划，每季度至少开展1次专题研讨', '张书记', '办公室', '长期坚持', '已制定年度学习计划，前三季度各开展专题研讨1次'],
        { responsible: ['办公室'] }),
      task([2, '财务报销审核不严', '对2022年以来报销凭证进行全面自查，追回违规报销款项', '李副局长', '财务科', '立行立改', '已自查完毕，追回违规款项1.2万元'],
        { owner: '李副局长', status: 'done' }),
      task([3, '制度建设滞后', '修订完善公务接待、公车管理等内部管理制度', '李副局长', '办公室', '2023年9月底前', '已修订公务接待制度，公车管理制度正在修订'],
        { due: '2023-09-30', status: 'overdue' }),
      task([4, '干部队伍结构老化', '制定年轻干部培养计划', '张书记', '人事科', '2023年12月底前', '已起草初稿，正在征求意见'],
        { due: '2023-12-31', status: 'on_track' }),
    ],
    columns: { id: 'A', measure: 'C', owner: 'D', responsible: 'E', deadline: 'F', progress: 'G' },
  },
  {
    name: '巡察反馈问题整改台账（附件行、标题、填报单位行、两行表头：责任/整改情况分组）',
    sheetName: '整改台账',
    asOf: AS_OF,
    above: ['附件2', '2023年巡察反馈问题整改台账', ['填报单位：（盖章）', null, null, null, null, null, '填报日期：2023年11月27日']],
    header: [
      ['序号', '反馈问题', '整改措施', '责任', null, '整改时限', '整改情况', null, '备注'],
      [null, null, null, '责任领导', '责任部门', null, '进展', '完成时间', null],
    ],
    body: [
      task([1, '基层党组织“三会一课”制度落实不到位', '各党支部严格落实“三会一课”制度，每月召开1次支委会', '王书记', '机关党委', '长期坚持', '已督促各支部按月召开', null, null],
        { owner: '王书记', responsible: ['机关党委'] }),
      task([2, '意识形态工作责任制落实不够', '党组专题研究意识形态工作，制定责任清单', '王书记', '办公室', '2023年8月底前', '已完成', d('2023-08-15'), null],
        { status: 'done' }),
      task([3, '选人用人程序不规范', '开展干部人事档案专项审核', '陈部长', '组织人事科', '2023年10月底前', '已完成', d('2023-11-10'), null],
        { status: 'done_late' }),
      task([4, '项目资金使用监管不严', '对专项资金使用情况开展全面清查', '刘副局长', '财务科', '2023年12月底前', '推进中', null, '已清查60%'],
        { responsible: ['财务科'], due: '2023-12-31', status: 'on_track' }),
    ],
    columns: { id: 'A', measure: 'C', owner: 'D', responsible: 'E', deadline: 'F', progress: 'G', doneDate: 'H' },
  },
  {
    name: '清廉机关建设任务分工（类别行、工作任务合并、责任科室）',
    sheetName: '任务分工',
    asOf: AS_OF,
    above: ['2023年清廉机关建设任务分工'],
    header: [['序号', '工作任务', '具体措施', '责任科室', '完成时限', '完成情况']],
    body: [
      category('一、突出政治引领'),
      task([1, '持续深化理论武装', '把学习贯彻党的二十大精神作为理论学习中心组重要内容', '机关党委', '2023年6月底前', '已完成'],
        { responsible: ['机关党委'], status: 'done' }),
      task([2, null, '做实机关工作人员思想动态分析', '机关党委', '每半年', '上半年已开展'],
        { status: 'on_track' }),
      category('二、强化廉洁教育'),
      task([3, '廉洁文化建设', '组织开展“廉洁文化进机关”主题活动', '办公室', '2023年10月底前', '未开展'],
        { due: '2023-10-31', status: 'overdue' }),
      task([4, null, '开展新任职干部廉政谈话', '机关纪委', '2023年12月底前', '已完成，5月12日'],
        { responsible: ['机关纪委'], status: 'done' }),
    ],
    mergedDown: ['B'],
    columns: { id: 'A', category: 'B', measure: 'C', responsible: 'D', deadline: 'E', progress: 'F' },
  },
  {
    name: '党支部主题党日活动计划及开展情况台账（月份、活动内容、计划时间、开展情况、开展时间）',
    sheetName: '主题党日台账',
    asOf: AS_OF,
    above: ['机关第一党支部2023年主题党日活动计划及开展情况台账'],
    header: [['月份', '活动主题', '活动内容', '责任人', '计划时间', '开展情况', '开展时间']],
    body: [
      task(['1月', '学习贯彻党的二十大精神', '集中学习党的二十大报告，开展交流研讨', '支部书记', '1月底前', '已开展', d('2023-01-18')],
        { owner: '支部书记', status: 'done' }),
      task(['2月', '重温入党誓词', '组织党员重温入党誓词', '组织委员', '2月底前', '已开展', d('2023-02-22')],
        { status: 'done' }),
      task(['3月', '志愿服务', '开展“学雷锋”志愿服务活动', '宣传委员', '3月底前', '已开展', d('2023-04-03')],
        { status: 'done_late' }),
      task(['10月', '廉政教育', '组织党员参观廉政教育基地', '纪检委员', '10月底前', '因故推迟', null],
        { due: '2023-10-31', status: 'overdue' }),
      task(['11月', '党课学习', '支部书记讲专题党课', '支部书记', '11月底前', '已安排，拟于12月上旬开展', null],
        { due: '2023-11-30', status: 'due_soon' }),
    ],
    columns: { measure: 'C', owner: 'D', deadline: 'E', progress: 'F', doneDate: 'G' },
  },
  {
    name: '“三会一课”及主题党日开展情况统计表（1月…12月打勾列）',
    sheetName: '开展情况',
    asOf: '2023-11-20',
    above: ['2023年机关党支部“三会一课”及主题党日开展情况统计表'],
    header: [['序号', '具体措施', '责任支部', '完成时限', ...MONTHS]],
    body: [
      task([1, '每月开展1次主题党日活动', '第一党支部', '每月', ...marks(range(1, 10))],
        { responsible: ['第一党支部'], status: 'on_track' }),
      task([2, '每月开展1次主题党日活动', '第二党支部', '每月', ...marks([1, 2, ...range(4, 10)])],
        { status: 'overdue', missedPeriods: ['2023-03'] }),
      task([3, '每月召开1次支部委员会', '第一党支部', '每月', ...marks(range(1, 10), '√')],
        { status: 'on_track' }),
      task([4, '每季度召开1次党员大会', '第二党支部', '每季度', ...marks([1, 4, 7, 10])],
        { status: 'on_track' }),
    ],
    columns: { id: 'A', measure: 'B', responsible: 'C', deadline: 'D' },
  },
  {
    name: '政務公開重點工作任務分解表（繁體：工作任務、具體要求、責任單位寫牽頭/配合、推進情況）',
    sheetName: '任務分解',
    asOf: AS_OF,
    above: ['2023年政務公開重點工作任務分解表'],
    header: [['序號', '工作任務', '具體要求', '責任單位', '完成時限', '推進情況']],
    body: [
      task([1, '推進決策公開', '全面推行重大行政決策事項目錄管理，及時公開決策草案', '辦公室牽頭，各科室配合', '2023年6月底前', '已完成，6月15日公開目錄'],
        { lead: ['辦公室'], responsible: ['各科室'], status: 'done' }),
      task([2, '深化政策解讀', '嚴格落實政策解讀與政策文件同步起草、同步審簽、同步發布', '政策法規科', '持續推進', '按要求同步發布解讀材料'],
        { responsible: ['政策法規科'] }),
      task([3, '優化政務新媒體', '整合關停功能重複、更新緩慢的政務新媒體賬號', '信息中心', '2023年9月底前', '正在推進'],
        { due: '2023-09-30', status: 'overdue' }),
      task([4, '規範依申請公開', '修訂依申請公開辦理流程，編制辦理指引', '辦公室', '2023年12月底前', '初稿已完成'],
        { due: '2023-12-31', status: 'on_track' }),
    ],
    columns: { id: 'A', category: 'B', measure: 'C', responsible: 'D', deadline: 'E', progress: 'F' },
  },
  {
    name: '巡察反饋問題整改台賬（繁體：問題清單、整改措施、牽頭單位、配合單位、整改時限）',
    sheetName: '整改台賬',
    asOf: AS_OF,
    above: ['2023年巡察反饋問題整改台賬'],
    header: [['序號', '問題清單', '整改措施', '牽頭單位', '配合單位', '整改時限', '完成情況']],
    body: [
      task([1, '幹部作風不夠扎實', '開展作風建設專項整治，建立問題臺賬', '機關黨委', '各處室', '2023年10月31日前', '已完成，10月20日'],
        { lead: ['機關黨委'], responsible: ['各處室'], status: 'done' }),
      task([2, '政府採購程序不規範', '修訂政府採購內控制度', '財務處', '辦公室', '2023年11月底前', '正在修訂'],
        { due: '2023-11-30', status: 'due_soon' }),
      task([3, '檔案管理不規範', '對2020年以來文書檔案進行全面整理歸檔', '辦公室', '各處室', '2023年12月底前', '已整理70%'],
        { due: '2023-12-31', status: 'on_track' }),
      task([4, '學習制度執行不嚴', '嚴格執行黨組理論學習中心組學習制度', '機關黨委', '辦公室', '長期堅持', '持續推進中'],
        { status: 'ongoing', due: null }),
    ],
    columns: { id: 'A', measure: 'C', lead: 'D', responsible: 'E', deadline: 'F', progress: 'G' },
  },
  {
    name: '机关党建工作要点责任分解表（填报行、两行表头：完成情况分进展/完成时间/佐证材料，类别行+合并类别列）',
    sheetName: '责任分解表',
    asOf: AS_OF,
    above: ['2023年机关党建工作要点责任分解表', '填报单位：机关党委          填报日期：2023年11月'],
    header: [
      ['序号', '工作任务', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', null, null],
      [null, null, null, null, null, null, '进展', '完成时间', '佐证材料'],
    ],
    body: [
      category('一、加强政治建设'),
      task([1, '政治建设', '制定落实全面从严治党主体责任清单', '机关党委', '各处室', '2023年3月31日', '已完成', d('2023-03-20'), '责任清单文件'],
        { category: '政治建设', lead: ['机关党委'], responsible: ['各处室'], status: 'done' }),
      task([2, null, '开展党组织书记抓党建述职评议', '机关党委', '各党支部', '2023年2月底前', '已完成', d('2023-03-10'), '述职报告'],
        { category: '政治建设', status: 'done_late' }),
      category('二、加强组织建设'),
      task([3, '组织建设', '完成党支部按期换届', '组织人事处', '各党支部', '2023年11月底前', '推进中', null, null],
        { due: '2023-11-30', status: 'due_soon' }),
      task([4, null, '发展党员5名', '组织人事处', '各党支部', '年底前', '已发展3名', null, null],
        { category: '组织建设', due: '2023-12-31', status: 'on_track' }),
    ],
    mergedDown: ['B'],
    columns: { id: 'A', category: 'B', measure: 'C', lead: 'D', responsible: 'E', deadline: 'F', progress: 'G', doneDate: 'H', evidence: 'I' },
  },
  {
    name: '部门重点工作任务清单（无完成时限列：时限写在任务内容里；承办单位、落实情况）',
    sheetName: '任务清单',
    asOf: AS_OF,
    above: ['2023年县发改局重点工作任务清单'],
    header: [['序号', '任务内容', '承办单位', '落实情况']],
    body: [
      task([1, '6月底前完成“十四五”规划中期评估报告', '规划科', '已完成，6月28日报县政府'],
        { responsible: ['规划科'], status: 'done' }),
      task([2, '9月底前完成2024年重大项目谋划储备', '项目科', '已储备项目86个，正在论证'],
        { due: '2023-09-30', status: 'overdue' }),
      task([3, '年底前争取中央预算内投资1.5亿元以上', '投资科', '已争取1.2亿元'],
        { due: '2023-12-31', status: 'on_track' }),
      task([4, '每季度开展1次重点项目建设督导', '项目科', '一、二、三季度已开展'],
        { status: 'on_track' }),
    ],
    columns: { id: 'A', measure: 'B', responsible: 'C', progress: 'D' },
  },
  {
    name: '县政府督查室重点督办事项清单（编号、督办事项、承办单位、办理时限为日期，无进展列）',
    sheetName: '督办事项',
    asOf: AS_OF,
    above: ['县政府督查室重点督办事项清单（2023年第4期）'],
    header: [['编号', '督办事项', '承办单位', '办理时限']],
    body: [
      task(['DB2023-041', '加快推进城东片区征迁扫尾工作', '县住建局、城东街道', d('2023-11-20')],
        { id: 'DB2023-041', responsible: ['县住建局', '城东街道'], due: '2023-11-20', status: 'overdue' }),
      task(['DB2023-042', '解决城南小区供水管网老化问题', '县水务集团', d('2023-12-31')],
        { due: '2023-12-31', status: 'on_track' }),
      task(['DB2023-043', '督促企业落实安全生产主体责任', '县应急管理局', d('2023-12-06')],
        { due: '2023-12-06', status: 'due_soon' }),
      task(['DB2023-044', '做好今冬明春供暖保障', '县发改局', '立即办理，长期坚持'],
        { responsible: ['县发改局'] }),
    ],
    columns: { id: 'A', measure: 'B', responsible: 'C', deadline: 'D' },
  },
  {
    name: '人大代表建议和政协提案办理任务分解表（主办单位、协办单位、办结时限、办理情况）',
    sheetName: '建议提案',
    asOf: AS_OF,
    above: ['2023年人大代表建议和政协提案办理任务分解表'],
    header: [['序号', '建议（提案）事项', '主办单位', '协办单位', '办结时限', '办理情况']],
    body: [
      task([1, '关于加快城区停车场建设的建议', '县住建局', '县自然资源局、县城管局', '2023年8月31日前', '已办结，8月25日答复代表'],
        { lead: ['县住建局'], responsible: ['县自然资源局', '县城管局'], status: 'done' }),
      task([2, '关于加强农村养老服务的提案', '县民政局', '县卫健局', '2023年8月31日前', '已答复，委员表示满意'],
        { status: 'done' }),
      task([3, '关于改善中小学课后服务的建议', '县教体局', null, '2023年8月31日前', '正在办理'],
        { lead: ['县教体局'], responsible: [], due: '2023-08-31', status: 'overdue' }),
      task([4, '关于规范农贸市场管理的提案', '县市场监管局', '各乡镇', '2023年12月31日前', '已初步答复'],
        { due: '2023-12-31', status: 'on_track' }),
    ],
    columns: { id: 'A', measure: 'B', lead: 'C', responsible: 'D', deadline: 'E', progress: 'F' },
  },
  {
    name: '市级重点项目建设推进表（单位行、年度计划投资、责任领导/责任单位/责任人、时间节点、形象进度）',
    sheetName: '重点项目',
    asOf: AS_OF,
    above: ['2023年市级重点项目建设推进表', ['单位：万元']],
    header: [['序号', '项目名称', '建设内容及规模', '年度计划投资', '责任领导', '责任单位', '责任人', '时间节点', '形象进度']],
    body: [
      task([1, '城东污水处理厂二期', '新增日处理能力5万吨', 12000, '李副市长', '市水务局', '陈某', '2023年12月底前', '主体工程完工，正在设备安装'],
        { responsible: ['市水务局'], due: '2023-12-31', status: 'on_track' }),
      task([2, '市第二人民医院迁建', '新建医疗综合楼12万平方米', 30000, '王副市长', '市卫健委', '刘某', '2023年10月底前主体封顶', '主体已封顶'],
        { status: 'done' }),
      task([3, '滨江大道改造', '改造道路4.2公里', 8000, '李副市长', '市城建集团', '张某', '2023年9月底前', '完成70%'],
        { due: '2023-09-30', status: 'overdue' }),
    ],
    columns: { id: 'A', responsible: 'F', deadline: 'H', progress: 'I' },
  },
  {
    name: '优化营商环境重点任务清单（附件1行、重点任务合并、工作进展、表下填表说明和填报人）',
    sheetName: '营商环境',
    asOf: AS_OF,
    above: ['附件1', '2023年优化营商环境重点任务清单'],
    header: [['序号', '重点任务', '具体措施', '牵头单位', '责任单位', '完成时限', '工作进展']],
    body: [
      task([1, '提升政务服务效能', '推行“一件事一次办”，年内新增集成服务事项20项', '县行政审批局', '县直各有关单位', '2023年12月底前', '已新增集成服务事项15项'],
        { lead: ['县行政审批局'], due: '2023-12-31', status: 'on_track' }),
      task([2, null, '企业开办时间压缩至1个工作日以内', '县市场监管局', '县税务局、县公安局', '2023年6月底前', '已实现企业开办0.5个工作日办结'],
        { category: '提升政务服务效能', responsible: ['县税务局', '县公安局'], status: 'done' }),
      task([3, '优化法治环境', '开展涉企行政执法专项检查', '县司法局', '县直各执法部门', '2023年9月底前', '未开展'],
        { due: '2023-09-30', status: 'overdue' }),
    ],
    mergedDown: ['B'],
    below: ['填表说明：1.工作进展请简要填写，已完成的注明完成时间；', '2.本表每月25日前报县营商办。', '填报人：          联系电话：'],
    columns: { id: 'A', category: 'B', measure: 'C', lead: 'D', responsible: 'E', deadline: 'F', progress: 'G' },
  },
  {
    name: '市场监管局重点工作安排（只有类别行、序号分段重排、工作内容、责任科室）',
    sheetName: '工作安排',
    asOf: AS_OF,
    above: ['2023年度市场监管局重点工作安排'],
    header: [['序号', '工作内容', '责任科室', '完成时限', '完成情况']],
    body: [
      category('一、食品安全'),
      task([1, '完成食品安全监督抽检2000批次', '食品安全科', '2023年11月底前', '已完成2150批次'],
        { category: '一、食品安全', status: 'done' }),
      task([2, '开展校园食品安全守护行动', '食品安全科', '2023年9月底前', '已完成'],
        { category: '一、食品安全', status: 'done' }),
      category('二、特种设备安全'),
      task([1, '开展电梯安全隐患排查整治', '特种设备科', '2023年6月底前', '已完成排查，整改正在推进'],
        { category: '二、特种设备安全', status: 'overdue' }),
      task([2, '完成气瓶充装单位监督检查全覆盖', '特种设备科', '2023年12月底前', '已检查18家，剩余6家'],
        { responsible: ['特种设备科'], status: 'on_track' }),
    ],
    columns: { id: 'A', measure: 'B', responsible: 'C', deadline: 'D', progress: 'E' },
  },
  {
    name: '卫健委重点工作任务推进表（表头单元格带空格和换行：牵 头\\n科 室、完成\\n时限）',
    sheetName: '推进表',
    asOf: AS_OF,
    above: ['2023年卫健委重点工作任务推进表'],
    header: [['序 号', '工作\n任务', '牵 头\n科 室', '配合\n科室', '完成\n时限', '进展\n情况']],
    body: [
      task([1, '完成二级以上医院电子病历系统应用水平评价', '医政科', '信息中心', '2023年10月底前', '已完成，10月18日通过省级评价'],
        { lead: ['医政科'], responsible: ['信息中心'], status: 'done' }),
      task([2, '实现家庭医生签约服务重点人群覆盖率75%以上', '基层卫生科', '各乡镇卫生院', '2023年12月底前', '目前覆盖率72%'],
        { due: '2023-12-31', status: 'on_track' }),
      task([3, '新建村卫生室标准化建设12所', '规划财务科', '各乡镇卫生院', '2023年9月底前', '已建成10所'],
        { due: '2023-09-30', status: 'overdue' }),
    ],
    columns: { id: 'A', measure: 'B', lead: 'C', responsible: 'D', deadline: 'E', progress: 'F' },
  },
  {
    name: '各科室年度目标任务分解表（责任科室在第一列并向下合并）',
    sheetName: '目标任务',
    asOf: AS_OF,
    above: ['2023年各科室年度目标任务分解表'],
    header: [['责任科室', '序号', '目标任务', '完成时限', '完成情况']],
    body: [
      task(['办公室', 1, '完成年度政府信息公开工作报告编制发布', '2023年1月31日前', '已完成，1月20日发布'],
        { responsible: ['办公室'], status: 'done' }),
      task([null, 2, '完成机关档案数字化', '2023年12月底前', '已完成80%'],
        { responsible: ['办公室'], due: '2023-12-31', status: 'on_track' }),
      task(['财务科', 3, '编制2024年部门预算', '2023年11月15日前', '已完成，11月10日报财政局'],
        { responsible: ['财务科'], status: 'done' }),
      task([null, 4, '完成2022年度部门决算公开', '2023年9月底前', '尚未公开'],
        { responsible: ['财务科'], due: '2023-09-30', status: 'overdue' }),
    ],
    mergedDown: ['A'],
    columns: { responsible: 'A', id: 'B', measure: 'C', deadline: 'D', progress: 'E' },
  },
  {
    name: '乡村振兴重点任务分解表（两行表头：责任单位分牵头/配合）',
    sheetName: '乡村振兴',
    asOf: AS_OF,
    above: ['2023年乡村振兴重点任务分解表'],
    header: [
      ['序号', '重点任务', '责任单位', null, '完成时限', '推进情况'],
      [null, null, '牵头', '配合', null, null],
    ],
    body: [
      task([1, '粮食播种面积稳定在45万亩以上', '县农业农村局', '各乡镇', '2023年10月底前', '全年粮食播种面积45.6万亩，已完成'],
        { lead: ['县农业农村局'], responsible: ['各乡镇'], status: 'done' }),
      task([2, '新建高标准农田3万亩', '县农业农村局', '县财政局、县水利局', '2023年12月底前', '已完工2.1万亩'],
        { responsible: ['县财政局', '县水利局'], due: '2023-12-31', status: 'on_track' }),
      task([3, '农村卫生厕所普及率达到80%', '县农业农村局', '县卫健局、各乡镇', '2023年9月底前', '普及率达78%'],
        { due: '2023-09-30', status: 'overdue' }),
    ],
    columns: { id: 'A', measure: 'B', lead: 'C', responsible: 'D', deadline: 'E', progress: 'F' },
  },
  {
    name: '交通运输局重点工作任务进度表（两行表头：时间节点分计划完成/实际完成，责任股室）',
    sheetName: '进度表',
    asOf: AS_OF,
    above: ['2023年县交通运输局重点工作任务进度表'],
    header: [
      ['序号', '工作任务', '具体措施', '责任股室', '时间节点', null, '完成情况'],
      [null, null, null, null, '计划完成', '实际完成', null],
    ],
    body: [
      task([1, '农村公路建设', '完成农村公路提质改造50公里', '建设股', '2023年10月底前', d('2023-10-25'), '已完成'],
        { responsible: ['建设股'], status: 'done' }),
      task([2, null, '完成危桥改造8座', '建设股', '2023年11月底前', null, '已完成6座'],
        { due: '2023-11-30', status: 'due_soon' }),
      task([3, '运输服务', '新开通城乡公交线路2条', '运管股', '2023年6月底前', d('2023-07-15'), '已开通'],
        { status: 'done_late' }),
      task([4, null, '建成镇级综合运输服务站3个', '运管股', '2023年12月底前', null, '主体已完工'],
        { due: '2023-12-31', status: 'on_track' }),
    ],
    mergedDown: ['B'],
    columns: { id: 'A', category: 'B', measure: 'C', responsible: 'D', deadline: 'E', doneDate: 'F', progress: 'G' },
  },
  {
    name: '机关工委重点工作推进情况（一季度/二季度/三季度进展三列，最新一列为当前）',
    sheetName: '推进情况',
    asOf: AS_OF,
    above: ['2023年市直机关工委重点工作推进情况'],
    header: [['序号', '具体措施', '牵头单位', '完成时限', '一季度进展', '二季度进展', '三季度进展']],
    body: [
      task([1, '开展模范机关创建活动', '机关工委', '2023年12月底前', '制定创建方案', '组织申报', '已完成评选命名'],
        { lead: ['机关工委'], status: 'done' }),
      task([2, '举办机关党务干部培训班', '组织部', '2023年9月底前', '未开展', '已制定培训方案', '已举办，9月12日结业'],
        { status: 'done' }),
      task([3, '建设机关党建信息平台', '办公室', '2023年12月底前', '完成需求调研', '完成招标', '正在开发'],
        { due: '2023-12-31', status: 'on_track' }),
      task([4, '开展机关党建课题调研', '研究室', '2023年10月底前', '已确定课题', '调研中', '形成初稿'],
        { due: '2023-10-31', status: 'overdue' }),
    ],
    columns: { id: 'A', measure: 'B', lead: 'C', deadline: 'D', progress: 'G' },
  },
  {
    name: '政务服务中心年度重点工作（无完成时限列：时限写在备注里，as of 2023-11-25）',
    sheetName: '重点工作',
    asOf: '2023-11-25',
    above: ['2023年政务服务中心年度重点工作'],
    header: [['序号', '工作措施', '责任单位', '进展情况', '备注']],
    body: [
      task([1, '推进政务服务事项“跨省通办”', '综合科', '正在推进', '12月底前完成'],
        { responsible: ['综合科'], due: '2023-12-31', status: 'on_track' }),
      task([2, '开展窗口工作人员业务培训', '办公室', '已完成', '6月底前完成'],
        { status: 'done' }),
      task([3, '升级改造政务服务大厅叫号系统', '信息科', '设备已采购，正在安装', '11月底前完成'],
        { due: '2023-11-30', status: 'due_soon' }),
      task([4, '建立“好差评”回访整改机制', '督查科', '未启动', '10月底前完成'],
        { due: '2023-10-31', status: 'overdue' }),
    ],
    // Column E is headed 备注 but holds the deadlines: whether it is reported as notes or deadline is not for the clerk to see.
    columns: { id: 'A', measure: 'B', responsible: 'C', progress: 'D' },
  },
  {
    name: '招商引资目标责任书任务分解（分季度目标写在目标任务里、按月报送）',
    sheetName: '目标责任书',
    asOf: AS_OF,
    above: ['2023年度招商引资目标责任书任务分解'],
    knownGap: 'a running total (1-9月到位资金14.5亿元) is not yet compared with per-quarter amount targets (4+5+5亿 due by Q3): row 1 reads 逾期',
    header: [['序号', '目标任务', '责任单位', '完成时限', '完成情况']],
    body: [
      // 14.5 of the 20 for the year by September: not done; the quarters so far are met (4+5+5).
      task([1, '全年引进内资到位资金20亿元，第一、二、三、四季度分别完成4亿元、5亿元、5亿元、6亿元', '县招商局', '按季度', '1-9月到位资金14.5亿元'],
        { responsible: ['县招商局'], status: 'on_track' }),
      task([2, '新签约亿元以上项目12个', '县招商局', '2023年12月底前', '已签约10个'],
        { due: '2023-12-31', status: 'on_track' }),
      task([3, '举办专题招商推介会2场', '县投促中心', '2023年10月底前', '已举办2场，分别于5月、9月'],
        { responsible: ['县投促中心'], status: 'done' }),
      // January to October reported; November's report is due by the end of the month, today.
      task([4, '每月向县政府报送1次招商工作进展', '县招商局', '每月', '1-10月均已按月报送'],
        { status: 'due_soon' }),
    ],
    columns: { id: 'A', measure: 'B', responsible: 'C', deadline: 'D', progress: 'E' },
  },
  {
    name: '机关党委组织生活开展情况统计（频次要求、已开展次数、最近开展时间）',
    sheetName: '组织生活',
    asOf: AS_OF,
    above: ['2023年机关党委组织生活开展情况统计'],
    header: [['序号', '具体措施', '责任部门', '频次要求', '已开展次数', '最近开展时间']],
    body: [
      task([1, '每季度召开1次党员大会', '各党支部', '每季度', 4, d('2023-10-16')],
        { responsible: ['各党支部'], status: 'on_track' }),
      task([2, '每年开展1次民主评议党员', '机关党委', '每年', 0, null],
        { status: 'on_track' }),
      // Eight meetings, the last in September: October's is missing.
      task([3, '每月召开1次支部委员会', '各党支部', '每月', 8, d('2023-09-20')],
        { status: 'overdue' }),
      task([4, '每半年开展1次党员思想动态分析', '机关党委', '每半年', 1, d('2023-06-28')],
        { status: 'on_track' }),
    ],
    columns: { id: 'A', measure: 'B', responsible: 'C', deadline: 'D', count: 'E', lastDate: 'F' },
  },
  {
    name: '文旅局重点工作任务台账（封面和填报说明工作表在前、表前空行、分管领导、责任股室、完成时间）',
    sheetName: 'Sheet3',
    asOf: AS_OF,
    sheetsBefore: [
      { name: '封面', rows: [['2023年度重点工作任务台账'], ['县文化和旅游局'], ['2023年11月']], merges: [] },
      { name: '填报说明', rows: [['填报说明'], ['1.完成情况请如实填写，已完成的注明完成时间。'], ['2.每月25日前报局办公室。']], merges: [] },
    ],
    above: [null, null, '2023年度重点工作任务台账'],
    header: [['序号', '重点工作', '工作措施', '分管领导', '责任股室', '完成时间', '完成情况']],
    body: [
      task([1, '文旅融合', '创建国家4A级旅游景区1家', '刘副局长', '资源开发股', '2023年12月底前', '已通过省级景观质量评审，待正式挂牌'],
        { owner: '刘副局长', responsible: ['资源开发股'], due: '2023-12-31', status: 'on_track' }),
      task([2, null, '举办第五届油菜花旅游文化节', '刘副局长', '产业发展股', '2023年4月', '已举办，3月28日开幕'],
        { category: '文旅融合', status: 'done' }),
      task([3, '公共服务', '建成城市书房3个', '陈副局长', '公共服务股', '2023年10月底前', '已建成2个'],
        { due: '2023-10-31', status: 'overdue' }),
    ],
    mergedDown: ['B'],
    columns: { id: 'A', category: 'B', measure: 'C', owner: 'D', responsible: 'E', deadline: 'F', progress: 'G' },
  },
  {
    name: '常务会议议定事项落实清单（议定事项、牵头领导只写人名、责任单位带“负责落实”）',
    sheetName: '议定事项',
    asOf: AS_OF,
    above: ['2023年县政府常务会议议定事项落实清单'],
    header: [['序号', '议定事项', '牵头领导', '责任单位', '完成时限', '落实情况']],
    body: [
      task([1, '研究制定城区停车收费管理办法', '张三', '县发改局', '2023年8月底前', '已印发实施'],
        { owner: '张三', responsible: ['县发改局'], status: 'done' }),
      task([2, '加快推进职教园区建设', '李四', '县教体局、县住建局', '2023年12月底前', '一期主体完工'],
        { owner: '李四', due: '2023-12-31', status: 'on_track' }),
      task([3, '开展城乡环境整治百日攻坚行动', '王五', '县城管局，各乡镇负责落实', '2023年7月底前', '已完成'],
        { responsible: ['县城管局', '各乡镇'], status: 'done' }),
    ],
    columns: { id: 'A', measure: 'B', owner: 'C', responsible: 'D', deadline: 'E', progress: 'F' },
  },
  {
    name: '安全生产工作落实台账（分级序号1.1/1.2、工作事项、责任人、日期单元格时限、备注）',
    sheetName: '落实台账',
    asOf: AS_OF,
    above: ['2023年第四季度安全生产工作落实台账'],
    header: [['序号', '工作事项', '责任单位', '责任人', '完成时限', '落实情况', '备注']],
    body: [
      task(['1.1', '开展燃气安全专项排查整治', '县住建局', '王某', d('2023-09-30'), '已完成排查整治，共整改隐患126处', null],
        { id: '1.1', owner: '王某', status: 'done' }),
      task(['1.2', '开展自建房安全专项整治', '县住建局', '王某', d('2023-12-31'), '已完成100%排查，整治完成85%', null],
        { due: '2023-12-31', status: 'on_track' }),
      task(['2.1', '开展危化品企业安全检查', '县应急管理局', '赵某', d('2023-10-31'), '完成检查32家，占比80%', '剩余8家因停产未检查'],
        { responsible: ['县应急管理局'], due: '2023-10-31', status: 'overdue' }),
    ],
    columns: { id: 'A', measure: 'B', responsible: 'C', owner: 'D', deadline: 'E', progress: 'F' },
  },
  {
    name: '主题教育检视问题整改清单（问题表现、整改目标、整改措施三列长文字，整改进展）',
    sheetName: '整改清单',
    asOf: AS_OF,
    above: ['2023年主题教育检视问题整改清单'],
    header: [['序号', '问题表现', '整改目标', '整改措施', '责任领导', '责任部门', '整改时限', '整改进展']],
    body: [
      task([1, '调查研究不够深入，调研成果转化不够', '调研成果转化率明显提升', '班子成员每人牵头1个调研课题，形成调研报告', '局长', '办公室', '2023年10月底前', '已整改，形成调研报告6篇'],
        { responsible: ['办公室'], status: 'done' }),
      task([2, '服务企业主动性不强', '企业诉求办结率达到95%以上', '建立领导干部包联企业制度', '分管副局长', '企业服务科', '立行立改', '已建立制度，10月起实行'],
        { status: 'done' }),
      task([3, '干部担当意识不强', '形成担当作为良好氛围', '开展干部作风专项整治', '局长', '人事科', '2023年12月底前', '整改中'],
        { due: '2023-12-31', status: 'on_track' }),
    ],
    columns: { id: 'A', measure: 'D', owner: 'E', responsible: 'F', deadline: 'G', progress: 'H' },
  },
  {
    name: '组织部任务清单（无标题、年份在工作表名里、工作任务为唯一文字列、完成时间节点为日期）',
    sheetName: '2023年任务清单',
    asOf: AS_OF,
    above: [],
    header: [['编号', '工作任务', '责任单位', '完成时间节点', '进展情况']],
    body: [
      task([1, '完成行政村“四议两公开”制度落实情况检查', '县委组织部', d('2023-11-10'), '已完成检查，11月8日通报'],
        { status: 'done' }),
      task([2, '完成村级组织阵地规范化建设提升', '县委组织部', d('2023-12-31'), '已完成90%'],
        { due: '2023-12-31', status: 'on_track' }),
      task([3, '选派驻村第一书记到位', '县委组织部', d('2023-04-30'), '已全部到位'],
        { responsible: ['县委组织部'], status: 'done' }),
    ],
    columns: { id: 'A', measure: 'B', responsible: 'C', deadline: 'D', progress: 'E' },
  },
];
