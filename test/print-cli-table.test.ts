/**
 * The CLI's status table (`luoshi validate`) lines up in a terminal with CJK text: padding counts
 * display width (string-width: CJK two columns, Latin one), not characters.
 */
import stringWidth from 'string-width';
import { summaryText } from '../src/cli/summary-text';
import { CellValue } from '../src/engine/model/workbook';
import { STATUS_CODES, STATUS_LABELS } from '../src/engine/judge/status';
import { judge, table } from './helpers/fixtures';

const ROWS: CellValue[][] = [
  [
    1,
    '每月召开一次理论学习中心组学习会议并形成会议记录，及时报送机关党委办公室备案审查',
    '机关党办',
    '各支部',
    '每月10日前',
    '',
    null,
  ],
  [2, '开展专项检查', '纪检组', '各处室', '2022年8月31日', '正在推进', null],
  [
    3,
    'Review the archive digitisation plan with the vendor and report the schedule to the office',
    '信息中心',
    '各处室',
    '2022年9月10日',
    '推进中',
    null,
  ],
  [12, '修订制度汇编', '办公室', '各处室', '2022年10月5日', '正在推进', null],
  [123, '组织青年理论学习小组开展“青年大学习”', '团委', '各支部', '2022年10月8日', '推进中', null],
];

/** Display column where `needle` starts in `line`. */
const columnOf = (line: string, needle: string) => stringWidth(line.slice(0, line.indexOf(needle)));

describe.each(['zh', 'en'] as const)('the CLI status table in %s', (lang) => {
  const text = summaryText(judge(table(ROWS), { lang }), '台账.xlsx');
  const lines = text.split('\n');

  test('the counts of every status end in the same terminal column', () => {
    const statusLines = STATUS_CODES.map((s) => lines.find((l) => l.startsWith(`  ${STATUS_LABELS[lang][s]}`))!);
    const ends = statusLines.map((l) => stringWidth(l));
    expect(new Set(ends).size).toBe(1);
  });

  test('item lines start their measure in the same column, whatever the row number’s width', () => {
    const items = lines.filter((l) => /^ {2}(第 \d+ 行|row \d+)/.test(l));
    expect(items.length).toBeGreaterThanOrEqual(4);
    const starts = items.map((l) => (columnOf(l, '[') >= 0 && l.includes('[') ? columnOf(l, '[') : -1));
    expect(new Set(starts).size).toBe(1);
  });

  test('a long measure is cut to the same display width (64 columns), CJK or Latin, with “…”', () => {
    const items = lines.filter((l) => /^ {2}(第 \d+ 行|row \d+)/.test(l));
    const cut = items.filter((l) => l.includes('…'));
    expect(cut.length).toBeGreaterThanOrEqual(2);
    const measureWidth = (l: string) => {
      const body = l.slice(l.indexOf(']') + 2);
      return stringWidth(body.slice(0, body.indexOf('…') + 1));
    };
    // A wide character that would pass the limit is left out whole: CJK cuts may be one column short.
    for (const w of cut.map(measureWidth)) {
      expect(w).toBeLessThanOrEqual(64);
      expect(w).toBeGreaterThanOrEqual(63);
    }
  });
});
