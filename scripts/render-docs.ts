/**
 * Renders what a clerk prints: each sheet of the checked sample workbook, in Chinese and in English,
 * through LibreOffice to PDF, then the first page to PNG, into docs/ (sheet-<slug>.png in Chinese,
 * sheet-<slug>-en.png in English). The page is rasterised with pdftoppm when it is installed (Debian:
 * poppler-utils), else by Chromium's own PDF viewer through playwright-core (as the task pane's browser
 * tests run it). Needs soffice (libreoffice-calc-nogui, fonts-noto-cjk). Run: npm run render-docs
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { WorkbookPackage } from '../src/xlsx/workbook-package';
import { splice } from '../src/xlsx/xml-edit';
import { findElement, findElements } from '../src/xlsx/xml-scan';

/** Sheets by position in the checked sample: its four own sheets, then Luoshi's in the plan's order. */
const SHEETS: Array<[number, string]> = [
  [0, 'breakdown'],
  [4, 'summary'],
  [5, 'overdue'],
  [6, 'due-soon'],
  [7, 'by-department'],
  [8, 'periods'],
  [9, 'findings'],
  [10, 'run-log'],
];

/** The workbook with sheet `index` moved to the front, so the PDF's first page is that sheet's first page. */
async function sheetFirst(xlsx: Buffer, index: number): Promise<Buffer> {
  const pkg = await WorkbookPackage.open(xlsx, 'checked.xlsx');
  let wb = (await pkg.text(pkg.workbookPath))!;
  const list = findElement(wb, 'sheets')!;
  const sheets = findElements(wb, 'sheet', list.start, list.end);
  const kept = sheets[index];
  wb = splice(wb, kept.start, kept.end, '');
  wb = splice(wb, sheets[0].start, sheets[0].start, kept.text);
  pkg.write(pkg.workbookPath, wb);
  return pkg.save();
}

const havePdftoppm = spawnSync('which', ['pdftoppm']).status === 0;

/** Page 1 of `pdf` as `png` (A4 landscape, about 1000 pixels wide). */
async function firstPage(pdf: string, png: string): Promise<void> {
  if (havePdftoppm) {
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
    return;
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    // A4 landscape's proportions; the viewer without its toolbar fits the page to the window.
    const page = await browser.newPage({ viewport: { width: 1000, height: 720 } });
    await page.goto(`file://${pdf}#toolbar=0&navpanes=0&view=Fit`);
    await page.waitForTimeout(2500);
    // Inside the viewer's grey frame: the page alone.
    await page.screenshot({ path: png, clip: { x: 6, y: 6, width: 988, height: 694 } });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const root = path.join(__dirname, '..', '..');
  const input = fs.readFileSync(path.join(root, 'assets', 'sample.xlsx'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-docs-'));
  try {
    for (const lang of ['zh', 'en'] as const) {
      const options = { asOf: '2026-11-20', runAt: '2026-11-20 09:00', lang };
      const result = await checkedWorkbook(input, 'sample.xlsx', options);
      if (!result.ok) throw new Error(result.error.message.en);
      for (const [index, name] of SHEETS) {
        const slug = lang === 'zh' ? name : `${name}-en`;
        const file = path.join(work, `${slug}.xlsx`);
        fs.writeFileSync(file, await sheetFirst(result.value.output, index));
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
        await firstPage(path.join(work, `${slug}.pdf`), path.join(root, 'docs', `sheet-${slug}.png`));
        console.log(`docs/sheet-${slug}.png`);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
