import JSZip from 'jszip';
import { buildSample } from '../scripts/make-sample';
import { checkedWorkbook, clearedWorkbook } from '../src/xlsx/checked-workbook';
import { statusWidthRemoved, withoutStatusWidth } from '../src/xlsx/clear-owned';
import { firstLoss } from '../src/xlsx/verify-package';
import { libreOfficeResave, SKIP_WITHOUT_LIBREOFFICE, soffice } from './helpers/libreoffice';

/*
 * Issue 16: `clear` after another application re-saved the checked workbook. LibreOffice renumbers
 * the styles (so a style index no longer tells Luoshi's cells from the user's) and writes a run of
 * equal column widths as one <col> range. Clear must still take out the header cell and the width.
 */

const AS_OF = { asOf: '2026-11-20', runAt: '2026-11-20 09:00' };

async function checkedSample(): Promise<Buffer> {
  const input = Buffer.from(await (await buildSample()).xlsx.writeBuffer());
  const result = await checkedWorkbook(input, 'sample.xlsx', AS_OF);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value.output;
}

async function breakdownXml(bytes: Buffer): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
}

/** The cells of one column (letters) in a sheet's XML: their start tags. */
function cellsIn(xml: string, column: string): string[] {
  return [...xml.matchAll(new RegExp(`<c r="${column}\\d+"[^>]*>`, 'g'))].map((m) => m[0]);
}

/** A package's cell formats and shared strings (count attributes aside), to compare lists. */
async function lists(bytes: Buffer): Promise<{ xfs: string[]; strings: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
  const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return {
    xfs: cellXfs.match(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g) ?? [],
    strings: sst.match(/<si>[\s\S]*?<\/si>/g) ?? [],
  };
}

describe('the status width inside a <col> range (pure)', () => {
  test.each([
    ['<col min="11" max="11" width="26" customWidth="1"/>', ''],
    ['<col min="10" max="11" width="26"/>', '<col min="10" max="10" width="26"/>'],
    ['<col min="11" max="14" width="26"/>', '<col min="12" max="14" width="26"/>'],
    ['<col min="9" max="12" width="26"/>', '<col min="9" max="10" width="26"/><col min="12" max="12" width="26"/>'],
  ])('%s without column K', (col, rest) => {
    expect(statusWidthRemoved(col, 10)).toBe(rest);
  });

  test('a range whose width the user has changed since is left alone', () => {
    const xml = '<worksheet><cols><col min="10" max="11" width="30"/></cols><sheetData/></worksheet>';
    expect(withoutStatusWidth(xml, 10, 26)).toBe(xml);
  });

  test('the last <col> going takes the empty <cols> with it', () => {
    const xml = '<worksheet><cols><col min="11" max="11" width="26"/></cols><sheetData/></worksheet>';
    expect(withoutStatusWidth(xml, 10, 26)).toBe('<worksheet><sheetData/></worksheet>');
  });
});

