/**
 * The email round trip at an organ's scale (issue 19): a 2,000-row master for 40 departments (each
 * leading 50 rows and responsible for 150 more: about 200 rows per department file), `luoshi split`
 * into 40 files, every file answered (the progress of its first 20 rows), `luoshi merge` of all 40.
 * Both commands run in this process through main(), files on disk, as a user runs them; each is run
 * three times and the median is printed (this machine varies by ±20%).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';

const ROWS = 2_000;
const DEPARTMENTS = Array.from({ length: 40 }, (_, i) => `第${i + 1}处`);
const AS_OF = '2026-11-20';
const RUNS = 3;
const silent = () => undefined;

async function master(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('责任分解表');
  ws.addRow(['2026年工作要点责任分解表']);
  ws.addRow(['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间']);
  for (let i = 0; i < ROWS; i++) {
    const d = (k: number) => DEPARTMENTS[(i + k * 7) % DEPARTMENTS.length];
    ws.addRow([i + 1, `第${i + 1}项：落实工作要点任务`, d(0), `${d(1)}、${d(2)}、${d(3)}`, '年底前', '推进中', null]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A department's file with the progress of its first 20 task rows filled in (exceljs standing in for Excel). */
async function answered(file: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('责任分解表')!;
  let n = 0;
  ws.eachRow((row, i) => {
    if (i > 2 && typeof row.getCell(1).value === 'number' && n++ < 20) row.getCell(6).value = '已完成';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function timed(f: () => Promise<number>): Promise<number> {
  const t = process.hrtime.bigint();
  const code = await f();
  if (code > 1) throw new Error(`exit ${code}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-merge-bench-'));
  try {
    const file = path.join(dir, '台账.xlsx');
    fs.writeFileSync(file, await master());
    const splits: number[] = [];
    for (let r = 0; r < RUNS; r++)
      splits.push(
        await timed(() =>
          main(['split', file, '-o', path.join(dir, `split${r}`), '--as-of', AS_OF, '-q'], silent, silent),
        ),
      );

    const back = path.join(dir, 'returned');
    fs.mkdirSync(back);
    const names = fs.readdirSync(path.join(dir, 'split0'));
    for (const name of names) fs.writeFileSync(path.join(back, name), await answered(path.join(dir, 'split0', name)));
    const replies = names.map((n) => path.join(back, n));
    const merges: number[] = [];
    for (let r = 0; r < RUNS; r++)
      merges.push(
        await timed(() =>
          main(
            ['merge', file, ...replies, '-o', path.join(dir, `merged${r}.xlsx`), '--as-of', AS_OF, '-q'],
            silent,
            silent,
          ),
        ),
      );
    // Once more, not timed, to show what was merged: 800 answers, fewer cells (a row is in four departments' files).
    let said = '';
    await main(['merge', file, ...replies, '--dry-run', '--as-of', AS_OF, '--lang', 'en'], (l) => (said = l), silent);
    const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`merge-bench: ${ROWS} rows, ${names.length} departments (median of ${RUNS})`);
    console.log(`  luoshi split: ${fmt(median(splits))}  (runs: ${splits.map(fmt).join(', ')})`);
    console.log(
      `  luoshi merge of ${replies.length} replies: ${fmt(median(merges))}  (runs: ${merges.map(fmt).join(', ')})`,
    );
    console.log(`  ${said.split('\n').filter((l) => l.startsWith('Merged'))[0]}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void run();
