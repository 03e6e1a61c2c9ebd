import ExcelJS from 'exceljs';
import { cellText, SheetData } from '../src/engine/model/workbook';
import { checkedWorkbook, clearedWorkbook } from '../src/xlsx/checked-workbook';
import { mergeReplies, MergeResult } from '../src/xlsx/merge-package';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { splitWorkbook, SplitResult } from '../src/xlsx/split-package';
import { buildXlsx, utc } from './helpers/fixtures';
import { libreOfficeResave, soffice } from './helpers/libreoffice';

/*
 * The email round trip end to end (SPEC §8, issue 19): the clerk splits the master, three departments
 * answer in the files split made — one sorts its rows, one also types into a locked column, one
 * answers a cell the clerk has changed since, and that file went through LibreOffice — and the clerk
 * merges them. Split's real output goes into merge; nothing here is built by hand but the edits.
 */

const AS_OF = '2022-09-30';
const HEADER = ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'];
const PROGRESS = 5;
const DEADLINE = 4;

function masterRows(progressOf5: string): unknown[][] {
  return [
    ['2022年工作要点责任分解表'],
    HEADER,
    [1, '召开党建工作会议', '组织部', '宣传部', utc(2022, 6, 30), '推进中', null],
    [2, '开展理论学习', '宣传部', '组织部', utc(2022, 10, 5), null, null],
    [3, '开展警示教育', '纪检组', '', utc(2022, 12, 31), null, null],
    [4, '整治形式主义', '组织部', '', utc(2022, 12, 31), '推进中', null],
    [5, '开展专项督查', '纪检组', '宣传部', utc(2022, 8, 31), progressOf5, null],
  ];
}

const book = (progressOf5: string) =>
  buildXlsx([{ name: '责任分解表', rows: masterRows(progressOf5), formats: { E: 'yyyy-mm-dd', G: 'yyyy-mm-dd' } }]);

/** A department's file edited as its clerk would, in Excel (exceljs stands in): `edit` gets the breakdown sheet. */
async function edited(bytes: Uint8Array, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => w.name === '责任分解表')!;
  edit(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sheet row (1-based) of the measure in a department's file. */
function rowOf(ws: ExcelJS.Worksheet, measure: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.values && (row.values as unknown[]).includes(measure)) found = row;
  });
  if (!found) throw new Error(`no row ${measure}`);
  return found;
}

describe('split, answer, merge', () => {
  let split: SplitResult;
  let merged: MergeResult;
  let sheet: SheetData;
  const progressOf = (measure: string) => {
    const row = sheet.rows.find((r) => r[1] === measure)!;
    return cellText(row[PROGRESS] ?? null);
  };

  beforeAll(async () => {
    split = await splitWorkbook(await book(''), { asOf: AS_OF, lang: 'zh', name: '台账.xlsx' });
    const file = (d: string) => split.departments.find((x) => x.department === d)!.bytes;
    // 组织部 sorts its rows (last first) and reports its meeting held.
    const org = await edited(file('组织部'), (ws) => {
      const rows = ['召开党建工作会议', '开展理论学习', '整治形式主义'].map((m) => rowOf(ws, m));
      const values = rows.map((r) => (r.values as unknown[]).slice());
      rows.forEach((r, i) => (r.values = values[values.length - 1 - i] as ExcelJS.CellValue[]));
      rowOf(ws, '召开党建工作会议').getCell(PROGRESS + 1).value = '已召开';
    });
    // 宣传部 answers its study and also moves a deadline (a locked column: not taken).
    const pub = await edited(file('宣传部'), (ws) => {
      rowOf(ws, '开展理论学习').getCell(PROGRESS + 1).value = '已完成，印发学习计划';
      rowOf(ws, '开展专项督查').getCell(DEADLINE + 1).value = '2023年3月31日前';
    });
    // 纪检组 answers its inspection, which the clerk has since written into the master too: a conflict.
    let inspection = await edited(file('纪检组'), (ws) => {
      rowOf(ws, '开展专项督查').getCell(PROGRESS + 1).value = '已完成督查';
      rowOf(ws, '开展警示教育').getCell(PROGRESS + 1).value = '已开展2次';
    });
    if (soffice) inspection = libreOfficeResave(inspection);
    merged = await mergeReplies(
      await book('推进中'),
      [
        { fileName: '台账-组织部.xlsx', bytes: org },
        { fileName: '台账-宣传部.xlsx', bytes: pub },
        { fileName: '台账-纪检组.xlsx', bytes: inspection },
      ],
      { asOf: AS_OF, runAt: '2022-09-30 10:00', masterName: '台账.xlsx' },
    );
    sheet = (await readWorkbook(Buffer.from(merged.bytes), '台账.xlsx')).sheets.find((s) => s.name === '责任分解表')!;
  }, 240_000);

  test('split gave each department its rows', () => {
    expect(split.departments.map((d) => [d.department, d.rows])).toEqual(
      expect.arrayContaining([
        ['组织部', 3],
        ['宣传部', 3],
        ['纪检组', 2],
      ]),
    );
  });

  test('the answers are taken into the right rows, whatever order the department left them in', () => {
    expect(progressOf('召开党建工作会议')).toBe('已召开');
    expect(progressOf('开展理论学习')).toBe('已完成，印发学习计划');
    expect(progressOf('开展警示教育')).toBe('已开展2次');
    expect(progressOf('整治形式主义')).toBe('推进中');
    expect(merged.changes.map((c) => [c.department, c.new]).sort()).toEqual(
      [
        ['组织部', '已召开'],
        ['宣传部', '已完成，印发学习计划'],
        ['纪检组', '已开展2次'],
      ].sort(),
    );
  });

  test('a cell both sides changed keeps the master’s value and is listed as a conflict', () => {
    expect(progressOf('开展专项督查')).toBe('推进中');
    expect(merged.conflicts.map((c) => [c.department, c.master, c.reply])).toEqual([
      ['纪检组', '推进中', '已完成督查'],
    ]);
  });

  test('a locked column typed into is not taken, and is listed', () => {
    const deadline = sheet.rows.find((r) => r[1] === '开展专项督查')![DEADLINE];
    expect(deadline).toEqual({ date: '2022-08-31' });
    expect(merged.notTaken.map((n) => [n.department, n.code, n.value])).toEqual([
      ['宣传部', 'not_progress_column', '2023年3月31日前'],
    ]);
    expect(merged.skipped).toEqual([]);
  });

  test('the next validate keeps 合并记录, as it keeps 校验记录', async () => {
    const log = async (bytes: Uint8Array) =>
      (await readWorkbook(Buffer.from(bytes), '台账.xlsx')).sheets.find((s) => s.name === '合并记录')?.rows;
    const before = await log(merged.bytes);
    expect(before?.length).toBeGreaterThan(3);
    const again = await checkedWorkbook(Buffer.from(merged.bytes), '台账.xlsx', {
      asOf: '2022-10-08',
      runAt: '2022-10-08 09:00',
    });
    if (!again.ok) throw new Error(again.error.message.en);
    const after = await log(again.value.output);
    expect(after?.slice(3).map((r) => r.map((v) => cellText(v ?? null)))).toEqual(
      before?.slice(3).map((r) => r.map((v) => cellText(v ?? null))),
    );
  });

  test('clear after merge removes only Luoshi’s sheets and keeps the merged answers', async () => {
    const cleared = await clearedWorkbook(Buffer.from(merged.bytes), '台账.xlsx');
    const wb = await readWorkbook(cleared.output, '台账.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['责任分解表']);
    sheet = wb.sheets[0];
    expect(progressOf('召开党建工作会议')).toBe('已召开');
  });
});
