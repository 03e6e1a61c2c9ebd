import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { buildXlsx, patchPart, utc } from './helpers/fixtures';
import { runCli } from './helpers/run-cli';

// Issue 16: the CLI refuses, as the add-in does, to write into a workbook whose structure is protected
// (it adds sheets) or whose breakdown sheet is protected (it writes the status column there).

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-protection-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = runCli;

let serial = 0;
function write(bytes: Buffer): string {
  const file = path.join(dir, `p${++serial}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

const TABLE = [
  ['2022年工作要点责任分解表'],
  ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'],
  [1, '完善督查问责机制', '办公室', '各处室', utc(2022, 6, 30), '已完成', utc(2022, 6, 20)],
  [2, '每月开展1次主题党日', '机关党委', '各支部', '每月', '1月15日、2月15日开展', null],
  [3, '深化理想信念教育', '宣传处', '各支部', '年底前', '推进中', null],
];

/** 台账 (the breakdown table, sheet1.xml) and 说明 (a note sheet, sheet2.xml). */
const plain = () =>
  buildXlsx([
    { name: '台账', rows: TABLE },
    { name: '说明', rows: [['本表由办公室汇总'], ['每月25日前更新']] },
  ]);

/** <workbookProtection> goes after <workbookPr> and before <bookViews> (CT_Workbook's order). */
const protectWorkbook = (xlsx: Buffer, element: string) =>
  patchPart(xlsx, 'xl/workbook.xml', (xml) => {
    const at = xml.search(/<bookViews[\s>]|<sheets[\s>]/);
    return xml.slice(0, at) + element + xml.slice(at);
  });

/** <sheetProtection> goes right after </sheetData> (CT_Worksheet's order). */
const protectSheetPart = (xlsx: Buffer, part: string, element: string) =>
  patchPart(xlsx, part, (xml) => xml.replace(/<\/sheetData>|<sheetData\/>/, (m) => m + element));

/** The part of a sheet, by its name, through workbook.xml and its relationships. */
async function partOf(xlsx: Buffer, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/workbook.xml')!.async('string');
  return [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
}

/** Refused: exit 2, one line in both languages, no workbook and no JSON report written. */
async function expectRefused(file: string, command: 'validate' | 'clear', zh: RegExp, en: RegExp) {
  const before = fs.readdirSync(dir).sort();
  const json = path.join(dir, `never-${serial}.json`);
  const r =
    command === 'validate'
      ? await cli('validate', file, '--as-of', '2022-09-30', '--json', json)
      : await cli('clear', file);
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^luoshi: .*[\u4e00-\u9fff].* \| [-A-Za-z]/);
  expect(r.err).toMatch(zh);
  expect(r.err).toMatch(en);
  expect(fs.readdirSync(dir).sort()).toEqual(before);
}

async function expectChecked(file: string): Promise<string> {
  const r = await cli('validate', file, '--as-of', '2022-09-30', '-q');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const checked = file.replace(/\.xlsx$/, '.checked.xlsx');
  expect(await sheetNames(checked)).toContain('逾期清单');
  return checked;
}

const STRUCTURE_ZH = /工作簿结构受保护，无法添加或替换汇总等工作表。请先撤销工作簿保护（审阅 → 保护工作簿）/;
const STRUCTURE_EN = /The workbook structure is protected.*Unprotect the workbook first \(Review → Protect Workbook\)/;
const sheetZh = (name: string) => new RegExp(`工作表“${name}”受保护.*请先撤销工作表保护（审阅 → 撤销工作表保护）`);
const sheetEn = (name: string) =>
  new RegExp(`The sheet "${name}" is protected.*Unprotect it first \\(Review → Unprotect Sheet\\)`);

describe('validate refuses to write into a protected workbook (issue 16)', () => {
  test.each([
    ['lockStructure="1"', '<workbookProtection lockStructure="1"/>'],
    [
      'lockStructure="true" with a password hash',
      '<workbookProtection workbookPassword="CC3D" lockStructure="true" lockWindows="0"/>',
    ],
  ])('a protected workbook structure (%s): no sheets can be added', async (_, element) => {
    const file = write(await protectWorkbook(await plain(), element));
    await expectRefused(file, 'validate', STRUCTURE_ZH, STRUCTURE_EN);
  });

  test.each([
    ['sheet="1"', '<sheetProtection sheet="1" objects="1" scenarios="1"/>'],
    ['sheet="true" with a password hash', '<sheetProtection password="CC3D" sheet="true" formatCells="0"/>'],
  ])('a protected breakdown sheet (%s): the status column cannot be written', async (_, element) => {
    const file = write(await protectSheetPart(await plain(), 'xl/worksheets/sheet1.xml', element));
    await expectRefused(file, 'validate', sheetZh('台账'), sheetEn('台账'));
  });

  test('a protected breakdown sheet with a traditional name and a prefixed element: named as written', async () => {
    const base = await buildXlsx([{ name: '臺賬', rows: TABLE }]);
    const element =
      '<x:sheetProtection xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" sheet="1"/>';
    const file = write(await protectSheetPart(base, 'xl/worksheets/sheet1.xml', element));
    await expectRefused(file, 'validate', sheetZh('臺賬'), sheetEn('臺賬'));
  });

  test('a protected sheet that is not the breakdown sheet is no reason to refuse, and stays protected', async () => {
    const file = write(
      await protectSheetPart(await plain(), 'xl/worksheets/sheet2.xml', '<sheetProtection sheet="1" objects="1"/>'),
    );
    const checked = await expectChecked(file);
    const out = fs.readFileSync(checked);
    expect(await (await JSZip.loadAsync(out)).file(await partOf(out, '说明'))!.async('string')).toContain(
      '<sheetProtection sheet="1" objects="1"/>',
    );
  });

  test.each([
    [
      'a workbookProtection that locks only the windows',
      'workbook',
      '<workbookProtection lockStructure="0" lockWindows="1"/>',
    ],
    ['a sheetProtection left with sheet="0"', 'sheet', '<sheetProtection sheet="0" objects="1"/>'],
    ['a sheetProtection without a sheet attribute', 'sheet', '<sheetProtection password="CC3D"/>'],
  ])('protection that does not guard what Luoshi writes is no reason to refuse: %s', async (_, where, element) => {
    const base = await plain();
    const file = write(
      where === 'workbook'
        ? await protectWorkbook(base, element)
        : await protectSheetPart(base, 'xl/worksheets/sheet1.xml', element),
    );
    await expectChecked(file);
  });

  test('--no-write still reports on a protected workbook (nothing is written)', async () => {
    const file = write(
      await protectSheetPart(
        await protectWorkbook(await plain(), '<workbookProtection lockStructure="1"/>'),
        'xl/worksheets/sheet1.xml',
        '<sheetProtection sheet="1"/>',
      ),
    );
    const r = await cli('validate', file, '--no-write', '--as-of', '2022-09-30', '--json', '-');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).sheet).toBe('台账');
    expect(fs.existsSync(file.replace(/\.xlsx$/, '.checked.xlsx'))).toBe(false);
  });

  test('a generated sheet the user protected is not replaced by an unprotected one (as in the add-in)', async () => {
    const checked = fs.readFileSync(await expectChecked(write(await plain())));
    const file = write(
      await protectSheetPart(checked, await partOf(checked, '逾期清单'), '<sheetProtection sheet="1"/>'),
    );
    await expectRefused(file, 'validate', sheetZh('逾期清单'), sheetEn('逾期清单'));
  });
});

describe('clear refuses only what protection forbids it to touch (issue 16)', () => {
  const checkedPlain = async () => fs.readFileSync(await expectChecked(write(await plain())));

  test.each(['<workbookProtection lockStructure="1"/>', '<workbookProtection lockStructure="true"/>'])(
    'a protected structure (%s): the generated sheets cannot be deleted',
    async (element) => {
      const file = write(await protectWorkbook(await checkedPlain(), element));
      const zh = /工作簿结构受保护，无法删除落实生成的工作表。请先撤销工作簿保护（审阅 → 保护工作簿）/;
      await expectRefused(
        file,
        'clear',
        zh,
        /The workbook structure is protected, so the sheets Luoshi made cannot be deleted/,
      );
    },
  );

  test.each(['<sheetProtection sheet="1"/>', '<sheetProtection sheet="true" password="CC3D"/>'])(
    'a protected breakdown sheet (%s): the status column cannot be cleared',
    async (element) => {
      const checked = await checkedPlain();
      const file = write(await protectSheetPart(checked, await partOf(checked, '台账'), element));
      await expectRefused(file, 'clear', sheetZh('台账'), sheetEn('台账'));
    },
  );

  test('a protected generated sheet or note sheet: cleared (Excel deletes a protected sheet as it is)', async () => {
    const checked = await checkedPlain();
    let bytes = await protectSheetPart(checked, await partOf(checked, '汇总'), '<sheetProtection sheet="1"/>');
    bytes = await protectSheetPart(bytes, await partOf(bytes, '说明'), '<sheetProtection sheet="1"/>');
    const file = write(bytes);
    const r = await cli('clear', file);
    expect(r.code).toBe(0);
    expect(await sheetNames(file.replace(/\.xlsx$/, '.cleared.xlsx'))).toEqual(['台账', '说明']);
  });

  test('a protected workbook with nothing of Luoshi in it: written unchanged, as before', async () => {
    const file = write(await protectWorkbook(await plain(), '<workbookProtection lockStructure="1"/>'));
    const r = await cli('clear', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nothing of Luoshi's/);
  });
});
