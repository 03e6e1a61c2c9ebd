/**
 * Issue 18 in the add-in: 汇总's native chart added through Office.js (Worksheet.charts) from the write
 * plan's SheetChart, and the breakdown sheet printed landscape one page wide when the user has no print
 * settings of their own (restored by 清除结果), both checked on the test host.
 */
import { runCheck, runClear } from '../src/addin/excel/run-check';
import { STATUS_CODES, STATUS_STYLES } from '../src/engine/judge/status';
import { MARK } from '../src/engine/write/ownership-marks';
import { statusLabel } from '../src/engine/write/labels';
import { WorkbookData } from '../src/engine/model/workbook';
import { table } from './helpers/fixtures';
import { testHost } from './office-host/context';
import { HostSheet, HostWorkbook, hostWorkbookOf, printState, seriesLabels, seriesNumbers } from './office-host/model';

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 09:00', fileName: '台账.xlsx' };

/** Five lead departments, every status among them: overdue, due soon, in progress, done, long-term. */
function fixture(): WorkbookData {
  return table([
    [1, '每月开展1次主题党日活动', '机关党委', '各支部', '每月', '1月、2月、4月开展', null],
    [2, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
    [3, '每半年报告一次思想动态分析', '组织处', '各支部', '每半年', '已完成', { date: '2022-06-20' }],
    [4, '修订请示报告制度', '办公室', '', '10月5日前', '', null],
    [5, '长期坚持理论学习', '宣传处', '各处室', '长期坚持', '', null],
    [6, '建立整改台账', '办公室', '', '2022年3月底前', '已建立台账', { date: '2022-03-20' }],
    [7, '开展专项检查', '督查室', '', '2022年12月底前', '推进中', null],
  ]);
}

/** The same table written in traditional characters (a Hong Kong or Taiwan office's copy). */
function traditionalFixture(): WorkbookData {
  return table([
    [1, '完善督查問責機制', '辦公室', '督查室', '2022年6月30日前', '推進中', null],
    [2, '修訂請示報告制度', '辦公室', '', '10月5日前', '', null],
    [3, '每半年報告一次思想動態分析', '組織處', '各支部', '每半年', '已完成', { date: '2022-06-20' }],
    [4, '開展專項檢查', '督查室', '', '2022年12月底前', '推進中', null],
  ]);
}

const allCharts = (model: HostWorkbook) => model.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s.name, c })));

/**
 * Checks the chart on 汇总 against 汇总's own cells, as a user reading both would: one bar per lead
 * department of the by-lead table, its parts adding up to that department's 任务数, each part named by
 * its column's header and filled in that status's colour.
 */
function expectChartMatchesSummary(summary: HostSheet, lang: 'zh' | 'en'): void {
  expect(summary.charts).toHaveLength(1);
  const chart = summary.charts[0];
  expect(chart.type).toBe('BarStacked');
  expect(chart.series.length).toBeGreaterThan(1);
  const categories = seriesLabels(chart.series[0].xValues);
  expect(categories.length).toBeGreaterThan(1);
  const catArea = chart.series[0].xValues!.area;
  for (const s of chart.series) {
    // Every series reads 汇总 itself, over the same departments.
    expect(s.values!.sheet).toBe(summary);
    expect(s.xValues!.sheet).toBe(summary);
    expect(seriesLabels(s.xValues)).toEqual(categories);
    // Named as its column's header in the row above the departments, in that status's colour.
    const header = summary.cell(s.values!.area.top - 1, s.values!.area.left)?.value;
    expect(s.name).toBe(header);
    const code = STATUS_CODES.find((c) => statusLabel(c, lang) === s.name);
    expect(code).toBeDefined();
    expect(s.props['format.fill']).toBe(STATUS_STYLES[code!].fill);
    expect(s.props['format.line.color']).toBe(STATUS_STYLES[code!].font);
  }
  // Each bar adds up to the department's 任务数 (the column right of the department names).
  const totals = categories.map((_, i) => summary.cell(catArea.top + i, catArea.left + 1)?.value);
  categories.forEach((_, i) =>
    expect(chart.series.reduce((t, s) => t + seriesNumbers(s.values)[i], 0)).toBe(totals[i]),
  );
  // Departments read top to bottom as in the table; the chart sits right of the tables, not over them.
  expect(chart.props['axes.categoryAxis.reversePlotOrder']).toBe(true);
  expect(chart.props['title.text']).toBeTruthy();
  expect(chart.position).not.toBeNull();
  const pos = chart.position!;
  for (let r = pos.top; r <= pos.bottom; r++)
    for (let c = pos.left; c <= pos.right; c++) expect(summary.cell(r, c)?.value ?? null).toBeNull();
}

