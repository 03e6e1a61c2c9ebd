import { CellValue } from '../src/engine/model/workbook';
import { validateWorkbook } from '../src/engine/validate';
import { reportJsonChunks } from '../src/cli/report-json';
import { Report } from '../src/engine/model/report';

function reportOf(rows: CellValue[][]): Report {
  const result = validateWorkbook({ sheets: [{ name: '台账', rows: [['序号', '具体措施', '牵头部门', '完成时限', '完成情况'], ...rows], merges: [] }], date1904: false }, { asOf: '2026-11-20' });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.report;
}

describe('the --json report text', () => {
  test('holds exactly the report, with one line per task, across several write chunks', () => {
    // ~3000 tasks of about 1 kB each: more than the 1 MB a chunk holds.
    const rows = Array.from({ length: 3000 }, (_, i) => [i + 1, `每月开展1次主题党日活动，第${i + 1}项`, '机关党委', i % 2 ? '每月' : '6月底前', i % 3 ? '' : '已完成']);
    const report = reportOf(rows);
    const chunks = [...reportJsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(1);
    const text = chunks.join('');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
    const taskLines = text.split('\n').filter((line) => line.startsWith('    {"row":'));
    expect(taskLines).toHaveLength(3000);
    expect(JSON.parse(taskLines[41].replace(/,$/, '')).measure).toBe('每月开展1次主题党日活动，第42项');
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('an empty task list and texts with line breaks and quotes stay valid JSON', () => {
    const report = reportOf([[1, '第一行\n第二行 "引号" \\ 反斜杠', '办公室\r\n', '6月底前', '']]);
    const text = [...reportJsonChunks(report)].join('');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
    const empty = { ...report, tasks: [], findings: [] };
    expect(JSON.parse([...reportJsonChunks(empty)].join(''))).toEqual(JSON.parse(JSON.stringify(empty)));
  });
});
