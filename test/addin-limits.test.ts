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
import { hostWorkbookOf } from './office-host/model';

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
