import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import stringWidth from 'string-width';
import { parseArgs, UsageError } from '../src/cli/args';
import { filesProgress } from '../src/cli/progress';
import { buildXlsx, utc } from './helpers/fixtures';
import { runCli as cli } from './helpers/run-cli';

/*
 * Many workbooks in one run (issue 19), the argument parser (util.parseArgs) and the help of the five
 * commands; one test runs the real bin/luoshi.js in a child process with its output in a pipe.
 */

const AS_OF = '2022-09-30';
const ROOT = path.join(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-many-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TABLE = [
  ['2022年工作要点责任分解表'],
  ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'],
  [1, '完善督查问责机制', '办公室', '各处室', utc(2022, 6, 30), '已完成', utc(2022, 6, 20)],
  [2, '深化理想信念教育', '宣传处', '各支部', utc(2022, 8, 31), '推进中', null],
  [3, '开展专项督查', '纪检组', '', utc(2022, 10, 5), null, null],
];

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

describe('luoshi validate with several workbooks', () => {
  test('three files, one broken: two summary lines, one error line, the worst exit code', async () => {
    const book = await buildXlsx([{ name: '台账', rows: TABLE, formats: { E: 'yyyy-mm-dd' } }]);
    const a = write('v1/组织部台账.xlsx', book);
    const b = write('v1/b.xlsx', 'not a workbook');
    const c = write('v1/c.xlsx', book);
    const r = await cli('validate', a, b, c, '--as-of', AS_OF);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/^luoshi: .*\| Not an xlsx file .*b\.xlsx$/)]);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /组织部台账\.xlsx\s+共 3 项：● 逾期 1，▲ 临期 1，✔ 已完成 1 → .*组织部台账\.checked\.xlsx$/,
    );
    expect(lines[1]).toMatch(/c\.xlsx\s+共 3 项/);
    expect(lines[2]).toBe('共 3 个文件：2 个已校验，1 个失败（见上方 luoshi: 行）');
    // The counts start at the same terminal column whatever the file name's script.
    expect(stringWidth(lines[0].slice(0, lines[0].indexOf('共')))).toBe(
      stringWidth(lines[1].slice(0, lines[1].indexOf('共'))),
    );
    expect(fs.readdirSync(path.join(dir, 'v1')).sort()).toEqual(
      ['b.xlsx', 'c.checked.xlsx', 'c.xlsx', '组织部台账.checked.xlsx', '组织部台账.xlsx'].sort(),
    );
  });

  test('all good: exit 0; --no-write writes nothing; --lang en', async () => {
    const book = await buildXlsx([{ name: '台账', rows: TABLE }]);
    const files = [write('v2/x.xlsx', book), write('v2/y.xlsx', book)];
    const r = await cli('validate', ...files, '--no-write', '--as-of', AS_OF, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/x\.xlsx\s+3 tasks: ● Overdue 1, ▲ Due soon 1, ✔ Done 1$/m);
    expect(r.out).toContain('2 files: 2 checked');
    expect(fs.readdirSync(path.join(dir, 'v2')).sort()).toEqual(['x.xlsx', 'y.xlsx']);
  });

  test('-o and --json with several inputs are refused before anything is read', async () => {
    const book = await buildXlsx([{ name: '台账', rows: TABLE }]);
    const files = [write('v3/x.xlsx', book), write('v3/y.xlsx', book)];
    for (const [extra, pattern] of [
      [['-o', path.join(dir, 'v3', 'o.xlsx')], /-o works with one input file only/],
      [['--json', '-'], /--json works with one input file only/],
    ] as const) {
      const r = await cli('validate', ...files, ...extra, '--as-of', AS_OF);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(pattern);
    }
    expect(fs.readdirSync(path.join(dir, 'v3')).sort()).toEqual(['x.xlsx', 'y.xlsx']);
  });
});

describe('the progress bar over several files (cli-progress)', () => {
  const stream = (isTTY: boolean) => {
    let text = '';
    const s = { isTTY, columns: 100, write: (chunk: string) => ((text += chunk), true) };
    return { s: s as unknown as NodeJS.WriteStream, text: () => text };
  };

  test('on a terminal: the count and the file, then erased', () => {
    const t = stream(true);
    const bar = filesProgress(3, 'zh', t.s);
    bar.working('台账-组织部.xlsx');
    bar.step();
    bar.done();
    expect(t.text()).toContain('1/3 个文件');
    expect(t.text()).toContain('台账-组织部.xlsx');
  });

  test('in a pipe, or for one file: nothing at all', () => {
    for (const [tty, n] of [
      [false, 40],
      [true, 1],
    ] as const) {
      const t = stream(tty);
      const bar = filesProgress(n, 'en', t.s);
      bar.working('a.xlsx');
      bar.step();
      bar.clear();
      bar.done();
      expect(t.text()).toBe('');
    }
  });
});

