import JSZip from 'jszip';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { checkedWorkbook, clearedWorkbook } from '../src/xlsx/checked-workbook';
import { buildXlsx, HEADER, patchPart, utc } from './helpers/fixtures';

/*
 * Issue 16, more quirks of files written by other programs: formulas a library never calculated, hidden
 * columns where the status column would go, and the sheet's <dimension> and autofilter. Each workbook is a
 * small table built with exceljs, then one part edited as the other program writes it; then validate,
 * validate again and clear, as a user does over weeks.
 */

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 10:00' };
const SHEET = 'xl/worksheets/sheet1.xml';
const FILE = '台账.xlsx';

const ROWS = [
  ['2022年工作要点责任分解表'],
  HEADER,
  [1, '完善督查问责机制', '办公室', '各处室', utc(2022, 6, 30), '已完成', utc(2022, 6, 20)],
  [2, '深化理想信念教育', '宣传处', '各处室', utc(2022, 8, 31), '未开展', null],
  [3, '開展廉政教育', '紀委', '各處室', utc(2022, 12, 31), '推進中', null], // traditional script
];

const baseBook = () => buildXlsx([{ name: '台账', rows: ROWS, formats: { E: 'yyyy-mm-dd', G: 'yyyy-mm-dd' } }]);

/** Puts raw cell XML at the end of the given row (1-based). */
function addCells(xml: string, row: number, cells: string): string {
  const at = new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)(</row>)`);
  expect(xml).toMatch(at);
  return xml.replace(at, `$1${cells}$2`);
}

/** Replaces the cell at `ref` (which exceljs wrote) with raw cell XML. */
function replaceCell(xml: string, ref: string, cell: string): string {
  const at = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  expect(xml).toMatch(at);
  return xml.replace(at, cell);
}

/** Puts a <cols> element before sheetData (exceljs writes none for this table). */
const withCols = (cols: string) => (xml: string) =>
  /<cols>/.test(xml)
    ? xml.replace(/<cols>[\s\S]*?<\/cols>/, `<cols>${cols}</cols>`)
    : xml.replace('<sheetData', `<cols>${cols}</cols><sheetData`);

const partText = async (xlsx: Buffer, part = SHEET) => (await JSZip.loadAsync(xlsx)).file(part)!.async('string');

/** The text of a cell (inline or shared string), or null when it has none. */
async function cellText(xlsx: Buffer, ref: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(xlsx);
  const xml = await zip.file(SHEET)!.async('string');
  const m = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(xml);
  if (!m || !m[2]) return null;
  if (/t="s"/.test(m[1])) {
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const items = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
      (x) => /<t[^>]*>([\s\S]*?)<\/t>/.exec(x[1])?.[1] ?? '',
    );
    return items[Number(/<v>(\d+)<\/v>/.exec(m[2])![1])];
  }
  const t = /<t[^>]*>([\s\S]*?)<\/t>/.exec(m[2]);
  return t ? t[1] : null;
}

async function validated(input: Buffer): Promise<Buffer> {
  const result = await checkedWorkbook(input, FILE, OPTIONS);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value.output;
}

async function roundTrip(input: Buffer): Promise<{ once: Buffer; twice: Buffer; cleared: Buffer }> {
  const once = await validated(input);
  const twice = await validated(once);
  const cleared = await clearedWorkbook(twice, FILE);
  expect(cleared.found).toBe(true);
  return { once, twice, cleared: cleared.output };
}

describe('formulas without a calculated value (written by a library)', () => {
  const uncalculatedColumn = (cell: (ref: string, r: number) => string) => async (xlsx: Buffer) =>
    patchPart(xlsx, SHEET, (x) => {
      for (let r = 2; r <= 5; r++) x = addCells(x, r, cell(`H${r}`, r));
      return x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:H5"/>');
    });

  test('a column of them right of the table is not free: the status goes to the next column, formulas kept', async () => {
    const input = await uncalculatedColumn((ref, r) => `<c r="${ref}"><f>LEN(B${r})</f></c>`)(await baseBook());
    const read = await readWorkbook(input, FILE);
    expect(read.sheets[0].uncalculated).toEqual([1, 2, 3, 4].map((row) => ({ row, col: 7 })));
    const { once, twice, cleared } = await roundTrip(input);
    for (const out of [once, twice]) {
      expect(await cellText(out, 'H2')).toBeNull();
      expect(await cellText(out, 'I2')).toBe('校验结果');
      expect(await partText(out)).toContain('<c r="H3"><f>LEN(B3)</f></c>');
    }
    expect(await partText(cleared)).not.toContain('<c r="I2"');
    expect(await partText(cleared)).toContain('<c r="H5"><f>LEN(B5)</f></c>');
  });

  test('variant: shared formulas (<f t="shared"/>) and an empty <v> are uncalculated too; "" of t="str" is not', async () => {
    const input = await uncalculatedColumn((ref, r) =>
      r === 2
        ? `<c r="${ref}"><f t="shared" ref="H2:H5" si="0">LEN(B2)</f></c>`
        : r === 3
          ? `<c r="${ref}"><f>LEN(B3)</f><v></v></c>`
          : `<c r="${ref}"><f t="shared" si="0"/></c>`,
    )(await baseBook());
    const sheet = (await readWorkbook(input, FILE)).sheets[0];
    expect(sheet.uncalculated).toHaveLength(4);
    const calculated = await patchPart(await baseBook(), SHEET, (x) =>
      addCells(x, 3, '<c r="H3" t="str"><f>""</f><v></v></c>'),
    );
    expect((await readWorkbook(calculated, FILE)).sheets[0].uncalculated).toBeUndefined();
    expect(await cellText(await validated(input), 'I2')).toBe('校验结果');
  });

  test('variant: one in the progress column is passed to the engine, not read as a blank progress cell', async () => {
    const input = await patchPart(await baseBook(), SHEET, (x) =>
      replaceCell(x, 'F4', '<c r="F4" t="str"><f>IF(G4="","未开展","已完成")</f></c>'),
    );
    const sheet = (await readWorkbook(input, FILE)).sheets[0];
    expect(sheet.uncalculated).toEqual([{ row: 3, col: 5 }]);
    expect(sheet.rows[3][5]).toBeNull();
  });

  // Needs the judge change in /tmp/h23/judge-uncalculated.patch (src/engine/judge and validate.ts are not mine):
  // the row is 待核实 with "公式未计算，请在 Excel/WPS 中打开保存后再校验". Until then the engine reads the cell as
  // blank; test.failing keeps this visible — flip it to test() when the patch lands.
  test('the row is 待核实: the formula is not calculated (judge patch pending)', async () => {
    const input = await patchPart(await baseBook(), SHEET, (x) =>
      replaceCell(x, 'F3', '<c r="F3" t="str"><f>IF(G3="","未开展","已完成")</f></c>'),
    );
    const once = await validated(input);
    const status = (await cellText(once, 'H3')) ?? '';
    expect(status).toMatch(/待核实/);
    expect(status).toMatch(/公式未计算，请在 Excel\/WPS 中打开保存后再校验/);
  });
});

describe('a hidden first free column', () => {
  test('a <col hidden="1"> on H: the status column goes to I, which the user sees; clear gives the file back', async () => {
    const input = await patchPart(
      await baseBook(),
      SHEET,
      withCols('<col min="8" max="8" width="9" hidden="1" customWidth="1"/>'),
    );
    expect((await readWorkbook(input, FILE)).sheets[0].hiddenColumns).toEqual([{ min: 7, max: 7 }]);
    const { once, twice, cleared } = await roundTrip(input);
    for (const out of [once, twice]) {
      expect(await cellText(out, 'H2')).toBeNull();
      expect(await cellText(out, 'I2')).toBe('校验结果');
      expect(await partText(out)).toContain('<col min="8" max="8" width="9" hidden="1" customWidth="1"/>');
    }
    expect(await partText(cleared)).toBe(await partText(input));
  });

  test('variant: a range hiding H:J (and a visible range after it) sends the status to K', async () => {
    const input = await patchPart(
      await baseBook(),
      SHEET,
      withCols(
        '<col min="8" max="10" width="9" hidden="true" customWidth="1"/><col min="12" max="12" width="20" customWidth="1"/>',
      ),
    );
    expect((await readWorkbook(input, FILE)).sheets[0].hiddenColumns).toEqual([{ min: 7, max: 9 }]);
    const { once, cleared } = await roundTrip(input);
    expect(await cellText(once, 'K2')).toBe('校验结果');
    expect(await partText(cleared)).toBe(await partText(input));
  });

  test('every column right of the table hidden (H:XFD, a tidy template): the status column is shown, clear hides it again', async () => {
    const hideRest = '<col min="8" max="16384" width="9" hidden="1" customWidth="1"/>';
    const input = await patchPart(await baseBook(), SHEET, withCols(hideRest));
    const { once, twice, cleared } = await roundTrip(input);
    for (const out of [once, twice]) {
      expect(await cellText(out, 'H2')).toBe('校验结果');
      const xml = await partText(out);
      const h = /<col min="8" max="8"[^>]*>/.exec(xml)?.[0] ?? '';
      expect(h).not.toMatch(/hidden="(1|true)"/);
      expect(xml).toContain('<col min="9" max="16384" width="9" hidden="1" customWidth="1"/>');
    }
    expect(await partText(cleared)).toBe(await partText(input));
  });

  test('variant: re-saved by an application that rewrites the <col> attributes: clear hides the status column again', async () => {
    const hideRest = '<col min="8" max="16384" width="9" hidden="1" customWidth="1"/>';
    const input = await patchPart(await baseBook(), SHEET, withCols(hideRest));
    const once = await validated(input);
    // As LibreOffice writes the rest of the range: every attribute spelt out, in its own order.
    const resaved = await patchPart(once, SHEET, (x) =>
      x.replace(
        '<col min="9" max="16384" width="9" hidden="1" customWidth="1"/>',
        '<col collapsed="false" customWidth="true" hidden="true" max="16384" min="9" style="0" width="9"/>',
      ),
    );
    const cleared = await clearedWorkbook(resaved, FILE);
    const h = [...(await partText(cleared.output)).matchAll(/<col [^>]*>/g)]
      .map((m) => m[0])
      .filter((c) => Number(/min="(\d+)"/.exec(c)![1]) <= 8 && 8 <= Number(/max="(\d+)"/.exec(c)![1]));
    expect(h).toEqual(['<col min="8" max="8" width="9" hidden="1" customWidth="1"/>']);
    expect(await cellText(cleared.output, 'H2')).toBeNull();
  });

  test('variant: a hidden range starting inside the table (F:XFD, the table’s own F and G hidden too)', async () => {
    const input = await patchPart(
      await baseBook(),
      SHEET,
      withCols('<col min="6" max="16384" width="12" hidden="true" customWidth="1"/>'),
    );
    const { once, cleared } = await roundTrip(input);
    expect(await cellText(once, 'H2')).toBe('校验结果');
    const xml = await partText(once);
    expect(xml).toContain('<col min="6" max="7" width="12" hidden="true" customWidth="1"/>');
    expect(/<col min="8" max="8"[^>]*>/.exec(xml)?.[0]).not.toMatch(/hidden/);
    expect(xml).toContain('<col min="9" max="16384" width="12" hidden="true" customWidth="1"/>');
    expect(await partText(cleared)).toBe(await partText(input));
  });

  test('variant: hidden only up to a column the user keeps visible far right (H:Z hidden, AA visible) uses AA', async () => {
    const input = await patchPart(
      await baseBook(),
      SHEET,
      withCols('<col min="8" max="26" width="9" hidden="1" customWidth="1"/>'),
    );
    const { once, cleared } = await roundTrip(input);
    expect(await cellText(once, 'AA2')).toBe('校验结果');
    expect(await partText(cleared)).toBe(await partText(input));
  });

  test('variant: a hidden column inside the table is no reason to move; the first free visible one is used', async () => {
    const input = await patchPart(
      await baseBook(),
      SHEET,
      withCols('<col min="4" max="4" width="9" hidden="1" customWidth="1"/>'),
    );
    expect(await cellText(await validated(input), 'H2')).toBe('校验结果');
  });
});

describe('the sheet’s <dimension> and an autofilter over the table', () => {
  const withFilter = (ref: string) => (xml: string) =>
    xml.replace('</sheetData>', `</sheetData><autoFilter ref="${ref}"/>`);

  test('grow to take in the status column; clear gives back the references exactly', async () => {
    const input = await patchPart(await baseBook(), SHEET, withFilter('A2:G5'));
    expect(await partText(input)).toContain('<dimension ref="A1:G5"/>');
    const { once, twice, cleared } = await roundTrip(input);
    for (const out of [once, twice]) {
      const xml = await partText(out);
      expect(await cellText(out, 'H2')).toBe('校验结果');
      expect(xml).toContain('<dimension ref="A1:H5"/>');
      expect(xml).toContain('<autoFilter ref="A2:H5"/>');
    }
    expect(await partText(cleared)).toBe(await partText(input));
  });

  test('variant: a filter with criteria keeps them; the status goes past formulas showing ""', async () => {
    const criteria = '<filterColumn colId="5"><filters><filter val="未开展"/></filters></filterColumn>';
    let input = await patchPart(await baseBook(), SHEET, (x) =>
      x.replace('</sheetData>', `</sheetData><autoFilter ref="A2:G5">${criteria}</autoFilter>`),
    );
    input = await patchPart(input, SHEET, (x) => addCells(x, 3, '<c r="H3" t="str"><f>""</f><v></v></c>'));
    const { once, cleared } = await roundTrip(input);
    const xml = await partText(once);
    expect(await cellText(once, 'I2')).toBe('校验结果');
    expect(xml).toContain(`<autoFilter ref="A2:I5">${criteria}</autoFilter>`);
    expect(xml).toContain('<dimension ref="A1:I5"/>');
    expect(await partText(cleared)).toBe(await partText(input));
  });

  /** Adds Excel's hidden name for the filter's range, as Excel writes it beside every autofilter. */
  const withFilterDatabase = (value: string) => (xml: string) =>
    xml.replace(
      '</sheets>',
      `</sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${value}</definedName></definedNames>`,
    );
  const WORKBOOK = 'xl/workbook.xml';

  test('Excel’s _xlnm._FilterDatabase name grows with the filter, and clear gives it back', async () => {
    let input = await patchPart(await baseBook(), SHEET, withFilter('A2:G5'));
    input = await patchPart(input, WORKBOOK, withFilterDatabase("'台账'!$A$2:$G$5"));
    const { once, twice, cleared } = await roundTrip(input);
    for (const out of [once, twice]) expect(await partText(out, WORKBOOK)).toContain("'台账'!$A$2:$H$5</definedName>");
    expect(await partText(cleared, WORKBOOK)).toBe(await partText(input, WORKBOOK));
  });

  test('variant: a name without $ signs grows too, still without them', async () => {
    let input = await patchPart(await baseBook(), SHEET, withFilter('A2:G5'));
    input = await patchPart(input, WORKBOOK, withFilterDatabase('台账!A2:G5'));
    const { once, cleared } = await roundTrip(input);
    expect(await partText(once, WORKBOOK)).toContain('>台账!A2:H5</definedName>');
    expect(await partText(cleared, WORKBOOK)).toBe(await partText(input, WORKBOOK));
  });

  test('variant: a name that no longer matches the filter is the user’s and stays as it is', async () => {
    let input = await patchPart(await baseBook(), SHEET, withFilter('A2:G5'));
    input = await patchPart(input, WORKBOOK, withFilterDatabase("'台账'!$B$2:$C$5"));
    const { once, cleared } = await roundTrip(input);
    expect(await partText(once, WORKBOOK)).toContain("'台账'!$B$2:$C$5</definedName>");
    expect(await partText(cleared, WORKBOOK)).toBe(await partText(input, WORKBOOK));
  });

  test('variant: a filter not on the header row (a sub-range below it) and a dimension already wide enough stay', async () => {
    let input = await patchPart(await baseBook(), SHEET, withFilter('B3:C5'));
    input = await patchPart(input, SHEET, (x) => x.replace('<dimension ref="A1:G5"/>', '<dimension ref="A1:Z9"/>'));
    const { once, cleared } = await roundTrip(input);
    const xml = await partText(once);
    expect(xml).toContain('<autoFilter ref="B3:C5"/>');
    expect(xml).toContain('<dimension ref="A1:Z9"/>');
    expect(await partText(cleared)).toBe(await partText(input));
  });
});
