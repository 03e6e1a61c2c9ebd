/**
 * Judging while reading (issue 2's speed work): a large sheet is read on a second thread and its rows
 * are judged as they arrive. Whatever the batches and whatever the workbook, the report must be the
 * one reading the whole workbook first gives.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateWorkbook, ValidateOptions } from '../src/engine/validate';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { clearOwned } from '../src/xlsx/clear-owned';
import { InputError } from '../src/xlsx/input-error';
import { inProcessReader, judgeWhileReading, readAndJudge } from '../src/xlsx/judge-while-reading';
import { readPackage } from '../src/xlsx/read-workbook';
import { WorkbookPackage } from '../src/xlsx/workbook-package';
import { HEAD_ROWS, ReadMessage, streamWorkbook, WorkbookAssembler } from '../src/xlsx/workbook-stream';
import { buildXlsx, FixtureSheet, patchPart, utc } from './helpers/fixtures';
import { withBreakdownSheet } from './helpers/inject-table';
import { startTsReaderThread } from './helpers/ts-worker';

const OPTIONS: ValidateOptions = { asOf: '2022-09-30' };

async function opened(xlsx: Buffer): Promise<WorkbookPackage> {
  const pkg = await WorkbookPackage.open(xlsx, 'fixture.xlsx');
  await clearOwned(pkg);
  return pkg;
}

/** What the CLI did before: read every sheet, then judge. */
async function readThenJudge(xlsx: Buffer, options = OPTIONS) {
  const workbook = await readPackage(await opened(xlsx));
  return { workbook, result: validateWorkbook(workbook, options) };
}

async function streamed(xlsx: Buffer, batchRows: number, options = OPTIONS) {
  return judgeWhileReading(inProcessReader(await opened(xlsx), batchRows), options);
}

const DEADLINES = ['2022年6月30日前', '每月', '每季度', '年底前', '长期坚持', '每半年'];
const PROGRESS = ['已完成', '推进中', '', '3月15日、6月20日开展', '未开展'];

/**
 * A breakdown table of 150 tasks under a title and a two-row header, in five parts each starting with a
 * category row; every tenth task's category cell is merged down over the next nine (merges cross any
 * batch boundary); an id used twice far apart; a blank row; notes under the table.
 */
function bigTable(): FixtureSheet {
  const rows: unknown[][] = [['2022年工作要点责任分解表'], ['序号', '类别', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '', ''], ['', '', '', '', '', '', '进展', '完成时间', '佐证材料']];
  const merges = ['G2:I2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3'];
  for (let i = 0; i < 150; i++) {
    if (i % 30 === 0) rows.push([`${'一二三四五'[i / 30]}、第${i / 30 + 1}部分`]);
    if (i === 77) rows.push([]);
    const r = rows.length + 1;
    if (i % 10 === 0) merges.push(`B${r}:B${r + 9}`);
    rows.push([
      i === 140 ? 12 : i + 1,
      i % 10 === 0 ? `类别${i / 10}` : null,
      `措施${i + 1}：机关党支部每月开展1次主题党日活动`,
      ['办公室', '机关党委', '组织处'][i % 3],
      '各处室',
      i % 7 === 0 ? utc(2022, 6, 30) : DEADLINES[i % DEADLINES.length],
      PROGRESS[i % PROGRESS.length],
      i % 4 === 0 ? utc(2022, 5, 20) : null,
      i % 5 === 0 ? '会议记录' : null,
    ]);
  }
  rows.push(['填表说明：1. 完成时限按文件要求填写。']);
  return { name: '台账', rows, merges, formats: { F: 'yyyy-mm-dd', H: 'yyyy-mm-dd' } };
}

const RULES: FixtureSheet = { name: '规则', rows: [['关键词', '要求', '依据'], ['主题党日', '每月1次', '《中国共产党支部工作条例（试行）》']] };
const DEPARTMENTS: FixtureSheet = { name: '部门', rows: [['部门'], ['办公室'], ['机关党委'], ['组织处']] };

