import { buildSample } from '../scripts/make-sample';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { WorkbookPackage } from '../src/xlsx/workbook-package';
import { libreOfficeConvert, SKIP_WITHOUT_LIBREOFFICE, soffice } from './helpers/libreoffice';

function csvRows(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const cells: string[] = [];
      let cur = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else cur += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
          cells.push(cur);
          cur = '';
        } else cur += ch;
      }
      cells.push(cur);
      return cells;
    });
}

describe('LibreOffice opens the checked workbook and reads the summary', () => {
  if (!soffice) {
    test.skip(SKIP_WITHOUT_LIBREOFFICE, () => undefined);
    return;
  }
  test('汇总 converted to CSV by LibreOffice shows the counts of the report', async () => {
    const input = Buffer.from(await (await buildSample()).xlsx.writeBuffer());
    const result = await checkedWorkbook(input, 'sample.xlsx', { asOf: '2026-11-20', runAt: '2026-11-20 09:00' });
    if (!result.ok) throw new Error(result.error.message.en);
    const sheets = await (await WorkbookPackage.open(result.value.output, 'checked.xlsx')).sheets();
    const summaryIndex = sheets.findIndex((s) => s.name === '汇总') + 1;
    // The CSV filter's 12th token picks the sheet (1-based); UTF-8 (76), comma separated, quoted text.
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${summaryIndex}`;
    const [csv] = libreOfficeConvert(result.value.output, filter, 'checked.xlsx').values();
    const rows = csvRows(csv.toString('utf8'));
    const count = (label: string) => Number(rows.find((r) => r[0] === label)?.[1]);
    const s = result.value.report.summary.byStatus;
    expect(count('● 逾期')).toBe(s.overdue);
    expect(count('▲ 临期')).toBe(s.due_soon);
    expect(count('? 待核实')).toBe(s.needs_attention);
    expect(count('◆ 逾期完成')).toBe(s.done_late);
    expect(count('○ 正常推进')).toBe(s.on_track);
    expect(count('◎ 持续推进')).toBe(s.ongoing);
    expect(count('✔ 已完成')).toBe(s.done);
    expect(count('合计')).toBe(result.value.report.tasks.length);
    expect(s.overdue).toBeGreaterThan(0);
  }, 180_000);
});
