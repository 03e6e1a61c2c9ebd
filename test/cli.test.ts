import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { buildXlsx, patchPart, utc } from './helpers/fixtures';
import { runCli } from './helpers/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = runCli;

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const TABLE = [
  ['2022年工作要点责任分解表'],
  ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'],
  [1, '完善督查问责机制', '办公室', '各处室', utc(2022, 6, 30), '已完成', utc(2022, 6, 20)],
  [2, '每月开展1次主题党日', '机关党委', '各支部', '每月', '1月15日、2月15日开展', null],
  [3, '深化理想信念教育', '宣传处', '各支部', '年底前', '推进中', null],
];

describe('luoshi validate (SPEC §7)', () => {
  test('writes the JSON report with the contract fields', async () => {
    const file = write(
      't.xlsx',
      await buildXlsx([{ name: '台账', rows: TABLE, formats: { E: 'yyyy-mm-dd', G: 'yyyy-mm-dd' } }]),
    );
    const json = path.join(dir, 'r.json');
    const { code, out } = await cli('validate', file, '--json', json, '--as-of', '2022-09-30');
    expect(code).toBe(0);
    expect(out).toContain('逾期');
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report).toMatchObject({
      asOf: '2022-09-30',
      sheet: '台账',
      columns: { id: 'A', measure: 'B', deadline: 'E' },
      year: 2022,
    });
    expect(report.tasks).toHaveLength(3);
    for (const t of report.tasks) {
      for (const key of [
        'row',
        'id',
        'measure',
        'lead',
        'responsible',
        'obligations',
        'status',
        'due',
        'daysOverdue',
        'missedPeriods',
        'findings',
      ])
        expect(t).toHaveProperty(key);
    }
    expect(report.tasks.map((t: { status: string }) => t.status)).toEqual(['done', 'overdue', 'on_track']);
    expect(report.tasks[1].missedPeriods).toEqual(['2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08']);
    expect(report.summary.byStatus).toMatchObject({ done: 1, overdue: 1, on_track: 1 });
  });

  test('--json - prints the report; --lang en speaks English', async () => {
    const file = write('t2.xlsx', await buildXlsx([{ name: 'S', rows: TABLE }]));
    const { code, out } = await cli('validate', file, '--json', '-', '--as-of', '2022-09-30', '--lang', 'en');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.tasks[1].statusText).toMatch(/^● Overdue: missed Mar, Apr.* \(the earliest \d+ days ago\)/);
  });

  test('1904 workbooks: date cells keep their calendar date', async () => {
    const plain = await buildXlsx([{ name: 'S', rows: TABLE, formats: { E: 'yyyy-mm-dd' } }]);
    // Re-date the package: flag 1904 and shift the deadline serial by 1462 days, as Mac Excel writes it.
    let bytes = await patchPart(plain, 'xl/workbook.xml', (x) =>
      x.replace(/<workbookPr([^>]*)\/>/, '<workbookPr$1 date1904="1"/>'),
    );
    bytes = await patchPart(bytes, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(/(<c r="E3"[^>]*><v>)(\d+)(<\/v>)/, (_, a, v, b) => `${a}${Number(v) - 1462}${b}`),
    );
    const { out } = await cli('validate', write('d1904.xlsx', bytes), '--json', '-', '--as-of', '2022-09-30');
    expect(JSON.parse(out).tasks[0].due).toBe('2022-06-30');
  });

  test('ISO date cells (t="d") are read as dates', async () => {
    let bytes = await buildXlsx([{ name: 'S', rows: TABLE }]);
    bytes = await patchPart(bytes, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(/<c r="E5"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="E5" t="d"><v>2022-07-31T00:00:00</v></c>'),
    );
    const { out } = await cli('validate', write('iso.xlsx', bytes), '--json', '-', '--as-of', '2022-09-30');
    expect(JSON.parse(out).tasks[2]).toMatchObject({ due: '2022-07-31', status: 'overdue' });
  });

  test('the time zone never shifts a date', async () => {
    const file = write(
      'tz.xlsx',
      await buildXlsx([{ name: 'S', rows: TABLE, formats: { E: 'yyyy-mm-dd', G: 'yyyy-mm-dd' } }]),
    );
    const { out } = await cli('validate', file, '--json', '-', '--as-of', '2022-09-30');
    const t = JSON.parse(out).tasks[0];
    expect(t.due).toBe('2022-06-30');
    expect(t.obligations[0].due).toBe('2022-06-30');
  });
});

