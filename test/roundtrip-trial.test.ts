import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildXlsx, readFixture, utc } from './helpers/fixtures';
import { runCli } from './helpers/run-cli';
import { cellText, SheetData } from '../src/engine/model/workbook';
import { noticeText, planSplit } from '../src/engine/roundtrip/split-plan';
import { mergeJson } from '../src/cli/merge-report';
import { InputError } from '../src/xlsx/input-error';
import { mergeReplies, MergeResult } from '../src/xlsx/merge-package';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { splitWorkbook } from '../src/xlsx/split-package';

/*
 * Issue 19, a new user's trial of split and merge on a real published table (临安区 2022年民生实事):
 * 序号, 实事项目, 责任单位 and 配合单位 merged down over each project's steps, the 完成时间 column left in
 * the General format, the lead (责任单位) and helping (配合单位) departments both sent each row. The
 * master is split, the departments answer in exceljs (standing in for Excel/WPS), the replies merged.
 * Fixed as-of date; the merged cells are read back as a clerk would see them.
 */

const AS_OF = '2022-10-10';
const OPTIONS = { asOf: AS_OF, runAt: '2022-10-10 09:00', masterName: '民生实事台账.xlsx' };
const SHEET = '民生实事';
const HEADER = ['序号', '实事项目', '工作举措及实施计划', '责任单位', '配合单位', '完成时限', '完成情况', '完成时间'];
const G = 7; // 完成情况 (1-based, exceljs)
const H = 8; // 完成时间

type Rows = unknown[][];
function masterRows(): Rows {
  return [
    ['2022年区政府民生实事项目任务分解表'],
    HEADER,
    [1, '新建公办中小学、幼儿园7所', '4月底前职教中心主体完工', '教育局', '住建局、财政局', '4月底前', null, null],
    [null, null, '11月底前天目山镇中心幼儿园竣工交付', null, null, '11月底前', null, null],
    [
      2,
      '实施农村公路大中修100公里',
      '农村公路大中修：7月底前开工；11月底前建成',
      '交通运输局',
      '财政局',
      '11月底前',
      null,
      null,
    ],
    [3, '新建成保障性住房1700套', '新建成保障性住房1700套', '住建局', '财政局', '12月底前', null, null],
    [null, null, '打通城市断头路6条', '住建局', '交通运输局', '12月底前', null, null],
  ];
}
const MERGES = ['A1:H1', 'A3:A4', 'B3:B4', 'D3:D4', 'E3:E4', 'A6:A7', 'B6:B7'];
/** 1-based sheet rows of the master. */
const ROW = { school4: 3, school11: 4, road: 5, housing: 6, streets: 7 };

const master = (rows: Rows = masterRows()) => buildXlsx([{ name: SHEET, rows, merges: MERGES }]);

async function split(bytes: Buffer): Promise<Map<string, Buffer>> {
  const r = await splitWorkbook(bytes, { asOf: AS_OF, lang: 'zh', name: '民生实事台账.xlsx' });
  return new Map(r.departments.map((d) => [d.department, Buffer.from(d.bytes)]));
}

