import { ColumnRange, GeneratedSheet, SheetChart } from '../../engine';
import { opBytes, payloadBytes, Piece } from './payload';
import { rectAddress } from './rectangles';

/*
 * A generated sheet's native chart (汇总: items per lead department, stacked by status), added with the
 * Office.js charts API from the write plan's SheetChart, the same description the CLI writes as a
 * DrawingML part (src/xlsx/chart-part.ts). Every member used is within ExcelApi 1.8, below the add-in's
 * REQUIRED_API_SET (1.13), so nothing needs an isSetSupported guard:
 *   Worksheet.charts, ChartCollection.add(type, sourceData, seriesBy)                    ExcelApi 1.1
 *     https://learn.microsoft.com/javascript/api/excel/excel.chartcollection
 *   Chart.name, title.text, legend.position, format.font, setPosition(startCell, endCell)  ExcelApi 1.1
 *     https://learn.microsoft.com/javascript/api/excel/excel.chart ("If specified, the chart's width and
 *     height will be set to fully cover up this cell/range")
 *   ChartSeriesCollection.getItemAt                                                      ExcelApi 1.1
 *   ChartSeriesCollection.add(name) — "not visible until values … are set"               ExcelApi 1.7
 *     https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection
 *   ChartSeries.name, format.fill.setSolidColor, format.line.color                       ExcelApi 1.1
 *   ChartSeries.setValues, setXAxisValues                                                ExcelApi 1.7
 *   ChartSeries.gapWidth                                                                 ExcelApi 1.8
 *     https://learn.microsoft.com/javascript/api/excel/excel.chartseries
 *   ChartAxis.reversePlotOrder (1.7), position (1.8), numberFormat (1.8), majorUnit (1.1)
 *     https://learn.microsoft.com/javascript/api/excel/excel.chartaxis
 * The series read the sheet's own cells, so the chart's numbers are the table's and follow its edits.
 * The chart lives on its generated sheet: deleting that sheet (清除结果, or the next 校验) deletes it.
 */

/** The cells of one column block, "C20:C28". */
function columnAddress(r: ColumnRange): string {
  return rectAddress({ top: r.top, left: r.col, bottom: r.bottom, right: r.col });
}

/** The longest bar: the sum of the series' numbers in one category (a step of 1 on the axis while it is short). */
function longestBar(sheet: GeneratedSheet, chart: SheetChart): number {
  let longest = 0;
  for (let i = 0; i <= chart.categories.bottom - chart.categories.top; i++) {
    let total = 0;
    for (const s of chart.series) {
      const v = sheet.rows[s.values.top + i]?.[s.values.col]?.value;
      if (typeof v === 'number') total += v;
    }
    longest = Math.max(longest, total);
  }
  return longest;
}

/**
 * The piece that adds `sheet`'s chart to the sheet `ws()` returns (queued after the sheet's cells are):
 * one horizontal stacked bar per category, one series per plan series in its status colour, categories
 * top to bottom as in the table, placed over the plan's anchor cells. Null when the sheet has no chart
 * or the chart no series. Request bytes are measured as every other piece's (payload.ts opBytes).
 */
export function chartPiece(ws: () => Excel.Worksheet, sheet: GeneratedSheet): Piece | null {
  const chart = sheet.chart;
  if (!chart || chart.series.length === 0) return null;
  const { top, left, bottom, right } = chart.anchor;
  // The anchor runs to the top-left corner of (bottom, right); setPosition covers its end cell whole.
  const cell = (row: number, col: number) => rectAddress({ top: row, left: col, bottom: row, right: col });
  const start = cell(top, left);
  const end = cell(Math.max(top, bottom - 1), Math.max(left, right - 1));
  const short = longestBar(sheet, chart) <= 10;
  const categories = columnAddress(chart.categories);
  const perSeries = opBytes(7, 7, [chart.series[0].name, chart.series[0].fill, chart.series[0].line, categories]);
  return {
    bytes:
      opBytes(12, 14, [chart.title, start, end], sheet.name) +
      chart.series.reduce((n, s) => n + perSeries + payloadBytes([s.name, columnAddress(s.values)]), 0),
    queue: () => {
      const sheetObject = ws();
      const first = chart.series[0];
      // Added over the first series' values, one series per column; the others are added by name.
      const c = sheetObject.charts.add('BarStacked', sheetObject.getRange(columnAddress(first.values)), 'Columns');
      c.name = chart.title;
      c.format.font.size = 9;
      c.title.text = chart.title;
      c.title.format.font.size = 12;
      c.title.format.font.bold = true;
      c.legend.position = 'Bottom';
      chart.series.forEach((s, i) => {
        const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
        if (i === 0) series.name = s.name;
        series.setValues(sheetObject.getRange(columnAddress(s.values)));
        series.setXAxisValues(sheetObject.getRange(categories));
        series.format.fill.setSolidColor(s.fill);
        series.format.line.color = s.line;
        if (i === 0) series.gapWidth = 60;
      });
      // A bar chart draws its first category at the bottom: reversed, the bars read top to bottom as the
      // table does, and the value axis crosses at the last category, so its numbers stay below the bars.
      c.axes.categoryAxis.reversePlotOrder = true;
      c.axes.categoryAxis.position = 'Maximum';
      c.axes.valueAxis.numberFormat = '0';
      if (short) c.axes.valueAxis.majorUnit = 1;
      c.setPosition(start, end);
    },
  };
}