describe('arguments (util.parseArgs)', () => {
  const specs = { output: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } } as const;

  test('aliases, the last value wins, `--` ends the options', () => {
    expect(parseArgs(['a', '-o', 'x', '--output=y', '-q', '--', '--help', '-o'], specs)).toEqual({
      positional: ['a', '--help', '-o'],
      values: { output: 'y', quiet: true },
    });
  });

  test('a negative number is a value or a text, as before', () => {
    expect(parseArgs(['-3', '-o', '-1'], specs)).toEqual({ positional: ['-3'], values: { output: '-1' } });
  });

  test.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-x'], 'unknown option -x'],
    [['-o'], '-o needs a value'],
    [['--output', '--quiet'], '--output needs a value'],
    [['--quiet=yes'], '--quiet takes no value'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseArgs(argv, specs)).toThrow(UsageError);
    expect(() => parseArgs(argv, specs)).toThrow(message);
  });

  test('through the CLI: one zh | en line, exit 2', async () => {
    const r = await cli('split', 'x.xlsx', '--as-of');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'luoshi: 参数有误：--as-of needs a value（--help 查看用法） | Bad arguments: --as-of needs a value (see --help)\n',
    );
    expect((await cli('explain', '--year', '2022', '-3')).code).toBe(0);
  });
});

describe('help for the five commands', () => {
  test('luoshi --help lists all five, in Chinese and English', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['validate', 'split', 'merge', 'clear', 'explain']) expect(r.out).toContain(`luoshi ${c} `);
    expect(r.out).toContain('用法：');
    expect(r.out).toContain('Usage:');
    expect(r.out).toContain('1 merged, with conflicts');
  });

  test.each([
    ['help', 'split'],
    ['split', '--help'],
    ['merge', 'a.xlsx', '-h'],
  ])('luoshi %s %s: that command only, both languages', async (...argv) => {
    const r = await cli(...argv);
    const command = argv[0] === 'help' ? argv[1] : argv[0];
    expect(r.code).toBe(0);
    expect(r.out).toContain(`luoshi ${command} `);
    expect(r.out).toContain('用法：');
    expect(r.out).toContain('Usage:');
    for (const other of ['validate', 'clear', 'explain']) expect(r.out).not.toContain(`luoshi ${other} `);
  });

  test('an unknown command names the five', async () => {
    const r = await cli('splitt');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/use validate, split, merge, clear or explain/);
  });
});

describe('bin/luoshi.js in a child process', () => {
  // bin/luoshi.js loads dist/; here the same file runs on the TypeScript source (no build in tests).
  const hook = path.join(dir, 'from-source.js');
  fs.writeFileSync(
    hook,
    `const fs = require('fs'), path = require('path'), ts = require(${JSON.stringify(require.resolve('typescript'))});
     const Module = require('module');
     require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: 1, target: 9, esModuleInterop: true } }).outputText, file);
     const resolve = Module._resolveFilename;
     Module._resolveFilename = function (request, ...rest) {
       if (request === '../dist/src/cli/main.js') return ${JSON.stringify(path.join(ROOT, 'src', 'cli', 'main.ts'))};
       return resolve.call(this, request, ...rest);
     };`,
  );

  test('validate of three files into a pipe: the lines on stdout, one error line on stderr, no bar, exit 2', () => {
    const book = fs.readFileSync(path.join(dir, 'v1', 'c.xlsx'));
    const files = [write('p/a.xlsx', book), write('p/b.xlsx', 'broken'), write('p/c.xlsx', book)];
    const r = spawnSync(
      process.execPath,
      ['-r', hook, path.join(ROOT, 'bin', 'luoshi.js'), 'validate', ...files, '--no-write', '--as-of', AS_OF],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^luoshi: .*b\.xlsx$/)]);
    expect(r.stderr).not.toContain('[#');
    expect(r.stderr).not.toContain(String.fromCharCode(27)); // no terminal escapes
  }, 120_000);
});
