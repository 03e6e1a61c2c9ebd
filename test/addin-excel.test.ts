import { syntheticWorkbook } from '../bench/synthetic-table';
import { AddinError, MESSAGES } from '../src/addin/excel/office-errors';
import { readWorkbook } from '../src/addin/excel/read-workbook';
import { runCheck, runClear, selectedRow, selectRow } from '../src/addin/excel/run-check';
import { explainOfficeError } from '../src/addin/excel/office-errors';
import { columnRoleRows } from '../src/addin/column-roles';
import {
  checkOptions,
  columnLettersOf,
  DEFAULT_SETTINGS,
  overriddenRole,
  PaneSettings,
  withCandidate,
  withColumnRole,
  withHeaderRow,
} from '../src/addin/settings';
import { CellValue } from '../src/engine/model/workbook';
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
    return {
      name: s.name,
      cells: [...s.cells.entries()].sort(),
      merges: s.merges,
      widths: [...s.columnWidths],
      cfs: s.conditionalFormats.map((c) => ({ ...c })),
    };
  });
}

describe('the add-in on a test host that behaves like Office.js', () => {
  test('a date cell formatted to show a month only (yyyy"年"m"月") is that month\'s end, as in the CLI', async () => {
    const data = table([
      [1, '制定实施方案', '办公室', '', { date: '2022-06-01', monthOnly: true }, '推进中', null],
      [2, '开展专项检查', '办公室', '', { date: '2022-06-01' }, '推进中', null],
    ]);
    const host = testHost(hostWorkbookOf(data));
    const read = await host.run((context) => readWorkbook(context));
    const judged = validateWorkbook(read.workbook, { asOf: '2022-09-30' });
    if (!judged.ok) throw new Error(judged.error.message.en);
    expect(judged.report.tasks.map((t) => t.due)).toEqual(['2022-06-30', '2022-06-01']);
  });

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

  test('校验 writes the status column, the colours and the generated sheets the CLI writes, in four round trips', async () => {
    const data = fixture();
    const host = testHost(hostWorkbookOf(data));
    const before = userState(host.model, ['部门']);
    const result = await runCheck(host, { ...OPTIONS, showSummary: true });

    const expected = validateWorkbook(data, OPTIONS);
    if (!expected.ok) throw new Error('fixture');
    const plan = buildWritePlan(expected.report, {
      userSheets: ['台账', '部门'],
      fileName: '台账.xlsx',
      runAt: OPTIONS.runAt,
      previousRunLog: null,
    });

    // Two reads, the writes, and the page setup in a request of its own (issue 17, item 10).
    expect(result.syncs).toBe(4);
    expect(host.lastSyncs.length).toBe(4);
    expect(result.report.summary).toEqual(expected.report.summary);
    const breakdown = host.model.sheet('台账')!;
    const col = plan.breakdown.statusColumn;
    expect(breakdown.cell(plan.breakdown.headerRow, col)!.value).toBe('校验结果');
    for (const c of plan.breakdown.cells) expect(breakdown.cell(c.row, col)!.value).toBe(c.text);
    expect(breakdown.conditionalFormats.map((cf) => cf.formula.replace(/^=/, ''))).toEqual(
      plan.breakdown.colouring.rules.map((r) => r.formula),
    );
    expect(breakdown.conditionalFormats.every((cf) => isStatusRuleFormula(cf.formula.replace(/^=/, ''), col))).toBe(
      true,
    );
    expect(breakdown.conditionalFormats[0].format['fill.color']).toBe(
      plan.styles[plan.breakdown.colouring.rules[0].style].fill,
    );

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
    await expect(runCheck(testHost(protectedModel), OPTIONS)).rejects.toEqual(
      new AddinError(MESSAGES.sheetProtected('台账')),
    );
    expect(protectedModel.sheets.map((s) => s.name)).toEqual(['台账', '部门']);

    const editing = hostWorkbookOf(fixture());
    editing.cellEditMode = true;
    await expect(runCheck(testHost(editing), OPTIONS)).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
    });

    const old = hostWorkbookOf(fixture());
    await expect(runCheck(testHost(old, { apiVersion: '1.12' }), OPTIONS)).rejects.toEqual(
      new AddinError(MESSAGES.tooOld),
    );

    const noTable = hostWorkbookOf(
      workbook(
        sheet('Sheet1', [
          ['a', 'b'],
          [1, 2],
        ]),
      ),
    );
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
    console.log(
      `20k rows: desktop ${d.syncs} syncs (largest request ${Math.max(...desktop.lastSyncs.map((s) => s.requestBytes))} B); web ${w.syncs} syncs`,
    );
  });
});

