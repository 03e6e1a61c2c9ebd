/**
 * The one element scanner (src/xlsx/xml-scan.ts) and the edits built on it (xml-edit.ts): elements are
 * found by name whatever their namespace prefix, with positions that cut out exactly their text.
 */
import {
  attributesOf,
  elementName,
  findElement,
  findElements,
  findStartTag,
  findStartTags,
  innerXml,
  lastEndTag,
  startTag,
} from '../src/xlsx/xml-scan';
import { insertionPoint, prefixFor, rootClose, rootEnd, rootPrefix } from '../src/xlsx/xml-edit';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('finding elements', () => {
  const workbook = `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="台账" sheetId="1" r:id="rId1"/><sheet name='汇总&amp;统计' sheetId="2" r:id='rId2'></sheet></x:sheets><x:definedNames><x:definedName name="a">'台账'!$A$1</x:definedName><x:definedName name="b"/></x:definedNames></x:workbook>`;

  test('by name, with or without a prefix, each span cutting out exactly its text', () => {
    const sheets = findElements(workbook, 'sheet');
    expect(sheets.map((s) => s.text)).toEqual([
      `<x:sheet name="台账" sheetId="1" r:id="rId1"/>`,
      `<sheet name='汇总&amp;统计' sheetId="2" r:id='rId2'></sheet>`,
    ]);
    for (const s of sheets) expect(workbook.slice(s.start, s.end)).toBe(s.text);
    expect(sheets.map((s) => attributesOf(s.text))).toEqual([
      { name: '台账', sheetId: '1', 'r:id': 'rId1', ':id': 'rId1' },
      { name: '汇总&统计', sheetId: '2', 'r:id': 'rId2', ':id': 'rId2' },
    ]);
    expect(sheets.map((s) => elementName(s.text))).toEqual(['x:sheet', 'sheet']);
  });

  test('a name never finds a longer one (sheet is not sheets, c is not col or cfRule)', () => {
    expect(findElement(workbook, 'sheets')!.text.startsWith('<x:sheets>')).toBe(true);
    const row = '<row r="1"><c r="A1"><v>1</v></c><col min="1"/><cfRule type="x"/><c r="B1"/></row>';
    expect(findElements(row, 'c').map((c) => c.text)).toEqual(['<c r="A1"><v>1</v></c>', '<c r="B1"/>']);
    expect(findStartTag(row, 'co')).toBeNull();
  });

  test('content and start tag; a self-closing element has no content', () => {
    const [a, b] = findElements(workbook, 'definedName');
    expect([innerXml(a.text), innerXml(b.text)]).toEqual(["'台账'!$A$1", '']);
    expect(startTag(a.text)).toBe('<x:definedName name="a">');
    const list = findElement(workbook, 'sheets')!;
    expect(findElements(innerXml(list.text), 'sheet')).toHaveLength(2);
  });

  test('from and to: only elements that start in between', () => {
    const names = findElement(workbook, 'definedNames')!;
    expect(findElements(workbook, 'definedName', names.start, names.end).map((n) => attributesOf(n.text).name)).toEqual(
      ['a', 'b'],
    );
    expect(findElements(workbook, 'sheet', 0, findElements(workbook, 'sheet')[1].start)).toHaveLength(1);
    const second = findElements(workbook, 'sheet')[1];
    expect(findElement(workbook, 'sheet', second.start)).toEqual(second);
  });

  test('start tags: where entries begin, self-closing ones included', () => {
    const sst = `<sst xmlns="${MAIN}" count="3"><si><t>甲</t></si><si/><x:si><x:t>乙</x:t></x:si></sst>`;
    expect(findStartTags(sst, 'si').map((t) => t.text)).toEqual(['<si>', '<si/>', '<x:si>']);
    expect(attributesOf(findStartTag(sst, 'sst')!.text).count).toBe('3');
  });
});

describe('the last end tag of an element, searched from the end', () => {
  test('with a prefix or spaces, past the same word in text and attributes', () => {
    const sheet =
      '<x:worksheet><x:sheetData><row r="1"><c t="inlineStr"><is><t>sheetData</t></is></c></row></x:sheetData ><x:mergeCells count="0" note="sheetData"/></x:worksheet>';
    expect(lastEndTag(sheet, 'sheetData')).toBe(sheet.indexOf('</x:sheetData'));
    expect(lastEndTag('<a><sheetDataX/></sheetDataX></a>', 'sheetData')).toBe(-1);
    expect(lastEndTag('<worksheet/>', 'sheetData')).toBe(-1);
  });

  test("the root's end tag is the last thing in a part but white space", () => {
    const sst = `<?xml version="1.0"?>\n<x:sst xmlns:x="${MAIN}"><x:si><x:t>a</x:t></x:si></x:sst>\r\n`;
    expect(rootEnd(sst, 'sst')).toBe(sst.indexOf('</x:sst>'));
    expect(rootClose(sst, 'sst')).toBe(sst.indexOf('</x:sst>'));
    expect(rootEnd(`<sst xmlns="${MAIN}"/>`, 'sst')).toBe(-1);
    expect(() => rootClose(`<sst xmlns="${MAIN}"/>`, 'sst')).toThrow('no closing </sst>');
    expect(rootEnd('<sst></sst><!-- after -->', 'sst')).toBe(-1);
  });
});

describe('prefixes and insertion points', () => {
  test("the root's prefix, and the prefix it binds to a namespace", () => {
    expect(rootPrefix(`<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"/>`, 'worksheet')).toBe('x:');
    expect(rootPrefix(`<worksheet xmlns="${MAIN}">`, 'worksheet')).toBe('');
    expect(prefixFor(`<workbook xmlns="${MAIN}" xmlns:rel='${REL}'><sheets/></workbook>`, 'workbook', REL)).toBe('rel');
    expect(prefixFor(`<x:workbook xmlns:x="${MAIN}"><x:sheets/></x:workbook>`, 'workbook', REL)).toBeNull();
  });

  test('before the first following element present, else before the root end tag', () => {
    const sheet = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData/><x:pageMargins left="1"/><x:drawing r:id="rId1"/></x:worksheet>`;
    expect(insertionPoint(sheet, 'worksheet', ['hyperlinks', 'pageMargins', 'drawing'])).toBe(
      sheet.indexOf('<x:pageMargins'),
    );
    expect(insertionPoint(sheet, 'worksheet', ['drawing'], sheet.indexOf('<x:drawing') + 1)).toBe(
      sheet.indexOf('</x:worksheet>'),
    );
    expect(insertionPoint(sheet, 'worksheet', ['extLst'])).toBe(sheet.indexOf('</x:worksheet>'));
  });
});