describe('the test host models Worksheet.charts as Office.js documents it', () => {
  test('a series added by name has no values until setValues; a chart goes with its sheet', async () => {
    const model = hostWorkbookOf(fixture());
    const host = testHost(model);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const chart = ws.charts.add('BarStacked', ws.getRange('A3:A5'), 'Columns');
      const added = chart.series.add('第二');
      await context.sync();
      expect(model.sheet('台账')!.charts[0].series.map((s) => [s.name, s.values?.area.left ?? null])).toEqual([
        ['Series1', 0],
        ['第二', null],
      ]);
      added.setValues(ws.getRange('A3:A5'));
      chart.setPosition('J2', 'L9');
      await context.sync();
    });
    const chart = model.sheet('台账')!.charts[0];
    expect(seriesNumbers(chart.series[1].values)).toEqual([1, 2, 3]);
    expect(chart.position).toEqual({ top: 1, left: 9, bottom: 8, right: 11 });
    // Copied with its sheet, reading the copy; deleted with it.
    model.copySheet('台账');
    expect(model.sheet('台账 (2)')!.charts[0].series[0].values!.sheet).toBe(model.sheet('台账 (2)'));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('台账 (2)').delete();
      await context.sync();
    });
    expect(allCharts(model).map((x) => x.sheet)).toEqual(['台账']);
  });

  test('a member the host does not model fails loudly instead of passing silently', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await expect(
      host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('台账');
        const chart = ws.charts.add('BarStacked', ws.getRange('A3:A5'), 'Columns');
        (chart.axes.valueAxis as unknown as Record<string, unknown>).logBase = 10;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('台账');
        ws.charts.add('Pie3D' as Excel.ChartType, ws.getRange('A3:A5'), 'Columns');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('汇总’s chart in the add-in', () => {
  test('its series are 汇总’s by-lead numbers, one per status in the status colours, read back from the sheet', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    const summary = host.model.sheet('汇总')!;
    expectChartMatchesSummary(summary, 'zh');
    expect(seriesLabels(summary.charts[0].series[0].xValues)).toEqual(
      expect.arrayContaining(['办公室', '机关党委', '组织处', '宣传处', '督查室']),
    );
    // The only chart in the workbook, and 校验 still takes its four round trips (the chart goes with the writes).
    expect(allCharts(host.model)).toHaveLength(1);
    expect(host.lastSyncs).toHaveLength(4);
  });

  test('a table in traditional characters: departments shown as written, numbers the same', async () => {
    const host = testHost(hostWorkbookOf(traditionalFixture()));
    await runCheck(host, OPTIONS);
    const summary = host.model.sheet('汇总')!;
    expectChartMatchesSummary(summary, 'zh');
    expect(seriesLabels(summary.charts[0].series[0].xValues)).toEqual(
      expect.arrayContaining(['辦公室', '組織處', '督查室']),
    );
  });

  test('English output: the series are named in English, still in the status colours', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, { ...OPTIONS, lang: 'en' });
    const summary = host.model.sheet('Summary')!;
    expectChartMatchesSummary(summary, 'en');
    expect(summary.charts[0].series.map((s) => s.name)).not.toContainEqual(expect.stringMatching(/[\u4e00-\u9fff]/));
  });

  test('a re-run leaves exactly one chart; 清除结果 leaves none', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    await runCheck(host, OPTIONS);
    expect(allCharts(host.model)).toHaveLength(1);
    expectChartMatchesSummary(host.model.sheet('汇总')!, 'zh');
    expect(await runClear(host)).toBe(true);
    expect(allCharts(host.model)).toEqual([]);
    expect(host.model.sheets.map((s) => s.name)).toEqual(['台账']);
  });

  test('a copy of 汇总 the user kept keeps its chart, reading the copy; 清除结果 leaves both', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    host.model.copySheet('汇总');
    await runClear(host);
    const copy = host.model.sheet('汇总 (2)')!;
    expect(copy.charts).toHaveLength(1);
    expect(copy.charts[0].series.every((s) => s.values!.sheet === copy)).toBe(true);
  });
});

