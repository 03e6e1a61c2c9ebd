import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rowKey, SENT_SHEET, SentRecord, sentRecordToRows } from '../src/engine/roundtrip/sent-record';
import { CellValue, SheetData, cellText } from '../src/engine/model/workbook';
import { mergeReplies, MergeResult } from '../src/xlsx/merge-package';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { clearedWorkbook } from '../src/xlsx/checked-workbook';
import { utc } from './helpers/fixtures';

/*
 * 合并反馈 (SPEC §8, issue 19). A master of five rows for three departments; each department's reply
 * is built as split leaves it (its rows, a veryHidden _luoshi_sent record), then edited as a department
 * would. Fixed as-of date; every cell of the merged breakdown sheet is checked.
 */

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 09:00', masterName: '台账.xlsx' };
const HEADER = ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'];
const TITLE = ['2022年工作要点责任分解表'];
type Row = unknown[];
const MASTER_ROWS: Row[] = [
  ['1', '健全党员教育培训制度', '组织部', '各支部', '2022年6月30日前', '推进中', null],
  ['2', '开展理论学习中心组专题学习', '宣传部', '各处室', '2022年10月31日前', '推进中', null],
  ['3', '完善督查问责机制', '办公室', '组织部', '2022年9月30日前', '未启动', null],
  ['4', '建立意识形态工作台账', '宣传部', '办公室', '2022年12月31日前', '', null],
  ['5', '修订机关公文处理办法', '办公室', '', '2022年8月31日前', '推进中', null],
];
/** Sheet rows of the table's first body row (title, header). */
const BODY = 2;
const PROGRESS = 5;
const DONE = 6;

