/**
 * The add-in against real Excel's documented limits (issue 17), on a test host that enforces them:
 * - more than 512 merged areas in one getMergedAreasOrNullObject call fail;
 * - a get of cell properties over more than five million cells fails (RangeExceedsLimit) or gives null;
 * - a defined name whose column the user deleted stays, as #REF!.
 * Each test shows what the user would notice: 校验 and 清除结果 still work and read the same table.
 */
import { readWorkbook } from '../src/addin/excel/read-workbook';
import { runCheck, runClear } from '../src/addin/excel/run-check';
import { CellValue, MergeRange, WorkbookData } from '../src/engine/model/workbook';
import { validateWorkbook } from '../src/engine/validate';
import { sheet, table, workbook, HEADER } from './helpers/fixtures';
import { MERGED_AREAS_LIMIT, READ_CELL_LIMIT, testHost } from './office-host/context';
import { hostWorkbookOf, jumpTarget } from './office-host/model';
import { syntheticWorkbook } from '../bench/synthetic-table';
import { explainOfficeError, MESSAGES } from '../src/addin/excel/office-errors';

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 09:00', fileName: '台账.xlsx' };

/** `groups` categories (一、…), each a merged title row over the table's width, with two tasks under it. */
function categorised(groups: number, name = '台账'): WorkbookData {
  const rows: CellValue[][] = [['2022年工作要点责任分解表'], HEADER];
  const merges: MergeRange[] = [];
  let n = 0;
  for (let g = 0; g < groups; g++) {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 6 });
    rows.push([`类别${g + 1}`, null, null, null, null, null, null]);
    for (let k = 0; k < 2; k++) rows.push([++n, `措施${n}`, '办公室', '督查室', '2022年6月30日前', '推进中', null]);
  }
  return workbook(sheet(name, rows, merges));
}

const sortMerges = (m: MergeRange[]) => [...m].sort((a, b) => a.top - b.top || a.left - b.left);

