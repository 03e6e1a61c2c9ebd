/**
 * The add-in against more of real Excel's documented behaviour (issue 17, items 7, 8, 10 and Excel.run's
 * own requests), on the stricter test host:
 * - a sheet copy carries the sheet-scoped names (Luoshi's role mark goes with "汇总 (2)");
 * - a request's size counts every operation's object path, not its value alone;
 * - Excel.run sends what is still pending when the batch returns (its final sync), and that is a round trip;
 * - PageLayoutZoomOptions takes page counts of 1 or more; a printer may refuse a print setting.
 */
import { readWorkbook } from '../src/addin/excel/read-workbook';
import { applyPlan } from '../src/addin/excel/apply-plan';
import { runCheck, runClear } from '../src/addin/excel/run-check';
import { MESSAGES } from '../src/addin/excel/office-errors';
import { WEB_REQUEST_BUDGET } from '../src/addin/excel/payload';
import { buildWritePlan } from '../src/engine/write/build-plan';
import { validateWorkbook } from '../src/engine/validate';
import { WorkbookData } from '../src/engine/model/workbook';
import { syntheticWorkbook } from '../bench/synthetic-table';
import { table } from './helpers/fixtures';
import { PATH_SEGMENT_BYTES, testHost, WEB_PAYLOAD_LIMIT } from './office-host/context';
import { hostWorkbookOf, HostWorkbook } from './office-host/model';

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 09:00', fileName: '台账.xlsx' };

function fixture(): WorkbookData {
  return table([
    [1, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
    [2, '修订请示报告制度', '办公室', '', '2022年8月5日前', '', null],
    [3, '每半年报告一次思想动态分析', '组织处', '各支部', '每半年', '已完成', { date: '2022-06-20' }],
  ]);
}

/** A sheet's cells, names and merges, to see that nothing of it changed. */
function sheetState(model: HostWorkbook, name: string) {
  const s = model.sheet(name)!;
  return { cells: [...s.cells.entries()].sort(), names: s.names.map((n) => ({ ...n })), merges: s.merges };
}

describe('a copy of a generated sheet ("汇总 (2)") is the user’s: left alone, and the pane says so', () => {
  test('the host: Worksheet.copy names the copy "汇总 (2)" and takes the sheet-scoped names along', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('汇总').copy();
      await context.sync();
    });
    expect(host.model.sheet('汇总 (2)')!.names).toEqual([
      { name: '_luoshi_sheet', formula: '="summary"', visible: false },
    ]);
    expect(host.model.sheet('汇总 (2)')!.grid()).toEqual(host.model.sheet('汇总')!.grid());
  });

  test.each([
    ['a copy of 汇总 kept as last month’s snapshot', '汇总', (m: HostWorkbook) => m.copySheet('汇总').name],
    [
      'a copy of 逾期清单, renamed by the user',
      '逾期清单',
      (m: HostWorkbook) => {
        const copy = m.copySheet('逾期清单');
        copy.name = '9月逾期';
        return copy.name;
      },
    ],
    [
      'a second copy of 汇总 ("汇总 (3)")',
      '汇总',
      (m: HostWorkbook) => {
        m.copySheet('汇总');
        return m.copySheet('汇总').name;
      },
    ],
  ])('%s: 校验 and 清除结果 leave it as it is and name it', async (_label, from, copy) => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    const name = copy(host.model);
    const before = sheetState(host.model, name);

    const again = await runCheck(host, OPTIONS);
    expect(sheetState(host.model, name)).toEqual(before);
    expect(again.keptCopies).toContain(name);
    expect(host.model.sheet(from)).toBeDefined();
    expect(MESSAGES.copiesKept([name]).zh).toContain(`“${name}”`);
    expect(MESSAGES.copiesKept([name]).en).toContain(`"${name}" is a copy`);

    let told: string[] = [];
    expect(await runClear(host, { keptCopies: (c) => (told = c) })).toBe(true);
    expect(told).toContain(name);
    expect(sheetState(host.model, name)).toEqual(before);
    expect(host.model.sheet(from)).toBeUndefined();
  });
});