describe('judging while reading gives the report of reading first', () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await buildXlsx([RULES, bigTable(), DEPARTMENTS]);
  });

  test.each([1, 3, 7, 64, 4096])('batches of %i rows: the same workbook and the same report, most rows judged before the reading ends', async (batch) => {
    const before = await readThenJudge(xlsx);
    const now = await streamed(xlsx, batch);
    expect(now.workbook).toEqual(before.workbook);
    expect(now.result).toEqual(before.result);
    const tasks = before.result.ok ? before.result.report.tasks.length : 0;
    expect(tasks).toBe(150);
    // The first batch holds HEAD_ROWS rows; every later one is judged on arrival.
    expect(now.judgedWhileReading).toBe(tasks);
  });

  test('the assembled workbook is built message by message, the shared strings resolved', async () => {
    const messages: ReadMessage[] = [];
    await streamWorkbook(await opened(xlsx), (m) => messages.push(m), 10);
    expect(messages.map((m) => m.kind)).toEqual(['start', 'sheet', 'sheet', 'sheet', ...Array<string>(messages.length - 5).fill('rows'), 'end']);
    const start = messages[0] as Extract<ReadMessage, { kind: 'start' }>;
    expect(start.streamed).toBe(1);
    const assembler = new WorkbookAssembler();
    messages.slice(0, 4).forEach((m) => assembler.receive(m));
    expect(assembler.headIn).toBe(false);
    assembler.receive(messages[4]);
    expect(assembler.headIn).toBe(true);
    expect(assembler.workbook.sheets[1].rows).toHaveLength(HEAD_ROWS);
    const rows = assembler.workbook.sheets[1].rows;
    expect(rows[0][0]).toBe('2022年工作要点责任分解表');
    expect(rows[4][2]).toBe('措施1：机关党支部每月开展1次主题党日活动');
    expect(rows[4][5]).toEqual({ date: '2022-06-30' });
  });

  test('with a log sheet every row is needed to link its entries: judged at the end, the same report', async () => {
    const log: FixtureSheet = { name: '工作记录', rows: [['日期', '序号', '活动内容'], [utc(2022, 3, 10), 2, '主题党日'], [utc(2022, 4, 12), 999, '未关联']], formats: { A: 'yyyy-mm-dd' } };
    const withLog = await buildXlsx([bigTable(), log]);
    const before = await readThenJudge(withLog);
    const now = await streamed(withLog, 5);
    expect(now.result).toEqual(before.result);
    expect(now.judgedWhileReading).toBe(0);
    expect(before.result.ok && before.result.report.findings.map((f) => f.code)).toContain('log_entry_unlinked');
  });

  test('when the table is not the largest sheet, the workbook is judged once read, the same report', async () => {
    const notes: FixtureSheet = { name: '附件', rows: Array.from({ length: 400 }, (_, i) => [`附件说明第${i + 1}条：这里是一段较长的文字，没有表头。`, i]) };
    const small = await buildXlsx([{ name: '台账', rows: [['序号', '具体措施', '牵头部门', '完成时限', '完成情况'], [1, '每季度召开1次党建工作会议', '办公室', '每季度', '推进中']] }, notes]);
    const before = await readThenJudge(small);
    const now = await streamed(small, 5);
    expect(now.result).toEqual(before.result);
    expect(now.judgedWhileReading).toBe(0);
  });

  test('a header row named below the first batch (--header-row 80): the same report', async () => {
    const rows: unknown[][] = Array.from({ length: 79 }, (_, i) => [`填报说明第${i + 1}行`]);
    rows.push(['编号', '工作', '单位', '时间', '情况']);
    for (let i = 0; i < 30; i++) rows.push([i + 1, `每月开展1次主题党日（${i + 1}）`, '办公室', '每月', '推进中']);
    const low = await buildXlsx([{ name: '台账', rows }]);
    const options: ValidateOptions = { ...OPTIONS, override: { headerRow: 80, columns: { id: 'A', measure: 'B', lead: 'C', deadline: 'D', progress: 'E' } } };
    const before = await readThenJudge(low, options);
    const now = await streamed(low, 5, options);
    expect(before.result.ok && before.result.report.tasks).toHaveLength(30);
    expect(now.result).toEqual(before.result);
  });

  test('rows out of order or written twice in the XML: the same workbook and report', async () => {
    const swapped = await patchPart(xlsx, 'xl/worksheets/sheet2.xml', (xml) => {
      const rows = [...xml.matchAll(/<row r="(\d+)"[\s\S]*?<\/row>/g)];
      const a = rows.find((m) => m[1] === '100')![0];
      const b = rows.find((m) => m[1] === '120')![0];
      // Row 100 moves after row 120, and row 30 appears a second time at the end with its measure changed.
      const again = rows.find((m) => m[1] === '30')![0].replace(/<c r="C30"[\s\S]*?<\/c>/, '<c r="C30" t="inlineStr"><is><t>改写的措施：每季度报告一次</t></is></c>');
      return xml.replace(a, '').replace(b, b + a).replace('</sheetData>', again + '</sheetData>');
    });
    const before = await readThenJudge(swapped);
    const now = await streamed(swapped, 5);
    expect(now.workbook).toEqual(before.workbook);
    expect(now.result).toEqual(before.result);
    expect(before.result.ok && before.result.report.tasks.some((t) => t.measure === '改写的措施：每季度报告一次')).toBe(true);
  });

  test("a workbook holding Luoshi's earlier results: cleared first, the same report", async () => {
    const first = await checkedWorkbook(xlsx, 'fixture.xlsx', { ...OPTIONS, runAt: '2022-09-30 10:00' });
    if (!first.ok) throw new Error(first.error.message.en);
    const before = await readThenJudge(first.value.output);
    const now = await streamed(first.value.output, 5);
    expect(now.result).toEqual(before.result);
    expect(now.judgedWhileReading).toBe(150);
  });
});

