/**
 * Renders what a clerk prints: each sheet of the checked sample workbook through LibreOffice to PDF,
 * then the first page to PNG with pdftoppm, into docs/. Needs soffice and pdftoppm (Debian:
 * libreoffice-calc-nogui, poppler-utils, fonts-noto-cjk). Run: npm run render-docs
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { WorkbookPackage } from '../src/xlsx/workbook-package';
import { splice } from '../src/xlsx/xml-edit';
import { findElement, findElements } from '../src/xlsx/xml-scan';

const SHEETS: Array<[string, string]> = [
  ['责任分解表', 'breakdown'],
  ['汇总', 'summary'],
  ['逾期清单', 'overdue'],
  ['临期提醒', 'due-soon'],
  ['部门任务', 'by-department'],
  ['周期进度', 'periods'],
  ['校验问题', 'findings'],
  ['校验记录', 'run-log'],
];

/** The workbook with `keep` moved to the front, so the PDF's first page is that sheet's first page. */
async function sheetFirst(xlsx: Buffer, keep: string): Promise<Buffer> {
  const pkg = await WorkbookPackage.open(xlsx, 'checked.xlsx');
  let wb = (await pkg.text(pkg.workbookPath))!;
  const list = findElement(wb, 'sheets')!;
  const sheets = findElements(wb, 'sheet', list.start, list.end);
  const kept = sheets.find((s) => s.text.includes(`name="${keep}"`))!;
  wb = splice(wb, kept.start, kept.end, '');
  wb = splice(wb, sheets[0].start, sheets[0].start, kept.text);
  pkg.write(pkg.workbookPath, wb);
  return pkg.save();
}

async function main(): Promise<void> {
  const root = path.join(__dirname, '..', '..');
  const input = fs.readFileSync(path.join(root, 'assets', 'sample.xlsx'));
  const result = await checkedWorkbook(input, 'sample.xlsx', { asOf: '2026-11-20', runAt: '2026-11-20 09:00' });
  if (!result.ok) throw new Error(result.error.message.en);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-docs-'));
  try {
    for (const [sheet, slug] of SHEETS) {
      const file = path.join(work, `${slug}.xlsx`);
      fs.writeFileSync(file, await sheetFirst(result.value.output, sheet));
      execFileSync(
        'soffice',
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${work}/profile`,
          '--convert-to',
          'pdf',
          '--outdir',
          work,
          file,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        path.join(work, `${slug}.pdf`),
        path.join(root, 'docs', `sheet-${slug}`),
      ]);
      console.log(`docs/sheet-${slug}.png`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