describe('the web write budget counts object paths (several hundred bytes per format call)', () => {
  test('the host: a format set through a fresh range costs its object path, once per request', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      ws.getRange('A1').format.fill.color = '#FF0000';
      await context.sync();
      ws.getRange('A1').format.fill.color = '#FF0000';
      ws.getRange('A1').format.font.color = '#FF0000';
      await context.sync();
    });
    const [one, two] = host.lastSyncs.map((s) => s.requestBytes);
    expect(one).toBeGreaterThan(4 * PATH_SEGMENT_BYTES);
    // The second request sends the worksheet, range and format paths once for both sets.
    expect(two - one).toBeLessThan(one);
    expect(two - one).toBeGreaterThan(PATH_SEGMENT_BYTES);
  });

  test.each([
    ['12,000 rows', 12000],
    ['4,000 rows', 4000],
  ])('web, %s: no request is larger than the add-in’s own budget as Excel measures it', async (_l, rows) => {
    const options = { asOf: '2026-11-20', runAt: '2026-11-21 09:00' };
    const host = testHost(hostWorkbookOf(syntheticWorkbook(rows)), { web: true });
    await runCheck(host, options);
    const largest = Math.max(...host.lastSyncs.map((s) => s.requestBytes));
    expect(largest).toBeLessThanOrEqual(WEB_REQUEST_BUDGET);
    expect(largest).toBeLessThan(WEB_PAYLOAD_LIMIT);
  });

  test('a plan that cannot be sent within the budget leaves the old results in place', async () => {
    const data = fixture();
    const host = testHost(hostWorkbookOf(data), { payloadLimit: 60_000 });
    await runCheck(testHost(host.model), OPTIONS);
    const before = host.model.sheets.map((s) => [s.name, s.cells.size]);
    // A measure of 40,000 characters: its summary row alone is more than the budget of 20,000 bytes.
    const long = fixture();
    long.sheets[0].rows[2][1] = '完善督查问责机制'.repeat(5000);
    const judged = validateWorkbook(long, OPTIONS);
    if (!judged.ok) throw new Error('fixture');
    const plan = buildWritePlan(judged.report, {
      userSheets: ['台账'],
      fileName: '',
      runAt: OPTIONS.runAt,
      previousRunLog: null,
    });
    await expect(
      host.run(async (context) => {
        const snapshot = await readWorkbook(context);
        await applyPlan(context, plan, snapshot.owned, { budget: 20_000, web: true });
      }),
    ).rejects.toThrow(/does not fit/);
    expect(host.model.sheets.map((s) => [s.name, s.cells.size])).toEqual(before);
  });
});

describe('Excel.run’s own final sync is a round trip too', () => {
  test.each([
    ['desktop', false, 1],
    ['web, 8,000 rows', true, 8000],
  ])('%s: 校验 reports every request Excel sends, and nothing is left for the final sync', async (_l, web, rows) => {
    const data = rows > 1 ? syntheticWorkbook(rows) : fixture();
    const host = testHost(hostWorkbookOf(data), { web });
    const result = await runCheck(host, rows > 1 ? { asOf: '2026-11-20', runAt: '2026-11-21 09:00' } : OPTIONS);
    expect(host.lastSyncs.filter((s) => s.final)).toEqual([]);
    expect(result.syncs).toBe(host.lastSyncs.length);
  });

  test('the host: actions still queued when the batch returns go out in one more request', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('J1').values = [['x']];
    });
    expect(host.lastSyncs).toHaveLength(1);
    expect(host.lastSyncs[0].final).toBe(true);
    expect(host.model.sheet('台账')!.cell(0, 9)!.value).toBe('x');
  });
});

describe('page setup: last, in its own request, and a refused print setting skips nothing', () => {
  test('the host refuses 0 pages tall (PageLayoutZoomOptions documents page counts and 10–400 scale only)', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    const zoom = (z: Excel.PageLayoutZoomOptions) =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem('台账').pageLayout.zoom = z;
        await context.sync();
      });
    await expect(zoom({ horizontalFitToPages: 1, verticalFitToPages: 0 })).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(zoom({ scale: 5 })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(zoom({ horizontalFitToPages: 1, verticalFitToPages: 40 })).resolves.toBeUndefined();
  });

  test('校验 fits the landscape sheets to one page wide with a documented page count', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    const landscape = host.model.sheets.filter((s) => s.pageLayout.orientation === 'Landscape');
    expect(landscape.length).toBeGreaterThan(0);
    for (const s of landscape) {
      const z = s.pageLayout.zoom as Excel.PageLayoutZoomOptions;
      expect(z.horizontalFitToPages).toBe(1);
      expect(z.verticalFitToPages).toBeGreaterThanOrEqual(1);
    }
  });

  test.each([
    ['the printer has no A4 (paperSize refused)', 'paperSize'],
    ['print titles refused', 'printTitleRows'],
    ['fit to page refused', 'zoom'],
  ])('%s: every sheet is written, and every other print setting applied', async (_l, refused) => {
    const model = hostWorkbookOf(fixture());
    model.refusedPrintSettings.add(refused);
    const host = testHost(model);
    const result = await runCheck(host, { ...OPTIONS, showSummary: true });
    const clean = testHost(hostWorkbookOf(fixture()));
    await runCheck(clean, { ...OPTIONS, showSummary: true });
    expect(model.sheets.map((s) => s.name)).toEqual(clean.model.sheets.map((s) => s.name));
    for (const s of clean.model.sheets) {
      expect(model.sheet(s.name)!.grid()).toEqual(s.grid());
      const { [refused]: _gone, ...rest } = s.pageLayout;
      expect(model.sheet(s.name)!.pageLayout).toEqual(rest);
    }
    expect(model.activeSheet).toBe('汇总');
    expect(result.report.tasks).toHaveLength(3);
  });
});
