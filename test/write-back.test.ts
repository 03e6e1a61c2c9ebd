import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkedWorkbook, clearedWorkbook } from '../src/xlsx/checked-workbook';
import { WorkbookPackage } from '../src/xlsx/workbook-package';
import { partsOf, richWorkbook, userView } from './helpers/rich-workbook';

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 10:00' };
const FILE = '台账.xlsx';
const USER_SHEETS = ['台账', '汇总', '底稿'];

async function validated(
  input: Buffer,
  options: Partial<typeof OPTIONS> & { lang?: 'zh' | 'en' } = {},
): Promise<Buffer> {
  const result = await checkedWorkbook(input, FILE, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value.output;
}

async function load(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return wb;
}

/** Part path of each generated sheet, by sheet name. */
async function generatedParts(xlsx: Buffer): Promise<Map<string, string>> {
  const pkg = await WorkbookPackage.open(xlsx, FILE);
  const names = ['汇总(落实)', '逾期清单', '临期提醒', '部门任务', '周期进度', '校验问题', '校验记录'];
  return new Map((await pkg.sheets()).filter((s) => names.includes(s.name)).map((s) => [s.name, s.partPath!]));
}

describe('write-back', () => {
  let input: Buffer;
  let once: Buffer;
  beforeAll(async () => {
    input = await richWorkbook();
    once = await validated(input);
  });

  test('the breakdown sheet gains a 校验结果 column and status colours', async () => {
    const ws = (await load(once)).getWorksheet('台账')!;
    expect(ws.getCell('H2').value).toBe('校验结果');
    expect(ws.getCell('H3').value).toBe('✔ 已完成');
    expect(String(ws.getCell('H5').value)).toMatch(/^● 逾期 \d+ 天/);
    expect(String(ws.getCell('H6').value)).toMatch(/^▲ 临期/);
    const parts = await partsOf(once);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<conditionalFormatting sqref="A3:H6">');
    expect(sheet).toContain('LEFT($H3,1)=&quot;●&quot;');
    // The user's own conditional format is still there, untouched.
    expect(sheet).toMatch(/<conditionalFormatting sqref="A3:A8">/);
  });

  test('the generated sheets are added after the user sheets; a user sheet named 汇总 is never replaced', async () => {
    const wb = await load(once);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '台账',
      '汇总',
      '底稿',
      '汇总(落实)',
      '逾期清单',
      '临期提醒',
      '部门任务',
      '周期进度',
      '校验问题',
      '校验记录',
    ]);
    expect(wb.getWorksheet('汇总')!.getCell('A1').value).toBe('用户自己的汇总表');
    const summary = wb.getWorksheet('汇总(落实)')!;
    const counts = new Map<string, unknown>();
    summary.eachRow((row) => counts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(counts.get('● 逾期')).toBe(2);
    expect(counts.get('▲ 临期')).toBe(1);
    expect(counts.get('✔ 已完成')).toBe(1);
    expect(counts.get('合计')).toBe(4);
  });

  test('every user sheet reads exactly as before: values, formulas, styles, notes, validation, merges, widths', async () => {
    expect(await userView(once, USER_SHEETS, 'H')).toEqual(await userView(input, USER_SHEETS, 'H'));
    const wb = await load(once);
    expect(wb.getWorksheet('底稿')!.state).toBe('hidden');
    expect(wb.definedNames.getRanges('措施清单').ranges).toEqual(["'台账'!$B$3:$B$6"]);
  });

  test('overdue, due-soon and findings rows link to the cell they are about', async () => {
    const parts = await partsOf(once);
    const generated = await generatedParts(once);
    expect(parts.get(generated.get('逾期清单')!)).toMatch(/<hyperlink ref="B4" location="'台账'!B\d+"/);
    expect(parts.get(generated.get('临期提醒')!)).toMatch(/<hyperlink ref="B4" location="'台账'!B6"/);
    expect(parts.get(generated.get('校验问题')!)).toMatch(/<hyperlink ref="B4" location="'台账'!C6"/);
  });

  test('running again on its own output gives the same workbook plus one run-log row', async () => {
    const twice = await validated(once);
    const a = await partsOf(once);
    const b = await partsOf(twice);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, content] of a) {
      if (name === (await generatedParts(once)).get('校验记录')) continue;
      // The shared strings gain no entry (the new run-log row repeats known texts); only their use count grows.
      const uses = (xml: string | undefined) =>
        name.endsWith('sharedStrings.xml') ? String(xml).replace(/ count="\d+"/, '') : xml;
      expect({ name, content: uses(b.get(name)) }).toEqual({ name, content: uses(content) });
    }
    const log = (await load(twice)).getWorksheet('校验记录')!;
    expect(log.getCell('A4').value).toBe('2022-09-30 10:00');
    expect(log.getCell('A5').value).toBe('2022-09-30 10:00');
    expect(log.getCell('A6').value).toBeNull();
  });

  test('clear gives back the user workbook part for part', async () => {
    const cleared = await clearedWorkbook(await validated(once), FILE);
    expect(cleared.found).toBe(true);
    expect(await partsOf(cleared.output)).toEqual(await partsOf(input));
  });

  test('clear keeps the shared strings Luoshi added once a user cell has come to use one', async () => {
    // As after typing in Excel, which reuses an equal entry: a user cell refers to a text of Luoshi's.
    const zip = await JSZip.loadAsync(once);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const before = sst.slice(0, sst.indexOf('<t>逾期清单（2 项）</t>'));
    const index = (before.match(/<si>/g) ?? []).length - 1;
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file(
      'xl/worksheets/sheet1.xml',
      sheet.replace(/(<row r="3"[^>]*>[\s\S]*?)(<\/row>)/, `$1<c r="K3" t="s"><v>${index}</v></c>$2`),
    );
    const edited = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const cleared = await clearedWorkbook(edited, FILE);
    expect(cleared.found).toBe(true);
    const ws = (await load(cleared.output)).getWorksheet('台账')!;
    expect(ws.getCell('K3').value).toBe('逾期清单（2 项）');
    expect(ws.getCell('H3').value).toBeNull();
  });

  test("generated texts are shared strings after the user's, which stay as they were", async () => {
    const strings = async (xlsx: Buffer) => (await JSZip.loadAsync(xlsx)).file('xl/sharedStrings.xml')!.async('string');
    const [mine, theirs] = [await strings(once), await strings(input)];
    const entries = (xml: string) => xml.match(/<si>[\s\S]*?<\/si>/g)!;
    expect(entries(mine).slice(0, entries(theirs).length)).toEqual(entries(theirs));
    expect(entries(mine).length).toBeGreaterThan(entries(theirs).length);
    const overdue = (await partsOf(once)).get((await generatedParts(once)).get('逾期清单')!)!;
    expect(overdue).not.toContain('inlineStr');
  });

  test('clear on a workbook Luoshi never touched changes nothing', async () => {
    const cleared = await clearedWorkbook(input, FILE);
    expect(cleared).toEqual({ found: false, output: input });
  });

  test('English run: English sheet names and status texts', async () => {
    const wb = await load(await validated(input, { lang: 'en' }));
    expect(wb.worksheets.map((w) => w.name).slice(3)).toEqual([
      'Summary',
      'Overdue',
      'Due soon',
      'By department',
      'Periods',
      'Findings',
      'Run log',
    ]);
    expect(wb.getWorksheet('台账')!.getCell('H2').value).toBe('Check result');
    expect(wb.getWorksheet('台账')!.getCell('H3').value).toBe('✔ Done');
  });
});

describe('formula injection', () => {
  const NASTY = ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)'];

  test('text from user cells is written as text in every generated sheet', async () => {
    const output = await validated(await richWorkbook(NASTY));
    const parts = await partsOf(output);
    const generated = new Set((await generatedParts(output)).values());
    for (const [name, xml] of parts)
      if (generated.has(name))
        expect({ name, formulas: xml.match(/<(?:\w+:)?f[\s>]/g) }).toEqual({ name, formulas: null });
    const overdue = (await load(output)).getWorksheet('逾期清单')!;
    const measures: unknown[] = [];
    overdue.eachRow((row, i) => i > 3 && measures.push(row.getCell(4).value));
    for (const text of NASTY) expect(measures).toContain(text);
  });
});
