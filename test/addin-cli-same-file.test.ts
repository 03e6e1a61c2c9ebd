import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { departmentZip, readReplies, workbookBytes } from '../src/addin/excel/file-bytes';
import { runMerge } from '../src/addin/excel/merge-writes';
import { runCheck, runClear } from '../src/addin/excel/run-check';
import { parseColumnRange } from '../src/engine';
import { Report } from '../src/engine/model/report';
import { checkedWorkbook, clearedWorkbook } from '../src/xlsx/checked-workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { testHost } from './office-host/context';
import { testDocument } from './office-host/document';
import { HostWorkbook } from './office-host/model';
import { exportHostWorkbook, loadHostWorkbook } from './office-host/xlsx-io';
import { buildXlsx, utc } from './helpers/fixtures';

/*
 * Issue 17, item 12: the add-in and the CLI on the same file, both ways. The add-in runs on the test host;
 * the host's workbook goes to .xlsx and back through test/office-host/xlsx-io.ts, which carries what both
 * sides write and read (cells, number formats, fills and fonts, conditional formats, merges, defined names
 * with their sheet scope, jump links); what it cannot carry is listed there, and none of it is asserted here.
 * Fixed as-of date and run time.
 */

const SHEET = '责任分解表';
const FILE = '台账.xlsx';
const OPTIONS = { asOf: '2022-09-30', lang: 'zh' as const, runAt: '2022-09-30 09:30', fileName: FILE };

/** A user's workbook: a title row, the table (dates formatted, one filled header cell), a second sheet of their own. */
async function userWorkbook(lang: 'zh' | 'en' = 'zh'): Promise<Buffer> {
  const xlsx = await buildXlsx([
    {
      name: SHEET,
      rows: [
        ['2022年工作要点责任分解表'],
        lang === 'zh'
          ? ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况']
          : ['No.', 'Measure', 'Lead', 'Responsible', 'Deadline', 'Progress'],
        [1, '召开党建工作会议', '组织部', '宣传部', utc(2022, 6, 30), '推进中'],
        [2, '開展理論學習', '宣传部', '組織部', utc(2022, 10, 5), null],
        [3, '开展警示教育', '纪检组', '', utc(2022, 12, 31), '已完成'],
        [4, '开展专项督查', '纪检组', '宣传部', utc(2022, 8, 31), null],
      ],
      merges: ['A1:F1'],
      formats: { E: 'yyyy-mm-dd' },
    },
    { name: '说明', rows: [['本表由办公室维护']] },
  ]);
  // A fill of the user's own on a header cell: it must survive both clears.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  wb.getWorksheet(SHEET)!.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const statuses = (r: Report) => r.tasks.map((t) => [t.row, t.status]);

/** What a user sees of a host workbook: sheets, cells with their formats, names, conditional formats, widths. */
function seen(model: HostWorkbook) {
  return {
    names: model.names.map((n) => n.name),
    sheets: model.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
      names: s.names.map((n) => n.name),
      merges: s.merges,
      conditionalFormats: s.conditionalFormats.length,
      widths: [...s.columnWidths.entries()],
    })),
  };
}

/** What the CLI's reader sees of a package: every sheet's values and merges. */
async function cells(xlsx: Buffer) {
  const data = await readWorkbook(xlsx, FILE);
  return data.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges }));
}

/** The defined names and the status column's cells (value and style) of a package, as Excel would show them. */
async function leftovers(xlsx: Buffer, statusCol: number) {
  const book = await (await JSZip.loadAsync(xlsx)).file('xl/workbook.xml')!.async('string');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEET)!;
  const status: unknown[] = [];
  const last = ws.rowCount; // getCell makes rows: fixed before the loop
  for (let r = 1; r <= last; r++) {
    const c = ws.getCell(r, statusCol + 1);
    if (c.value !== null || c.fill || c.font?.color || c.border?.top) status.push([r, c.value, c.fill, c.font]);
  }
  return {
    names: [...book.matchAll(/<definedName\b[^>]*name="([^"]*)"/g)].map((m) => m[1]),
    status,
    conditionalFormats: (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings?.length ?? 0,
  };
}

