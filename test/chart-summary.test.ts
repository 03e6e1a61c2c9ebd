/**
 * 汇总's native chart (issue 18): items per lead department, stacked by status in the status colours,
 * written as a DrawingML chart part over 汇总's own cells, removed exactly by clear, and rendered by
 * LibreOffice.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSample } from '../scripts/make-sample';
import { STATUS_CODES, STATUS_STYLES, STATUS_LABELS } from '../src/engine/judge/status';
import { checkedWorkbook, clearedWorkbook } from '../src/xlsx/checked-workbook';
import { WorkbookPackage } from '../src/xlsx/workbook-package';
import { findElement, findElements, innerXml, attributesOf, decodeEntities } from '../src/xlsx/xml-scan';
import { partsOf, richWorkbook } from './helpers/rich-workbook';
import { libreOfficeConvert, SKIP_WITHOUT_LIBREOFFICE, soffice } from './helpers/libreoffice';

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 10:00' };

async function checked(input: Buffer, lang: 'zh' | 'en' = 'zh', file = '台账.xlsx'): Promise<Buffer> {
  const result = await checkedWorkbook(input, file, { ...OPTIONS, lang });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value.output;
}

/** The chart part of the sheet called `sheetName`: sheet → drawing → chart, by relationships. */
async function chartOf(xlsx: Buffer, sheetName: string): Promise<{ chart: string; drawing: string; sheet: string }> {
  const pkg = await WorkbookPackage.open(xlsx, 'x.xlsx');
  const entry = (await pkg.sheets()).find((s) => s.name === sheetName)!;
  const sheet = (await pkg.text(entry.partPath!))!;
  const drawingRel = (await pkg.relationships(entry.partPath!)).find((r) => r.type.endsWith('/drawing'))!;
  const drawing = (await pkg.text(drawingRel.target))!;
  const chartRel = (await pkg.relationships(drawingRel.target)).find((r) => r.type.endsWith('/chart'))!;
  return { chart: (await pkg.text(chartRel.target))!, drawing, sheet };
}

interface Series {
  name: string;
  nameRef: string;
  catRef: string;
  valRef: string;
  categories: string[];
  values: number[];
  fill: string;
}

function seriesOf(chart: string): Series[] {
  return findElements(chart, 'ser').map((s) => {
    const f = findElements(s.text, 'f').map((x) => decodeEntities(innerXml(x.text)));
    const pts = (el: string) =>
      findElements(findElement(s.text, el)!.text, 'v').map((v) => decodeEntities(innerXml(v.text)));
    return {
      name: pts('tx')[0],
      nameRef: f[0],
      catRef: f[1],
      valRef: f[2],
      categories: pts('cat'),
      values: pts('val').map(Number),
      fill: attributesOf(findElement(findElement(s.text, 'solidFill')!.text, 'srgbClr')!.text).val,
    };
  });
}

/** Values of a column range "'汇总'!$C$20:$C$24" read from the sheet with exceljs, as a user sees them. */
function cellsOf(ws: ExcelJS.Worksheet, ref: string): Array<string | number> {
  const m = /!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref)!;
  const out: Array<string | number> = [];
  for (let r = Number(m[2]); r <= Number(m[4] ?? m[2]); r++)
    out.push(ws.getCell(`${m[1]}${r}`).value as string | number);
  return out;
}

