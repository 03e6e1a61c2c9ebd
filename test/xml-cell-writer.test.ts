/**
 * One cell writer for the breakdown sheet's status cells and the generated sheets' cells: what Excel
 * reads back from each, in the part's own namespace prefix.
 */
import { GeneratedSheet } from '../src/engine/write/plan';
import { CellWriter, generatedSheetXml } from '../src/xlsx/generated-sheet-xml';
import { readSheetRows } from '../src/xlsx/sheet-rows';

describe('a cell', () => {
  const cells = new CellWriter();

  test('text is an inline string, escaped, never a formula; numbers are values', () => {
    expect(cells.xml('H3', '✔ 已完成', ' s="5"')).toBe('<c r="H3" s="5" t="inlineStr"><is><t>✔ 已完成</t></is></c>');
    expect(cells.xml('B2', '=1+1 & <b> _x000D_', '')).toBe(
      '<c r="B2" t="inlineStr"><is><t>=1+1 &amp; &lt;b&gt; _x005F_x000D_</t></is></c>',
    );
    expect(cells.xml('C7', ' 办公室', '')).toBe(
      '<c r="C7" t="inlineStr"><is><t xml:space="preserve"> 办公室</t></is></c>',
    );
    expect(cells.xml('D1', 12.5, '')).toBe('<c r="D1"><v>12.5</v></c>');
  });

  test('a cell without a value is written only when it has a style', () => {
    for (const empty of [null, '', NaN, Infinity]) {
      expect(cells.xml('A1', empty, '')).toBe('');
      expect(cells.xml('A1', empty, ' s="2"')).toBe('<c r="A1" s="2"/>');
    }
  });

  test("in a prefixed part every element carries the part's prefix", () => {
    const prefixed = new CellWriter('x:');
    expect(prefixed.xml('G4', '● 逾期 30 天', ' s="2"')).toBe(
      '<x:c r="G4" s="2" t="inlineStr"><x:is><x:t>● 逾期 30 天</x:t></x:is></x:c>',
    );
    expect(prefixed.xml('G5', 3, '')).toBe('<x:c r="G5"><x:v>3</x:v></x:c>');
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="4">${prefixed.xml('G4', '● 逾期 30 天', '')}${prefixed.xml('H4', 3, '')}</x:row></x:sheetData></x:worksheet>`;
    expect(readSheetRows(sheet, { strings: [], dates: [], date1904: false })[3]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      '● 逾期 30 天',
      3,
    ]);
  });

  test('with a shared-string table, texts are its numbers, asked for once per cell', () => {
    const table: string[] = [];
    const asked: string[] = [];
    const shared = new CellWriter('', (text) => {
      asked.push(text);
      if (!table.includes(text)) table.push(text);
      return table.indexOf(text);
    });
    expect([
      shared.xml('A1', '办公室', ''),
      shared.xml('A2', '宣传处', ' s="1"'),
      shared.xml('A3', '办公室', ''),
      shared.xml('A4', 7, ''),
    ]).toEqual([
      '<c r="A1" t="s"><v>0</v></c>',
      '<c r="A2" s="1" t="s"><v>1</v></c>',
      '<c r="A3" t="s"><v>0</v></c>',
      '<c r="A4"><v>7</v></c>',
    ]);
    expect(asked).toEqual(['办公室', '宣传处', '办公室']);
  });
});

describe('a generated sheet', () => {
  const sheet: GeneratedSheet = {
    role: 'overdue',
    name: '逾期清单',
    rows: [
      [
        { value: '部门', style: 'header' },
        { value: '逾期天数', style: 'header' },
      ],
      [{ value: '办公室' }, { value: 30, style: 'number' }, { value: null, style: 'cell' }],
      [],
      [{ value: '辦公室' }],
    ],
    widths: [],
    rowHeights: [],
    merges: [],
    freezeRows: 0,
    printTitleRows: null,
    landscape: false,
    pageNumbers: false,
  };
  const styles: Record<string, number> = { header: 1, number: 0, cell: 3 };

  test('its cells are written as the cell writer writes them, inline or shared, and read back as written', () => {
    const rowsOf = (xml: string) => xml.slice(xml.indexOf('<sheetData>') + 11, xml.indexOf('</sheetData>'));
    const inline = new CellWriter();
    expect(rowsOf(generatedSheetXml(sheet, (name) => styles[name]))).toBe(
      `<row r="1">${inline.xml('A1', '部门', ' s="1"')}${inline.xml('B1', '逾期天数', ' s="1"')}</row>` +
        `<row r="2">${inline.xml('A2', '办公室', '')}${inline.xml('B2', 30, ' s="0"')}${inline.xml('C2', null, ' s="3"')}</row>` +
        `<row r="4">${inline.xml('A4', '辦公室', '')}</row>`,
    );
    const table: string[] = [];
    const number = (text: string) => (table.includes(text) ? table.indexOf(text) : table.push(text) - 1);
    const xml = generatedSheetXml(sheet, (name) => styles[name], number);
    expect(rowsOf(xml)).toContain(
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="0"><v>30</v></c><c r="C2" s="3"/></row>',
    );
    // Traditional and simplified spellings stay as written: two texts.
    expect(readSheetRows(xml, { strings: table, dates: [], date1904: false })).toEqual([
      ['部门', '逾期天数'],
      ['办公室', 30, null],
      [],
      ['辦公室'],
    ]);
  });
});
