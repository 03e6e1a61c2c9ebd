/**
 * Write-back on a 20k-row workbook: `luoshi validate` (the CLI, end to end, writing FILE.checked.xlsx)
 * against a bare exceljs read + write of the same file, in the same run. Prints both and the ratio
 * (the target: at most 1.3).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { syntheticXlsx } from './synthetic-table';

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function run(): Promise<void> {
  const rows = 20_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-write-bench-'));
  const file = path.join(dir, 'table.xlsx');
  fs.writeFileSync(file, await syntheticXlsx(rows));
  const exceljsRoundTrip = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(path.join(dir, 'exceljs.xlsx'));
  };
  const luoshi = async () => {
    const code = await main(['validate', file, '-o', path.join(dir, 'checked.xlsx'), '--as-of', '2026-11-20', '-q'], () => undefined, (s) => console.error(s));
    if (code !== 0) throw new Error(`luoshi exited ${code}`);
  };
  await luoshi(); // warm up both paths once
  await exceljsRoundTrip();
  const results: Array<[number, number]> = [];
  for (let i = 0; i < 3; i++) results.push([await timed(luoshi), await timed(exceljsRoundTrip)]);
  const best = (k: 0 | 1) => Math.min(...results.map((r) => r[k]));
  const size = (f: string) => (fs.statSync(path.join(dir, f)).size / 1e6).toFixed(1);
  console.log(`write   ${rows} rows  luoshi validate ${best(0).toFixed(0)} ms (output ${size('checked.xlsx')} MB) · exceljs read+write ${best(1).toFixed(0)} ms (${size('exceljs.xlsx')} MB) · ratio ${(best(0) / best(1)).toFixed(2)} (target ≤ 1.3); input ${size('table.xlsx')} MB, best of 3`);
  fs.rmSync(dir, { recursive: true, force: true });
}

run();