describe('the breakdown sheet’s print setup in the add-in', () => {
  const NONE = { orientation: 'Portrait', zoom: { scale: 100 }, printArea: null };
  const printMarks = (s: HostSheet) => s.names.filter((n) => n.name === MARK.print);

  test('without print settings of its own: landscape, one page wide, marked; 清除结果 gives back what was there', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    const sheet = host.model.sheet('台账')!;
    expect(printState(sheet)).toMatchObject({ orientation: 'Landscape', printArea: null });
    const zoom = printState(sheet).zoom as Excel.PageLayoutZoomOptions;
    expect(zoom.horizontalFitToPages).toBe(1);
    expect(zoom.verticalFitToPages).toBeGreaterThanOrEqual(1);
    expect(printMarks(sheet)).toHaveLength(1);
    // Still four round trips: the settings are read in the write request and set in the page setup's.
    expect(host.lastSyncs).toHaveLength(4);

    // A re-run: the same settings, one mark.
    await runCheck(host, OPTIONS);
    expect(printState(sheet).orientation).toBe('Landscape');
    expect(printMarks(sheet)).toHaveLength(1);

    expect(await runClear(host)).toBe(true);
    expect(printState(sheet)).toEqual(NONE);
    expect(sheet.names).toEqual([]);
    // Two reads, the removal, and the print settings given back in a request of their own, last.
    expect(host.lastSyncs).toHaveLength(4);
  });

  test.each([
    ['a print area', { printArea: 'A1:G9' }],
    ['landscape', { orientation: 'Landscape' }],
    ['a scale of 80 %', { zoom: { scale: 80 } }],
    ['fit to 2 pages wide', { zoom: { horizontalFitToPages: 2, verticalFitToPages: 3 } }],
  ])('with %s of the user’s own: printing left alone, before and after 清除结果', async (_l, own) => {
    const model = hostWorkbookOf(fixture());
    const sheet = model.sheet('台账')!;
    Object.assign(sheet.pageLayout, own);
    const before = printState(sheet);
    const host = testHost(model);
    await runCheck(host, OPTIONS);
    expect(printState(sheet)).toEqual(before);
    expect(printMarks(sheet)).toEqual([]);
    await runClear(host);
    expect(printState(sheet)).toEqual(before);
    // Nothing to give back: no request of its own.
    expect(host.lastSyncs).toHaveLength(3);
  });

  test('a setting the user changed after 校验 is theirs: 清除结果 gives back only what is still Luoshi’s', async () => {
    const host = testHost(hostWorkbookOf(fixture()));
    await runCheck(host, OPTIONS);
    const sheet = host.model.sheet('台账')!;
    sheet.pageLayout.zoom = { scale: 90 };
    await runClear(host);
    expect(printState(sheet)).toEqual({ ...NONE, zoom: { scale: 90 } });
    expect(sheet.names).toEqual([]);
  });

  test('a printer that refuses landscape: the results are written, the rest of the print setup applied', async () => {
    const model = hostWorkbookOf(fixture());
    model.refusedPrintSettings.add('orientation');
    const host = testHost(model);
    const result = await runCheck(host, OPTIONS);
    expect(result.report.tasks).toHaveLength(7);
    const sheet = model.sheet('台账')!;
    expect((printState(sheet).zoom as Excel.PageLayoutZoomOptions).horizontalFitToPages).toBe(1);
    expect(printState(sheet).orientation).toBe('Portrait');
    expect(model.sheet('汇总')!.charts).toHaveLength(1);
    model.refusedPrintSettings.clear();
    await runClear(host);
    expect(printState(sheet)).toEqual(NONE);
  });
});
