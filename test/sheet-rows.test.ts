/**
 * The worksheet reader's fast paths (hand-read attributes, column letters without a regex, <v> alone)
 * must read exactly what the general XML scanning reads.
 */
import fc from 'fast-check';
import { cellPosition } from '../src/engine/model/workbook';
import { cellAttributes, columnOfRef, readSheetRows, sheetMerges } from '../src/xlsx/sheet-rows';
import { attributes } from '../src/xlsx/xml-scan';

describe('column of a cell reference', () => {
  test('as cellPosition reads it, for any text made of reference characters', () => {
    const chars = fc.constantFrom(...'$AZazBbXxFD0190 é.'.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 9 }).map((a) => a.join('')),
        (ref) => {
          expect(columnOfRef(ref)).toBe(cellPosition(ref)?.col ?? -1);
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('examples', () => {
    expect(
      ['A1', 'b7', '$C$3', 'Z9', 'AA10', 'XFD1048576', 'A', '1', 'ABCD1', 'A1B', '', '$', 'A$', '$1'].map(columnOfRef),
    ).toEqual([0, 1, 2, 25, 26, 16383, -1, -1, -1, -1, -1, -1, -1, -1]);
  });
});

describe("a cell tag's r, s and t", () => {
  const name = fc.constantFrom('r', 's', 't', 'x:r', 'foo', 'r2', 'xml:space');
  const value = fc.constantFrom('A1', 's', '3', 'inlineStr', 'a&amp;b', '&#65;1', "it's", 'say "hi"', '', ' B2 ');
  const space = fc.constantFrom('', ' ', '  ', '\n', '\t');
  const attribute = fc.tuple(space, name, space, space, value, fc.boolean()).map(([a, n, b, c, v, single]) => {
    const quote = v.includes('"') ? "'" : v.includes("'") ? '"' : single ? "'" : '"';
    return `${a || ' '}${n}${b}=${c}${quote}${v}${quote}`;
  });
  const junk = fc.constantFrom('', ' /', ' x', ' =', ' "', ' r=', ' r="A1', '?');

  test('as attributes() reads them, well formed or not', () => {
    fc.assert(
      fc.property(fc.array(attribute, { maxLength: 5 }), junk, fc.nat(5), (attrs, extra, at) => {
        const list = [...attrs];
        list.splice(Math.min(at, list.length), 0, extra);
        const tag = list.join('');
        const expected = attributes(tag);
        expect({ ...cellAttributes(tag) }).toEqual({ r: expected.r, s: expected.s, t: expected.t });
      }),
      { numRuns: 5000 },
    );
  });

  test('each reading is its own: reading the next tag does not change what an earlier one gave', () => {
    const first = cellAttributes(' r="A1" t="s"');
    const unusual = cellAttributes(" r='B2' x"); // not plain pairs: read by the general pattern
    const third = cellAttributes(' r="C3" s="4"');
    expect([first, unusual, third]).toEqual([
      { r: 'A1', s: undefined, t: 's' },
      { r: 'B2', s: undefined, t: undefined },
      { r: 'C3', s: '4', t: undefined },
    ]);
  });
});

describe('reading cells', () => {
  const sheet = (rows: string) =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  const read = (rows: string) =>
    readSheetRows(sheet(rows), { strings: ['甲', '乙'], dates: [null, 'day'], date1904: false });

  test('plain, spaced, single-quoted, entity-escaped and prefixed cells', () => {
    expect(
      read(
        `<row r="1"><c r="A1" t="s"><v>1</v></c><c r = 'C1' s='1'><v>44742</v></c><c r="D&#49;" t="str"><v>a&amp;b</v></c></row>` +
          `<row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><c t="n"><v> 12 </v></c><c r="E2" t="inlineStr"><is><t>行内</t></is></c></row>` +
          `<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="b"><v>1</v></c><c r="D3"><v><![CDATA[7]]></v></c></row>`,
      ),
    ).toEqual([
      ['乙', undefined, { date: '2022-06-30' }, 'a&b'],
      [undefined, '甲', 12, undefined, '行内'],
      [2, '#N/A', true, '<![CDATA[7]]>'],
    ]);
  });

  test('rows skipped are empty, and a row written twice keeps the later value of each cell', () => {
    expect(
      read(
        `<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row><row r="2"/><row r="3"><c r="B3"><v>9</v></c></row>`,
      ),
    ).toEqual([[], [], [1, 9]]);
  });
});

describe('merged areas', () => {
  const area = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

  test('after sheetData, whatever its prefix and however its end tag is spaced', () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>sheetData</t></is></c></row>';
    expect(
      sheetMerges(
        `<worksheet><sheetData>${rows}</sheetData><mergeCells count="2"><mergeCell ref="A1:G1"/><mergeCell ref="B3:B2"/></mergeCells></worksheet>`,
      ),
    ).toEqual([area(0, 0, 0, 6), area(1, 1, 2, 1)]);
    expect(
      sheetMerges(
        `<x:worksheet><x:sheetData>${rows}</x:sheetData\n ><x:mergeCells count="1"><x:mergeCell ref='C5:D6'/></x:mergeCells></x:worksheet>`,
      ),
    ).toEqual([area(4, 2, 5, 3)]);
  });

  test('a sheet without sheetData, or without merges', () => {
    expect(sheetMerges('<worksheet><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>')).toEqual([
      area(0, 0, 0, 1),
    ]);
    expect(sheetMerges('<worksheet><sheetData/></worksheet>')).toEqual([]);
  });
});