describe('a workbook checked by the add-in, then cleared and re-validated by the CLI', () => {
  test.each(['zh', 'en'] as const)(
    '(%s) clear gives back the user’s cells with no trace of Luoshi; validate gives the add-in’s statuses',
    async (lang) => {
      const user = await userWorkbook(lang);
      const model = await loadHostWorkbook(user);
      const addin = await runCheck(testHost(model), { ...OPTIONS, lang });
      const mark = model.sheet(SHEET)!.names.find((n) => n.name === '_luoshi_status')!;
      const statusCol = parseColumnRange(mark.formula.replace(/^=/, ''))!.col;
      expect(model.sheets.length).toBeGreaterThan(2);
      const exported = Buffer.from(await exportHostWorkbook(model));
      // What the add-in wrote is in the file: the status cells with their fills, the colour rules, the marks.
      const written = await leftovers(exported, statusCol);
      expect(written.names).toEqual(expect.arrayContaining(['_luoshi_sheet', '_luoshi_status']));
      expect(written.status.length).toBeGreaterThan(4);
      expect(written.conditionalFormats).toBeGreaterThan(0);

      const cleared = await clearedWorkbook(exported, FILE);
      expect(cleared.found).toBe(true);
      expect(await cells(cleared.output)).toEqual(await cells(user));
      expect(await leftovers(cleared.output, statusCol)).toEqual({ names: [], status: [], conditionalFormats: 0 });
      // The user's own fill is still there.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(cleared.output as unknown as ExcelJS.Buffer);
      expect((wb.getWorksheet(SHEET)!.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');

      const cli = await checkedWorkbook(exported, FILE, { ...OPTIONS, lang });
      if (!cli.ok) throw new Error(cli.error.message.en);
      expect(statuses(cli.value.report)).toEqual(statuses(addin.report));
    },
    60_000,
  );
});

describe('a workbook validated by the CLI, then cleared and re-checked by the add-in', () => {
  test.each(['zh', 'en'] as const)(
    '(%s) 清除结果 removes everything the CLI wrote; 校验 gives the CLI’s statuses',
    async (lang) => {
      const user = await userWorkbook(lang);
      const cli = await checkedWorkbook(user, FILE, { ...OPTIONS, lang });
      if (!cli.ok) throw new Error(cli.error.message.en);
      const model = await loadHostWorkbook(cli.value.output);
      const host = testHost(model);
      // The CLI's output as the host holds it: its sheets, its marks, the coloured status cells.
      expect(model.sheets.length).toBeGreaterThan(3);
      expect(model.names.map((n) => n.name)).toEqual(expect.arrayContaining(['_luoshi_styles']));
      expect(model.sheet(SHEET)!.conditionalFormats.length).toBeGreaterThan(0);
      expect(await runClear(host)).toBe(true);
      expect(seen(model)).toEqual(seen(await loadHostWorkbook(user)));

      const addin = await runCheck(host, { ...OPTIONS, lang });
      expect(statuses(addin.report)).toEqual(statuses(cli.value.report));
    },
    60_000,
  );
});

describe('合并记录 across the two', () => {
  test('merged in the pane → the CLI’s validate keeps 合并记录 with its rows → the CLI’s clear removes it', async () => {
    const user = await userWorkbook();
    const model = await loadHostWorkbook(user);
    const host = Object.assign(testHost(model), { document: testDocument(() => exportHostWorkbook(model)) });
    // 分发 from the open workbook (its bytes through getFileAsync: the host exported), one department answers.
    const made = await departmentZip(await workbookBytes(host.document), {
      asOf: OPTIONS.asOf,
      lang: 'zh',
      name: FILE,
    });
    const dept = made.split.departments.find((d) => d.department === '纪检组')!;
    const reply = new ExcelJS.Workbook();
    await reply.xlsx.load(Buffer.from(dept.bytes) as unknown as ExcelJS.Buffer);
    reply.getWorksheet(SHEET)!.eachRow((row) => {
      if (row.getCell(2).value === '开展专项督查') row.getCell(6).value = '已督查3次';
    });
    const read = await readReplies([
      { fileName: dept.fileName, bytes: new Uint8Array(await reply.xlsx.writeBuffer()) },
    ]);
    const run = await runMerge(host, read.replies, read.unreadable, OPTIONS);
    expect(run.changes.map((c) => c.new)).toEqual(['已督查3次']);
    const log = model.sheet('合并记录')!.grid();

    const exported = Buffer.from(await exportHostWorkbook(model));
    const cli = await checkedWorkbook(exported, FILE, OPTIONS);
    if (!cli.ok) throw new Error(cli.error.message.en);
    const again = await loadHostWorkbook(cli.value.output);
    expect(again.sheet('合并记录')?.grid()).toEqual(log);
    expect(cli.value.report.tasks.find((t) => t.measure === '开展专项督查')?.progressText).toBe('已督查3次');

    const cleared = await clearedWorkbook(cli.value.output, FILE);
    expect((await readWorkbook(cleared.output, FILE)).sheets.map((s) => s.name)).toEqual([SHEET, '说明']);
  }, 60_000);
});
