import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import { buildXlsx, utc } from './helpers/fixtures';

/** The CLI as a careful tool (issue 16): it never writes over what it should not, and says what went wrong. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-careful-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROOT = path.join(__dirname, '..');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (s) => void (out += s + '\n'),
    (s) => void (err += s + '\n'),
  );
  return { code, out, err };
}

/** One line, Chinese first, English after " | ", no Node error text or temp path in it. */
function expectOneLine(err: string, pattern: RegExp): void {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^luoshi: .*[\u4e00-\u9fff].* \| [-A-Za-z]/);
  expect(err).toMatch(pattern);
  const zh = err.slice(0, err.indexOf(' | '));
  expect(zh).not.toMatch(/\b(E[A-Z]{3,}|no such file|permission denied|not a directory)\b/);
  expect(err).not.toMatch(/\.tmp\b/);
}

/**
 * The CLI in a child process, as bin/luoshi.js runs it (exit code set, never process.exit), from the
 * TypeScript source through TypeScript's transpiler. `hooks` is extra script run first in the child.
 */
const RUNNER = (hooks: string) => `
  const fs = require('fs'), ts = require('typescript');
  require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: 1, target: 9, esModuleInterop: true } }).outputText, file);
  ${hooks}
  require(${JSON.stringify(path.join(ROOT, 'src', 'cli', 'main.ts'))}).cli(JSON.parse(process.argv[1]));`;

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const HEADER = ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'];
function tableOf(n: number): unknown[][] {
  const rows: unknown[][] = [['2022年工作要点责任分解表'], HEADER];
  for (let i = 1; i <= n; i++)
    rows.push([i, `第${i}项：每月开展1次主题党日活动`, '机关党委', '各支部', '每月', '1月15日开展', null]);
  return rows;
}
const SMALL = [
  ['2022年工作要点责任分解表'],
  HEADER,
  [1, '完善督查问责机制', '办公室', '各处室', utc(2022, 6, 30), '已完成', utc(2022, 6, 20)],
  [2, '深化理想信念教育', '宣传处', '各支部', '年底前', '推进中', null],
];
const small = () => buildXlsx([{ name: '台账', rows: SMALL as never, formats: { E: 'yyyy-mm-dd' } }]);

