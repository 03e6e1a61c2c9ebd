import JSZip from 'jszip';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { WorkbookPackage } from '../src/xlsx/workbook-package';
import { buildXlsx } from './helpers/fixtures';

const HEADER = ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况'];

/** A sheet name Excel allows, with an apostrophe inside (only a leading or trailing one is forbidden). */
async function checkedWithSheetName(name: string): Promise<{ cells: string[]; findingsXml: string }> {
  const input = await buildXlsx([{ name, rows: [HEADER, [1, '开展专项检查', '', '办公室', '2026年6月底前', '']] }]);
  const result = await checkedWorkbook(input, 'refs.xlsx', { asOf: '2026-11-20', runAt: '2026-11-20 10:00' });
  if (!result.ok) throw new Error(result.error.message.en);
  const pkg = await WorkbookPackage.open(result.value.output, 'refs.xlsx');
  const part = (await pkg.sheets()).find((s) => s.name === '校验问题')!.partPath!;
  const findingsXml = await (await JSZip.loadAsync(result.value.output)).file(part)!.async('string');
  return { cells: result.value.report.tasks[0].findings.map((f) => f.cell), findingsXml };
}

describe('findings link to their cell whatever the sheet is called', () => {
  test.each([
    ["O'Brien台账", "'O''Brien台账'!C2"],
    ["2026年'三重一大'台账", "'2026年''三重一大''台账'!C2"],
    ['台账 (2026)', "'台账 (2026)'!C2"],
  ])('a sheet named %s: the finding says %s and 校验问题 links there', async (name, reference) => {
    const { cells, findingsXml } = await checkedWithSheetName(name);
    expect(cells[0]).toBe(reference); // the missing lead department, column C
    const location = reference.replace(/'/g, '&apos;');
    expect(findingsXml.includes(`location="${reference}"`) || findingsXml.includes(`location="${location}"`)).toBe(
      true,
    );
  });
});
