import { CellValue } from '../src/engine/model/workbook';
import { validateWorkbook } from '../src/engine/validate';
import { reportJsonChunks } from '../src/cli/report-json';
import { Report } from '../src/engine/model/report';

function reportOf(rows: CellValue[][]): Report {
  const result = validateWorkbook(
    {
      sheets: [{ name: '台账', rows: [['序号', '具体措施', '牵头部门', '完成时限', '完成情况'], ...rows], merges: [] }],
      date1904: false,
    },
    { asOf: '2026-11-20' },
  );
  if (!result.ok) throw new Error(result.error.message.en);
  return result.report;
}

const textOf = (report: Report) => Buffer.concat([...reportJsonChunks(report)]).toString('utf8');
const taskLinesOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('    {"row":'))
    .map((line) => line.trim().replace(/,$/, ''));

describe('the --json report text', () => {
  test('holds exactly the report, with one line per task, across several write chunks', () => {
    // ~3000 tasks of about 1 kB each: more than the 1 MB a chunk holds.
    const rows = Array.from({ length: 3000 }, (_, i) => [
      i + 1,
      `每月开展1次主题党日活动，第${i + 1}项`,
      '机关党委',
      i % 2 ? '每月' : '6月底前',
      i % 3 ? '' : '已完成',
    ]);
    const report = reportOf(rows);
    const chunks = [...reportJsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(1);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
    const taskLines = taskLinesOf(text);
    expect(taskLines).toHaveLength(3000);
    expect(JSON.parse(taskLines[41]).measure).toBe('每月开展1次主题党日活动，第42项');
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('each task line is the task as JSON.stringify writes it, period lists included', () => {
    const rows: CellValue[][] = [
      [1, '每月开展1次主题党日活动，每季度召开1次党员大会', '机关党委', '', '3月15日、6月20日开展'],
      [2, '每半年报告一次思想动态分析', '办公室', '每半年', ''],
      // Texts that look like the JSON around them must not confuse where the period lists go.
      [3, '每月1次 "obligations":"\u0000" "periods":"\u0000" \\u0000', '"periods":"', '每月', ''],
      [4, '完善督查问责机制', '办公室', '6月底前', '已完成'],
      [5, '每月开展1次主题党日活动', '机关党委', '每月', ''],
    ];
    const report = reportOf(rows);
    expect(report.tasks[0].obligations.filter((o) => o.periods !== undefined)).toHaveLength(2);
    expect(taskLinesOf(textOf(report))).toEqual(report.tasks.map((t) => JSON.stringify(t)));
  });

  test('an empty task list and texts with line breaks and quotes stay valid JSON', () => {
    const report = reportOf([[1, '第一行\n第二行 "引号" \\ 反斜杠', '办公室\r\n', '6月底前', '']]);
    expect(JSON.parse(textOf(report))).toEqual(JSON.parse(JSON.stringify(report)));
    const empty = { ...report, tasks: [], findings: [] };
    expect(JSON.parse(textOf(empty))).toEqual(JSON.parse(JSON.stringify(empty)));
  });
});
