/**
 * The CLI end to end: `luoshi validate FILE --json REPORT --no-write` as a user runs it (a fresh Node
 * process), and the same steps in this process split into reading the file, judging and writing the
 * JSON. Also the full run with the checked workbook written back (issue 3 measures that part in detail).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reportJsonChunks } from '../src/cli/report-json';
import { judgedWorkbook } from '../src/xlsx/checked-workbook';
import { syntheticXlsx } from './synthetic-table';

const CLI = path.join(__dirname, '..', '..', 'bin', 'luoshi.js');
const AS_OF = '2026-11-20';
const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;

async function phases(file: string, json: string): Promise<{ read: number; judge: number; json: number }> {
  const marks: Record<string, bigint> = {};
  const t0 = process.hrtime.bigint();
  const result = await judgedWorkbook(
    fs.readFileSync(file),
    file,
    { asOf: AS_OF },
    (stage) => (marks[stage] = process.hrtime.bigint()),
  );
  const t2 = process.hrtime.bigint();
  if (!result.ok) throw new Error(result.error.message.en);
  const fd = fs.openSync(json, 'w');
  for (const chunk of reportJsonChunks(result.value.report)) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const t3 = process.hrtime.bigint();
  return { read: ms(t0, marks.judge), judge: ms(marks.judge, t2), json: ms(t2, t3) };
}

function wallClock(args: string[]): number {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, [CLI, 'validate', ...args, '--as-of', AS_OF, '-q'], { stdio: 'inherit' });
  return ms(t0, process.hrtime.bigint());
}

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-bench-'));
  const json = path.join(dir, 'r.json');
  const fileOf = async (n: number) => {
    const file = path.join(dir, `t${n}.xlsx`);
    fs.writeFileSync(file, await syntheticXlsx(n));
    return file;
  };
  await phases(await fileOf(10_000), json); // warm up the JIT
  for (const n of [1_000, 10_000, 100_000]) {
    const file = await fileOf(n);
    // One run varies by ±20% on this machine: each phase's median of three runs.
    const runs = [await phases(file, json), await phases(file, json), await phases(file, json)];
    const median = (pick: (r: (typeof runs)[number]) => number) => runs.map(pick).sort((a, b) => a - b)[1];
    const p = { read: median((r) => r.read), judge: median((r) => r.judge), json: median((r) => r.json) };
    const total = p.read + p.judge + p.json;
    const share = (x: number) => `${Math.round((x / total) * 100)}%`;
    const fresh = wallClock([file, '--json', json, '--no-write']);
    const withWrite = wallClock([file, '--json', json, '-o', path.join(dir, 'out.xlsx')]);
    console.log(
      `cli     ${String(n).padStart(7)} rows  in process (medians of 3) ${total.toFixed(0).padStart(5)} ms: read ${p.read.toFixed(0)} ms (${share(p.read)}), judge ${p.judge.toFixed(0)} ms (${share(p.judge)}), json ${p.json.toFixed(0)} ms (${share(p.json)}); ` +
        `luoshi validate --json --no-write ${fresh.toFixed(0)} ms (${Math.round((n / fresh) * 1000).toLocaleString('en-US')} rows/s), with the workbook written ${withWrite.toFixed(0)} ms; file ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, report ${(fs.statSync(json).size / 1e6).toFixed(0)} MB`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

run();
