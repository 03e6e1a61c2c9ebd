import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../src/cli/main';
import { checkedWorkbook } from '../src/xlsx/checked-workbook';
import { InputError } from '../src/xlsx/input-error';
import { INJECTED_PART, INJECTED_SHEET, withBreakdownSheet } from './helpers/inject-table';

const corpus = path.join(__dirname, '..', '..', 'shared', 'corpus');
const present = fs.existsSync(corpus);
const list = (d: string) => (present ? fs.readdirSync(path.join(corpus, d)).map((f) => path.join(corpus, d, f)) : []);

async function parts(xlsx: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

const elements = (xml: string, name: string) =>
  xml.match(new RegExp(`<(?:\\w+:)?${name}[\\s/>][^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`, 'g')) ?? [];
const without = (xml: string, names: string[]) =>
  names.reduce(
    (x, n) =>
      x.replace(
        new RegExp(`<(?:\\w+:)?${n}[\\s/>][\\s\\S]*?</(?:\\w+:)?${n}>|<(?:\\w+:)?${n}(?:\\s[^>]*)?/>`, 'g'),
        '',
      ),
    xml,
  );
const STYLE_LISTS: Array<[string, string]> = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['cellStyles', 'cellStyle'],
  ['dxfs', 'dxf'],
];

/**
 * The input package and the output, part by part, checked independently of the writer's own
 * verification: untouched parts byte for byte; the parts Luoshi must edit keep every element they had.
 */
async function losses(input: Buffer, output: Buffer): Promise<string[]> {
  const a = await parts(input);
  const b = await parts(output);
  const problems: string[] = [];
  const stylesName = [...a.keys()].find((n) => /^xl\/styles\d*\.xml$/.test(n));
  for (const [name, bytes] of a) {
    const after = b.get(name);
    if (!after) {
      problems.push(`${name} missing`);
      continue;
    }
    if (after.equals(bytes)) continue;
    const x = bytes.toString('utf8');
    const y = after.toString('utf8');
    if (name === '[Content_Types].xml' || name === 'xl/_rels/workbook.xml.rels') {
      for (const e of [...elements(x, 'Default'), ...elements(x, 'Override'), ...elements(x, 'Relationship')])
        if (!y.includes(e)) problems.push(`${name}: ${e} lost`);
    } else if (name === 'xl/workbook.xml') {
      for (const e of [...elements(x, 'sheet'), ...elements(x, 'definedName')])
        if (!y.includes(e)) problems.push(`${name}: ${e} lost`);
      if (without(x, ['sheets', 'definedNames']) !== without(y, ['sheets', 'definedNames']))
        problems.push(`${name}: changed outside sheets and names`);
    } else if (name === stylesName) {
      for (const [list, entry] of STYLE_LISTS) {
        const old = elements(elements(x, list)[0] ?? '', entry);
        const now = elements(elements(y, list)[0] ?? '', entry);
        if (old.some((e, i) => now[i] !== e)) problems.push(`${name}: ${list} changed`);
      }
      if (
        without(
          x,
          STYLE_LISTS.map(([l]) => l),
        ) !==
        without(
          y,
          STYLE_LISTS.map(([l]) => l),
        )
      )
        problems.push(`${name}: changed outside its lists`);
    } else if (/^xl\/sharedStrings\d*\.xml$/i.test(name)) {
      // Luoshi's texts come after the user's entries, each of which keeps its number.
      const old = elements(x, 'si');
      const now = elements(y, 'si');
      if (old.some((e, i) => now[i] !== e)) problems.push(`${name}: entries changed`);
      const rest = (s: string) => without(s, ['si']).replace(/\s(?:count|uniqueCount)="\d+"/g, '');
      if (rest(x) !== rest(y)) problems.push(`${name}: changed outside its entries`);
    } else if (name === INJECTED_PART) {
      for (const c of elements(x, 'c')) if (!y.includes(c)) problems.push(`${name}: cell ${c} lost`);
    } else problems.push(`${name} changed`);
  }
  return problems;
}

describe('preservation on ../shared/corpus/xlsx (150 real workbooks given a breakdown sheet)', () => {
  if (!present) {
    test.skip('skipped: ../shared/corpus is absent (a fresh clone); CI has it', () => undefined);
    return;
  }
  const outcomes = { written: 0, refused: 0, unusable: 0 };
  afterAll(() =>
    console.log(
      `corpus preservation: ${outcomes.written} written and verified, ${outcomes.refused} refused with a message, ${outcomes.unusable} not a usable package`,
    ),
  );

  test.each(list('xlsx').map((f) => [path.basename(f), f]))('%s keeps every part of the user', async (_, file) => {
    const input = await withBreakdownSheet(fs.readFileSync(file));
    if (!input) {
      outcomes.unusable++;
      return;
    }
    let result;
    try {
      result = await checkedWorkbook(input, path.basename(file), {
        asOf: '2022-09-30',
        runAt: '2022-09-30 10:00',
        override: { sheet: INJECTED_SHEET },
      });
    } catch (e) {
      // Refusing is allowed (SPEC §5), but only as bad input with a message, never as a crash.
      expect(e).toBeInstanceOf(InputError);
      outcomes.refused++;
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await losses(input, result.value.output)).toEqual([]);
    const names = (await JSZip.loadAsync(result.value.output)).file('xl/workbook.xml')!.async('string');
    expect(await names).toMatch(/name="逾期清单"/);
    outcomes.written++;
  });
});

describe('../shared/corpus/broken: exit 2 with one line, no output file', () => {
  if (!present) {
    test.skip('skipped: ../shared/corpus is absent (a fresh clone); CI has it', () => undefined);
    return;
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-broken-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  test.each(list('broken').map((f) => [path.basename(f), f]))('%s', async (name, file) => {
    let err = '';
    const target = path.join(out, `${name}.checked.xlsx`);
    const code = await main(
      ['validate', file, '-o', target, '--as-of', '2022-09-30'],
      () => undefined,
      (s) => (err += s + '\n'),
    );
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(out).filter((n) => n.startsWith(`.${name}`))).toEqual([]);
  });
});
