/**
 * Workbooks whose parts write every element with a namespace prefix (<x:worksheet>, <x:c>), as some
 * generators do: Luoshi finds the table, writes its status column in the sheet's own prefix, and clear
 * gives back every part byte for byte.
 */
import JSZip from 'jszip';
import { checkedWorkbook, clearedWorkbook } from '../src/xlsx/checked-workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const ROWS = [
  ['2022年工作要点责任分解表'],
  ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况'],
  ['1', '完善督查问责机制', '办公室', '各处室', '2022年6月30日前', '已完成'],
  ['2', '深化理想信念教育 & 学习', '宣传处', '各处室', '年底前', '推进中'],
  ['3', '開展廉政教育', '紀檢組', '各處室', '2022年8月31日前', '未開展'],
];

interface Spelling {
  /** The prefix of every SpreadsheetML element ("x:"), or "" for the default namespace. */
  p: string;
  /** The prefix bound to the relationships namespace in workbook.xml. */
  rel: string;
  /** The quote around attribute values the generator writes. */
  q: string;
  /** Texts as shared strings (else inline strings). */
  shared: boolean;
}

/** A one-sheet breakdown workbook, every part written by hand in the given spelling. */
async function breakdownWorkbook({ p, rel, q, shared }: Spelling): Promise<Buffer> {
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const esc = (text: string) => text.replace(/&/g, '&amp;');
  const strings: string[] = [];
  const cell = (text: string, ref: string) => {
    if (!shared)
      return `<${p}c r=${q}${ref}${q} t=${q}inlineStr${q}><${p}is><${p}t>${esc(text)}</${p}t></${p}is></${p}c>`;
    strings.push(text);
    return `<${p}c r=${q}${ref}${q} t=${q}s${q}><${p}v>${strings.length - 1}</${p}v></${p}c>`;
  };
  const rows = ROWS.map(
    (row, r) =>
      `<${p}row r=${q}${r + 1}${q}>${row.map((text, c) => cell(text, `${'ABCDEF'[c]}${r + 1}`)).join('')}</${p}row>`,
  ).join('\n');
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>${shared ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>` : ''}</Types>`,
    '_rels/.rels': `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<${p}workbook ${ns} xmlns:${rel}="${REL}"><${p}workbookPr date1904=${q}0${q}/><${p}bookViews><${p}workbookView activeTab="0"/></${p}bookViews><${p}sheets><${p}sheet name="台账" sheetId="1" ${rel}:id=${q}rId1${q}/></${p}sheets><${p}definedNames><${p}definedName name="措施">'台账'!$B$3:$B$5</${p}definedName></${p}definedNames><${p}calcPr calcId="0"/></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>${shared ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    'xl/worksheets/sheet1.xml': `<${p}worksheet ${ns} xmlns:r="${REL}"><${p}dimension ref="A1:F5"/><${p}cols><${p}col min="2" max="2" width="40" customWidth="1"/></${p}cols><${p}sheetData>\n${rows}\n</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref=${q}A1:F1${q}/></${p}mergeCells><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`,
    'xl/styles.xml': `<${p}styleSheet ${ns}><${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/><${p}charset val="134"/></${p}font></${p}fonts><${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills><${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs><${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${p}cellXfs><${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`,
  };
  // count in double quotes: clear restores it as count="…" (withAttribute writes double quotes).
  if (shared)
    parts['xl/sharedStrings.xml'] =
      `<${p}sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<${p}si><${p}t>${esc(s)}</${p}t></${p}si>`).join('')}</${p}sst>`;
  const zip = new JSZip();
  for (const [name, xml] of Object.entries(parts))
    zip.file(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function partTexts(xlsx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('string'));
  return out;
}

describe.each([
  ['x: throughout, inline strings', { p: 'x:', rel: 'r', q: '"', shared: false }],
  [
    'ss: throughout, single quotes, shared strings, relationships as rel:',
    { p: 'ss:', rel: 'rel', q: "'", shared: true },
  ],
  ['no prefix, shared strings', { p: '', rel: 'r', q: '"', shared: true }],
])('%s', (_, spelling: Spelling) => {
  let input: Buffer;
  let output: Buffer;
  beforeAll(async () => {
    input = await breakdownWorkbook(spelling);
    const result = await checkedWorkbook(input, '台账.xlsx', { asOf: '2022-09-30', runAt: '2022-09-30 10:00' });
    if (!result.ok) throw new Error(result.error.message.en);
    output = result.value.output;
  });

  test("the status column is written in the sheet's own prefix and reads back", async () => {
    const sheet = (await partTexts(output)).get('xl/worksheets/sheet1.xml')!;
    const { p } = spelling;
    expect(sheet).toMatch(
      new RegExp(`<${p}c r="G3" s="\\d+" t="inlineStr"><${p}is><${p}t>✔ 已完成</${p}t></${p}is></${p}c></${p}row>`),
    );
    expect(sheet).toContain(`<${p}conditionalFormatting sqref="A3:G5">`);
    const read = await readWorkbook(output, '台账.xlsx');
    const table = read.sheets.find((s) => s.name === '台账')!;
    expect(table.rows.map((r) => r[6])).toEqual([
      undefined,
      '校验结果',
      '✔ 已完成',
      expect.stringMatching(/^○ 正常推进/),
      expect.stringMatching(/^● 逾期 30 天/),
    ]);
    expect(table.rows[4][1]).toBe('開展廉政教育');
    expect(table.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(read.sheets.map((s) => s.name)).toContain('逾期清单');
  });

  test('clear gives back every part byte for byte', async () => {
    const cleared = await clearedWorkbook(output, '台账.xlsx');
    expect(cleared.found).toBe(true);
    expect(await partTexts(cleared.output)).toEqual(await partTexts(input));
  });
});