describe('the reading thread (read-worker, run from its TypeScript source)', () => {
  const thread = { start: startTsReaderThread, fromBytes: 0 };

  test('reads the workbook and the main thread judges it as it comes: the same report', async () => {
    const xlsx = await buildXlsx([RULES, bigTable(), DEPARTMENTS]);
    const before = await readThenJudge(xlsx);
    const pkg = await opened(xlsx);
    const now = await readAndJudge(pkg, xlsx, OPTIONS, () => undefined, thread);
    expect(now.result).toEqual(before.result);
    expect(now.judgedWhileReading).toBe(150);
  }, 30_000);

  test("takes the main thread's edits (Luoshi's earlier results cleared)", async () => {
    const xlsx = await buildXlsx([bigTable()]);
    const first = await checkedWorkbook(xlsx, 'fixture.xlsx', { ...OPTIONS, runAt: '2022-09-30 10:00' });
    if (!first.ok) throw new Error(first.error.message.en);
    const before = await readThenJudge(first.value.output);
    const pkg = await opened(first.value.output);
    expect(pkg.changes().edited.length).toBeGreaterThan(0);
    const now = await readAndJudge(pkg, first.value.output, OPTIONS, () => undefined, thread);
    expect(now.result).toEqual(before.result);
  }, 30_000);

  test('bad input found on the thread comes back as the same one-line error (a DTD in the sheet part)', async () => {
    const xlsx = await buildXlsx([bigTable()]);
    const bomb = await patchPart(xlsx, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<worksheet', '<!DOCTYPE lolz [<!ENTITY lol "lol">]><worksheet'));
    const pkg = await opened(bomb);
    const error = await readAndJudge(pkg, bomb, OPTIONS, () => undefined, thread).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('dtd');
  }, 30_000);
});

const corpus = path.join(__dirname, '..', '..', 'shared', 'corpus');
const corpusFiles = fs.existsSync(corpus) ? fs.readdirSync(path.join(corpus, 'xlsx')).map((f) => path.join(corpus, 'xlsx', f)) : [];

describe('on ../shared/corpus: judging while reading equals reading first', () => {
  if (corpusFiles.length === 0) {
    test.skip('skipped: ../shared/corpus is absent (a fresh clone); CI has it', () => undefined);
    return;
  }
  /** The outcome either way: the report, the refusal, or the input error's code. */
  async function outcome(run: () => Promise<{ result: unknown }>): Promise<unknown> {
    try {
      return (await run()).result;
    } catch (e) {
      return e instanceof InputError ? { inputError: e.code } : { error: String(e) };
    }
  }
  test.each(corpusFiles.map((f) => [path.basename(f), f]))('%s (as it is, and with a breakdown sheet added)', async (_, file) => {
    const original = fs.readFileSync(file);
    const injected = await withBreakdownSheet(original).catch(() => null);
    for (const bytes of injected ? [original, injected] : [original]) {
      const before = await outcome(() => readThenJudge(bytes));
      expect(await outcome(() => streamed(bytes, 3))).toEqual(before);
    }
  });
});