describe('more than 512 merged areas on a sheet (Range.getMergedAreasOrNullObject fails past 512)', () => {
  test.each([
    ['600 category rows, desktop', 600, '台账', false],
    ['1,100 category rows, web', 1100, '台账', true],
    ['a sheet name with a comma', 3, '台账,2022', false],
  ])('%s: 校验 reads every merge and judges as the CLI does; 清除结果 works', async (_label, groups, name, web) => {
    const data = categorised(groups, name);
    const host = testHost(hostWorkbookOf(data), { web });
    const read = await host.run((context) => readWorkbook(context));
    expect(sortMerges(read.workbook.sheets[0].merges)).toEqual(sortMerges(data.sheets[0].merges));

    const result = await runCheck(host, OPTIONS);
    const cli = validateWorkbook(data, OPTIONS);
    if (!cli.ok) throw new Error('fixture');
    expect(result.report.summary).toEqual(cli.report.summary);
    expect(result.report.tasks.length).toBe(groups * 2);
    expect(await runClear(host)).toBe(true);
    expect(host.model.sheets.map((s) => s.name)).toEqual([name]);
  });

  test('the host refuses a merge read past the limit', async () => {
    const host = testHost(hostWorkbookOf(categorised(MERGED_AREAS_LIMIT + 1)));
    await expect(
      host.run(async (context) => {
        const areas = context.workbook.worksheets.getItem('台账').getRange().getMergedAreasOrNullObject();
        areas.load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
  });
});

describe('the five-million-cell read limit (a template formatted far beyond its table)', () => {
  /** The fixture table, its sheet formatted (borders, fonts) to row 65,536 across `columns` columns. */
  function template(columns: number, largeRead: 'RangeExceedsLimit' | 'null', rows = 65536) {
    const data = table([
      [1, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
      [2, '修订请示报告制度', '办公室', '', '10月5日前', '', null],
      [3, '每半年报告一次思想动态分析', '组织处', '各支部', '每半年', '已完成', { date: '2022-06-20' }],
    ]);
    const model = hostWorkbookOf(data);
    model.sheets[0].formattedArea = { top: 0, left: 0, bottom: rows - 1, right: columns - 1 };
    model.largeRead = largeRead;
    expect(rows * columns).toBeGreaterThan(READ_CELL_LIMIT);
    return { data, model };
  }

  test.each([
    ['80 columns to row 65,536, RangeExceedsLimit, desktop', 80, 'RangeExceedsLimit', false, 65536],
    ['80 columns to row 65,536, null values, web', 80, 'null', true, 65536],
    ['260 columns to row 20,000, null values, desktop', 260, 'null', false, 20000],
  ] as const)('%s: 校验 judges the three tasks; 清除结果 works', async (_label, columns, mode, web, rows) => {
    const { data, model } = template(columns, mode, rows);
    const host = testHost(model, { web });
    const result = await runCheck(host, OPTIONS);
    const cli = validateWorkbook(data, OPTIONS);
    if (!cli.ok) throw new Error('fixture');
    expect(result.report.summary).toEqual(cli.report.summary);
    expect(result.report.tasks.map((t) => t.status)).toEqual(cli.report.tasks.map((t) => t.status));
    expect(await runClear(host)).toBe(true);
  });

  test('the host refuses a read past the limit, or answers null', async () => {
    for (const mode of ['RangeExceedsLimit', 'null'] as const) {
      const { model } = template(80, mode);
      const run = testHost(model).run(async (context) => {
        const used = context.workbook.worksheets.getItem('台账').getUsedRangeOrNullObject();
        used.load('values');
        await context.sync();
        return used.values;
      });
      if (mode === 'null') await expect(run).resolves.toBeNull();
      else await expect(run).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    }
  });
});

describe('the user deleted the 校验结果 column (its name turns #REF! and stays)', () => {
  function fixture(): WorkbookData {
    return table(
      [
        [1, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
        [2, '修订请示报告制度', '办公室', '', '10月5日前', '', null],
      ],
      undefined,
      [sheet('部门', [['部门'], ['办公室'], ['督查室']])],
    );
  }
  const luoshiNames = (host: ReturnType<typeof testHost>) =>
    host.model.sheets.flatMap((s) => s.names.map((n) => `${s.name}!${n.name}=${n.formula}`));

  async function checkedThenDeleted(): Promise<ReturnType<typeof testHost>> {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    const status = host.model.sheet('台账')!.names.find((n) => n.name === '_luoshi_status')!;
    const col = /!\$([A-Z]+)\$/.exec(status.formula)![1].charCodeAt(0) - 65;
    host.model.sheet('台账')!.deleteColumn(col);
    expect(status.formula).toMatch(/#REF!$/);
    return host;
  }

  test('校验 again works: the generated sheets are rewritten and one valid status name is left', async () => {
    const host = await checkedThenDeleted();
    const result = await runCheck(host, OPTIONS);
    expect(result.report.tasks.length).toBe(2);
    expect(host.model.sheet('汇总')).toBeDefined();
    const names = luoshiNames(host).filter((n) => n.startsWith('台账!'));
    expect(names.filter((n) => n.includes('_luoshi_status'))).toHaveLength(1);
    expect(names.some((n) => n.includes('#REF!'))).toBe(false);
  });

  test('清除结果 removes the stale names too, and leaves no Luoshi name behind', async () => {
    const host = await checkedThenDeleted();
    expect(await runClear(host)).toBe(true);
    expect(host.model.sheets.map((s) => s.name)).toEqual(['台账', '部门']);
    expect(luoshiNames(host)).toEqual([]);
  });

  test('a status name left on another sheet (the table moved) is removed, and 校验 writes its own', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    host.model
      .sheet('部门')!
      .names.push(
        { name: '_luoshi_status', formula: "='部门'!$H$2:$H$9", visible: false },
        { name: '_luoshi_width', formula: '="8"', visible: false },
      );
    await runCheck(host, OPTIONS);
    expect(luoshiNames(host).filter((n) => n.startsWith('部门!'))).toEqual([]);
    expect(luoshiNames(host).filter((n) => n.startsWith('台账!_luoshi_status'))).toHaveLength(1);
  });
});

describe('jump links in Excel for the web (HYPERLINK("#…") opens URLs only there; Range.hyperlink navigates)', () => {
  function overdueFixture(name = '台账'): WorkbookData {
    const data = table([
      [1, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
      [2, '修订请示报告制度', '办公室', '', '2022年8月5日前', '', null],
      [3, '长期坚持理论学习', '宣传处', '各处室', '长期坚持', '', null],
    ]);
    data.sheets[0].name = name;
    return data;
  }
  /** Each link of the overdue list as the user meets it: its label and where a click goes. */
  function jumps(host: ReturnType<typeof testHost>, web: boolean) {
    const s = host.model.sheet('逾期清单')!;
    return [...s.cells.values()]
      .filter((c) => c.formula?.startsWith('=HYPERLINK(') || c.hyperlink)
      .map((c) => ({ label: c.value, to: jumpTarget(c, web) }));
  }

  test.each([
    ['the fixture sheet 台账', '台账'],
    ['a sheet name with a space and an apostrophe', "张's 台账 2022"],
    ['a sheet name in traditional script', '臺賬'],
  ])('web, %s: every overdue row jumps to its row, in as many round trips as on the desktop', async (_l, name) => {
    const web = testHost(hostWorkbookOf(overdueFixture(name)), { web: true });
    const result = await runCheck(web, OPTIONS);
    const overdue = result.report.tasks.filter((t) => t.status === 'overdue');
    expect(overdue.length).toBeGreaterThan(0);
    const links = jumps(web, true);
    expect(links).toHaveLength(overdue.length);
    const quoted = `'${name.replace(/'/g, "''")}'`;
    for (const link of links) {
      expect(link.to).toMatch(new RegExp(`^${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!B\\d+$`));
      expect(link.label).toMatch(/^第 \d+ 行$/);
    }
    expect(links.map((l) => Number(/B(\d+)$/.exec(l.to!)![1])).sort()).toEqual(overdue.map((t) => t.row).sort());

    const desktop = testHost(hostWorkbookOf(overdueFixture(name)));
    const d = await runCheck(desktop, OPTIONS);
    expect(jumps(desktop, false).map((l) => l.to)).toEqual(links.map((l) => l.to));
    expect(result.syncs).toBe(d.syncs);

    // Re-run and 清除结果 on the web leave the user's sheet as it was.
    await runCheck(web, OPTIONS);
    expect(await runClear(web)).toBe(true);
    expect(web.model.sheets.map((s) => s.name)).toEqual([name]);
  });

  test('the host: a HYPERLINK("#…") formula goes nowhere on the web; Range.hyperlink is kept and goes', async () => {
    const host = testHost(hostWorkbookOf(overdueFixture()), { web: true });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      ws.getRange('J1').formulas = [[`=HYPERLINK("#'台账'!B3","第 3 行")`]];
      ws.getRange('J2').hyperlink = { documentReference: "'台账'!B4", textToDisplay: '第 4 行' };
      await context.sync();
    });
    const s = host.model.sheet('台账')!;
    expect(jumpTarget(s.cell(0, 9), true)).toBeNull();
    expect(jumpTarget(s.cell(0, 9), false)).toBe("'台账'!B3");
    expect(s.cell(1, 9)).toMatchObject({ value: '第 4 行', hyperlink: { documentReference: "'台账'!B4" } });
    expect(jumpTarget(s.cell(1, 9), true)).toBe("'台账'!B4");
  });
});

describe('cell-edit mode (the ribbon waits with delayForCellEdit; nothing is left half-written)', () => {
  const small = () =>
    table([
      [1, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
      [2, '修订请示报告制度', '办公室', '', '10月5日前', '', null],
    ]);

  test('the ribbon’s 校验 while the user types in a cell waits, writes nothing meanwhile, then finishes', async () => {
    const model = hostWorkbookOf(small());
    model.cellEditMode = true;
    const host = testHost(model);
    let done = false;
    const run = runCheck(host, { ...OPTIONS, delayForCellEdit: true }).then((r) => ((done = true), r));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    expect(model.sheets.map((s) => s.name)).toEqual(['台账']);
    model.endCellEdit();
    const result = await run;
    expect(result.report.tasks).toHaveLength(2);
    expect(model.sheet('汇总')).toBeDefined();
  });

  test('the ribbon’s 清除结果 waits out cell editing too', async () => {
    const model = hostWorkbookOf(small());
    const host = testHost(model);
    await runCheck(host, OPTIONS);
    model.cellEditMode = true;
    const clear = runClear(host, { delayForCellEdit: true });
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    model.endCellEdit();
    expect(await clear).toBe(true);
    expect(model.sheets.map((s) => s.name)).toEqual(['台账']);
  });

  test.each([
    ['desktop, editing starts between the read and the one write request', false, 2000, 2],
    ['web, editing starts after the old results were removed and part written', true, 8000, 3],
  ])('%s: the result is whole once editing ends', async (_l, web, rows, from) => {
    const options = { asOf: '2026-11-20', runAt: '2026-11-21 09:00' };
    const clean = testHost(hostWorkbookOf(syntheticWorkbook(rows)), { web });
    const cleanResult = await runCheck(clean, options);
    expect(cleanResult.syncs).toBeGreaterThan(from);

    const model = hostWorkbookOf(syntheticWorkbook(rows));
    const host = testHost(model, { web });
    let started = false;
    model.beforeRequest = (i) => {
      if (i === from && !started) {
        started = true;
        model.cellEditMode = true;
        setImmediate(() => model.endCellEdit());
      }
    };
    await runCheck(host, options);
    expect(started).toBe(true);
    for (const s of clean.model.sheets) expect(model.sheet(s.name)!.grid()).toEqual(s.grid());
    expect(model.sheets.map((s) => s.name)).toEqual(clean.model.sheets.map((s) => s.name));
  });

  test('both documented cell-edit errors get the cell-edit message', () => {
    expect(explainOfficeError({ code: 'InvalidOperationInCellEditMode', message: 'x' })).toEqual(MESSAGES.cellEditMode);
    expect(explainOfficeError({ code: 5004, message: 'Invalid API call in the current context.' })).toEqual(
      MESSAGES.cellEditMode,
    );
  });
});
