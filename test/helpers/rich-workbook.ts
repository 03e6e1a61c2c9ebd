import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { utc } from './fixtures';

/**
 * A breakdown workbook with everything write-back must leave alone: user fills and fonts, merges,
 * a note, data validation, the user's own conditional format, a defined name, formulas, a hidden
 * sheet, column widths, and a user sheet that happens to be called 汇总.
 */
export async function richWorkbook(measures: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '2022年工作要点责任分解表';
  ws.mergeCells('A1:G1');
  ws.addRow(['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间']);
  const rows: ExcelJS.CellValue[][] = [
    [1, '完善督查问责机制', '办公室', '各处室', utc(2022, 6, 30), '已完成', utc(2022, 6, 20)],
    [2, '机关党支部每月开展1次主题党日活动', '机关党委', '各支部', '每月', '推进中', null],
    [3, '深化理想信念教育', '宣传处', '各处室', '2022年8月31日前', '未开展', null],
    [4, '开展廉政教育', null, '各处室', '10月5日前', '推进中', null], // no lead: a finding
    ...measures.map((m, i): ExcelJS.CellValue[] => [5 + i, m, '办公室', '各处室', '2022年3月31日前', '未完成', null]),
  ];
  for (const r of rows) ws.addRow(r);
  ws.getColumn(2).width = 40;
  ws.getColumn(5).width = 16;
  ws.getColumn(5).numFmt = 'yyyy-mm-dd';
  ws.getColumn(7).numFmt = 'yyyy-mm-dd';
  // The user's own formatting and extras.
  ws.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('C4').font = { bold: true, color: { argb: 'FFFF0000' } };
  ws.getCell('B4').note = '请各支部按月报送';
  ws.getCell('F3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"已完成,推进中,未开展"'] };
  ws.addConditionalFormatting({
    ref: 'A3:A8',
    rules: [{ type: 'expression', priority: 1, formulae: ['$A3>3'], style: { font: { italic: true } } }],
  });
  ws.getCell('H2').value = null;
  ws.getCell('I3').value = { formula: 'A3*2', result: 2 };
  wb.definedNames.add("'台账'!$B$3:$B$6", '措施清单');

  const summary = wb.addWorksheet('汇总');
  summary.getCell('A1').value = '用户自己的汇总表';
  summary.getCell('B2').value = { formula: 'COUNTA(台账!B:B)', result: 5 };
  const hidden = wb.addWorksheet('底稿', { state: 'hidden' });
  hidden.getCell('A1').value = '隐藏的底稿';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every part of a package as text (binary parts as base64), by name. */
export async function partsOf(xlsx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    out.set(name, /\.(xml|rels)$/.test(name) ? await entry.async('string') : await entry.async('base64'));
  }
  return out;
}

/** What a user sees of a sheet, through a third-party reader (exceljs): values, formulas, styles, merges. */
export async function userView(xlsx: Buffer, sheets: string[], skipColumn = ''): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return sheets.map((name) => {
    const ws = wb.getWorksheet(name)!;
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.address.replace(/\d+$/, '') === skipColumn) return;
        cells.push([
          cell.address,
          cell.value,
          cell.numFmt,
          cell.font,
          cell.fill,
          cell.border,
          cell.alignment,
          cell.note,
          cell.dataValidation,
        ]);
      }),
    );
    const skip = skipColumn ? skipColumn.charCodeAt(0) - 65 : -1;
    return {
      name,
      state: ws.state,
      cells,
      merges: ws.model.merges,
      widths: ws.columns?.map((c, i) => (i === skip ? 'skipped' : c.width)),
    };
  });
}
