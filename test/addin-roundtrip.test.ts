import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCheck, runClear } from '../src/addin/excel/run-check';
import { runMerge, wouldBeReinterpreted, cellWrite } from '../src/addin/excel/merge-writes';
import { departmentZip, documentName, readReplies, workbookBytes } from '../src/addin/excel/file-bytes';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { splitWorkbook } from '../src/xlsx/split-package';
import { testHost } from './office-host/context';
import { testDocument } from './office-host/document';
import { hostWorkbookOf, HostSheet } from './office-host/model';
import { buildXlsx, utc } from './helpers/fixtures';

/*
 * 分发 and 合并反馈 in the task pane (SPEC §8, issue 19), on the Office.js test host: the host holds the
 * master as Excel would (its cells read from the same .xlsx), the departments' files are made from that
 * .xlsx by the project's split and answered in exceljs (standing in for the departments' Excel), then
 * picked in the pane and merged into the open workbook. Fixed as-of date and run time.
 */

const AS_OF = '2022-09-30';
const OPTIONS = { asOf: AS_OF, lang: 'zh' as const, runAt: '2022-09-30 09:30' };
const SHEET = '责任分解表';
const HEADER = ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'];
const PROGRESS = 5; // 0-based column of 完成情况
const DEADLINE = 4;

const masterXlsx = () =>
  buildXlsx([
    {
      name: SHEET,
      rows: [
        ['2022年工作要点责任分解表'],
        HEADER,
        [1, '召开党建工作会议', '组织部', '宣传部', utc(2022, 6, 30), '推进中', null],
        [2, '开展理论学习', '宣传部', '组织部', utc(2022, 10, 5), null, null],
        [3, '开展警示教育', '纪检组', '', utc(2022, 12, 31), null, null],
        [4, '整治形式主义', '组织部', '', utc(2022, 12, 31), '推进中', null],
        [5, '开展专项督查', '纪检组', '宣传部', utc(2022, 8, 31), null, null],
      ],
      formats: { E: 'yyyy-mm-dd', G: 'yyyy-mm-dd' },
    },
  ]);

/** The host holding `bytes` as the open workbook, with Office.context.document giving those bytes. */
async function open(bytes: Buffer) {
  const model = hostWorkbookOf(await readWorkbook(bytes, '台账.xlsx'));
  const host = Object.assign(testHost(model), { document: testDocument(() => new Uint8Array(bytes)) });
  return { model, host, sheet: model.sheet(SHEET)! };
}

