import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { syntheticXlsx } from '../bench/synthetic-table';
import { beforeDump, firstWorkbook } from '../src/cli/supervisor';

/*
 * Issue 16: out of memory is one line with the table's size and advice, never V8's fatal dump. V8's
 * heap limit cannot be caught in the process that hits it, so bin/luoshi.js runs the command in a child
 * process and src/cli/supervisor.ts turns the dump into the line.
 */

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'luoshi.js');
const built = fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'supervisor.js'));

/** The beginning of what Node 20 prints when the heap is exhausted. */
const V8_DUMP = [
  '',
  '<--- Last few GCs --->',
  '',
  '[11914:0x2981bfb0]     2850 ms: Mark-Compact (reduce) 148.4 (151.7) -> 147.8 (151.9) MB',
  '',
  '<--- JS stacktrace --->',
  '',
  'FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory',
  '----- Native stack trace -----',
].join('\n');

describe('the supervisor reads the child’s standard error', () => {
  test('text before V8’s dump passes; the dump is recognised and held back', () => {
    expect(beforeDump(`读取中…\n${V8_DUMP}`)).toEqual({ text: '读取中…', dump: true });
    expect(beforeDump('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory')).toEqual({
      text: '',
      dump: true,
    });
  });

  test('variant: an ordinary error line (even one naming memory) is not a dump', () => {
    const line = 'luoshi: 内存不足；请把表格拆成几个文件 | Out of memory; split the table\n';
    expect(beforeDump(line)).toEqual({ text: line, dump: false });
    expect(beforeDump('<表头> 未找到\n')).toEqual({ text: '<表头> 未找到\n', dump: false });
  });

  test('the workbook named first is the one the message gives', () => {
    expect(firstWorkbook(['validate', '--as-of', '2026-11-20', '台账.xlsx', '-o', 'x.xlsx'])).toBe('台账.xlsx');
    expect(firstWorkbook(['merge', 'M.XLSM', 'a.xlsx'])).toBe('M.XLSM');
    expect(firstWorkbook(['explain', '每月'])).toBeNull();
  });
});

describe('bin/luoshi.js out of memory, for real', () => {
  if (!built) {
    test.skip('skipped: dist/ is not built (npm ci builds it; or npx tsc -p tsconfig.json)', () => undefined);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-oom-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a table too big for the heap ends with one line and exit 2, not V8’s dump', async () => {
    const file = path.join(dir, '大台账.xlsx');
    fs.writeFileSync(file, await syntheticXlsx(30_000));
    const out = path.join(dir, 'out.xlsx');
    const r = spawnSync(process.execPath, [BIN, 'validate', file, '--as-of', '2026-11-20', '-o', out], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=48' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^luoshi: 内存不足：.*大台账\.xlsx（[\d.]+ [KM]B）.* \| Out of memory: .*大台账\.xlsx \([\d.]+ [KM]B\)/,
      ),
    ]);
    expect(r.stderr).not.toMatch(/FATAL|Last few GCs|stack trace/);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  test('variant: a normal run through the supervisor keeps its exit code and streams the whole report', () => {
    const sample = path.join(ROOT, 'assets', 'sample.xlsx');
    const r = spawnSync(
      process.execPath,
      [BIN, 'validate', sample, '--as-of', '2026-11-20', '--json', '-', '--no-write'],
      {
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 64 << 20,
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tasks.length).toBeGreaterThan(20);
    expect(r.stderr).toBe('');
  }, 120_000);

  test('variant: bad input still gives its own line and exit 2', () => {
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, 'not a zip');
    const r = spawnSync(process.execPath, [BIN, 'validate', broken], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^luoshi: .* \| .*/);
  }, 60_000);
});