describe('bad input: exit 2, one line in Chinese and English, nothing written', () => {
  const expectRefusal = async (args: string[], pattern: RegExp) => {
    const json = path.join(dir, `never-${Math.random()}.json`);
    const r = await cli(...args, '--json', json);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^luoshi: .*[\u4e00-\u9fff].* \| [-A-Za-z]/);
    expect(r.err).toMatch(pattern);
    expect(fs.existsSync(json)).toBe(false);
  };

  test('missing file', () => expectRefusal(['validate', path.join(dir, 'nope.xlsx')], /File not found/));
  test('not an xlsx', () => expectRefusal(['validate', write('a.xlsx', 'hello, this is text')], /Not an xlsx file/));
  test('corrupt zip', async () => {
    const good = await buildXlsx([{ name: 'S', rows: TABLE }]);
    await expectRefusal(['validate', write('c.xlsx', good.subarray(0, 300))], /corrupt/);
  });
  test('encrypted workbook (a compound file with an EncryptedPackage stream)', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 1024);
    await expectRefusal(['validate', write('enc.xlsx', cfb)], /password-protected/);
  });
  test('XML entity bomb', async () => {
    const zip = await JSZip.loadAsync(await buildXlsx([{ name: 'S', rows: TABLE }]));
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>';
    zip.file('xl/sharedStrings.xml', bomb);
    await expectRefusal(
      ['validate', write('bomb.xlsx', Buffer.from(await zip.generateAsync({ type: 'nodebuffer' })))],
      /DTD/,
    );
  });
  test('no recognisable table', async () =>
    expectRefusal(
      [
        'validate',
        write(
          'n.xlsx',
          await buildXlsx([
            {
              name: 'S',
              rows: [
                ['a', 'b'],
                [1, 2],
              ],
            },
          ]),
        ),
      ],
      /No breakdown table/,
    ));
  test('bad options', async () => {
    const file = write('o.xlsx', await buildXlsx([{ name: 'S', rows: TABLE }]));
    await expectRefusal(['validate', file, '--as-of', '2022/09/30'], /--as-of/);
    await expectRefusal(['validate', file, '--column', 'measure'], /--column/);
    await expectRefusal(['validate', file, '--bogus'], /unknown option/);
  });
});

describe('luoshi validate writes the checked workbook; luoshi clear takes it out again (SPEC §5, §7)', () => {
  test('writes FILE.checked.xlsx next to the input by default, and never touches the input', async () => {
    const bytes = await buildXlsx([{ name: '台账', rows: TABLE }]);
    const file = write('w.xlsx', bytes);
    const { code, out } = await cli('validate', file, '--as-of', '2022-09-30');
    expect(code).toBe(0);
    expect(out).toContain('w.checked.xlsx');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'w.checked.xlsx')));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('name="逾期清单"');
  });

  test('-o names the output; -o naming the input replaces it; --no-write writes no workbook', async () => {
    const file = write('o2.xlsx', await buildXlsx([{ name: '台账', rows: TABLE }]));
    expect((await cli('validate', file, '-o', path.join(dir, 'mine.xlsx'), '--as-of', '2022-09-30', '-q')).code).toBe(
      0,
    );
    expect(fs.existsSync(path.join(dir, 'mine.xlsx'))).toBe(true);
    expect((await cli('validate', file, '-o', file, '--as-of', '2022-09-30', '-q')).code).toBe(0);
    expect(await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/workbook.xml')!.async('string')).toContain(
      '逾期清单',
    );
    const fresh = write('n2.xlsx', await buildXlsx([{ name: '台账', rows: TABLE }]));
    expect((await cli('validate', fresh, '--no-write', '--as-of', '2022-09-30', '-q')).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'n2.checked.xlsx'))).toBe(false);
  });

  test("clear writes FILE.cleared.xlsx with the user's workbook as it was", async () => {
    const bytes = await buildXlsx([{ name: '台账', rows: TABLE }]);
    const file = write('c.xlsx', bytes);
    await cli('validate', file, '--as-of', '2022-09-30', '-q');
    const { code, out } = await cli('clear', path.join(dir, 'c.checked.xlsx'));
    expect(code).toBe(0);
    expect(out).toContain('c.checked.cleared.xlsx');
    const before = await JSZip.loadAsync(bytes);
    const after = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'c.checked.cleared.xlsx')));
    for (const name of Object.keys(before.files).filter((n) => !before.files[n].dir))
      expect(await after.file(name)?.async('string')).toBe(await before.file(name)!.async('string'));
  });

  test('bad input leaves no output file behind', async () => {
    const file = write('bad.xlsx', 'not a zip');
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Not an xlsx file/);
    expect(fs.existsSync(path.join(dir, 'bad.checked.xlsx'))).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('luoshi explain', () => {
  test('a deadline cell gives exactly one obligation', async () => {
    const { code, out } = await cli('explain', '--year', '2022', '每年7月1日前');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      obligations: [{ kind: 'recurring', period: 'year', minCount: 1, by: '07-01', text: '每年7月1日前' }],
    });
    expect(JSON.parse((await cli('explain', '--year', '2022', '胡说八道')).out).obligations).toEqual([
      { kind: 'unknown', text: '胡说八道' },
    ]);
  });

  test('--measure gives the obligations of the text in order', async () => {
    const { out } = await cli(
      'explain',
      '--year',
      '2022',
      '--measure',
      '机关党办每半年报告一次党员思想动态分析，书记班子每年至少召开1次专题会议',
    );
    expect(JSON.parse(out).obligations.map((o: { period: string; actor: string }) => [o.period, o.actor])).toEqual([
      ['half-year', '机关党办'],
      ['year', '书记班子'],
    ]);
    expect(JSON.parse((await cli('explain', '--measure', '开展研习研讨30余次')).out)).toEqual({ obligations: [] });
  });
});

describe('help', () => {
  // "see --help" ends every usage error, so --help must work after any command too.
  const asked = [
    ['--help'],
    ['validate', '--help'],
    ['explain', '-h'],
    ['clear', 'x.xlsx', '--help'],
    ['validate', 'x.xlsx', '--json', 'r.json', '-h'],
  ];
  test.each(asked.map((argv) => [argv.join(' '), argv]))(
    'luoshi %s prints the usage in both languages and exits 0',
    async (_, argv) => {
      const { code, out, err } = await cli(...argv);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toContain('用法：');
      expect(out).toContain('Usage:');
    },
  );

  test('with no command at all: the usage, exit 2', async () => {
    const { code, out } = await cli();
    expect(code).toBe(2);
    expect(out).toContain('Usage:');
  });
});
