/**
 * Write-back on a 20k-row workbook: `luoshi validate` (writing FILE.checked.xlsx) against a bare exceljs
 * read + write of the same file, in the same run, interleaved. Measured two ways:
 *  - as commands: each a fresh Node process, as a user runs them (start-up and module loading included);
 *  - in this process after a warm-up: the steady-state cost of the code alone.
 * The target is a ratio of at most 1.3. This machine is noisy: each is run five times, and the
 * best and the median are printed.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import { exceljsRoundTrip } from './exceljs-round-trip';
import { syntheticXlsx } from './synthetic-table';

const RUNS = 5;
const ROWS = 20_000;
const ROOT = path.join(__dirname, '..', '..');

async function timed(f: () => unknown): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function stats(times: number[]): { best: number; median: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { best: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
}

async function compare(label: string, luoshi: () => unknown, exceljs: () => unknown, sizes: string): Promise<void> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(await timed(luoshi));
    b.push(await timed(exceljs));
  }
  const [l, e] = [stats(a), stats(b)];
  console.log(
    `write   ${ROWS} rows  ${label}: luoshi validate best ${l.best.toFixed(0)} ms, median ${l.median.toFixed(0)} ms · exceljs read+write best ${e.best.toFixed(0)} ms, median ${e.median.toFixed(0)} ms · ratio ${(l.best / e.best).toFixed(2)} (best), ${(l.median / e.median).toFixed(2)} (median); target ≤ 1.3${sizes}`,
  );
}

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-write-bench-'));
  const file = path.join(dir, 'table.xlsx');
  const [checked, copied] = [path.join(dir, 'checked.xlsx'), path.join(dir, 'exceljs.xlsx')];
  fs.writeFileSync(file, await syntheticXlsx(ROWS));
  const node = (script: string, args: string[]) => () =>
    execFileSync(process.execPath, [path.join(ROOT, script), ...args], { stdio: 'inherit' });
  const args = ['validate', file, '-o', checked, '--as-of', '2026-11-20', '-q'];
  await compare(
    'as commands',
    node('bin/luoshi.js', args),
    node('dist/bench/exceljs-round-trip.js', [file, copied]),
    '',
  );

  const inProcess = async () => {
    const code = await main(
      args,
      () => undefined,
      (s) => console.error(s),
    );
    if (code !== 0) throw new Error(`luoshi exited ${code}`);
  };
  await inProcess(); // warm up both paths once
  await exceljsRoundTrip(file, copied);
  const mb = (f: string) => (fs.statSync(f).size / 1e6).toFixed(1);
  await compare(
    'in process, warm',
    inProcess,
    () => exceljsRoundTrip(file, copied),
    `; input ${mb(file)} MB, outputs ${mb(checked)} MB (luoshi) and ${mb(copied)} MB (exceljs)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

run();
