import JSZip from 'jszip';
import { buildXlsx, utc } from './helpers/fixtures';
import { libreOfficeResave, SKIP_WITHOUT_LIBREOFFICE, soffice } from './helpers/libreoffice';
import { SheetData, WorkbookData } from '../src/engine/model/workbook';
import { SENT_SHEET, sentRecordFromRows, rowKey } from '../src/engine/roundtrip/sent-record';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { InputError } from '../src/xlsx/input-error';
import { safeName, splitWorkbook, SplitResult } from '../src/xlsx/split-package';

/*
 * 分发 (SPEC §8, issue 19): a master of three departments, as a clerk keeps it: a merged title row, a
 * category column merged down over its measures, a department that leads one row and helps (配合) in
 * another, a traditional-script department name. As of 2022-09-30, warning window 7 days.
 */
const AS_OF = '2022-09-30';
const HEADER = ['序号', '工作任务', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'];

async function master(): Promise<Buffer> {
  return buildXlsx([
    {
      name: '责任分解表',
      rows: [
        ['2022年党建工作要点落实措施责任分解表'],
        HEADER,
        [1, '一、党建引领', '召开党建工作会议', '组织部', '宣传部', utc(2022, 6, 30), '推进中', null],
        [2, null, '开展理论学习', '宣传部', '组织部、紀檢組', utc(2022, 10, 5), null, null],
        [3, null, '开展警示教育', '紀檢組', '宣传部', '年底前', null, null],
        [4, '二、作风建设', '整治形式主义', '组织部', null, utc(2022, 12, 31), '已完成', utc(2022, 8, 1)],
        [5, null, '开展专项督查', '紀檢組', '宣传部', utc(2022, 8, 31), '未完成', null],
      ],
      merges: ['A1:H1', 'B3:B5', 'B6:B7'],
      formats: { F: 'yyyy-mm-dd', H: 'yyyy-mm-dd' },
    },
    { name: '部门清单', rows: [['部门'], ['组织部'], ['宣传部'], ['紀檢組']] },
  ]);
}

async function split(bytes?: Buffer, lang: 'zh' | 'en' = 'zh'): Promise<SplitResult> {
  return splitWorkbook(bytes ?? (await master()), { asOf: AS_OF, lang, name: '/some/dir/台账.xlsx' });
}

function file(result: SplitResult, department: string) {
  const f = result.departments.find((d) => d.department === department);
  if (!f) throw new Error(`no file for ${department}: ${result.departments.map((d) => d.department).join(',')}`);
  return f;
}

async function read(bytes: Uint8Array, name = 'dept.xlsx'): Promise<WorkbookData> {
  return readWorkbook(Buffer.from(bytes), name);
}

const text = (s: SheetData, r: number, c: number) => {
  const v = s.rows[r]?.[c];
  return v === null || v === undefined ? '' : typeof v === 'object' ? v.date : String(v);
};
const column = (s: SheetData, c: number) => s.rows.map((_, r) => text(s, r, c));

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async('string');
}

/** Which cells of the breakdown sheet (sheet2.xml) are unlocked: "G3" … from their formats' <protection locked="0"/>. */
async function unlockedCells(bytes: Uint8Array): Promise<string[]> {
  const styles = await part(bytes, 'xl/styles.xml');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)!;
  const sheet = await part(bytes, 'xl/worksheets/sheet2.xml');
  const out: string[] = [];
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)) {
    const s = Number(/ s="(\d+)"/.exec(m[2])?.[1] ?? 0);
    if (/<protection locked="0"\/>/.test(xfs[s])) out.push(m[1]);
  }
  return out.sort();
}

