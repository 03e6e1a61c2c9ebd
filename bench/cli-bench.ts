/**
 * The CLI end to end: `luoshi validate FILE --json REPORT --no-write` as a user runs it (a fresh Node
 * process), and the same steps in this process split into phases:
 * - reading the file, with the rows judged alongside on this thread while a second thread reads
 *   (sheets of 8 MB and more; smaller ones are read, then judged);
 * - reading alone (the same reading, nothing judged), so what judging adds to the wall clock shows;
 * - the judging left once the reading ends, and writing the JSON;
 * - for comparison, reading the whole workbook on one thread and judging it after.
 * Also the full run with the checked workbook written back (issue 3 measures that part in detail).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reportJsonChunks } from '../src/cli/report-json';
import { validateWorkbook } from '../src/engine/validate';
import { judgedWorkbook } from '../src/xlsx/checked-workbook';
import { clearOwned } from '../src/xlsx/clear-owned';
import { compiledReaderThread, THREAD_FROM_BYTES, threadReader } from '../src/xlsx/judge-while-reading';
import { readPackage } from '../src/xlsx/read-workbook';
import { partSize, WorkbookAssembler } from '../src/xlsx/workbook-stream';
import { WorkbookPackage } from '../src/xlsx/workbook-package';
import { syntheticXlsx } from './synthetic-table';

const CLI = path.join(__dirname, '..', '..', 'bin', 'luoshi.js');
const AS_OF = '2026-11-20';
const now = () => process.hrtime.bigint();
const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;

interface Phases {
  read: number;
  readAlone: number;
  judgeAfter: number;
  json: number;
  oneThreadRead: number;
  oneThreadJudge: number;
}

async function opened(file: string): Promise<{ bytes: Buffer; pkg: WorkbookPackage }> {
  const bytes = fs.readFileSync(file);
  const pkg = await WorkbookPackage.open(bytes, file);
  await clearOwned(pkg);
  return { bytes, pkg };
}

/** Reading as the CLI does for this file, nothing judged. */
async function readAlone(file: string, threaded: boolean): Promise<number> {
  const t0 = now();
  const { bytes, pkg } = await opened(file);
  if (threaded) {
    const assembler = new WorkbookAssembler();
    await threadReader(compiledReaderThread()!, { bytes, file, edits: pkg.edits() })((m) => assembler.receive(m));
  } else await readPackage(pkg);
  return ms(t0, now());
}

async function phases(file: string, json: string, threaded: boolean): Promise<Phases> {
  const marks: Record<string, bigint> = {};
  const t0 = now();
  const result = await judgedWorkbook(fs.readFileSync(file), file, { asOf: AS_OF }, (stage) => (marks[stage] = now()));
  const t2 = now();
  if (!result.ok) throw new Error(result.error.message.en);
  const fd = fs.openSync(json, 'w');
  for (const chunk of reportJsonChunks(result.value.report)) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const t3 = now();

  const t4 = now();
  const workbook = await readPackage((await opened(file)).pkg);
  const t5 = now();
  validateWorkbook(workbook, { asOf: AS_OF });
  const t6 = now();
  return { read: ms(t0, marks.judge), readAlone: await readAlone(file, threaded), judgeAfter: ms(marks.judge, t2), json: ms(t2, t3), oneThreadRead: ms(t4, t5), oneThreadJudge: ms(t5, t6) };
}

function wallClock(args: string[]): number {
  const t0 = now();
  execFileSync(process.execPath, [CLI, 'validate', ...args, '--as-of', AS_OF, '-q'], { stdio: 'inherit' });
  return ms(t0, now());
}

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-bench-'));
  const json = path.join(dir, 'r.json');
  const fileOf = async (n: number) => {
    const file = path.join(dir, `t${n}.xlsx`);
    fs.writeFileSync(file, await syntheticXlsx(n));
    return file;
  };
  await phases(await fileOf(10_000), json, false); // warm up the JIT
  for (const n of [1_000, 10_000, 100_000]) {
    const file = await fileOf(n);
    const { pkg } = await opened(file);
    const sheetBytes = await partSize(pkg, (await pkg.sheets())[0].partPath!);
    const threaded = sheetBytes >= THREAD_FROM_BYTES;
    // One run varies by ±20% on this machine: each phase's median of three runs.
    const runs = [await phases(file, json, threaded), await phases(file, json, threaded), await phases(file, json, threaded)];
    const median = (pick: (r: Phases) => number) => runs.map(pick).sort((a, b) => a - b)[1];
    const p = { read: median((r) => r.read), readAlone: median((r) => r.readAlone), judgeAfter: median((r) => r.judgeAfter), json: median((r) => r.json), oneRead: median((r) => r.oneThreadRead), oneJudge: median((r) => r.oneThreadJudge) };
    const total = p.read + p.judgeAfter + p.json;
    // What judging costs the wall clock: the reading it slowed down plus what is left after it.
    const judgeCost = Math.max(0, p.read - p.readAlone) + p.judgeAfter;
    const share = (x: number) => `${Math.round((x / total) * 100)}%`;
    const fresh = wallClock([file, '--json', json, '--no-write']);
    const withWrite = wallClock([file, '--json', json, '-o', path.join(dir, 'out.xlsx')]);
    console.log(
      `cli     ${String(n).padStart(7)} rows  ${threaded ? 'read on a second thread, judged alongside' : 'read, then judged (one thread)'}; in process (medians of 3) ${total.toFixed(0)} ms: ` +
        `reading alone ${p.readAlone.toFixed(0)} ms (${share(p.readAlone)}), judging adds ${judgeCost.toFixed(0)} ms (${share(judgeCost)}), json ${p.json.toFixed(0)} ms (${share(p.json)}) ` +
        `[read phase ${p.read.toFixed(0)} ms, judge after it ${p.judgeAfter.toFixed(0)} ms; one thread: read ${p.oneRead.toFixed(0)} + judge ${p.oneJudge.toFixed(0)} ms]; ` +
        `luoshi validate --json --no-write ${fresh.toFixed(0)} ms (${Math.round((n / fresh) * 1000).toLocaleString('en-US')} rows/s), with the workbook written ${withWrite.toFixed(0)} ms; ` +
        `file ${(fs.statSync(file).size / 1e6).toFixed(1)} MB (sheet XML ${(sheetBytes / 1e6).toFixed(0)} MB), report ${(fs.statSync(json).size / 1e6).toFixed(0)} MB`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

run();
