/**
 * What the leader's desk gets (issue 18): generated sheets and the breakdown sheet print cleanly.
 * Texts fit their columns by DISPLAY width (CJK two, Latin one, as string-width measures them), no
 * lone "）" or "前" wraps onto a line of its own, the breakdown sheet prints A4 landscape fit to width
 * when the user set no print settings of their own, and the counts agree from sheet to sheet.
 */
import JSZip from 'jszip';
import stringWidth from 'string-width';
import { CellValue } from '../src/engine/model/workbook';
import { buildWritePlan, statusColumnWidth } from '../src/engine/write/build-plan';
import { displayWidth, wrappedLines } from '../src/engine/write/display-width';
import { GeneratedSheet, WritePlan } from '../src/engine/write/plan';
import { rowHeights } from '../src/engine/write/row-heights';
import { styleCatalogue } from '../src/engine/write/styles';
import { STATUS_LABELS } from '../src/engine/judge/status';
import { checkedWorkbook, clearedWorkbook } from '../src/xlsx/checked-workbook';
import { buildXlsx, judge, patchPart, sheet, table, utc, workbook } from './helpers/fixtures';
import { libreOfficeConvert, SKIP_WITHOUT_LIBREOFFICE, soffice } from './helpers/libreoffice';

const CTX = { userSheets: ['台账'], fileName: '台账.xlsx', runAt: '2022-09-30 10:00', previousRunLog: null };

/** Rows of every status kind, a recurring obligation with a by-day, a row without a deadline. */
const ROWS: CellValue[][] = [
  [1, '每月召开一次理论学习中心组学习会议', '机关党办', '各支部', '每月10日前', '已开展3次', null],
  [2, '完成年度考核', '组织处', '人事处、办公室、宣传部', '2022年6月30日', '已完成', '2022-06-20'],
  [3, '修订制度汇编', '办公室', '各处室', '2022年3月31日', '已完成', '2022-05-10'],
  [4, '开展专项检查', '纪检组', '各处室', '2022年8月31日', '正在推进', null],
  [5, '推进档案数字化', '信息中心', 'Takes part in everything', '2022年10月10日', '推进中', null],
  [6, '每季度报送一次工作进展', '宣传部', '各处室', '', '', null],
];

function plan(lang: 'zh' | 'en' = 'zh', rows = ROWS): WritePlan {
  return buildWritePlan(judge(table(rows), { lang }), CTX);
}

function byRole(p: WritePlan, role: GeneratedSheet['role']): GeneratedSheet {
  return p.sheets.find((s) => s.role === role)!;
}

/** Cells not under a merge across columns, with their column's width. */
function cellsWithWidth(s: GeneratedSheet): Array<{ text: string; style: string; width: number }> {
  const out: Array<{ text: string; style: string; width: number }> = [];
  s.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.value === null || cell.value === '') return;
      if (s.merges.some((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right && m.right > m.left)) return;
      // Numbers as the sheet shows them: percentages with one decimal ("16.7%").
      const text =
        typeof cell.value !== 'number'
          ? cell.value
          : cell.style === 'percent'
            ? `${(cell.value * 100).toFixed(1)}%`
            : String(cell.value);
      out.push({ text, style: cell.style ?? '', width: s.widths[c] });
    }),
  );
  return out;
}