describe('split: one workbook per department (SPEC §8)', () => {
  test('each department gets a file named after the master, with its counts', async () => {
    const result = await split();
    expect(result.departments.map((d) => [d.fileName, d.rows, d.overdue, d.dueSoon])).toEqual([
      ['台账-组织部.xlsx', 3, 1, 1],
      ['台账-宣传部.xlsx', 4, 2, 1],
      ['台账-紀檢組.xlsx', 3, 1, 1],
    ]);
    expect(result.skipped).toEqual([]);
  });

  test('a department sees the title, the header and only its rows, lead or 配合, category merges kept', async () => {
    const result = await split();
    const organ = await read(file(result, '组织部').bytes);
    expect(organ.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      ['督办通知', false],
      ['责任分解表', false],
      [SENT_SHEET, true],
    ]);
    const sheet = organ.sheets[1];
    expect(text(sheet, 0, 0)).toBe('2022年党建工作要点落实措施责任分解表');
    expect(sheet.rows[1].map((v) => String(v))).toEqual(HEADER);
    // Leads 1 and 4, helps in 2 (责任部门 组织部、紀檢組).
    expect(column(sheet, 2).slice(2)).toEqual(['召开党建工作会议', '开展理论学习', '整治形式主义']);
    expect(column(sheet, 1).slice(2)).toEqual(['一、党建引领', '', '二、作风建设']);
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 7 },
        { top: 2, left: 1, bottom: 3, right: 1 },
      ]),
    );
    expect(sheet.merges).toHaveLength(2);
    // Dates stay dates.
    expect(text(sheet, 4, 7)).toBe('2022-08-01');
  });

  test('a merged category whose first row went elsewhere still shows its text on the rows sent', async () => {
    const result = await split();
    // 宣传部: rows 1, 2, 3 and 5 of the master; row 4 (二、作风建设's first row) is 组织部's alone.
    const sheet = (await read(file(result, '宣传部').bytes)).sheets[1];
    expect(column(sheet, 0).slice(2)).toEqual(['1', '2', '3', '5']);
    expect(column(sheet, 1).slice(2)).toEqual(['一、党建引领', '', '', '二、作风建设']);
    expect(sheet.merges).toContainEqual({ top: 2, left: 1, bottom: 4, right: 1 });
  });

  test('a traditional department name is kept as written, in the file name and the sheets', async () => {
    const result = await split();
    const jijian = file(result, '紀檢組');
    expect(jijian.fileName).toBe('台账-紀檢組.xlsx');
    const wb = await read(jijian.bytes);
    expect(text(wb.sheets[0], 0, 0)).toBe('督办通知：紀檢組');
  });

  test('progress-type cells of the department rows are open, everything else locked, no password', async () => {
    const bytes = file(await split(), '组织部').bytes;
    const sheet = await part(bytes, 'xl/worksheets/sheet2.xml');
    const protection = /<sheetProtection\b[^>]*\/>/.exec(sheet)?.[0];
    expect(protection).toMatch(/sheet="1"/);
    expect(protection).not.toMatch(/password|hashValue|saltValue/i);
    // 完成情况 (G) and 完成时间 (H), rows 3–5 of the department's sheet; empty ones made so they can be typed in.
    expect(await unlockedCells(bytes)).toEqual(['G3', 'G4', 'G5', 'H3', 'H4', 'H5']);
  });

  test('the 督办通知 sheet comes first and lists the overdue, then the due-soon items, as of the date', async () => {
    const result = await split();
    const notice = (await read(file(result, '宣传部').bytes)).sheets[0];
    expect(text(notice, 1, 0)).toContain(`截至 ${AS_OF}`);
    expect(text(notice, 1, 0)).toContain('逾期 2 项、临期 1 项');
    const header = notice.rows.findIndex((r) => r[0] === '序号');
    const items = notice.rows.slice(header + 1).map((r) => [String(r[0]), String(r[2]), String(r[3])]);
    expect(items).toEqual([
      ['1', '召开党建工作会议', '责任/配合'],
      ['5', '开展专项督查', '责任/配合'],
      ['2', '开展理论学习', '牵头'],
    ]);
    expect(String(notice.rows[header + 1][5])).toMatch(/逾期/);
    expect(String(notice.rows[header + 3][5])).toMatch(/临期/);
  });

  test('the notice in English when the run is in English', async () => {
    const result = await split(undefined, 'en');
    const wb = await read(file(result, '组织部').bytes);
    expect(wb.sheets[0].name).toBe('Reminder');
    expect(text(wb.sheets[0], 0, 0)).toBe('Reminder: 组织部');
    expect(text(wb.sheets[0], 1, 0)).toContain(`As of ${AS_OF}`);
  });

  test('the hidden record says what was sent: rows by id, the open columns and their values', async () => {
    const result = await split();
    const wb = await read(file(result, '组织部').bytes);
    const record = sentRecordFromRows(wb.sheets[2].rows)!;
    expect(record).toMatchObject({ version: 1, department: '组织部', sheetName: '责任分解表', sentAt: AS_OF });
    expect(record.masterId).toMatch(/^[0-9a-f]{16}$/);
    expect(record.openFields.map((f) => [f.role, f.header, f.masterColumn])).toEqual([
      ['progress', '完成情况', 6],
      ['doneDate', '完成时间', 7],
    ]);
    expect(record.rows.map((r) => [r.key, r.masterRow, ...r.values])).toEqual([
      [rowKey('1', ''), 2, '推进中', ''],
      [rowKey('2', ''), 3, '', ''],
      [rowKey('4', ''), 5, '已完成', '2022-08-01'],
    ]);
    // Every department's record names the same master.
    const ids = await Promise.all(
      result.departments.map(async (d) => sentRecordFromRows((await read(d.bytes)).sheets[2].rows)!.masterId),
    );
    expect(new Set(ids).size).toBe(1);
  });

  test('a master with no breakdown table: one line in Chinese and English, nothing produced', async () => {
    const bytes = await buildXlsx([{ name: 'Sheet1', rows: [['会议纪要'], ['今天天气很好']] }]);
    const error = await split(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const { zh, en } = (error as InputError).messages;
    expect(zh).toMatch(/没有找到责任分解表/);
    expect(en).toMatch(/No breakdown table found/);
    expect(`${zh} | ${en}`).not.toMatch(/\n/);
  });

  test('not a workbook at all: the project’s input error', async () => {
    await expect(split(Buffer.from('hello'))).rejects.toBeInstanceOf(InputError);
  });
});

