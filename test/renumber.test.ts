import { alignTakenOut, compacted, renumberStrings, renumberStyles, withEntries } from '../src/xlsx/renumber';

/* The list renumbering clear uses after another application re-saved a workbook (src/xlsx/renumber.ts). */

describe('renumbering cell formats and shared strings', () => {
  test('s= on cells and rows, style= on columns; other tags and attributes untouched', () => {
    const xml =
      '<cols><col min="1" max="2" style="3" width="9"/></cols><sheetData><row r="1" s="3" customFormat="1">' +
      '<c r="A1" s="3" t="s"><v>3</v></c><c r="B1" s="4"/></row></sheetData>' +
      '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="3" priority="1"/></conditionalFormatting>';
    expect(renumberStyles(xml, (n) => n - 1)).toBe(
      '<cols><col min="1" max="2" style="2" width="9"/></cols><sheetData><row r="1" s="2" customFormat="1">' +
        '<c r="A1" s="2" t="s"><v>3</v></c><c r="B1" s="3"/></row></sheetData>' +
        '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="3" priority="1"/></conditionalFormatting>',
    );
  });

  test('variant: prefixed tags (x:c, x:row) and single quotes', () => {
    expect(renumberStyles("<x:row r='2' s='5'><x:c r='A2' s='5'/></x:row>", () => 1)).toBe(
      "<x:row r='2' s='1'><x:c r='A2' s='1'/></x:row>",
    );
  });

  test('shared-string cells only, a formula before the value kept; numbers and inline strings untouched', () => {
    const xml =
      '<c r="A1" t="s"><v>7</v></c><c r="B1"><v>7</v></c><c r="C1" t="s"><f>X</f><v>7</v></c>' +
      '<c r="D1" t="inlineStr"><is><t>7</t></is></c>';
    expect(renumberStrings(xml, (n) => n - 5)).toBe(
      '<c r="A1" t="s"><v>2</v></c><c r="B1"><v>7</v></c><c r="C1" t="s"><f>X</f><v>2</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>7</t></is></c>',
    );
  });

  test('entries taken out of a list, its count set; the kept ones aligned back to their old places', () => {
    const styles = '<styleSheet><cellXfs count="4"><xf a="0"/><xf a="1"/><xf a="2"/><xf a="3"/></cellXfs></styleSheet>';
    const map = compacted(4, (i) => i !== 1 && i !== 2);
    expect([...map]).toEqual([
      [0, 0],
      [3, 1],
    ]);
    const out = withEntries(styles, 'cellXfs', 'xf', map);
    expect(out).toBe('<styleSheet><cellXfs count="2"><xf a="0"/><xf a="3"/></cellXfs></styleSheet>');
    expect(
      alignTakenOut(['<xf a="0"/>', '<xf a="1"/>', '<xf a="2"/>', '<xf a="3"/>'], ['<xf a="0"/>', '<xf a="3"/>']),
    ).toEqual(map);
    // Not a list with entries taken out: another entry appeared.
    expect(alignTakenOut(['a', 'b'], ['a', 'c'])).toBeNull();
  });
});