/** A table whose headers the vocabulary does not know (事项, 单位, 配合, 时间 …), under a title and a note row. */
function looseTable(header: CellValue[] = ['序号', '事项', '单位', '配合', '时间', '情况', '日期']): WorkbookData {
  return workbook(
    sheet('说明', [['本表由办公室汇总']]),
    sheet('台账', [
      ['2022年工作要点责任分解表'],
      header,
      [1, '每月开展1次主题党日活动', '机关党委', '各支部', '每月', '1月、2月、4月开展', null],
      [2, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
      [3, '每半年报告一次思想动态分析', '组织处', '各支部', '每半年', '已完成', { date: '2022-06-20' }],
    ]),
  );
}

/** What 校验 runs with from the pane's settings, at the fixtures' date. */
function paneRun(host: ReturnType<typeof testHost>, s: PaneSettings) {
  return runCheck(host, { ...checkOptions(s, 'zh', new Date(2022, 8, 30, 9, 0), false), fileName: '台账.xlsx' });
}

describe('the pane shows how columns were read, and corrects them in one step (issue 15)', () => {
  test('识别结果: each column with its letter, header as written, role and why in the clerk’s words; a weak guess is marked', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    const { report } = await runCheck(host, OPTIONS);
    const rows = columnRoleRows(report, 'zh');
    expect(rows.map((r) => [r.column, r.header, r.role, r.why])).toEqual([
      ['A', '序号', '序号', '表头和内容'],
      ['B', '具体措施', '具体措施', '表头和内容'],
      ['C', '牵头部门', '牵头单位', '表头和内容'],
      ['D', '责任部门', '责任单位', '表头和内容'],
      ['E', '完成时限', '完成时限', '表头和内容'],
      ['F', '完成情况', '完成情况', '表头和内容'],
      ['G', '完成时间', '完成时间', '表头和内容'],
    ]);
    expect(rows.filter((r) => r.low)).toEqual([]);

    // Headers the vocabulary does not know: 配合 is read by its cells alone, and not surely.
    const loose = await paneRun(testHost(hostWorkbookOf(looseTable())), { ...DEFAULT_SETTINGS, headerRow: '2' });
    const d = columnRoleRows(loose.report, 'zh').find((r) => r.column === 'D')!;
    expect(d).toMatchObject({ header: '配合', role: '责任单位', why: '按内容', low: true });
    expect(d.note).toMatch(/^把握不大（\d+%）$/);
    expect(columnRoleRows(loose.report, 'en').find((r) => r.column === 'D')).toMatchObject({
      role: 'Responsible units',
      why: 'by content',
      note: expect.stringMatching(/^unsure \(\d+%\)$/),
    });
  });

  test('headers in traditional script are listed as written; an older progress column is listed as superseded', () => {
    const rows = columnRoleRows(
      {
        columnRoles: [
          { field: 'lead', column: 'C', header: '牽頭單位', why: 'header', confidence: 0.9 },
          {
            field: 'progress',
            column: 'H',
            header: '1-10月推進情況',
            why: 'header+content',
            confidence: 0.8,
            superseded: true,
          },
          { field: 'progress', column: 'I', header: '1-11月推進情況', why: 'header+content', confidence: 0.8 },
          { field: 'measure', column: 'AA', header: '', why: 'override', confidence: 0.2 },
        ],
      },
      'zh',
    );
    expect(rows.map((r) => r.column)).toEqual(['C', 'H', 'I', 'AA']);
    expect(rows[0]).toMatchObject({ header: '牽頭單位', role: '牵头单位', why: '按表头', note: '' });
    expect(rows[1]).toMatchObject({ superseded: true, note: '较早的进展列，仅显示不校验' });
    expect(rows[2].superseded).toBe(false);
    // Set by hand is what the user wants, however it scores.
    expect(rows[3]).toMatchObject({ why: '手动指定', low: false });
  });

  test('picking a role writes field=LETTER to the columns setting, and the re-run reads the column so', async () => {
    // 配合 (D) names the lead department in this office's table: the clerk picks 牵头单位 for D.
    const host = testHost(hostWorkbookOf(looseTable()));
    const start = { ...DEFAULT_SETTINGS, headerRow: '2' };
    const before = await paneRun(host, start);
    expect(before.report.tasks.map((t) => t.lead)).not.toEqual([['各支部'], ['督查室'], ['各支部']]);
    const picked = withColumnRole(start, 'D', 'lead');
    expect(picked.columns).toBe('lead=D');
    expect(overriddenRole(picked, 'D')).toBe('lead');
    const after = await paneRun(host, picked);
    expect(after.report.columns.lead).toBe('D');
    expect(after.report.tasks.map((t) => t.lead)).toEqual([['各支部'], ['督查室'], ['各支部']]);
    expect(columnRoleRows(after.report, 'zh').find((r) => r.column === 'D')).toMatchObject({
      role: '牵头单位',
      why: '手动指定',
    });

    // Variant: the deadline set by hand on 时间 (E): read from there, and listed as set by hand.
    const deadline = await paneRun(host, withColumnRole(start, 'E', 'deadline'));
    expect(deadline.report.tasks.map((t) => t.deadlineText)).toEqual(['每月', '2022年6月30日前', '每半年']);
    expect(columnRoleRows(deadline.report, 'zh').find((r) => r.column === 'E')).toMatchObject({
      role: '完成时限',
      why: '手动指定',
    });

    // Variant: the standard table, lead moved to D: the tasks' lead departments change with it.
    const standard = testHost(hostWorkbookOf(fixture()));
    const lead = await paneRun(standard, withColumnRole(DEFAULT_SETTINGS, 'D', 'lead'));
    expect(lead.report.tasks[1].lead).toEqual(['督查室']);
    expect(columnRoleRows(lead.report, 'zh').find((r) => r.column === 'D')).toMatchObject({
      role: '牵头单位',
      why: '手动指定',
    });
  });

  test('the columns setting stays one role per column and one column per field; letters as typed on a Chinese keyboard', () => {
    const s = { ...DEFAULT_SETTINGS, columns: 'measure=C, lead=D, 牵头=X' };
    // D becomes the deadline: lead=D goes (a column has one role); the part not understood is kept as written.
    expect(withColumnRole(s, 'D', 'deadline').columns).toBe('measure=C, deadline=D, 牵头=X');
    // measure moves to E: measure=C goes (a field has one column).
    expect(withColumnRole(s, 'e', 'measure').columns).toBe('lead=D, measure=E, 牵头=X');
    // 自动识别 removes the column's override.
    expect(withColumnRole(s, 'C', null).columns).toBe('lead=D, 牵头=X');
    expect(['h', 'Ｈ', 'H列', ' h ', 'xfd'].map(columnLettersOf)).toEqual(['H', 'H', 'H', 'H', 'XFD']);
    expect(['', 'H I', 'XFE', '3', 'a=b'].map(columnLettersOf)).toEqual([null, null, null, null, null]);
    expect(withColumnRole(s, 'H I', 'notes')).toBe(s);
  });

  test('用所选行作为表头: the selected cell’s sheet and row become the header setting, and the check reads the table there', async () => {
    // Two tables; the clerk wants the second (its header in row 3, under a title and a note).
    const data = table([
      [1, '修订请示报告制度', '办公室', '督查室', '2022年6月30日前', '已完成', { date: '2022-06-20' }],
    ]);
    data.sheets.push(
      sheet('整改台账', [
        ['2022年整改台账'],
        ['填报单位：办公室'],
        ['序号', '整改措施', '牵头单位', '责任单位', '整改时限', '整改情况'],
        [1, '建立督办台账', '办公室', '各科室', '2022年3月底前', '已建立'],
        [2, '每季度通报一次整改进展', '督查室', '各科室', '每季度', '一季度已通报'],
      ]),
    );
    const model = hostWorkbookOf(data);
    const host = testHost(model);
    model.selection = "'整改台账'!D3";
    const at = await selectedRow(host);
    expect(at).toEqual({ sheet: '整改台账', row: 3 });
    expect(host.lastSyncs.length).toBe(1);
    const next = withHeaderRow(DEFAULT_SETTINGS, at.sheet, at.row);
    expect(next).toMatchObject({ sheet: '整改台账', headerRow: '3' });
    const result = await paneRun(host, next);
    expect(result.report.sheet).toBe('整改台账');
    expect(result.report.headerRows).toEqual([3, 3]);
    expect(result.report.tasks.map((t) => t.measure)).toEqual(['建立督办台账', '每季度通报一次整改进展']);

    // Variants: a selection of several cells takes its first row; with nothing recorded Excel's selection is A1 of the active sheet.
    model.selection = "'整改台账'!B4:F5";
    expect(await selectedRow(host)).toEqual({ sheet: '整改台账', row: 4 });
    model.selection = '';
    model.activeSheet = '台账';
    expect(await selectedRow(host)).toEqual({ sheet: '台账', row: 1 });
    // Several areas: Excel refuses (InvalidSelection) and the pane says to pick one cell.
    model.selection = "'台账'!A2,'台账'!C4";
    const error = await selectedRow(host).catch((e) => e);
    expect(error).toMatchObject({ code: 'InvalidSelection' });
    expect(explainOfficeError(error).zh).toMatch(/只点选.*一个单元格/);
  });

  test.each([
    [
      ['项目', '内容', '备注'],
      ['开展调研', '修订制度'],
    ],
    [
      ['项目', '事项', '经办'],
      ['开展调研工作', '修订管理制度'],
    ],
  ])(
    'no table under %j: the failure carries the likeliest header row and the measure column, and using them finds the table',
    async (header, measures) => {
      const rows: CellValue[][] = [['名单'], header, [1, measures[0], 'x'], [2, measures[1], 'y']];
      const host = testHost(hostWorkbookOf(workbook(sheet('台账', rows))));
      const error: AddinError = await paneRun(host, DEFAULT_SETTINGS).catch((e) => e);
      expect(error).toBeInstanceOf(AddinError);
      expect(error.help?.candidate).toEqual({ sheet: '台账', row: 2, headers: header });
      const next = withCandidate(DEFAULT_SETTINGS, error.help!);
      expect(next).toMatchObject({ sheet: '台账', headerRow: '2', columns: 'measure=B' });
      const result = await paneRun(host, next);
      expect(result.report.tasks.map((t) => t.measure)).toEqual(measures);
      // Other failures carry no candidate.
      const noSheet: AddinError = await paneRun(host, { ...DEFAULT_SETTINGS, sheet: '没有' }).catch((e) => e);
      expect(noSheet.help).toBeUndefined();
      expect(withCandidate(DEFAULT_SETTINGS, {})).toBe(DEFAULT_SETTINGS);
    },
  );
});
