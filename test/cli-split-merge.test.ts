import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { cellText } from '../src/engine/model/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { buildXlsx, utc } from './helpers/fixtures';
import { runCli as cli } from './helpers/run-cli';

/*
 * `luoshi split` and `luoshi merge` (SPEC §8, issue 19) as a clerk runs them: the master split into a
 * folder, one department's file answered (in exceljs, standing in for Excel), returned with a file
 * that is not a workbook, merged. Fixed as-of date; every file on disk is checked.
 */

const AS_OF = '2022-09-30';
const HEADER = ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'];
const PROGRESS = 5;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-split-merge-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function masterRows(progressOf5: string | null = null): unknown[][] {
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
const master = (rows = masterRows()) =>
  buildXlsx([{ name: '责任分解表', rows, formats: { E: 'yyyy-mm-dd', G: 'yyyy-mm-dd' } }]);

/** A fresh folder holding 台账.xlsx (the master): each test works in its own. */
async function desk(name: string, bytes?: Buffer): Promise<{ dir: string; file: string; bytes: Buffer }> {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  const b = bytes ?? (await master());
  const file = path.join(dir, '台账.xlsx');
  fs.writeFileSync(file, b);
  return { dir, file, bytes: b };
}

/** A department's file answered as its clerk would: `progress` by measure. */
async function answer(file: string, progress: Record<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => w.name === '责任分解表')!;
  ws.eachRow((row) => {
    const measure = String((row.values as unknown[])[2] ?? '');
    if (measure in progress) row.getCell(PROGRESS + 1).value = progress[measure];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function progressIn(file: string): Promise<Record<string, string>> {
  const wb = await readWorkbook(fs.readFileSync(file), file);
  const sheet = wb.sheets.find((s) => s.name === '责任分解表')!;
  return Object.fromEntries(sheet.rows.slice(2).map((r) => [cellText(r[1] ?? null), cellText(r[PROGRESS] ?? null)]));
}

/** One line, Chinese first, English after " | ". */
function expectOneLine(err: string, pattern: RegExp): void {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^luoshi: .*[\u4e00-\u9fff].* \| [-A-Za-z]/);
  expect(err).toMatch(pattern);
}

const listing = (dir: string) => fs.readdirSync(dir).sort();

describe('luoshi split', () => {
  test('writes one file per department into 台账-分发 beside the master, and a table aligned by display width', async () => {
    const { dir, file, bytes } = await desk('s1');
    const r = await cli('split', file, '--as-of', AS_OF);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const folder = path.join(dir, '台账-分发');
    expect(listing(folder)).toEqual(['台账-宣传部.xlsx', '台账-纪检组.xlsx', '台账-组织部.xlsx'].sort());
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    // Each department's file holds only its rows.
    expect(Object.keys(await progressIn(path.join(folder, '台账-纪检组.xlsx')))).toEqual([
      '开展警示教育',
      '开展专项督查',
    ]);

    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^部门\s+行数\s+逾期\s+临期\s+文件$/);
    const org = lines.find((l) => l.startsWith('组织部'))!;
    expect(org).toMatch(/^组织部\s+3\s+1\s+1\s+台账-组织部\.xlsx$/);
    expect(lines.at(-1)).toMatch(/^合计 3 个部门\s+8\s+\d+\s+\d+\s+已写入 .*台账-分发$/);
    // The file column starts at the same terminal column on every line (CJK counts two).
    const fileColumn = (l: string) => stringWidth(l.slice(0, l.search(/(台账-|文件|已写入)/)));
    expect(new Set(lines.map(fileColumn)).size).toBe(1);
  });

  test('-o names the folder; --lang en speaks English (the files keep their Chinese names)', async () => {
    const { dir, file } = await desk('s2');
    const r = await cli('split', file, '-o', path.join(dir, 'out'), '--as-of', AS_OF, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Department\s+Rows\s+Overdue\s+Due soon\s+File$/m);
    expect(r.out).toMatch(/^Total: 3 departments\s+8/m);
    expect(listing(path.join(dir, 'out'))).toHaveLength(3);
  });

  test('a folder whose parent is missing, or a file in its place: refused in one line, nothing written', async () => {
    const { dir, file } = await desk('s3');
    const missing = await cli('split', file, '-o', path.join(dir, 'no', 'such'), '--as-of', AS_OF);
    expect(missing.code).toBe(2);
    expectOneLine(missing.err, /does not exist/);
    const taken = path.join(dir, 'a-file');
    fs.writeFileSync(taken, 'x');
    const onFile = await cli('split', file, '-o', taken, '--as-of', AS_OF);
    expect(onFile.code).toBe(2);
    expectOneLine(onFile.err, /is a file/);
    expect(listing(dir)).toEqual(['a-file', '台账.xlsx']);
  });

  test('never overwrites a file already in the folder (it may be a returned answer)', async () => {
    const { dir, file } = await desk('s4');
    expect((await cli('split', file, '--as-of', AS_OF, '-q')).code).toBe(0);
    const folder = path.join(dir, '台账-分发');
    const answered = path.join(folder, '台账-组织部.xlsx');
    fs.writeFileSync(answered, 'the department answered here');
    const again = await cli('split', file, '--as-of', AS_OF);
    expect(again.code).toBe(2);
    expectOneLine(again.err, /already holds 台账-组织部\.xlsx and 2 more/);
    expect(fs.readFileSync(answered, 'utf8')).toBe('the department answered here');
  });

  test('a master without a table: one line, no folder left behind', async () => {
    const bytes = await buildXlsx([
      {
        name: 'S',
        rows: [
          ['a', 'b'],
          [1, 2],
        ],
      },
    ]);
    const { dir, file } = await desk('s5', bytes);
    const r = await cli('split', file, '--as-of', AS_OF);
    expect(r.code).toBe(2);
    expectOneLine(r.err, /No breakdown table/);
    expect(listing(dir)).toEqual(['台账.xlsx']);
  });
});

describe('luoshi merge', () => {
  /** The master split, 组织部's file answered into returned/, with a text file beside it. */
  async function returned(name: string, masterNow?: Buffer) {
    const d = await desk(name);
    expect((await cli('split', d.file, '--as-of', AS_OF, '-q')).code).toBe(0);
    const back = path.join(d.dir, 'returned');
    fs.mkdirSync(back);
    const org = path.join(back, '台账-组织部.xlsx');
    fs.writeFileSync(
      org,
      await answer(path.join(d.dir, '台账-分发', '台账-组织部.xlsx'), { 召开党建工作会议: '已召开' }),
    );
    const note = path.join(back, '说明.xlsx');
    fs.writeFileSync(note, '这不是工作簿');
    if (masterNow) fs.writeFileSync(d.file, masterNow);
    return { ...d, masterBytes: masterNow ?? d.bytes, back, org, note };
  }

  test('takes the answer, lists the file that is not a workbook, writes 台账.merged.xlsx; the master is untouched', async () => {
    const d = await returned('m1');
    const r = await cli('merge', d.file, d.org, d.note, '--as-of', AS_OF);
    expect(r.err).toBe('');
    expect(r.code).toBe(1); // merged, with a skipped reply to look at
    const merged = path.join(d.dir, '台账.merged.xlsx');
    expect((await progressIn(merged))['召开党建工作会议']).toBe('已召开');
    expect(fs.readFileSync(d.file).equals(d.masterBytes)).toBe(true);
    expect(r.out).toMatch(/^跳过\s+说明\.xlsx：不是 Excel 工作簿，已跳过$/m);
    expect(r.out).toContain('合并 2 份反馈：采纳 1 处，冲突 0 处，未采纳 0 处，跳过 1 份');
    expect(r.out).toContain(`已写出: ${merged}`);
    const wb = await readWorkbook(fs.readFileSync(merged), merged);
    expect(wb.sheets.map((s) => s.name)).toContain('合并记录');
  });

  test('--dry-run prints each change and writes nothing', async () => {
    const d = await returned('m2');
    const before = listing(d.dir);
    const r = await cli('merge', d.file, d.org, d.note, '--as-of', AS_OF, '--dry-run', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(listing(d.dir)).toEqual(before);
    expect(fs.readFileSync(d.file).equals(d.masterBytes)).toBe(true);
    expect(r.out).toMatch(
      /^taken\s+row 3 \(\[1\] 召开党建工作会议\) 完成情况: "推进中" → "已召开" \(组织部 · 台账-组织部\.xlsx\)$/m,
    );
    expect(r.out).toMatch(/^skipped\s+说明\.xlsx: Not an Excel workbook; skipped$/m);
    expect(r.out).toContain('Dry run: nothing was written');
  });

  test('exit 0 when everything was taken; the master is overwritten only when -o names it', async () => {
    const d = await returned('m3');
    const r = await cli('merge', d.file, d.org, '--as-of', AS_OF, '-o', d.file, '-q');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect((await progressIn(d.file))['召开党建工作会议']).toBe('已召开');
    expect(listing(d.dir)).not.toContain('台账.merged.xlsx');
  });

  test('a cell the master changed too is a conflict: listed, the master keeps its value, exit 1', async () => {
    const d = await returned('m4', await master(masterRows('已部署')));
    const jx = path.join(d.back, '台账-纪检组.xlsx');
    fs.writeFileSync(
      jx,
      await answer(path.join(d.dir, '台账-分发', '台账-纪检组.xlsx'), { 开展专项督查: '已完成督查' }),
    );
    const r = await cli('merge', d.file, jx, '--as-of', AS_OF, '--json', '-');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.conflicts).toEqual([
      expect.objectContaining({ row: 7, cell: 'F7', master: '已部署', reply: '已完成督查', department: '纪检组' }),
    ]);
    expect(report.output).toBe(path.join(d.dir, '台账.merged.xlsx'));
    expect((await progressIn(report.output))['开展专项督查']).toBe('已部署');
  });

  test('bad input: exit 2 in one line, nothing written', async () => {
    const d = await returned('m5');
    const before = listing(d.dir);
    const cases: Array<[string[], RegExp]> = [
      [['merge', path.join(d.dir, 'nope.xlsx'), d.org], /File not found/],
      [['merge', d.note, d.org], /Not an xlsx file/],
      [['merge', d.file], /at least one returned workbook/],
      [['merge', d.file, d.org, '-o', d.org], /over a reply/],
      [['merge', d.file, d.org, '--dry-run', '-o', 'x.xlsx'], /--dry-run/],
      [['merge', d.file, d.org, '--bogus'], /unknown option --bogus/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await cli(...argv, '--as-of', AS_OF);
      expect(r.code).toBe(2);
      expectOneLine(r.err, pattern);
    }
    expect(listing(d.dir)).toEqual(before);
    expect(fs.readFileSync(d.file).equals(d.masterBytes)).toBe(true);
  });

  test('a reply that is missing, or the master itself caught by a glob, is skipped and the others merged', async () => {
    const d = await returned('m6');
    const r = await cli('merge', d.file, path.join(d.back, 'gone.xlsx'), d.file, d.org, '--as-of', AS_OF);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^跳过\s+.*gone\.xlsx：找不到文件，已跳过$/m);
    expect(r.out).toMatch(/^跳过\s+.*台账\.xlsx：这就是台账本身，已跳过$/m);
    expect((await progressIn(path.join(d.dir, '台账.merged.xlsx')))['召开党建工作会议']).toBe('已召开');
  });
});
