import { CellValue, WorkbookData } from '../src/engine/model/workbook';
import { validateWorkbook } from '../src/engine/validate';
import { buildWritePlan } from '../src/engine/write/build-plan';
import { sheetWidth } from '../src/engine/write/plan';

import { generatedSheetXml } from '../src/xlsx/generated-sheet-xml';

/*
 * A breakdown table of 100k rows gives a 部门任务 sheet of 200k rows (each task under its lead and
 * under 各处室). Nothing on the way may pass a row list as call arguments (Math.max(...rows) overflows
 * the stack from about 120k elements): this once made `luoshi validate` fail on such a file.
 */
const ROWS = 100_000;

function bigTable(): WorkbookData {
  const rows: CellValue[][] = [['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况']];
  for (let i = 0; i < ROWS; i++)
    rows.push([
      i + 1,
      `机关党支部每月开展1次主题党日活动（第${i + 1}项）`,
      `处室${i % 7}`,
      '各处室',
      i % 2 ? '每月' : '6月底前',
      i % 3 ? '推进中' : '已完成',
    ]);
  return { sheets: [{ name: '台账', rows, merges: [] }], date1904: false };
}

test('a table of 100k rows gets every generated sheet written, 部门任务 with its 200k rows', () => {
  const result = validateWorkbook(bigTable(), { asOf: '2026-11-20' });
  if (!result.ok) throw new Error(result.error.message.en);
  const plan = buildWritePlan(result.report, {
    userSheets: ['台账'],
    fileName: '台账.xlsx',
    runAt: '2026-11-20 10:00',
    previousRunLog: null,
  });
  const byDepartment = plan.sheets.find((s) => s.role === 'byDepartment')!;
  expect(byDepartment.rows.length).toBeGreaterThan(2 * ROWS);
  expect(sheetWidth(byDepartment)).toBe(7);

  for (const sheet of plan.sheets) {
    const xml = generatedSheetXml(sheet, () => 1);
    expect(xml).toContain(`<row r="${sheet.rows.length}"`);
    expect(xml.endsWith('</worksheet>')).toBe(true);
  }
}, 60_000);