describe('汇总’s chart', () => {
  let input: Buffer;
  let output: Buffer;
  beforeAll(async () => {
    input = await richWorkbook();
    output = await checked(input);
  });

  test('its series are 汇总’s by-lead numbers, named by 汇总’s headers, in the status colours', async () => {
    const { chart } = await chartOf(output, '汇总(落实)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('汇总(落实)')!;
    const series = seriesOf(chart);
    expect(series.length).toBeGreaterThan(0);
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain('<c:grouping val="stacked"/>');
    const labels = Object.values(STATUS_LABELS.zh);
    for (const s of series) {
      expect(s.nameRef.startsWith("'汇总(落实)'!")).toBe(true);
      expect(cellsOf(ws, s.nameRef)).toEqual([s.name]);
      expect(labels).toContain(s.name);
      expect(cellsOf(ws, s.catRef)).toEqual(s.categories);
      expect(cellsOf(ws, s.valRef)).toEqual(s.values);
      const code = STATUS_CODES.find((c) => STATUS_LABELS.zh[c] === s.name)!;
      expect(`#${s.fill}`).toBe(STATUS_STYLES[code].fill);
    }
    // Every lead department of the table is a bar; each bar's parts add up to its 任务数 (column B).
    const categories = series[0].categories;
    expect(categories).toEqual(expect.arrayContaining(['办公室', '机关党委', '宣传处']));
    const totals = cellsOf(ws, series[0].catRef.replace(/\$A\$/g, '$B$'));
    categories.forEach((_, i) => expect(series.reduce((t, s) => t + s.values[i], 0)).toBe(totals[i]));
  });

  test('it sits beside the tables, within the printed width of 汇总, and 汇总 prints landscape on one page wide', async () => {
    const { drawing, sheet } = await chartOf(output, '汇总(落实)');
    const col = (tag: string) => Number(innerXml(findElement(findElement(drawing, tag)!.text, 'col')!.text));
    const row = (tag: string) => Number(innerXml(findElement(findElement(drawing, tag)!.text, 'row')!.text));
    expect(col('from')).toBe(5);
    expect(col('to')).toBe(10); // up to the end of 办结率's column J: nothing right of the tables
    expect(row('from')).toBe(3);
    expect(row('to')).toBeLessThanOrEqual(17);
    expect(sheet).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/);
    expect(sheet).toMatch(/<pageSetup[^>]*orientation="landscape"[^>]*fitToWidth="1"/);
  });

  test('clear takes the chart out exactly: every part of the package is as it was', async () => {
    const cleared = await clearedWorkbook(output, '台账.xlsx');
    const before = await partsOf(input);
    const after = await partsOf(cleared.output);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before) expect({ name, text: after.get(name) }).toEqual({ name, text });
  });

  test('variant: a workbook with its own drawing keeps it through check and clear; a second check makes one chart', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await richWorkbook()) as unknown as ExcelJS.Buffer);
    // A picture on the user's sheet: exceljs writes it as xl/drawings/drawing1.xml with its own rels.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.getWorksheet('台账')!.addImage(image, 'J2:K4');
    const withDrawing = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await partsOf(withDrawing)).has('xl/drawings/drawing1.xml')).toBe(true);
    const once = await checked(withDrawing);
    const twice = await checked(once);
    const parts = await partsOf(twice);
    expect([...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
    expect(parts.get('xl/drawings/drawing1.xml')).toBe((await partsOf(withDrawing)).get('xl/drawings/drawing1.xml'));
    const cleared = await partsOf((await clearedWorkbook(twice, '台账.xlsx')).output);
    const before = await partsOf(withDrawing);
    expect([...cleared.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before) expect({ name, text: cleared.get(name) }).toEqual({ name, text });
  });

  test('variant: in English the chart’s title and series names are English', async () => {
    const { chart } = await chartOf(await checked(input, 'en'), 'Summary');
    const names = seriesOf(chart).map((s) => s.name);
    for (const n of names) expect(Object.values(STATUS_LABELS.en)).toContain(n);
    expect(chart).toContain('Tasks by lead department and status');
  });
});

describe('LibreOffice draws 汇总’s chart', () => {
  if (!soffice) {
    test.skip(SKIP_WITHOUT_LIBREOFFICE, () => undefined);
    return;
  }

  test('the checked sample opened in LibreOffice has a bar chart over 汇总’s cells, and its PDF draws it', async () => {
    const sample = Buffer.from(await (await buildSample()).xlsx.writeBuffer());
    const result = await checkedWorkbook(sample, 'sample.xlsx', { asOf: '2026-11-20', runAt: '2026-11-20 09:00' });
    if (!result.ok) throw new Error(result.error.message.en);
    const [odsBytes] = libreOfficeConvert(result.value.output, 'ods', 'checked.xlsx').values();
    const ods = await JSZip.loadAsync(odsBytes);
    const objects = Object.keys(ods.files).filter((n) => /^Object \d+\/content\.xml$/.test(n));
    const charts = await Promise.all(objects.map((n) => ods.file(n)!.async('string')));
    const ours = charts.find((c) => c.includes('各牵头部门任务状态'));
    expect(ours).toBeDefined();
    expect(ours).toContain('chart:class="chart:bar"');
    expect(ours).toMatch(/汇总\.\$?C\$?\d+:(?:\.|汇总\.)\$?C\$?\d+/);
    // The PDF: LibreOffice prints the chart with 汇总 (the chart's title is drawn on its page).
    const [pdf] = libreOfficeConvert(result.value.output, 'pdf', 'checked.xlsx').values();
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 240_000);
});
