import ExcelJS from 'exceljs';
import { CellValue, WorkbookData } from '../src/engine/model/workbook';

/** Varied but realistic rows: the deadline styles, progress words and departments clerks write. */
const DEADLINES: CellValue[] = [
  '2026年6月30日前',
  '6月底前',
  '年底前',
  '每月',
  '每季度',
  '每半年',
  '全年',
  '长期坚持',
  '三季度',
  '七一前',
  '适时',
  { date: '2026-09-30' },
  '每年不少于2次',
  '下半年',
];
const PROGRESS = ['已完成', '推进中', '基本完成', '', '未开展', '3月15日、6月20日开展', '已完成80%', '持续推进'];
const LEADS = ['办公室', '机关党委', '组织处', '宣传处', '纪检组'];
const MEASURES = [
  '完善督查问责机制',
  '机关党支部每月开展1次主题党日活动',
  '每半年报告一次党员思想动态分析，书记班子每年至少召开1次专题会议',
  '深化理想信念教育',
  '开展研习研讨30余次',
];

export function syntheticRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [
    ['2026年工作要点责任分解表'],
    ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'],
  ];
  for (let i = 0; i < n; i++) {
    rows.push([
      i + 1,
      `${MEASURES[i % MEASURES.length]}（第${i + 1}项）`,
      LEADS[i % LEADS.length],
      '各处室',
      DEADLINES[i % DEADLINES.length],
      PROGRESS[(i * 7) % PROGRESS.length],
      i % 3 === 0 ? { date: '2026-06-20' } : null,
    ]);
  }
  return rows;
}

export function syntheticWorkbook(n: number): WorkbookData {
  return { sheets: [{ name: '台账', rows: syntheticRows(n), merges: [] }], date1904: false };
}

export async function syntheticXlsx(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (const row of syntheticRows(n))
    ws.addRow(row.map((v) => (v && typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