/** A department's file answered as its clerk would: cell edits by measure text (column index → value). */
async function answer(
  bytes: Uint8Array,
  edits: Record<string, Record<number, ExcelJS.CellValue>>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => w.name === SHEET)!;
  ws.eachRow((row) => {
    const edit = edits[String((row.values as unknown[])[2] ?? '')];
    for (const [col, v] of Object.entries(edit ?? {})) row.getCell(Number(col) + 1).value = v;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const rowOf = (measure: string) =>
  2 + ['召开党建工作会议', '开展理论学习', '开展警示教育', '整治形式主义', '开展专项督查'].indexOf(measure);

describe('合并反馈 in the open workbook', () => {
  test('two returned files: the changes are in the cells, conflicts and edits outside listed, 合并记录 written, checked again', async () => {
    const master = await masterXlsx();
    const { host, model, sheet } = await open(master);
    const split = await splitWorkbook(master, { asOf: AS_OF, lang: 'zh', name: '台账.xlsx' });
    const file = (d: string) => split.departments.find((x) => x.department === d)!;
    // The master moved on after it was sent: the clerk wrote 整治形式主义's progress himself.
    sheet.ensure(rowOf('整治形式主义'), PROGRESS).value = '已完成整改';

    const organisation = await answer(file('组织部').bytes, {
      召开党建工作会议: { [PROGRESS]: '已召开，形成会议纪要' },
      整治形式主义: { [PROGRESS]: '已完成' }, // a conflict: the master changed it too
      开展理论学习: { [DEADLINE]: utc(2022, 12, 31) }, // a locked column typed into: not taken
    });
    const publicity = await answer(file('宣传部').bytes, {
      开展理论学习: { [PROGRESS]: '2022年9月' }, // text Excel would read as a date: stays text
      开展专项督查: { [PROGRESS]: '001号督查报告已报送' },
    });
    const read = await readReplies([
      { fileName: file('组织部').fileName, bytes: organisation },
      { fileName: file('宣传部').fileName, bytes: publicity },
      { fileName: '说明.txt', bytes: new TextEncoder().encode('not a workbook') },
    ]);
    expect(read.replies).toHaveLength(2);
    const run = await runMerge(host, read.replies, read.unreadable, { ...OPTIONS, fileName: '台账.xlsx' });

    // The cells a user sees.
    expect(sheet.cell(rowOf('召开党建工作会议'), PROGRESS)?.value).toBe('已召开，形成会议纪要');
    expect(sheet.cell(rowOf('开展理论学习'), PROGRESS)?.value).toBe('2022年9月');
    expect(sheet.cell(rowOf('开展专项督查'), PROGRESS)?.value).toBe('001号督查报告已报送');
    expect(sheet.cell(rowOf('整治形式主义'), PROGRESS)?.value).toBe('已完成整改'); // the master keeps its value
    expect(sheet.cell(rowOf('开展理论学习'), DEADLINE)?.numberFormat).toBe('yyyy/m/d'); // untouched, format kept
    expect(run.changes.map((c) => [c.measure, c.department, c.new])).toEqual([
      ['召开党建工作会议', '组织部', '已召开，形成会议纪要'],
      ['开展理论学习', '宣传部', '2022年9月'],
      ['开展专项督查', '宣传部', '001号督查报告已报送'],
    ]);
    expect(run.conflicts.map((c) => [c.measure, c.master, c.reply])).toEqual([
      ['整治形式主义', '已完成整改', '已完成'],
    ]);
    expect(run.notTaken.map((c) => [c.measure, c.code])).toEqual([['开展理论学习', 'not_progress_column']]);
    expect(run.skipped.map((s) => s.fileName)).toEqual(['说明.txt']);

    // 合并记录 lists every decision; the validation ran on the merged progress.
    const log = model.sheet('合并记录')!;
    expect(log).toBeDefined();
    const outcomes = log
      .grid()
      .slice(3)
      .map((r) => r[1]);
    expect(outcomes).toEqual(['已采纳', '已采纳', '已采纳', '冲突', '未采纳', '已跳过']);
    expect(model.sheet('汇总')).toBeDefined();
    expect(run.report.tasks.find((t) => t.measure === '召开党建工作会议')?.progressText).toBe('已召开，形成会议纪要');

    // Round trips: 校验's, plus the one asking the changed cells for formulas.
    expect(run.syncs).toBe(host.lastSyncs.length);
    const check = await runCheck(host, { ...OPTIONS, fileName: '台账.xlsx' });
    expect(run.syncs).toBe(check.syncs + 1);

    // A second merge appends to 合并记录 instead of piling up sheets or failing on the name.
    const again = await runMerge(host, read.replies, [], OPTIONS);
    expect(again.changes).toEqual([]);
    expect(model.sheets.filter((s) => s.name.startsWith('合并记录'))).toHaveLength(1);
    expect(model.sheet('合并记录')!.grid().length).toBeGreaterThan(log.grid().length);
  }, 60_000);

  test('a formula in a cell a reply changed is not overwritten, and is listed', async () => {
    const master = await masterXlsx();
    const { host, sheet } = await open(master);
    const split = await splitWorkbook(master, { asOf: AS_OF, lang: 'zh', name: '台账.xlsx' });
    const dept = split.departments.find((d) => d.department === '纪检组')!;
    const cell = sheet.ensure(rowOf('开展警示教育'), PROGRESS);
    cell.formula = '=""';
    cell.value = null;
    const reply = await answer(dept.bytes, { 开展警示教育: { [PROGRESS]: '已开展2次' } });
    const read = await readReplies([{ fileName: dept.fileName, bytes: reply }]);
    const run = await runMerge(host, read.replies, read.unreadable, OPTIONS);
    expect(sheet.cell(rowOf('开展警示教育'), PROGRESS)?.formula).toBe('=""');
    expect(run.notTaken.map((n) => n.code)).toEqual(['formula_cell']);
    expect(run.changes).toEqual([]);
  }, 60_000);
});

describe('合并反馈 on Excel on the web', () => {
  test('the cells go in the results’ first request, under the 5 MB cap: one round trip more than 校验 (the formula check)', async () => {
    const master = await masterXlsx();
    const model = hostWorkbookOf(await readWorkbook(master, '台账.xlsx'));
    const host = testHost(model, { web: true });
    const split = await splitWorkbook(master, { asOf: AS_OF, lang: 'zh', name: '台账.xlsx' });
    const dept = split.departments.find((d) => d.department === '组织部')!;
    const reply = await answer(dept.bytes, { 召开党建工作会议: { [PROGRESS]: '已完成' } });
    const read = await readReplies([{ fileName: dept.fileName, bytes: reply }]);
    const run = await runMerge(host, read.replies, read.unreadable, OPTIONS);
    expect(model.sheet(SHEET)!.cell(rowOf('召开党建工作会议'), PROGRESS)?.value).toBe('已完成');
    expect(host.lastSyncs.every((s) => s.requestBytes < 5 * 1024 * 1024)).toBe(true);
    const check = await runCheck(host, OPTIONS);
    expect(run.syncs).toBe(check.syncs + 1);
  }, 60_000);
});

describe('what goes into Range.values', () => {
  test('text Excel would read as something else gets the apostrophe; prose does not', () => {
    for (const text of ['001', '2022年9月', '=A1', '-', '100%', '9:30', 'TRUE', '2022-09-30', "'引号"])
      expect([text, wouldBeReinterpreted(text)]).toEqual([text, true]);
    for (const text of ['已完成', '001号督查报告已报送', '已召开3次', 'Done in May', '推进中（完成60%）'])
      expect([text, wouldBeReinterpreted(text)]).toEqual([text, false]);
  });

  test('a date goes in as a serial where the cell shows dates, else as typed', () => {
    expect(cellWrite({ date: '2022-09-30' }, { date: '2022-06-30' }, false)).toEqual({
      write: 44834,
      holds: { date: '2022-09-30' },
    });
    expect(cellWrite({ date: '2022-09-30' }, null, false)).toEqual({ write: '2022-09-30', holds: '2022-09-30' });
    expect(cellWrite('100%', '推进中', false)).toEqual({ write: "'100%", holds: '100%' });
  });
});

describe('分发 from the open workbook', () => {
  test('the file comes in slices and is closed; one zip named after the workbook holds one file per department', async () => {
    const master = await masterXlsx();
    const { host } = await open(master);
    const doc = host.document;
    const bytes = await workbookBytes(doc, 4096);
    expect(doc.slicesRead).toBe(Math.ceil(master.length / 4096));
    expect(doc.slicesRead).toBeGreaterThan(1);
    expect(Buffer.from(bytes).equals(master)).toBe(true);
    expect(doc.open).toBe(0);

    const made = await departmentZip(bytes, { asOf: AS_OF, lang: 'zh', name: documentName(doc) });
    expect(made.fileName).toBe('台账-分发.zip');
    const zip = await JSZip.loadAsync(made.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['台账-宣传部.xlsx', '台账-纪检组.xlsx', '台账-组织部.xlsx'].sort());
    // Each is a workbook holding that department's rows only.
    const org = await readWorkbook(Buffer.from(await zip.file('台账-组织部.xlsx')!.async('uint8array')), 'x.xlsx');
    const measures = org.sheets.find((s) => s.name === SHEET)!.rows.map((r) => r?.[1]);
    expect(measures).toEqual(expect.arrayContaining(['召开党建工作会议', '开展理论学习', '整治形式主义']));
    expect(measures).not.toContain('开展警示教育');
  }, 60_000);

  test('the workbook name from Document.url, in a path or a URL', () => {
    const doc = (url: string) => ({ url, getFileAsync: () => {} });
    expect(
      documentName(doc('https://contoso.sharepoint.com/sites/x/Shared%20Documents/2022%E5%8F%B0%E8%B4%A6.xlsx')),
    ).toBe('2022台账.xlsx');
    expect(documentName(doc('C:\\Users\\clerk\\整改台账.xlsm'))).toBe('整改台账.xlsm');
    expect(documentName(doc(''))).toBe('台账.xlsx');
  });
});

describe('合并记录 is Luoshi’s by its mark (_luoshi_sheet "mergeLog"), not by its name or cells', () => {
  /** The master with one 组织部 reply merged into it in the pane. */
  async function merged() {
    const master = await masterXlsx();
    const opened = await open(master);
    const split = await splitWorkbook(master, { asOf: AS_OF, lang: 'zh', name: '台账.xlsx' });
    const dept = split.departments.find((d) => d.department === '组织部')!;
    const reply = await answer(dept.bytes, { 召开党建工作会议: { [PROGRESS]: '已召开' } });
    const read = await readReplies([{ fileName: dept.fileName, bytes: reply }]);
    await runMerge(opened.host, read.replies, read.unreadable, { ...OPTIONS, fileName: '台账.xlsx' });
    return { ...opened, userSheets: () => opened.model.sheets.filter((s) => s.name === SHEET) };
  }

  test('merge → 校验 keeps 合并记录 with the same rows (not read as a user sheet) → 清除结果 removes it', async () => {
    const { host, model } = await merged();
    const rows = model.sheet('合并记录')!.grid();
    expect(rows.slice(3).map((r) => r[1])).toEqual(['已采纳']);
    const check = await runCheck(host, { ...OPTIONS, fileName: '台账.xlsx' });
    expect(check.sheets).toEqual([SHEET]);
    expect(model.sheet('合并记录')?.grid()).toEqual(rows);
    // A second 校验 carries it again.
    await runCheck(host, { ...OPTIONS, fileName: '台账.xlsx' });
    expect(model.sheet('合并记录')?.grid()).toEqual(rows);
    expect(await runClear(host)).toBe(true);
    expect(model.sheets.map((s) => s.name)).toEqual([SHEET]);
  }, 60_000);

  test('a user’s sheet named 合并记录 with the same title and header is the user’s: merged around, never removed', async () => {
    const master = await masterXlsx();
    const { host, model } = await open(master);
    const mine = model.sheets[model.sheets.push(new HostSheet('合并记录')) - 1];
    mine.ensure(0, 0).value = '合并记录';
    mine.ensure(2, 0).value = '合并时间';
    mine.ensure(3, 0).value = '我自己的记录';
    const before = mine.grid();
    const split = await splitWorkbook(master, { asOf: AS_OF, lang: 'zh', name: '台账.xlsx' });
    const dept = split.departments.find((d) => d.department === '宣传部')!;
    const reply = await answer(dept.bytes, { 开展专项督查: { [PROGRESS]: '已督查' } });
    const read = await readReplies([{ fileName: dept.fileName, bytes: reply }]);
    const run = await runMerge(host, read.replies, read.unreadable, OPTIONS);
    expect(run.logSheet).toBe('合并记录(落实)');
    expect(model.sheet('合并记录')!.grid()).toEqual(before);
    expect(await runClear(host)).toBe(true);
    expect(model.sheets.map((s) => s.name)).toEqual([SHEET, '合并记录']);
    expect(model.sheet('合并记录')!.grid()).toEqual(before);
  }, 60_000);

  test('a copy the user made of 合并记录 ("合并记录 (2)") stays through 校验 and 清除结果; the log itself goes', async () => {
    const { host, model } = await merged();
    model.copySheet('合并记录');
    const copy = model.sheet('合并记录 (2)')!.grid();
    const check = await runCheck(host, OPTIONS);
    expect(check.keptCopies).toEqual(['合并记录 (2)']);
    await runClear(host);
    expect(model.sheets.map((s) => s.name)).toEqual([SHEET, '合并记录 (2)']);
    expect(model.sheet('合并记录 (2)')!.grid()).toEqual(copy);
  }, 60_000);
});
