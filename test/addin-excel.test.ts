import { syntheticWorkbook } from '../bench/synthetic-table';
import { AddinError, MESSAGES } from '../src/addin/excel/office-errors';
import { readWorkbook } from '../src/addin/excel/read-workbook';
import { runCheck, runClear, selectRow } from '../src/addin/excel/run-check';
import { validateWorkbook } from '../src/engine/validate';
import { buildWritePlan } from '../src/engine/write/build-plan';
import { isStatusRuleFormula } from '../src/engine/write/status-colouring';
import { WorkbookData } from '../src/engine/model/workbook';
import { sheet, table, workbook } from './helpers/fixtures';
import { testHost, WEB_PAYLOAD_LIMIT } from './office-host/context';
import { hostWorkbookOf, HostWorkbook } from './office-host/model';

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 09:00', fileName: '台账.xlsx' };

function fixture(): WorkbookData {
  return table(
    [
      [1, '每月开展1次主题党日活动', '机关党委', '各支部', '每月', '1月、2月、4月开展', null],
      [2, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
      [3, '每半年报告一次思想动态分析', '组织处', '各支部', '每半年', '已完成', { date: '2022-06-20' }],
      [4, '修订请示报告制度', '办公室', '', '10月5日前', '', null],
      [5, '长期坚持理论学习', '宣传处', '各处室', '长期坚持', '', null],
    ],
    undefined,
    [sheet('部门', [['部门'], ['机关党委'], ['办公室'], ['组织处'], ['宣传处'], ['督查室']])],
  );
}

/** Every user cell with its value, formula, number format and format, for before/after comparisons. */
function userState(model: HostWorkbook, names: string[]) {
  return names.map((n) => {
    const s = model.sheet(n)!;
    return { name: s.name, cells: [...s.cells.entries()].sort(), merges: s.merges, widths: [...s.columnWidths], cfs: s.conditionalFormats.map((c) => ({ ...c })) };
  });
}

describe('the add-in on a test host that behaves like Office.js', () => {
  test('the host is strict: unloaded properties throw, writes wait for sync', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
      sheets.load('items/name');
      expect(() => sheets.items).toThrow(/not available/);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['台账', '部门']);
      expect(() => sheets.items[0].visibility).toThrow(/not available/);
      const a1 = sheets.items[0].getRange('A1');
      a1.values = [['x']];
      expect(host.model.sheet('台账')!.cell(0, 0)!.value).toBe('2022年工作要点责任分解表');
      await context.sync();
      expect(host.model.sheet('台账')!.cell(0, 0)!.value).toBe('x');
    });
  });

  test('校验 writes the status column, the colours and the generated sheets the CLI writes, in three round trips', async () => {
    const data = fixture();
    const host = testHost(hostWorkbookOf(data));
    const before = userState(host.model, ['部门']);
    const result = await runCheck(host, { ...OPTIONS, showSummary: true });

    const expected = validateWorkbook(data, OPTIONS);
    if (!expected.ok) throw new Error('fixture');
    const plan = buildWritePlan(expected.report, { userSheets: ['台账', '部门'], fileName: '台账.xlsx', runAt: OPTIONS.runAt, previousRunLog: null });

    expect(result.syncs).toBe(3);
    expect(result.report.summary).toEqual(expected.report.summary);
    const breakdown = host.model.sheet('台账')!;
    const col = plan.breakdown.statusColumn;
    expect(breakdown.cell(plan.breakdown.headerRow, col)!.value).toBe('校验结果');
    for (const c of plan.breakdown.cells) expect(breakdown.cell(c.row, col)!.value).toBe(c.text);
    expect(breakdown.conditionalFormats.map((cf) => cf.formula.replace(/^=/, ''))).toEqual(plan.breakdown.colouring.rules.map((r) => r.formula));
    expect(breakdown.conditionalFormats.every((cf) => isStatusRuleFormula(cf.formula.replace(/^=/, ''), col))).toBe(true);
    expect(breakdown.conditionalFormats[0].format['fill.color']).toBe(plan.styles[plan.breakdown.colouring.rules[0].style].fill);

    expect(host.model.sheets.map((s) => s.name)).toEqual(['台账', '部门', ...plan.sheets.map((s) => s.name)]);
    for (const generated of plan.sheets) {
      const s = host.model.sheet(generated.name)!;
      const want = generated.rows.map((r) => r.map((c) => c.value ?? null));
      const got = s.grid();
      expect(got.length).toBe(want.length);
      want.forEach((row, r) => row.forEach((v, c) => expect(got[r]?.[c] ?? null).toEqual(v === '' ? null : v)));
      expect(s.names).toEqual([{ name: '_luoshi_sheet', formula: `="${generated.role}"`, visible: false }]);
      expect(s.frozenRows).toBe(generated.freezeRows);
      if (generated.landscape) expect(s.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
    }
    expect(host.model.activeSheet).toBe('汇总');
    expect(userState(host.model, ['部门'])).toEqual(before);
  });

  test('rows in the overdue list link to their row, and clicking a task selects its row', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    const result = await runCheck(host, OPTIONS);
    const overdue = host.model.sheet('逾期清单')!;
    const links = [...overdue.cells.values()].filter((c) => c.formula?.startsWith('=HYPERLINK('));
    expect(links.length).toBeGreaterThan(0);
    expect(links[0].formula).toMatch(/^=HYPERLINK\("#'台账'!B\d+","第 \d+ 行"\)$/);
    const task = result.report.tasks.find((t) => t.status === 'overdue')!;
    await selectRow(host, '台账', task.row, 'H');
    expect(host.model.selection).toBe(`'台账'!A${task.row}:H${task.row}`);
    expect(host.model.activeSheet).toBe('台账');
  });

  test('running again replaces the results (one more run-log row), and 清除结果 gives back the user workbook', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    const original = userState(host.model, ['台账', '部门']);
    await runCheck(host, OPTIONS);
    const first = host.model.sheets.map((s) => [s.name, s.cells.size, s.conditionalFormats.length]);
    const log1 = host.model.sheet('校验记录')!.grid().length;
    await runCheck(host, OPTIONS);
    const second = host.model.sheets.map((s) => [s.name, s.cells.size, s.conditionalFormats.length]);
    expect(second.filter(([n]) => n !== '校验记录')).toEqual(first.filter(([n]) => n !== '校验记录'));
    expect(host.model.sheet('校验记录')!.grid().length).toBe(log1 + 1);

    expect(await runClear(host)).toBe(true);
    expect(host.model.sheets.map((s) => s.name)).toEqual(['台账', '部门']);
    expect(userState(host.model, ['台账', '部门'])).toEqual(original);
    expect(host.model.sheets.flatMap((s) => s.names)).toEqual([]);
    expect(await runClear(host)).toBe(false);
  });

  test('text from user cells stays text: no formula injection', async () => {
    const NASTY = ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)'];
    const data = table(NASTY.map((m, i) => [i + 1, m, '办公室', '', '2022年3月1日前', '', null]));
    const host = testHost(hostWorkbookOf(data));
    await runCheck(host, OPTIONS);
    const cells = host.model.sheets.filter((s) => !['台账'].includes(s.name)).flatMap((s) => [...s.cells.values()]);
    for (const text of NASTY) {
      const hits = cells.filter((c) => typeof c.value === 'string' && c.value.includes(text));
      expect(hits.length).toBeGreaterThan(0);
    }
    expect(cells.filter((c) => c.formula && !c.formula.startsWith('=HYPERLINK("#'))).toEqual([]);
  });

  test('a user sheet named 汇总 is kept; Luoshi writes 汇总(落实)', async () => {
    const data = fixture();
    data.sheets.push(sheet('汇总', [['我的汇总'], [42]]));
    const host = testHost(hostWorkbookOf(data));
    await runCheck(host, OPTIONS);
    expect(host.model.sheet('汇总')!.grid()).toEqual([['我的汇总'], [42]]);
    expect(host.model.sheet('汇总(落实)')).toBeDefined();
    await runCheck(host, OPTIONS);
    expect(host.model.sheet('汇总')!.grid()).toEqual([['我的汇总'], [42]]);
    expect(host.model.sheets.filter((s) => s.name.startsWith('汇总')).length).toBe(2);
  });

  test('dates in the 1904 system and merged category cells are read as the CLI reads them', async () => {
    const data = table([
      ['一、组织建设', null, null, null, null, null, null],
      [1, '修订制度', '办公室', '督查室', { date: '2022-06-30' }, '已完成', { date: '2022-07-10' }],
    ]);
    data.date1904 = true;
    data.sheets[0].merges = [{ top: 2, left: 0, bottom: 2, right: 6 }];
    const host = testHost(hostWorkbookOf(data));
    const result = await runCheck(host, OPTIONS);
    const task = result.report.tasks[0];
    expect(task.status).toBe('done_late');
    expect(result.report.dateSystem).toBe('1904');
  });

  test('refusals: a protected sheet, cell-edit mode, an Excel too old — each a clear message and nothing written', async () => {
    const protectedModel = hostWorkbookOf(fixture());
    protectedModel.sheet('台账')!.protected = true;
    await expect(runCheck(testHost(protectedModel), OPTIONS)).rejects.toEqual(new AddinError(MESSAGES.sheetProtected('台账')));
    expect(protectedModel.sheets.map((s) => s.name)).toEqual(['台账', '部门']);

    const editing = hostWorkbookOf(fixture());
    editing.cellEditMode = true;
    await expect(runCheck(testHost(editing), OPTIONS)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });

    const old = hostWorkbookOf(fixture());
    await expect(runCheck(testHost(old, { apiVersion: '1.12' }), OPTIONS)).rejects.toEqual(new AddinError(MESSAGES.tooOld));

    const noTable = hostWorkbookOf(workbook(sheet('Sheet1', [['a', 'b'], [1, 2]])));
    await expect(runCheck(testHost(noTable), OPTIONS)).rejects.toBeInstanceOf(AddinError);
    expect(noTable.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('a response too large for one round trip is read again in row blocks, with the same cells', async () => {
    const data = syntheticWorkbook(3000);
    const whole = await testHost(hostWorkbookOf(data)).run((context) => readWorkbook(context));
    const small = testHost(hostWorkbookOf(data), { payloadLimit: 200_000 });
    const blocks = await small.run((context) => readWorkbook(context));
    expect(whole.syncs).toBe(2);
    expect(blocks.syncs).toBeGreaterThan(3);
    // Refused responses (the whole read, then blocks still too large) are retried smaller.
    expect(small.lastSyncs[1].responseBytes).toBeGreaterThan(200_000);
    expect(blocks.workbook).toEqual(whole.workbook);
  });

  test('20k rows: at most 4 round trips on the desktop; on the web every request and response stays under 5 MB', async () => {
    const options = { asOf: '2026-11-20', runAt: '2026-11-21 09:00' };
    const desktop = testHost(hostWorkbookOf(syntheticWorkbook(20000)));
    const d = await runCheck(desktop, options);
    expect(d.syncs).toBeLessThanOrEqual(4);
    expect(desktop.lastSyncs.length).toBe(d.syncs);
    const ctx = desktop.contexts[0];
    // Formats go by rectangles of equal style, never cell by cell.
    expect(ctx.calls.get('range.format') ?? 0).toBeLessThan(2000);
    expect(ctx.calls.get('hyperlink') ?? 0).toBe(0);

    const web = testHost(hostWorkbookOf(syntheticWorkbook(20000)), { web: true });
    const w = await runCheck(web, options);
    for (const s of web.lastSyncs) {
      expect(s.requestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
      expect(s.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
    }
    expect(web.model.sheet('部门任务')!.grid().length).toBe(desktop.model.sheet('部门任务')!.grid().length);
    console.log(`20k rows: desktop ${d.syncs} syncs (largest request ${Math.max(...desktop.lastSyncs.map((s) => s.requestBytes))} B); web ${w.syncs} syncs`);
  });
});