describe('clear after styles were renumbered by another application', () => {
  test('the header cell and the status cells go, whatever style index they now carry', async () => {
    const checked = await checkedSample();
    const zip = await JSZip.loadAsync(checked);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // As LibreOffice leaves it: the header's style now has a low index shared with the user's cells.
    const renumbered = xml.replace(/<c r="K(\d+)" s="\d+"/g, '<c r="K$1" s="1"');
    expect(renumbered).not.toBe(xml);
    zip.file('xl/worksheets/sheet1.xml', renumbered);
    const resaved = await zip.generateAsync({ type: 'nodebuffer' });
    const cleared = await clearedWorkbook(resaved, 'resaved.xlsx');
    expect(cleared.found).toBe(true);
    expect(cellsIn(await breakdownXml(cleared.output), 'K')).toEqual([]);
    // The formats and strings only Luoshi's cells used are taken out: the lists are the user's again.
    const original = Buffer.from(await (await buildSample()).xlsx.writeBuffer());
    expect(await lists(cleared.output)).toEqual(await lists(original));
  });

  test('verification still catches a user cell that would point to another format or text after the take-out', async () => {
    const checked = await checkedSample();
    const zip = await JSZip.loadAsync(checked);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace(/<c r="K(\d+)" s="\d+"/g, '<c r="K$1" s="1"'));
    const resaved = await zip.generateAsync({ type: 'nodebuffer' });
    const cleared = await clearedWorkbook(resaved, 'resaved.xlsx');
    const out = await JSZip.loadAsync(cleared.output);
    const sheet = await out.file('xl/worksheets/sheet1.xml')!.async('string');
    // A user's text cell (C5) made to show the next string, and a user's styled cell another format.
    const text = /<c r="C5"([^>]*)t="s"([^>]*)><v>(\d+)<\/v>/.exec(sheet)!;
    const wrongText = sheet.replace(text[0], text[0].replace(`<v>${text[3]}</v>`, `<v>${Number(text[3]) + 1}</v>`));
    out.file('xl/worksheets/sheet1.xml', wrongText);
    expect(await firstLoss(resaved, await out.generateAsync({ type: 'nodebuffer' }), 'x.xlsx')).toMatch(/cell C5/);
    const styled = /<c r="A5" s="(\d+)"/.exec(sheet)!;
    out.file('xl/worksheets/sheet1.xml', sheet.replace(styled[0], `<c r="A5" s="${Number(styled[1]) + 1}"`));
    expect(await firstLoss(resaved, await out.generateAsync({ type: 'nodebuffer' }), 'x.xlsx')).toMatch(/cell A5/);
    // Untampered, the output passes.
    expect(await firstLoss(resaved, cleared.output, 'x.xlsx')).toBeNull();
  });

  test('variant: twin entries in the list (Excel files carry duplicate <xf>s): clear still writes, the cell keeps its format', async () => {
    const zip = await JSZip.loadAsync(await checkedSample());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    // Luoshi's last format, twice; a user cell (A5) on the twin. The status cells as LibreOffice leaves them.
    const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)!;
    const entries = xfs[2].match(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)!;
    const twin = entries.length;
    zip.file(
      'xl/styles.xml',
      styles.replace(xfs[0], `<cellXfs count="${twin + 1}">${xfs[2]}${entries[twin - 1]}</cellXfs>`),
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      sheet.replace(/<c r="K(\d+)" s="\d+"/g, '<c r="K$1" s="1"').replace(/<c r="A5" s="\d+"/, `<c r="A5" s="${twin}"`),
    );
    const cleared = await clearedWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'twins.xlsx');
    const out = await JSZip.loadAsync(cleared.output);
    const a5 = Number(/<c r="A5" s="(\d+)"/.exec(await out.file('xl/worksheets/sheet1.xml')!.async('string'))![1]);
    const kept = (await lists(cleared.output)).xfs;
    expect(kept[a5]).toBe(entries[twin - 1]);
  });

  test('without renumbering, an empty cell the user had formatted keeps its format', async () => {
    const cleared = await clearedWorkbook(await checkedSample(), 'checked.xlsx');
    const original = Buffer.from(await (await buildSample()).xlsx.writeBuffer());
    expect(cellsIn(await breakdownXml(cleared.output), 'K')).toEqual(cellsIn(await breakdownXml(original), 'K'));
  });
});

describe('clear after a real LibreOffice re-save', () => {
  if (!soffice) {
    test.skip(SKIP_WITHOUT_LIBREOFFICE, () => undefined);
    return;
  }

  test('removes the status column: its header cell, its cells and its width', async () => {
    const resaved = libreOfficeResave(await checkedSample());
    expect(cellsIn(await breakdownXml(resaved), 'K').length).toBeGreaterThan(0);
    const cleared = await clearedWorkbook(resaved, 'checked.xlsx');
    expect(cleared.found).toBe(true);
    const xml = await breakdownXml(cleared.output);
    expect(cellsIn(xml, 'K')).toEqual([]);
    // No <col> reaches column K (11) any more; J keeps its own width.
    const cols = [...xml.matchAll(/<col [^>]*>/g)].map((m) => m[0]);
    const reaches = (c: string, n: number) =>
      Number(/min="(\d+)"/.exec(c)![1]) <= n && n <= Number(/max="(\d+)"/.exec(c)![1]);
    expect(cols.filter((c) => reaches(c, 11))).toEqual([]);
    expect(cols.filter((c) => reaches(c, 10))).toHaveLength(1);
    // Luoshi's strings and formats are taken out too: the lists are what LibreOffice makes of the original.
    const original = libreOfficeResave(Buffer.from(await (await buildSample()).xlsx.writeBuffer()));
    expect(await lists(cleared.output)).toEqual(await lists(original));
  }, 180_000);
});
