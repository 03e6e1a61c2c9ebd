import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSample } from '../scripts/make-sample';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { WorkbookPackage } from '../src/xlsx/workbook-package';

/** LibreOffice, a real third-party client: .ci/run installs it (libreoffice-calc-nogui). */
const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);

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
    test.skip('skipped: LibreOffice is not installed (apt-get install libreoffice-calc-nogui); CI installs it', () =>
      undefined);
    return;
  }
  const scratch: string[] = [];
  afterAll(() => scratch.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  test('汇总 converted to CSV by LibreOffice shows the counts of the report', async () => {
    const input = Buffer.from(await (await buildSample()).xlsx.writeBuffer());
    const result = await checkedWorkbook(input, 'sample.xlsx', { asOf: '2026-11-20', runAt: '2026-11-20 09:00' });
    if (!result.ok) throw new Error(result.error.message.en);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-lo-'));
    scratch.push(dir);
    const file = path.join(dir, 'checked.xlsx');
    fs.writeFileSync(file, result.value.output);
    const sheets = await (await WorkbookPackage.open(result.value.output, file)).sheets();
    const summaryIndex = sheets.findIndex((s) => s.name === '汇总') + 1;
    // The CSV filter's 12th token picks the sheet (1-based); UTF-8 (76), comma separated, quoted text.
    execFileSync(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${summaryIndex}`,
        '--outdir',
        dir,
        file,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    const csv = fs.readdirSync(dir).find((n) => n.endsWith('.csv'))!;
    const rows = csvRows(fs.readFileSync(path.join(dir, csv), 'utf8'));
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