describe('1. the --json report is never written over the input or the output workbook', () => {
  test('--no-write --json naming the input: refused, exit 2, the workbook untouched', async () => {
    const bytes = await small();
    const file = write('c.xlsx', bytes);
    const r = await cli('validate', file, '--no-write', '--json', file, '--as-of', '2022-09-30');
    expect(r.code).toBe(2);
    expectOneLine(r.err, /c\.xlsx/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  test('-o X --json X: refused before anything is written', async () => {
    const file = write('c2.xlsx', await small());
    const out = path.join(dir, 'c2-out.xlsx');
    const r = await cli('validate', file, '-o', out, '--json', out, '--as-of', '2022-09-30');
    expect(r.code).toBe(2);
    expectOneLine(r.err, /c2-out\.xlsx/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('variants: the default output named another way, and the input reached through a symlink', async () => {
    const bytes = await small();
    const file = write('c3.xlsx', bytes);
    // the default output c3.checked.xlsx, spelt with a ./ detour
    const r1 = await cli('validate', file, '--json', path.join(dir, '.', 'sub', '..', 'c3.checked.xlsx'));
    expect(r1.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'c3.checked.xlsx'))).toBe(false);
    const link = path.join(dir, 'c3-link.xlsx');
    fs.symlinkSync(file, link);
    const r2 = await cli('validate', file, '--no-write', '--json', link, '--as-of', '2022-09-30');
    expect(r2.code).toBe(2);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('2. --json - arrives whole through a pipe, whatever its size', () => {
  /** Runs the CLI with stdout piped to a reader that waits `pauseMs` before reading anything. */
  function slowRead(argv: string[], pauseMs: number): Promise<{ code: number | null; out: Buffer; err: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['-e', RUNNER(''), JSON.stringify(argv)], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const chunks: Buffer[] = [];
      let err = '';
      child.stdout.pause();
      setTimeout(() => {
        child.stdout.on('data', (c: Buffer) => {
          chunks.push(c);
          // and read slowly on: pause a little after every chunk
          child.stdout.pause();
          setTimeout(() => child.stdout.resume(), 5);
        });
        child.stdout.resume();
      }, pauseMs);
      child.stderr.on('data', (c) => (err += c));
      child.on('close', (code) => resolve({ code, out: Buffer.concat(chunks), err }));
    });
  }

  test.each([200, 700])('a %i-row table: the whole report, exit 0', async (n) => {
    const file = write(`pipe${n}.xlsx`, await buildXlsx([{ name: '台账', rows: tableOf(n) as never }]));
    const { code, out, err } = await slowRead(['validate', file, '--json', '-', '--as-of', '2022-09-30'], 400);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.length).toBeGreaterThan(64 * 1024);
    const report = JSON.parse(out.toString('utf8'));
    expect(report.tasks).toHaveLength(n);
  });
});

describe('3. arguments are checked before anything is read or written', () => {
  test('--json into a missing folder: refused naming the path, no workbook written', async () => {
    const file = write('m.xlsx', await small());
    const json = path.join(dir, 'no-such-folder', 'r.json');
    const r = await cli('validate', file, '--json', json, '--as-of', '2022-09-30');
    expect(r.code).toBe(2);
    expectOneLine(r.err, /no-such-folder/);
    expect(fs.existsSync(path.join(dir, 'm.checked.xlsx'))).toBe(false);
  });

  test('variants: -o into a missing folder; --json into a path whose folder is a file', async () => {
    const file = write('m2.xlsx', await small());
    const r1 = await cli('validate', file, '-o', path.join(dir, 'missing', 'x.xlsx'), '--as-of', '2022-09-30');
    expect(r1.code).toBe(2);
    expectOneLine(r1.err, /missing/);
    const r2 = await cli('validate', file, '--json', path.join(file, 'r.json'), '--as-of', '2022-09-30');
    expect(r2.code).toBe(2);
    expectOneLine(r2.err, /m2\.xlsx/);
    expect(fs.existsSync(path.join(dir, 'm2.checked.xlsx'))).toBe(false);
  });

  test('--as-of is checked before the file is read: an impossible date on a missing file names the date', async () => {
    for (const bad of ['2022-13-45', '2022-02-30', '2023-02-29']) {
      const r = await cli('validate', path.join(dir, 'absent.xlsx'), '--as-of', bad);
      expect(r.code).toBe(2);
      expectOneLine(r.err, /--as-of/);
      expect(r.err).not.toMatch(/not found/);
    }
  });

  test('after --, options end: files named -o.xlsx and --help are files', async () => {
    write('-o.xlsx', await small());
    const cwd = process.cwd();
    process.chdir(dir); // a file name that starts with a dash, as typed
    let r;
    try {
      r = await cli('validate', '--as-of', '2022-09-30', '-q', '--', '-o.xlsx');
    } finally {
      process.chdir(cwd);
    }
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, '-o.checked.xlsx'))).toBe(true);
    const h = await cli('validate', '--as-of', '2022-09-30', '--', path.join(dir, '--help'));
    expect(h.code).toBe(2);
    expect(h.out).not.toContain('Usage:');
    expectOneLine(h.err, /File not found/);
    const h2 = await cli('validate', '--', '-h');
    expect(h2.code).toBe(2);
    expect(h2.out).not.toContain('Usage:');
  });
});

describe('4. temporary files', () => {
  test('a 78-character Chinese file name (234 bytes) is written and its temp file fits the 255-byte limit', async () => {
    const name = '关于落实'.repeat(19) + '台账'; // 78 characters
    expect(name).toHaveLength(78);
    const file = write(`${name}.xlsx`, await small());
    const r = await cli('validate', file, '--as-of', '2022-09-30', '-q');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, `${name}.checked.xlsx`))).toBe(true);
    const json = path.join(dir, `${name}.json`);
    expect((await cli('validate', file, '--no-write', '--json', json, '--as-of', '2022-09-30', '-q')).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).tasks).toHaveLength(2);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a stale temp file of a killed run beside the target is cleaned on the next run; a live run’s is kept', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'stale-'));
    const file = path.join(sub, 's.xlsx');
    fs.writeFileSync(file, await small());
    // a pid no process has (above Linux's pid_max), and this very test process (alive)
    const dead = path.join(sub, '.s.checked.xlsx.99999999.tmp');
    const alive = path.join(sub, `.s.checked.xlsx.${process.pid}.tmp`);
    fs.writeFileSync(dead, 'half a workbook');
    fs.writeFileSync(alive, 'being written');
    expect((await cli('validate', file, '--as-of', '2022-09-30', '-q')).code).toBe(0);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(alive)).toBe(true);
  });

  test.each(['SIGINT', 'SIGTERM'])(
    '%s while the workbook is being written: no temp file, no output',
    async (signal) => {
      const sub = fs.mkdtempSync(path.join(dir, 'sig-'));
      const file = path.join(sub, 'k.xlsx');
      fs.writeFileSync(file, await small());
      // The child's file writes stall after opening (test hook in the child only), and say so on stderr.
      const hooks = `
      const fsp = require('fs').promises, open = fsp.open;
      fsp.open = async (...a) => { const h = await open(...a); const w = h.write.bind(h);
        h.write = async (...b) => { process.stderr.write('OPENED\\n'); await new Promise((r) => setTimeout(r, 60000)); return w(...b); };
        return h; };`;
      const child = spawn(
        process.execPath,
        ['-e', RUNNER(hooks), JSON.stringify(['validate', file, '--as-of', '2022-09-30'])],
        {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let err = '';
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (c) => {
          err += c;
          if (err.includes('OPENED')) resolve();
        });
        child.on('close', () => reject(new Error(`the child ended before writing: ${err}`)));
      });
      expect(fs.readdirSync(sub).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
      child.kill(signal as NodeJS.Signals);
      await new Promise((resolve) => child.on('close', resolve));
      expect(fs.readdirSync(sub).sort()).toEqual(['k.xlsx']);
    },
  );
});

