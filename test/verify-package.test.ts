import JSZip from 'jszip';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { firstLoss } from '../src/xlsx/verify-package';
import { richWorkbook } from './helpers/rich-workbook';

/** The output of a real run, then damaged the way a faulty writer could damage it. */
async function tampered(output: Buffer, edit: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(output);
  await edit(zip);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('the package check run before any output is written', () => {
  let input: Buffer;
  let output: Buffer;
  beforeAll(async () => {
    input = await richWorkbook();
    const result = await checkedWorkbook(input, 't.xlsx', { asOf: '2022-09-30', runAt: '2022-09-30 10:00' });
    if (!result.ok) throw new Error('no table');
    output = result.value.output;
  });

  test('accepts the real output', async () => {
    expect(await firstLoss(input, output, 't.xlsx')).toBeNull();
  });

  test('names a part that went missing', async () => {
    const bad = await tampered(output, async (zip) => void zip.remove('docProps/core.xml'));
    expect(await firstLoss(input, bad, 't.xlsx')).toBe('part docProps/core.xml is missing');
  });

  test('names a user cell that changed in the breakdown sheet', async () => {
    const bad = await tampered(output, async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', xml.replace(/(<c r="A3"[^>]*>)<v>1<\/v>/, '$1<v>9</v>'));
    });
    expect(await firstLoss(input, bad, 't.xlsx')).toBe('cell A3 of xl/worksheets/sheet1.xml changed');
  });

  test('names a user style that changed, and a defined name that was lost', async () => {
    const styleChanged = await tampered(output, async (zip) => {
      const xml = await zip.file('xl/styles.xml')!.async('string');
      zip.file(
        'xl/styles.xml',
        xml.replace(/<cellXfs count="(\d+)"><xf /, '<cellXfs count="$1"><xf applyProtection="1" '),
      );
    });
    expect(await firstLoss(input, styleChanged, 't.xlsx')).toBe('style cellXfs[0] changed');
    const nameLost = await tampered(output, async (zip) => {
      const xml = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', xml.replace(/<definedName name="措施清单"[^<]*<\/definedName>/, ''));
    });
    expect(await firstLoss(input, nameLost, 't.xlsx')).toBe('defined name 措施清单 is missing');
  });

  test("names a user's shared string that changed; Luoshi's own entries after them are its business", async () => {
    const userText = await tampered(output, async (zip) => {
      const xml = await zip.file('xl/sharedStrings.xml')!.async('string');
      zip.file('xl/sharedStrings.xml', xml.replace('<t>完善督查问责机制</t>', '<t>完善督查问责机制（改）</t>'));
    });
    expect(await firstLoss(input, userText, 't.xlsx')).toBe('shared strings of xl/sharedStrings.xml changed');
    const ownText = await tampered(output, async (zip) => {
      const xml = await zip.file('xl/sharedStrings.xml')!.async('string');
      zip.file('xl/sharedStrings.xml', xml.replace('<t>校验记录</t>', '<t>运行记录</t>'));
    });
    expect(await firstLoss(input, ownText, 't.xlsx')).toBeNull();
  });
});