describe('display width', () => {
  test('is string-width’s: CJK and full-width forms two, Latin and the status symbols one', () => {
    for (const t of [
      '● 逾期 234 天',
      '校验结果',
      'Check result',
      '（10日前）',
      'ｆｕｌｌ',
      '𠀀a',
      '✔ 已完成',
      '責任分解表',
      '',
    ])
      expect(displayWidth(t)).toBe(stringWidth(t));
  });

  test('wrapping keeps a closing bracket or 前 with the text before it, and Latin words whole', () => {
    // 11 wide characters in a line of 20: "十）" go down together, not "）" alone.
    expect(wrappedLines('一二三四五六七八九十）', 20)).toBe(2);
    expect(wrappedLines('一二三四五六七八九十', 20)).toBe(1);
    // "Attention" is never broken at a line's end when it fits a line of its own.
    expect(wrappedLines('Needs Attention', 10)).toBe(2);
    expect(wrappedLines('Takes part', 10)).toBe(1);
  });

  test('row heights count display width: a row of two full lines is two lines tall, not three', () => {
    const styles = styleCatalogue();
    const twoLines = '一'.repeat(22); // 44 wide in a 23-character column: two lines of 11
    const heights = rowHeights({ rows: [[{ value: twoLines, style: 'text' }]], widths: [23] }, styles);
    expect(heights[0]).toBe(2 * 15 + 2);
    const latin = 'a'.repeat(30); // 30 wide: two lines in a 23-character column, not one
    expect(rowHeights({ rows: [[{ value: latin, style: 'text' }]], widths: [23] }, styles)[0]).toBe(32);
    expect(rowHeights({ rows: [[{ value: 'abc 中文', style: 'text' }]], widths: [23] }, styles)[0]).toBeNull();
  });
});

describe.each(['zh', 'en'] as const)('every generated sheet in %s', (lang) => {
  const p = plan(lang);

  test('headers keep each word whole, and cells that do not wrap fit their column', () => {
    const styles = p.styles;
    for (const s of p.sheets) {
      for (const cell of cellsWithWidth(s)) {
        if (cell.style === 'header') {
          for (const word of cell.text.split(/\s+/))
            expect({ sheet: s.name, word, fits: stringWidth(word) <= cell.width - 1 }).toMatchObject({ fits: true });
        } else if (!styles[cell.style]?.wrap && cell.style !== 'title' && cell.style !== 'subtitle') {
          expect({ sheet: s.name, text: cell.text, fits: stringWidth(cell.text) <= cell.width - 1 }).toEqual({
            sheet: s.name,
            text: cell.text,
            fits: true,
          });
        }
      }
    }
  });

  test('short wrapped texts (a requirement, a deadline, a department) stay on one line: no lone "）" or "前"', () => {
    for (const s of p.sheets)
      for (const cell of cellsWithWidth(s))
        if (p.styles[cell.style]?.wrap && cell.style !== 'header' && cell.width < 30 && stringWidth(cell.text) <= 20)
          expect({ sheet: s.name, text: cell.text, lines: wrappedLines(cell.text, cell.width - 1) }).toEqual({
            sheet: s.name,
            text: cell.text,
            lines: 1,
          });
  });

  test('汇总’s notes beside the rates run on over columns C–E only, never under the chart (from column F)', () => {
    const summary = byRole(p, 'summary');
    const chart = summary.chart!;
    expect(chart.anchor.left).toBe(5);
    const room = summary.widths.slice(2, chart.anchor.left).reduce((a, b) => a + b, 0);
    for (const row of summary.rows)
      if (row[2]?.style === 'subtitle') expect(stringWidth(String(row[2].value))).toBeLessThanOrEqual(room - 1);
  });

  test('the run log’s done count is 汇总’s ✔ done count, under the same name', () => {
    const summary = byRole(p, 'summary');
    const done = STATUS_LABELS[lang].done;
    const summaryRow = summary.rows.find((r) => r[0]?.value === done)!;
    const log = byRole(p, 'runLog');
    const header = log.rows[2].map((c) => c.value);
    const col = header.indexOf(lang === 'zh' ? '已完成' : 'Done');
    expect(col).toBeGreaterThan(0);
    expect(log.rows[3][col].value).toBe(summaryRow[1].value);
    // The sample has a task done late: it is not counted as done in either place.
    const late = summary.rows.find((r) => r[0]?.value === STATUS_LABELS[lang].done_late)!;
    expect(late[1].value).toBe(1);
  });
});

