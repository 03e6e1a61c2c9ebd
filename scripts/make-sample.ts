/**
 * Builds assets/sample.xlsx from scripts/sample/source.ts with exceljs.
 * Run: npm run make-sample
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { wrappedLines } from '../src/engine/write/display-width';
import { DEPARTMENTS, FILLED_BY, LOG, NOTES, RULES, TASKS, TITLE, Ymd } from './sample/source';

const date = ([y, m, d]: Ymd) => new Date(Date.UTC(y, m - 1, d));
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * A row's height in points for its wrapped texts, as a careful clerk sets it so the printed table shows
 * every line: lines by display width (CJK two) in each column's width less its padding, 15 points a line.
 */
function rowHeight(texts: string[], widths: number[]): number {
  const lines = Math.max(1, ...texts.map((t, i) => (t ? wrappedLines(t, Math.max(3, (widths[i] ?? 10) - 1)) : 1)));
  return Math.max(18, lines * 15 + 3);
}

export async function buildSample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luoshi sample generator';
  const ws = wb.addWorksheet('责任分解表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { width: 6 },
    { width: 16 },
    { width: 48 },
    { width: 12 },
    { width: 16 },
    { width: 16 },
    { width: 24 },
    { width: 13 },
    { width: 22 },
    { width: 26 },
  ];
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = TITLE;
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:J2');
  ws.getCell('A2').value = FILLED_BY;

  const top = ['序号', '工作任务', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '', '', '备注'];
  const sub = ['', '', '', '', '', '', '进展', '完成时间', '佐证材料', ''];
  ws.getRow(3).values = top;
  ws.getRow(4).values = sub;
  for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'J']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('G3:I3');
  for (const r of [3, 4]) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });
  }

  let r = 5;
  let categoryStart = r;
  TASKS.forEach((t, i) => {
    const row = ws.getRow(r);
    row.values = [
      Number(t.id),
      t.category,
      t.measure,
      t.lead,
      t.responsible,
      Array.isArray(t.deadline) ? date(t.deadline) : t.deadline,
      t.progress ?? '',
      t.doneOn ? date(t.doneOn) : null,
      t.evidence ?? '',
      t.note ?? '',
    ];
    row.height = rowHeight(
      // The category is merged down its rows: it sets no single row's height.
      [
        String(t.id),
        '',
        t.measure,
        t.lead,
        t.responsible,
        Array.isArray(t.deadline) ? '2026年12月31日' : t.deadline,
        t.progress ?? '',
        '',
        t.evidence ?? '',
        t.note ?? '',
      ],
      ws.columns.map((c) => c.width ?? 10),
    );
    row.getCell(6).numFmt = 'yyyy"年"m"月"d"日"';
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
    const next = TASKS[i + 1];
    if (!next || next.category !== t.category) {
      if (r > categoryStart) ws.mergeCells(`B${categoryStart}:B${r}`);
      categoryStart = r + 1;
    }
    r++;
  });
  r++;
  for (const note of NOTES) {
    ws.mergeCells(`A${r}:J${r}`);
    ws.getCell(`A${r}`).value = note;
    r++;
  }
  ws.views = [{ state: 'frozen', ySplit: 4 }];

  const log = wb.addWorksheet('工作记录');
  log.columns = [
    { header: '日期', width: 12 },
    { header: '序号', width: 6 },
    { header: '具体措施', width: 40 },
    { header: '活动内容', width: 36 },
  ];
  for (const e of LOG) {
    const row = log.addRow([date(e.date), e.id ? Number(e.id) : null, e.measure ?? '', e.content]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
  }
  log.getRow(1).font = { bold: true };

  const departments = wb.addWorksheet('部门');
  departments.addRow(['部门名称']).font = { bold: true };
  for (const d of DEPARTMENTS) departments.addRow([d]);
  departments.getColumn(1).width = 16;

  const rules = wb.addWorksheet('规则');
  rules.addRow(['关键词', '频次', '提醒天数', '需佐证', '来源']).font = { bold: true };
  for (const rule of RULES) rules.addRow([rule.keyword, rule.frequency, rule.warnDays, rule.evidence, rule.source]);
  rules.columns.forEach((c, i) => (c.width = [12, 10, 10, 8, 40][i]));
  return wb;
}

if (require.main === module) {
  const target = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');
  buildSample()
    .then((wb) => wb.xlsx.writeFile(target))
    .then(() => console.log(`wrote ${target}`));
}