describe('5. messages name the failing path, in both languages', () => {
  test('an output folder without write permission: the output path named, no Node text in the Chinese half', async () => {
    // (root writes anywhere, so the target is a folder: that fails for every user)
    const file = write('p.xlsx', await small());
    const target = path.join(dir, 'p-target-is-a-folder.xlsx');
    fs.mkdirSync(target);
    const r = await cli('validate', file, '-o', target, '--as-of', '2022-09-30');
    expect(r.code).toBe(2);
    expectOneLine(r.err, /p-target-is-a-folder\.xlsx/);
  });

  test('re-validating x.checked.xlsx writes x.checked.xlsx again, and says so', async () => {
    const file = write('x.xlsx', await small());
    expect((await cli('validate', file, '--as-of', '2022-09-30', '-q')).code).toBe(0);
    const checked = path.join(dir, 'x.checked.xlsx');
    const r = await cli('validate', checked, '--as-of', '2022-09-30');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'x.checked.checked.xlsx'))).toBe(false);
    expect(r.out).toMatch(/覆盖/);
    const en = await cli('validate', checked, '--as-of', '2022-09-30', '--lang', 'en');
    expect(en.out).toMatch(/replac/i);
    // variant: upper-case extension and tag as a clerk's Windows might show them
    const upper = write('Y.CHECKED.XLSX', await small());
    expect((await cli('validate', upper, '--as-of', '2022-09-30', '-q')).code).toBe(0);
    expect(fs.readdirSync(dir).filter((n) => /^Y\./.test(n))).toEqual(['Y.CHECKED.XLSX']);
  });
});

describe('6. an Excel lock file beside the input', () => {
  test('~$NAME.xlsx: one warning line in both languages, and the run goes on', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'lock-'));
    const file = path.join(sub, '台账.xlsx');
    fs.writeFileSync(file, await small());
    fs.writeFileSync(path.join(sub, '~$台账.xlsx'), 'owner');
    const r = await cli('validate', file, '--as-of', '2022-09-30', '-q');
    expect(r.code).toBe(0);
    expectOneLine(r.err, /Excel/);
    expect(r.err).toMatch(/未保存/);
    expect(fs.existsSync(path.join(sub, '台账.checked.xlsx'))).toBe(true);
    // no lock file: no warning
    fs.unlinkSync(path.join(sub, '~$台账.xlsx'));
    expect((await cli('validate', file, '--as-of', '2022-09-30', '-q')).err).toBe('');
    // variant: clear warns the same way
    fs.writeFileSync(path.join(sub, '~$台账.checked.xlsx'), 'owner');
    const c = await cli('clear', path.join(sub, '台账.checked.xlsx'), '-q');
    expect(c.code).toBe(0);
    expectOneLine(c.err, /Excel/);
  });
});

describe('7. out of memory', () => {
  test('a RangeError while judging is one line with the table size and advice, not a dump', async () => {
    const file = write('big.xlsx', await small());
    // Simulate the engine running out of memory: JSON.stringify of a huge report throws RangeError.
    const stringify = JSON.stringify;
    const spy = jest.spyOn(JSON, 'stringify').mockImplementation(() => {
      throw new RangeError('Invalid string length');
    });
    let r;
    try {
      r = await cli('validate', file, '--no-write', '--json', '-', '--as-of', '2022-09-30');
    } finally {
      spy.mockRestore();
    }
    expect(JSON.stringify).toBe(stringify);
    expect(r.code).toBe(2);
    expectOneLine(r.err, /memory/i);
    expect(r.err).toMatch(/内存/);
    expect(r.err).toMatch(/KB|MB/);
    expect(r.err).toMatch(/max-old-space-size/);
  });
});

describe('8. .ci/run ends with the totals', () => {
  test('a plain "N passed, N failed" line summed over both time zones, last', () => {
    const bin = fs.mkdtempSync(path.join(dir, 'bin-'));
    const stub = (name: string, body: string) => {
      fs.writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\n${body}\n`, { mode: 0o755 });
    };
    stub('soffice', 'echo LibreOffice stub');
    stub('chromium', 'echo Chromium stub');
    // npm test -- --json --outputFile=F writes jest's totals; the first zone passes, the second has 2 failures
    stub(
      'npm',
      `case "$1" in
        ci) exit 0;;
        test) for a in "$@"; do case "$a" in --outputFile=*) f="\${a#--outputFile=}";; esac; done
              if [ "$TZ" = "Asia/Shanghai" ]; then echo '{"numPassedTests":10,"numFailedTests":0}' > "$f"; exit 0
              else echo '{"numPassedTests":8,"numFailedTests":2}' > "$f"; exit 1; fi;;
        run) echo sample line;;
      esac`,
    );
    const r = spawnSync('bash', [path.join(ROOT, '.ci', 'run')], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CHROMIUM: path.join(bin, 'chromium') },
      encoding: 'utf8',
    });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('18 passed, 2 failed');
    expect(r.status).not.toBe(0);
  });
});
