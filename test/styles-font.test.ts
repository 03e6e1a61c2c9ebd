import JSZip from 'jszip';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { buildXlsx, patchPart } from './helpers/fixtures';

/** Luoshi's own fonts copy the workbook's base font; its name may be written with character references. */
describe("the status column's font is the workbook's base font, whatever way its name is written", () => {
  test.each([
    ['&#23435;&#20307;', '宋体'],
    ['&#x5B8B;&#x4F53;', '宋体'],
    ['Times &amp; Roman', 'Times &amp; Roman'],
  ])('name val="%s"', async (written, expected) => {
    const input = await patchPart(
      await buildXlsx([
        {
          name: '台账',
          rows: [
            ['序号', '具体措施', '牵头部门', '完成时限', '完成情况'],
            [1, '制定方案', '办公室', '2020年6月底前', '推进中'],
          ],
        },
      ]),
      'xl/styles.xml',
      (xml) => xml.replace(/(<fonts[^>]*>\s*<font>[\s\S]*?<name val=")[^"]*(")/, `$1${written}$2`),
    );
    const result = await checkedWorkbook(input, 'font.xlsx', { asOf: '2026-11-20', runAt: '2026-11-20 10:00' });
    if (!result.ok) throw new Error(result.error.message.en);
    const styles = await (await JSZip.loadAsync(result.value.output)).file('xl/styles.xml')!.async('string');
    const names = [...styles.matchAll(/<name val="([^"]*)"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(1); // the user's font and Luoshi's
    expect(names.slice(1).every((n) => n === expected)).toBe(true);
  });
});