describe('texts a clerk would fix by hand', () => {
  test('汇总’s title names the sheet once: a sheet called 责任分解表 is not “责任分解表校验汇总：责任分解表”', () => {
    const report = judge(
      workbook(
        sheet('责任分解表', [
          ['2022年工作要点'],
          ['序号', '具体措施', '牵头部门', '完成时限'],
          [1, '开展检查', '办公室', '2022年6月30日'],
        ]),
      ),
    );
    const title = String(
      byRole(buildWritePlan(report, { ...CTX, userSheets: ['责任分解表'] }), 'summary').rows[0][0].value,
    );
    expect(title.split('责任分解表').length - 1).toBe(1);
    expect(title).toBe('校验汇总：责任分解表');
  });

  test('variant: a traditional sheet name is shown as written, once; English says “Check summary”', () => {
    const report = judge(
      workbook(
        sheet('責任分解表', [
          ['2022年工作要點'],
          ['序號', '具體措施', '牽頭部門', '完成時限'],
          [1, '開展檢查', '辦公室', '2022年6月30日'],
        ]),
      ),
      { lang: 'en' },
    );
    const title = String(
      byRole(buildWritePlan(report, { ...CTX, userSheets: ['責任分解表'] }), 'summary').rows[0][0].value,
    );
    expect(title).toBe('Check summary: 責任分解表');
  });

  test('a task without a deadline says so and where its due date comes from (the measure’s own words)', () => {
    const rows = byRole(plan('zh'), 'byDepartment').rows;
    const row = rows.find((r) => r[3]?.value === '每季度报送一次工作进展')!;
    expect(row[4].value).toMatch(/^未填写；按措施所写：每季度至少 1 次/);
  });

  test('variant: a table without a 完成时限 column names the year’s end; in English too', () => {
    const noDeadline = workbook(
      sheet('台账', [
        ['2022年工作要点'],
        ['序号', '具体措施', '牵头部门', '完成情况'],
        [1, '开展专项检查', '办公室', ''],
      ]),
    );
    const zh = buildWritePlan(judge(noDeadline), CTX);
    const zhRow = byRole(zh, 'byDepartment').rows.find((r) => r[3]?.value === '开展专项检查')!;
    expect(zhRow[4].value).toBe('未填写；按表格年度末 2022-12-31');
    const en = buildWritePlan(judge(noDeadline, { lang: 'en' }), CTX);
    const enRow = byRole(en, 'byDepartment').rows.find((r) => r[3]?.value === '开展专项检查')!;
    expect(enRow[4].value).toBe("not given; the table year's end, 2022-12-31");
  });

  test('English headings use ASCII brackets: “Monthly (1)”, not “Monthly（1）”', () => {
    const periods = byRole(plan('en'), 'periods');
    const groups = periods.rows
      .flat()
      .filter((c) => c.style === 'group')
      .map((c) => c.value);
    expect(groups).toContain('Monthly (1)');
    expect(groups).toContain('Quarterly (1)');
    const made = plan('en').sheets.flatMap((s) =>
      s.rows.flat().filter((c) => ['title', 'header', 'group', 'subtitle'].includes(c.style ?? '')),
    );
    for (const c of made) expect(String(c.value ?? '')).not.toMatch(/[（）]/);
  });
});

