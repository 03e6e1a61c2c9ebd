/** CLI end to end (read the .xlsx, judge, write the JSON), split into reading and judging. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateWorkbook } from '../src/engine/validate';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { syntheticXlsx } from './synthetic-table';

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-bench-'));
  for (const n of [1_000, 10_000, 100_000]) {
    const file = path.join(dir, `t${n}.xlsx`);
    fs.writeFileSync(file, await syntheticXlsx(n));
    const t0 = process.hrtime.bigint();
    const wb = await readWorkbook(fs.readFileSync(file), file);
    const t1 = process.hrtime.bigint();
    const result = validateWorkbook(wb, { asOf: '2026-11-20' });
    const t2 = process.hrtime.bigint();
    if (!result.ok) throw new Error(result.error.message.en);
    fs.writeFileSync(path.join(dir, 'r.json'), JSON.stringify(result.report));
    const t3 = process.hrtime.bigint();
    const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
    const total = ms(t0, t3);
    console.log(
      `cli     ${String(n).padStart(7)} rows  total ${total.toFixed(0).padStart(6)} ms (${Math.round((n / total) * 1000).toLocaleString('en-US')} rows/s): read ${ms(t0, t1).toFixed(0)} ms, judge ${ms(t1, t2).toFixed(0)} ms, json ${ms(t2, t3).toFixed(0)} ms; file ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

run();