/** A workbook with a styled progress column (fill) and a date-formatted done-date column, as a clerk's. */
async function book(sheets: Array<{ name: string; rows: Row[]; state?: 'veryHidden' }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.state) ws.state = s.state;
    s.rows.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      r.values = row as ExcelJS.CellValue[];
      if (s.name === SENT_SHEET || i < BODY) return;
      r.getCell(PROGRESS + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      r.getCell(DONE + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const table = (rows: Row[]) => [TITLE, HEADER, ...rows];

function record(department: string, rows: Row[], masterRows = MASTER_ROWS): SentRecord {
  return {
    version: 1,
    masterId: 'test',
    department,
    sheetName: '台账',
    sentAt: '2022-09-01',
    openFields: [
      { role: 'progress', header: '完成情况', masterColumn: PROGRESS },
      { role: 'doneDate', header: '完成时间', masterColumn: DONE },
    ],
    rows: rows.map((r) => ({
      key: rowKey(String(r[0]), String(r[1])),
      masterRow: BODY + masterRows.findIndex((m) => m[0] === r[0]),
      values: [cellText((r[PROGRESS] as CellValue) ?? null), ''],
    })),
  };
}

/** A department's reply as split makes it: its rows, and the record of what was sent. */
async function reply(sent: SentRecord, rows: Row[]): Promise<Buffer> {
  return book([
    { name: '台账', rows: table(rows) },
    { name: SENT_SHEET, rows: sentRecordToRows(sent), state: 'veryHidden' },
  ]);
}

const rowsOf = (ids: string[], rows = MASTER_ROWS) => ids.map((id) => [...rows.find((r) => r[0] === id)!]);

async function sheetOf(bytes: Uint8Array, name: string): Promise<SheetData> {
  const wb = await readWorkbook(Buffer.from(bytes), 'out.xlsx');
  return wb.sheets.find((s) => s.name === name)!;
}

/** The s attribute of each cell of a column in the breakdown sheet's XML. */
async function styleOfCell(bytes: Uint8Array, ref: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const m = new RegExp(`<c r="${ref}"([^>]*?)/?>`).exec(xml);
  return m ? (/\ss="(\d+)"/.exec(m[1])?.[1] ?? '0') : null;
}

describe('merge: replies made by split', () => {
  let master: Buffer;
  let masterCopy: Buffer;
  let result: MergeResult;
  let out: SheetData;

  beforeAll(async () => {
    // Since split, the clerk wrote 推进中 into row 3's progress (办公室's row): 办公室 answering it too is a conflict.
    const now = MASTER_ROWS.map((r) => [...r]);
    now[2][PROGRESS] = '已部署';
    master = await book([{ name: '台账', rows: table(now) }]);
    masterCopy = Buffer.from(master);

    // 组织部 sorts its rows (3 before 1) and fills in row 1: progress and a done date.
    const org = rowsOf(['3', '1']);
    org[1][PROGRESS] = '已完成';
    org[1][DONE] = utc(2022, 6, 28);
    // 宣传部 fills row 2, also edits 办公室's row 5 (pasted into its file) and its own row 4's deadline.
    const pub = rowsOf(['2', '4', '5']);
    pub[0][PROGRESS] = '已完成，印发学习计划';
    pub[1][4] = '2023年3月31日前';
    pub[2][PROGRESS] = '已完成';
    // 办公室 answers row 3 (which the master changed since) and row 5.
    const office = rowsOf(['3', '5']);
    office[0][PROGRESS] = '已完成';
    office[1][PROGRESS] = '已印发';
    // A reply for another master: none of its rows are this master's.
    const otherRows: Row[] = [['1', '推进河长制', '水利局', '', '2022年12月31日前', '推进中', null]];
    const other = otherRows.map((r) => [...r]);
    other[0][PROGRESS] = '已完成';

    result = await mergeReplies(
      master,
      [
        { fileName: '台账-组织部.xlsx', bytes: await reply(record('组织部', rowsOf(['1', '3'])), org) },
        { fileName: '台账-宣传部.xlsx', bytes: await reply(record('宣传部', rowsOf(['2', '4'])), pub) },
        { fileName: '台账-办公室.xlsx', bytes: await reply(record('办公室', rowsOf(['3', '5'])), office) },
        { fileName: '说明.xlsx', bytes: new TextEncoder().encode('这不是工作簿') },
        {
          fileName: '河长制-水利局.xlsx',
          bytes: await reply(record('水利局', otherRows, otherRows), other),
        },
      ],
      OPTIONS,
    );
    out = await sheetOf(result.bytes, '台账');
  });

  test('the master bytes passed in are never modified', () => {
    expect(master.equals(masterCopy)).toBe(true);
  });

  test('exactly the taken cells change; every other cell of the table is as it was', () => {
    const expected = table(MASTER_ROWS.map((r) => [...r]));
    expected[BODY + 2][PROGRESS] = '已部署';
    expected[BODY + 0][PROGRESS] = '已完成';
    expected[BODY + 0][DONE] = { date: '2022-06-28' };
    expected[BODY + 1][PROGRESS] = '已完成，印发学习计划';
    expected[BODY + 4][PROGRESS] = '已印发';
    for (let r = 0; r < expected.length; r++)
      for (let c = 0; c < HEADER.length; c++)
        expect([r, c, out.rows[r]?.[c] ?? null]).toEqual([r, c, (expected[r][c] as CellValue) ?? null]);
  });

  test('changes are listed with row, field, old, new, file and department', () => {
    const shown = result.changes.map((c) => [c.row + 1, c.field, c.old, c.new, c.file, c.department]);
    expect(shown).toEqual([
      [3, '完成情况', '推进中', '已完成', '台账-组织部.xlsx', '组织部'],
      [3, '完成时间', '', '2022-06-28', '台账-组织部.xlsx', '组织部'],
      [4, '完成情况', '推进中', '已完成，印发学习计划', '台账-宣传部.xlsx', '宣传部'],
      [7, '完成情况', '推进中', '已印发', '台账-办公室.xlsx', '办公室'],
    ]);
  });

  test('a cell changed in the master and in the reply is a conflict: the master keeps its value', () => {
    expect(result.conflicts.map((c) => [c.row + 1, c.field, c.sent, c.master, c.reply, c.department])).toEqual([
      [5, '完成情况', '未启动', '已部署', '已完成', '办公室'],
    ]);
    expect(out.rows[BODY + 2][PROGRESS]).toBe('已部署');
  });

  test("edits in another department's row or outside the progress columns are listed, not taken", () => {
    const listed = result.notTaken.map((n) => [n.code, n.row + 1, n.field, n.master, n.value, n.department]);
    expect(listed).toEqual([
      ['not_progress_column', 6, '完成时限', '2022年12月31日前', '2023年3月31日前', '宣传部'],
      ['other_department', 7, '完成情况', '推进中', '已完成', '宣传部'],
    ]);
  });

  test('a file that is not a workbook and a reply for another master are skipped, each with one line', () => {
    expect(result.skipped.map((s) => [s.fileName, s.code])).toEqual([
      ['说明.xlsx', 'not_workbook'],
      ['河长制-水利局.xlsx', 'other_master'],
    ]);
    for (const s of result.skipped) {
      expect(s.reason.zh).not.toContain('\n');
      expect(s.reason.en).toMatch(/skipped$/);
    }
  });

  test('taken cells keep their style; a date goes into a date-formatted cell as a date', async () => {
    for (const ref of ['F3', 'G3', 'F4', 'F7'])
      expect([ref, await styleOfCell(result.bytes, ref)]).toEqual([ref, await styleOfCell(master, ref)]);
    expect(out.rows[BODY][DONE]).toEqual({ date: '2022-06-28' });
  });

  test('the 合并记录 sheet lists each change, conflict, edit not taken and skipped file', async () => {
    const log = await sheetOf(result.bytes, '合并记录');
    const rows = log.rows
      .slice(3)
      .map((r) => [r[1], r[2], r[5], r[6], r[7], r[8], r[9]].map((v) => cellText(v ?? null)));
    expect(rows).toEqual([
      ['已采纳', '第 3 行', '完成情况', '推进中', '已完成', '台账-组织部.xlsx', '组织部'],
      ['已采纳', '第 3 行', '完成时间', '', '2022-06-28', '台账-组织部.xlsx', '组织部'],
      ['已采纳', '第 4 行', '完成情况', '推进中', '已完成，印发学习计划', '台账-宣传部.xlsx', '宣传部'],
      ['已采纳', '第 7 行', '完成情况', '推进中', '已印发', '台账-办公室.xlsx', '办公室'],
      ['冲突', '第 5 行', '完成情况', '已部署', '已完成', '台账-办公室.xlsx', '办公室'],
      ['未采纳', '第 6 行', '完成时限', '2022年12月31日前', '2023年3月31日前', '台账-宣传部.xlsx', '宣传部'],
      ['未采纳', '第 7 行', '完成情况', '推进中', '已完成', '台账-宣传部.xlsx', '宣传部'],
      ['已跳过', '', '', '', '', '说明.xlsx', ''],
      ['已跳过', '', '', '', '', '河长制-水利局.xlsx', ''],
    ]);
    expect(cellText(log.rows[3][0])).toBe('2022-09-30 09:00');
  });

  test('the merged master is validated: the status column reflects the merged progress', async () => {
    const row1 = result.report.tasks.find((t) => t.id === '1')!;
    expect(row1.status).toBe('done');
    expect(cellText(out.rows[1][HEADER.length])).toBe('校验结果');
  });

  test('clear after merge removes only Luoshi sheets; the merged values stay', async () => {
    const cleared = await clearedWorkbook(Buffer.from(result.bytes), '台账.xlsx');
    const wb = await readWorkbook(cleared.output, '台账.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['台账']);
    expect(wb.sheets[0].rows[BODY][PROGRESS]).toBe('已完成');
  });
});

describe('merge: the whole master as emailed and edited', () => {
  let master: Buffer;
  let result: MergeResult;
  let out: SheetData;

  beforeAll(async () => {
    master = await book([{ name: '台账', rows: table(MASTER_ROWS) }]);
    // 组织部 (named in the file name) fills row 1 (its lead) and row 3 (it is responsible), also edits
    // 办公室's row 5, and sorts the table by deadline.
    const org = MASTER_ROWS.map((r) => [...r]);
    org[0][PROGRESS] = '已完成';
    org[2][DONE] = utc(2022, 9, 20);
    org[4][PROGRESS] = '已完成';
    org.sort((a, b) => String(a[4]).localeCompare(String(b[4])));
    // A file named after no department: its department is the one on every row it changed (宣传部).
    const pub = MASTER_ROWS.map((r) => [...r]);
    pub[1][PROGRESS] = '已完成';
    pub[3][PROGRESS] = '推进中';
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 1024);
    const strange: Row[] = [
      ['1', '推进河长制', '水利局', '', '2022年12月31日前', '已完成', null],
      ['2', '整治黑臭水体', '生态环境局', '', '2022年12月31日前', '推进中', null],
    ];
    result = await mergeReplies(
      master,
      [
        { fileName: '台账-组织部.xlsx', bytes: await book([{ name: '台账', rows: table(org) }]) },
        { fileName: '反馈.xlsx', bytes: await book([{ name: '台账', rows: table(pub) }]) },
        { fileName: '加密.xlsx', bytes: cfb },
        { fileName: '水利.xlsx', bytes: await book([{ name: '台账', rows: table(strange) }]) },
        { fileName: '空白.xlsx', bytes: await book([{ name: 'Sheet1', rows: [['你好']] }]) },
      ],
      OPTIONS,
    );
    out = await sheetOf(result.bytes, '台账');
  });

  test("the department's progress cells are taken; every other cell is as it was", () => {
    const expected = table(MASTER_ROWS.map((r) => [...r]));
    expected[BODY + 0][PROGRESS] = '已完成';
    expected[BODY + 2][DONE] = { date: '2022-09-20' };
    expected[BODY + 1][PROGRESS] = '已完成';
    expected[BODY + 3][PROGRESS] = '推进中';
    for (let r = 0; r < expected.length; r++)
      for (let c = 0; c < HEADER.length; c++)
        expect([r, c, out.rows[r]?.[c] ?? null]).toEqual([r, c, (expected[r][c] as CellValue) ?? null]);
    expect(result.changes.map((c) => [c.row + 1, c.field, c.new, c.department])).toEqual([
      [3, '完成情况', '已完成', '组织部'],
      [4, '完成情况', '已完成', '宣传部'],
      [5, '完成时间', '2022-09-20', '组织部'],
      [6, '完成情况', '推进中', '宣传部'],
    ]);
    expect(result.conflicts).toEqual([]);
  });

  test("an edit in another department's row is listed, not taken", () => {
    expect(result.notTaken.map((n) => [n.code, n.row + 1, n.field, n.value, n.department])).toEqual([
      ['other_department', 7, '完成情况', '已完成', '组织部'],
    ]);
    expect(out.rows[BODY + 4][PROGRESS]).toBe('推进中');
  });

  test('a password-protected file, another master and a file without a table are skipped', () => {
    expect(result.skipped.map((s) => [s.fileName, s.code])).toEqual([
      ['加密.xlsx', 'encrypted'],
      ['水利.xlsx', 'other_master'],
      ['空白.xlsx', 'no_table'],
    ]);
  });

  test('a second merge appends to the 合并记录 of the first', async () => {
    const again = MASTER_ROWS.map((r) => [...r]);
    again[4][PROGRESS] = '已印发';
    const second = await mergeReplies(
      result.bytes,
      [{ fileName: '台账-办公室.xlsx', bytes: await book([{ name: '台账', rows: table(again) }]) }],
      { ...OPTIONS, runAt: '2022-10-08 10:00' },
    );
    // 办公室's copy predates the first merge: its blanks erase nothing (row 5's done date, row 6's progress),
    // and a blank is no answer, never a conflict (issue 19).
    expect(second.changes.map((c) => [c.row + 1, c.field, c.new, c.department])).toEqual([
      [7, '完成情况', '已印发', '办公室'],
    ]);
    expect(second.conflicts).toEqual([]);
    const log = await sheetOf(second.bytes, '合并记录');
    const body = log.rows.slice(3).map((r) => [cellText(r[0]), cellText(r[1]), cellText(r[9])]);
    expect(body.filter((r) => r[0] === '2022-09-30 09:00')).toHaveLength(8);
    expect(body.filter((r) => r[0] === '2022-10-08 10:00')[0]).toEqual(['2022-10-08 10:00', '已采纳', '办公室']);
    expect((await sheetOf(second.bytes, '台账')).rows[BODY + 4][PROGRESS]).toBe('已印发');
    expect(
      (await readWorkbook(Buffer.from(second.bytes), 'x.xlsx')).sheets.filter((s) => s.name === '合并记录'),
    ).toHaveLength(1);
  });
});

describe('merge: rows are matched by id or measure, never by row number', () => {
  test('a master without ids: a reply in traditional characters, sorted, matches by measure text', async () => {
    const header = HEADER.slice(1);
    const rows = MASTER_ROWS.map((r) => r.slice(1));
    const master = await book([{ name: '台账', rows: [TITLE, header, ...rows] }]);
    const sent: SentRecord = {
      ...record('组织部', []),
      openFields: [{ role: 'progress', header: '完成情况', masterColumn: PROGRESS - 1 }],
      rows: [0, 2].map((i) => ({
        key: rowKey('', String(rows[i][0])),
        masterRow: BODY + i,
        values: [String(rows[i][PROGRESS - 1])],
      })),
    };
    // WPS converted the texts to traditional characters; the department put row 3 first.
    const answered = [
      ['完善督查問責機制', '辦公室', '組織部', '2022年9月30日前', '已完成', null],
      ['健全黨員教育培訓制度', '組織部', '各支部', '2022年6月30日前', '推進中', null],
    ];
    const bytes = await book([
      { name: '台账', rows: [TITLE, header, ...answered] },
      { name: SENT_SHEET, rows: sentRecordToRows(sent), state: 'veryHidden' },
    ]);
    const result = await mergeReplies(master, [{ fileName: 'reply.xlsx', bytes }], OPTIONS);
    expect(result.changes.map((c) => [c.row + 1, c.measure, c.old, c.new])).toEqual([
      [5, '完善督查问责机制', '未启动', '已完成'],
    ]);
    // Shown as the department wrote it; the same text in traditional characters is no edit.
    expect(result.notTaken).toEqual([]);
    expect((await sheetOf(result.bytes, '台账')).rows[BODY + 2][PROGRESS - 1]).toBe('已完成');
  });

  test('ids renumbered in the reply (a row inserted above): the measure text finds the row', async () => {
    const master = await book([{ name: '台账', rows: table(MASTER_ROWS) }]);
    const answered = rowsOf(['2', '4']).map((r, i) => [String(i + 2), ...r.slice(1)]);
    answered.unshift(['1', '新增：宣传部自查', '宣传部', '', '2022年12月31日前', '推进中', null]);
    answered[2][PROGRESS] = '已建立台账';
    const result = await mergeReplies(
      master,
      [{ fileName: 'r.xlsx', bytes: await reply(record('宣传部', rowsOf(['2', '4'])), answered) }],
      OPTIONS,
    );
    expect(result.changes.map((c) => [c.row + 1, c.id, c.new])).toEqual([[6, '4', '已建立台账']]);
    // The inserted row's answer (not its task text, issue 19) and the changed id are listed, not taken.
    expect(result.notTaken.map((n) => [n.code, n.field, n.master, n.value])).toEqual([
      ['row_not_in_master', '完成情况', '', '推进中'],
      ['not_progress_column', '序号', '4', '3'],
    ]);
  });

  test("two departments answering one row: the same value is taken once; of different values the lead's is taken", async () => {
    const master = await book([{ name: '台账', rows: table(MASTER_ROWS) }]);
    const answer = (dept: string, progress: string, done: string) => {
      const rows = rowsOf(['3']);
      rows[0][PROGRESS] = progress;
      rows[0][DONE] = done;
      return reply(record(dept, rowsOf(['3'])), rows);
    };
    const result = await mergeReplies(
      master,
      [
        { fileName: '办公室.xlsx', bytes: await answer('办公室', '已完成', '2022年9月') },
        { fileName: '组织部.xlsx', bytes: await answer('组织部', '已完成', '2022年8月') },
      ],
      OPTIONS,
    );
    // 办公室 leads row 3 (组织部 is responsible): its answer is taken, 组织部's listed (issue 19).
    expect(result.changes.map((c) => [c.field, c.new, c.department])).toEqual([
      ['完成情况', '已完成', '办公室'],
      ['完成时间', '2022年9月', '办公室'],
    ]);
    expect(result.conflicts.map((c) => [c.field, c.reply, c.department, c.reason.en])).toEqual([
      ['完成时间', '2022年8月', '组织部', "The lead department's answer was taken"],
    ]);
    expect((await sheetOf(result.bytes, '台账')).rows[BODY + 2][DONE] ?? null).toBe('2022年9月');
  });
});