describe('the breakdown sheet on paper', () => {
  const input = () =>
    buildXlsx([
      {
        name: '台账',
        rows: [
          ['2022年工作要点责任分解表'],
          ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'],
          ...ROWS.map((r) =>
            r.map((v) => (v === '2022-06-20' ? utc(2022, 6, 20) : v === '2022-05-10' ? utc(2022, 5, 10) : v)),
          ),
        ],
      },
    ]);
  const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 10:00' };

  async function part(xlsx: Buffer, name = 'xl/worksheets/sheet1.xml'): Promise<string> {
    return (await JSZip.loadAsync(xlsx)).file(name)!.async('string');
  }

  async function checked(xlsx: Buffer): Promise<Buffer> {
    const result = await checkedWorkbook(xlsx, '台账.xlsx', OPTIONS);
    if (!result.ok) throw new Error(result.error.message.en);
    return result.value.output;
  }

  test('the status column wraps and is as wide as its longest reason; the sheet prints A4 landscape, one page wide', async () => {
    const original = await input();
    const out = await checked(original);
    const xml = await part(out);
    const p = plan('zh');
    expect(p.breakdown.width).toBe(statusColumnWidth(p.breakdown.cells));
    expect(xml).toContain(`<col min="8" max="8" width="${p.breakdown.width}" customWidth="1"/>`);
    // As wide as the longest reason, up to 36 characters; longer reasons wrap.
    const longest = Math.max(...p.breakdown.cells.map((c) => stringWidth(c.text)));
    expect(p.breakdown.width).toBe(Math.min(36, Math.max(14, longest + 2)));
    expect(p.styles[p.breakdown.cellStyle].wrap).toBe(true);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<sheetPr[^>]*>(?:(?!<\/sheetPr>).)*<pageSetUpPr fitToPage="1"\/>/);
    // clear gives the sheet back exactly as it was.
    const cleared = await clearedWorkbook(out, '台账.xlsx');
    expect(await part(cleared.output)).toBe(await part(original));
  });

  test('variant: a sheet with no page setup at all gets one, and clear takes it out again', async () => {
    const original = await patchPart(await input(), 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(/<pageSetup[^>]*\/>/, ''),
    );
    const out = await checked(original);
    expect(await part(out)).toMatch(
      /<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/,
    );
    const cleared = await clearedWorkbook(out, '台账.xlsx');
    expect(await part(cleared.output)).toBe(await part(original));
  });

  test('variant: the user’s own print settings (portrait fit to page, or a print area) are never overridden', async () => {
    const fitted = await patchPart(await input(), 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(/(<worksheet[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'),
    );
    const before = await part(fitted);
    const out = await part(await checked(fitted));
    expect(out.match(/<pageSetup[^>]*>/)![0]).toBe(before.match(/<pageSetup[^>]*>/)![0]);
    expect(out).not.toContain('landscape');
    const area = await patchPart(await input(), 'xl/workbook.xml', (x) =>
      x.replace(
        /<\/sheets>/,
        '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'台账\'!$A$1:$D$8</definedName></definedNames>',
      ),
    );
    expect(await part(await checked(area))).not.toContain('landscape');
  });
});

describe('LibreOffice prints the breakdown sheet', () => {
  if (!soffice) {
    test.skip(SKIP_WITHOUT_LIBREOFFICE, () => undefined);
    return;
  }

  test('a wide table without print settings: two pages before, one page wide with the status column after', async () => {
    const header = [
      '序号',
      '具体措施',
      '牵头部门',
      '责任部门',
      '完成时限',
      '完成情况',
      '完成时间',
      '备注一',
      '备注二',
      '备注三',
    ];
    const rows: unknown[][] = [['2022年工作要点'], header];
    for (let i = 1; i <= 30; i++)
      rows.push([
        i,
        '机关党支部每月开展1次主题党日活动并形成会议记录报送机关党委',
        '办公室',
        '各处室',
        '2022年6月30日',
        '推进中',
        null,
        '备注内容比较长的一段文字',
        '另一段备注文字',
        '第三段备注',
      ]);
    const input = await buildXlsx([{ name: '台账', rows }]);
    const result = await checkedWorkbook(input, '台账.xlsx', { asOf: '2022-09-30', runAt: '2022-09-30 10:00' });
    if (!result.ok) throw new Error(result.error.message.en);
    // The breakdown sheet alone: Luoshi's sheets taken out of the list so the PDF is its pages only.
    const alone = await patchPart(result.value.output, 'xl/workbook.xml', (x) =>
      x.replace(/(<sheets>)(<sheet [^>]*\/>).*?(<\/sheets>)/, '$1$2$3').replace(/<definedNames>.*<\/definedNames>/, ''),
    );
    const pages = (xlsx: Buffer) => {
      const [pdf] = libreOfficeConvert(xlsx, 'pdf').values();
      return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    };
    expect(pages(input)).toBe(2);
    expect(pages(alone)).toBe(1);
  }, 240_000);
});