describe('split: file names are safe on Windows', () => {
  test.each([
    ['办公室/人事处', '办公室_人事处'],
    ['综合处:督查科?', '综合处_督查科_'],
    ['市"发改委"<局>|', '市_发改委__局__'],
    ['…部门.', '…部门'],
  ])('%s → %s', (name, safe) => {
    expect(safeName(name)).toBe(safe);
  });

  test('a long name is cut, two names made alike stay apart', async () => {
    expect([...safeName('很'.repeat(100))]).toHaveLength(40);
    const bytes = await buildXlsx([
      {
        name: '台账',
        rows: [
          ['序号', '具体措施', '牵头部门', '完成时限', '完成情况'],
          [1, '开展调研', '综合处:督查科', '2022年12月31日', null],
          [2, '开展培训', '综合处*督查科', '2022年12月31日', null],
        ],
      },
    ]);
    const result = await splitWorkbook(bytes, { asOf: AS_OF, lang: 'zh', name: 'C:\\台账\\总台账.xlsx' });
    expect(result.departments.map((d) => d.fileName)).toEqual([
      '总台账-综合处_督查科.xlsx',
      '总台账-综合处_督查科(2).xlsx',
    ]);
  });
});

describe('split: the record survives a LibreOffice re-save', () => {
  if (!soffice) {
    test.skip(SKIP_WITHOUT_LIBREOFFICE, () => undefined);
    return;
  }

  test('re-saved as xlsx by LibreOffice, the record reads the same and the sheet is still protected', async () => {
    const result = await split();
    const sent = file(result, '宣传部');
    const resaved = libreOfficeResave(sent.bytes);
    const before = sentRecordFromRows((await read(sent.bytes)).sheets.find((s) => s.name === SENT_SHEET)!.rows);
    const wb = await read(resaved);
    const recordSheet = wb.sheets.find((s) => s.name === SENT_SHEET);
    expect(recordSheet?.hidden).toBe(true);
    expect(sentRecordFromRows(recordSheet!.rows)).toEqual(before);
    // LibreOffice has no "very hidden": it writes the sheet back as hidden, which the reader still finds.
    expect(await part(resaved, 'xl/workbook.xml')).toMatch(/name="_luoshi_sent"[^>]*state="(very)?[hH]idden"/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['督办通知', '责任分解表', SENT_SHEET]);
    // The sheet stays protected, and the open cells stay open.
    const breakdown = await part(resaved, 'xl/worksheets/sheet2.xml');
    expect(breakdown).toMatch(/<sheetProtection\b[^>]*sheet="(1|true)"/);
    expect(breakdown).not.toMatch(/<sheetProtection\b[^>]*(password|hashValue)/);
  });
});