/** A department's (or the whole master's) file answered in exceljs: cells by the row whose measure starts so. */
async function answer(
  bytes: Buffer,
  cells: Array<[measure: string, col: number, value: ExcelJS.CellValue]>,
  fix?: (ws: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEET)!;
  for (const [measure, col, value] of cells) {
    let row = 0;
    ws.eachRow((r, n) => {
      if (String(r.getCell(3).value ?? '').startsWith(measure)) row = n;
    });
    if (!row) throw new Error(`no row ${measure}`);
    ws.getCell(row, col).value = value;
  }
  fix?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function breakdown(bytes: Uint8Array): Promise<SheetData> {
  const wb = await readWorkbook(Buffer.from(bytes), 'out.xlsx');
  return wb.sheets.find((s) => s.name === SHEET)!;
}
const at = (sheet: SheetData, row: number, col: number) => sheet.rows[row - 1]?.[col - 1] ?? null;

const merge = (m: Buffer, replies: Array<[string, Buffer]>) =>
  mergeReplies(
    m,
    replies.map(([fileName, bytes]) => ({ fileName, bytes })),
    OPTIONS,
  );

const conflictsOf = (r: MergeResult) => r.conflicts.map((c) => [c.row + 1, c.department, c.reply, c.reason.zh]);
const notTakenOf = (r: MergeResult) => r.notTaken.map((n) => [n.code, n.row + 1, n.department, n.field, n.value]);

describe('1. the lead department and a helping department answer the same cell', () => {
  test("the lead department's answer is taken; the helping department's is listed as a conflict", async () => {
    const m = await master();
    const files = await split(m);
    const lead = await answer(files.get('教育局')!, [['11月底前天目山', G, '主体已完工，正在装修']]);
    const helper = await answer(files.get('住建局')!, [['11月底前天目山', G, '已配合完成施工许可']]);
    const r = await merge(m, [
      ['民生实事台账-住建局.xlsx', helper],
      ['民生实事台账-教育局.xlsx', lead],
    ]);
    expect(at(await breakdown(r.bytes), ROW.school11, G)).toBe('主体已完工，正在装修');
    expect(r.changes.map((c) => [c.row + 1, c.department, c.new])).toEqual([
      [ROW.school11, '教育局', '主体已完工，正在装修'],
    ]);
    expect(conflictsOf(r)).toEqual([[ROW.school11, '住建局', '已配合完成施工许可', '牵头单位的反馈已采纳']]);
    expect(r.conflicts[0].reason.en).toBe("The lead department's answer was taken");
    // Said in the 合并记录 sheet too.
    const log = (await readWorkbook(Buffer.from(r.bytes), 'out.xlsx')).sheets.find((s) => s.name === '合并记录')!;
    const noted = log.rows.filter((row) => row.some((v) => cellText(v ?? null) === '已配合完成施工许可'));
    expect(noted.map((row) => cellText(row[1] ?? null) + '|' + cellText(row[10] ?? null))).toEqual([
      '冲突|牵头单位的反馈已采纳',
    ]);
  });

  test('a whole-master reply from a helping department loses to the lead department too', async () => {
    const m = await master();
    const files = await split(m);
    const lead = await answer(files.get('交通运输局')!, [['农村公路', G, '完成大中修50公里']]);
    const whole = await answer(m, [['农村公路', G, '已拨付补助资金']]);
    const r = await merge(m, [
      ['民生实事台账（财政局反馈）.xlsx', whole],
      ['民生实事台账-交通运输局.xlsx', lead],
    ]);
    expect(at(await breakdown(r.bytes), ROW.road, G)).toBe('完成大中修50公里');
    expect(conflictsOf(r)).toEqual([[ROW.road, '财政局', '已拨付补助资金', '牵头单位的反馈已采纳']]);
  });

  test('two helping departments that differ, with no lead among them, stay a conflict; the master keeps its value', async () => {
    const m = await master();
    const files = await split(m);
    const a = await answer(files.get('住建局')!, [['4月底前', G, '已配合']]);
    const b = await answer(files.get('财政局')!, [['4月底前', G, '已拨付资金']]);
    const r = await merge(m, [
      ['民生实事台账-住建局.xlsx', a],
      ['民生实事台账-财政局.xlsx', b],
    ]);
    expect(at(await breakdown(r.bytes), ROW.school4, G)).toBeNull();
    expect(r.conflicts.map((c) => [c.department, c.reason.zh])).toEqual([
      ['住建局', '两份回复对这个单元格填了不同的值，保留台账的值'],
      ['财政局', '两份回复对这个单元格填了不同的值，保留台账的值'],
    ]);
  });
});

describe('2. a date answer arrives as a date', () => {
  test('a date typed into the General-format 完成时间 of a split file is a date in the master, shown YYYY-MM-DD', async () => {
    const m = await master();
    const files = await split(m);
    const reply = await answer(files.get('教育局')!, [['4月底前', H, utc(2022, 4, 26)]]);
    const r = await merge(m, [['民生实事台账-教育局.xlsx', reply]]);
    expect(at(await breakdown(r.bytes), ROW.school4, H)).toEqual({ date: '2022-04-26' });
    expect(r.changes.map((c) => [c.field, c.old, c.new])).toEqual([['完成时间', '', '2022-04-26']]);
    const json = mergeJson(r, { master: 'm.xlsx', output: 'o.xlsx', asOf: AS_OF }) as { changes: { new: string }[] };
    expect(json.changes[0].new).toBe('2022-04-26');
  });

  test('the split file shows its 完成时间 cells as dates, so the department sees what it typed', async () => {
    const files = await split(await master());
    const reply = await answer(files.get('教育局')!, [['4月底前', H, utc(2022, 4, 26)]]);
    expect(at(await breakdown(reply), 3, H)).toEqual({ date: '2022-04-26' });
  });

  test('a serial number in a General cell (a file split before this fix, or WPS) still arrives as a date', async () => {
    const m = await master();
    const files = await split(m);
    const reply = await answer(files.get('住建局')!, [['新建成保障性住房', H, 44834]], (ws) => {
      ws.eachRow((row) => (row.getCell(H).numFmt = 'General'));
    });
    const r = await merge(m, [['民生实事台账-住建局.xlsx', reply]]);
    expect(at(await breakdown(r.bytes), ROW.housing, H)).toEqual({ date: '2022-09-30' });
    expect(r.changes.map((c) => c.new)).toEqual(['2022-09-30']);
  });

  test('a whole-master reply with a date in a General cell: a date in the master', async () => {
    const m = await master();
    const whole = await answer(m, [['农村公路', H, utc(2022, 9, 15)]], (ws) => {
      ws.getCell(ROW.road, H).numFmt = 'General';
    });
    const r = await merge(m, [['民生实事台账-交通运输局.xlsx', whole]]);
    expect(at(await breakdown(r.bytes), ROW.road, H)).toEqual({ date: '2022-09-15' });
    expect(r.changes.map((c) => [c.department, c.new])).toEqual([['交通运输局', '2022-09-15']]);
  });
});

describe('3. a row whose measure the clerk edited after sending', () => {
  const edited = () => {
    const rows = masterRows();
    rows[ROW.streets - 1][2] = '打通城市断头路6条（城北支路三道路、星港路南延等）';
    return rows;
  };

  test('is matched by its id and place when the texts are about the same: the answer is taken', async () => {
    const files = await split(await master());
    const now = await master(edited());
    const reply = await answer(files.get('住建局')!, [['打通城市断头路', G, '已新建6处路桥']]);
    const r = await merge(now, [['民生实事台账-住建局.xlsx', reply]]);
    expect(at(await breakdown(r.bytes), ROW.streets, G)).toBe('已新建6处路桥');
    expect(r.notTaken).toEqual([]);
  });

  test('a whole-master reply of the master before the edit: matched by place, its answer taken', async () => {
    const old = await master();
    const now = await master(edited());
    const whole = await answer(old, [['打通城市断头路', G, '住建局代填：已开工']]);
    const r = await merge(now, [['民生实事台账-住建局.xlsx', whole]]);
    expect(at(await breakdown(r.bytes), ROW.streets, G)).toBe('住建局代填：已开工');
    // Without a record, who changed the measure cannot be told: it differs from the master, so it is listed.
    expect(notTakenOf(r)).toEqual([
      ['not_progress_column', ROW.streets, '住建局', '工作举措及实施计划', '打通城市断头路6条'],
    ]);
  });

  test("a row that truly cannot be matched lists the department's answers, not the task text", async () => {
    const files = await split(await master());
    const rows = masterRows();
    rows[ROW.streets - 1][2] = '拆除违法建筑20处';
    const now = await master(rows);
    const reply = await answer(files.get('住建局')!, [['打通城市断头路', G, '已新建6处路桥']]);
    const r = await merge(now, [['民生实事台账-住建局.xlsx', reply]]);
    expect(notTakenOf(r)).toEqual([['row_not_in_master', 0, '住建局', '完成情况', '已新建6处路桥']]);
    expect(r.notTaken[0].measure).toBe('打通城市断头路6条');
  });
});

describe('4. only what a reply changed is listed', () => {
  test('a department that changed nothing in a row the master no longer has gets no line', async () => {
    const files = await split(await master());
    const rows = masterRows();
    rows[ROW.streets - 1][2] = '拆除违法建筑20处';
    const r = await merge(await master(rows), [['民生实事台账-交通运输局.xlsx', files.get('交通运输局')!]]);
    expect(r.notTaken).toEqual([]);
    expect(r.conflicts).toEqual([]);
  });

  test('a blank in a whole-master reply against a filled master cell is no answer, never a conflict', async () => {
    const old = await master();
    const rows = masterRows();
    rows[ROW.housing - 1][G - 1] = '已完成总工程量的85%（督查室电话核实）';
    const now = await master(rows);
    const whole = await answer(old, [['农村公路', G, '已拨付补助资金']]);
    const r = await merge(now, [['民生实事台账（财政局反馈）.xlsx', whole]]);
    expect(r.conflicts).toEqual([]);
    expect(r.changes.map((c) => [c.row + 1, c.new])).toEqual([[ROW.road, '已拨付补助资金']]);
    expect(at(await breakdown(r.bytes), ROW.housing, G)).toBe('已完成总工程量的85%（督查室电话核实）');
  });

  test('a helping department with nothing changed in a row another one answered adds no line', async () => {
    const m = await master();
    const files = await split(m);
    const lead = await answer(files.get('住建局')!, [['打通城市断头路', G, '已新建6处路桥']]);
    const r = await merge(m, [
      ['民生实事台账-住建局.xlsx', lead],
      ['民生实事台账-交通运输局.xlsx', files.get('交通运输局')!],
    ]);
    expect(r.changes.map((c) => c.new)).toEqual(['已新建6处路桥']);
    expect([...r.conflicts, ...r.notTaken, ...r.skipped]).toEqual([]);
  });
});

describe('5. the files given the wrong way round', () => {
  test("a department's reply given as the master is refused in one line: the first file must be the master", async () => {
    const m = await master();
    const files = await split(m);
    const err = await mergeReplies(files.get('教育局')!, [{ fileName: 'm.xlsx', bytes: m }], OPTIONS).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.code).toBe('master_is_reply');
    expect(e.messages.zh).toMatch(/第一个文件.*台账/);
    expect(e.messages.en).toMatch(/first file must be the master/);
    expect(e.messages.zh).not.toMatch(/保护/);
  });

  test('the CLI says so in one line, zh | en, exit 2, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-trial-'));
    try {
      const m = await master();
      const files = await split(m);
      fs.writeFileSync(path.join(dir, '台账.xlsx'), m);
      fs.writeFileSync(path.join(dir, '台账-教育局.xlsx'), files.get('教育局')!);
      const r = await runCli(
        'merge',
        path.join(dir, '台账-教育局.xlsx'),
        path.join(dir, '台账.xlsx'),
        '--as-of',
        AS_OF,
      );
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/第一个文件.* \| .*first file must be the master/);
      expect(fs.readdirSync(dir).sort()).toEqual(['台账-教育局.xlsx', '台账.xlsx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('6. the same reply given twice', () => {
  test('the same bytes under another name: the second is skipped as a duplicate, its answers counted once', async () => {
    const m = await master();
    const files = await split(m);
    const reply = await answer(files.get('教育局')!, [['4月底前', G, '已完成']]);
    const r = await merge(m, [
      ['民生实事台账-教育局.xlsx', reply],
      ['教育局-再发一次.xlsx', Buffer.from(reply)],
    ]);
    expect(r.changes.map((c) => [c.file, c.new])).toEqual([['民生实事台账-教育局.xlsx', '已完成']]);
    expect(r.conflicts).toEqual([]);
    expect(r.skipped.map((s) => [s.fileName, s.code])).toEqual([['教育局-再发一次.xlsx', 'duplicate_reply']]);
    expect(r.skipped[0].reason.zh).toContain('民生实事台账-教育局.xlsx');
  });

  test('the same file named twice on the command line is merged once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-trial-'));
    try {
      const m = await master();
      const files = await split(m);
      const file = path.join(dir, '台账-教育局.xlsx');
      fs.writeFileSync(path.join(dir, '台账.xlsx'), m);
      fs.writeFileSync(file, await answer(files.get('教育局')!, [['4月底前', G, '已完成']]));
      const r = await runCli('merge', path.join(dir, '台账.xlsx'), file, file, '--as-of', AS_OF, '--dry-run');
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/采纳 1 处，冲突 0 处，未采纳 0 处，跳过 1 份/);
      expect(r.out).toMatch(/跳过.*重复/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('7. the 督办通知 is worded by case', () => {
  const rows = (deadlines: unknown[]) => [
    ['责任分解表'],
    ['序号', '具体措施', '牵头部门', '完成时限', '完成情况'],
    ...deadlines.map((d, i) => [i + 1, `措施${i + 1}`, '组织部', d, null]),
  ];
  async function notice(deadlines: unknown[], lang: 'zh' | 'en'): Promise<string> {
    const wb = await readFixture([{ name: '台账', rows: rows(deadlines), formats: { D: 'yyyy-mm-dd' } }]);
    const planned = planSplit(wb, { asOf: '2022-09-30', lang });
    if (!planned.ok) throw new Error(planned.error.message.en);
    return noticeText(planned.plan, planned.plan.departments[0], lang).lines[0];
  }
  const later = utc(2022, 12, 31);
  const past = utc(2022, 8, 31);
  const soon = utc(2022, 10, 3);

  test('nothing due: no "逾期 0 项、临期 0 项，请抓紧办理"', async () => {
    expect(await notice([later, later], 'zh')).toBe(
      '截至 2022-09-30，贵单位在《台账》中共有 2 项任务，暂无逾期或临期事项。',
    );
    expect(await notice([later, later], 'en')).toBe(
      'As of 2022-09-30, your unit has 2 items in "台账"; none is overdue or due soon.',
    );
  });

  test('only overdue, only due soon: only what there is, and the call to act', async () => {
    expect(await notice([past, later], 'zh')).toBe(
      '截至 2022-09-30，贵单位在《台账》中共有 2 项任务，其中逾期 1 项，请抓紧办理。',
    );
    expect(await notice([soon, later], 'zh')).toBe(
      '截至 2022-09-30，贵单位在《台账》中共有 2 项任务，其中临期 1 项，请抓紧办理。',
    );
    expect(await notice([soon, later], 'en')).toBe(
      'As of 2022-09-30, your unit has 2 items in "台账": 1 due soon. Please act on it promptly.',
    );
  });

  test('both: as before', async () => {
    expect(await notice([past, soon, later], 'zh')).toBe(
      '截至 2022-09-30，贵单位在《台账》中共有 3 项任务，其中逾期 1 项、临期 1 项，请抓紧办理。',
    );
    expect(await notice([past, past, soon], 'en')).toBe(
      'As of 2022-09-30, your unit has 3 items in "台账": 2 overdue and 1 due soon. Please act on them promptly.',
    );
  });
});
