import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/main';
import { buildSample } from '../scripts/make-sample';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { validateWorkbook } from '../src/engine/validate';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  );
  return { code, out, err };
}

describe('the bundled sample workbook', () => {
  test('is what scripts/make-sample.ts builds, and shows every status as of 2026-11-20', async () => {
    const built = Buffer.from(await (await buildSample()).xlsx.writeBuffer());
    const fromScript = validateWorkbook(await readWorkbook(built, 'built.xlsx'), { asOf: '2026-11-20' });
    const committed = validateWorkbook(
      await readWorkbook(fs.readFileSync(path.join(__dirname, '..', 'assets', 'sample.xlsx')), 'sample.xlsx'),
      { asOf: '2026-11-20' },
    );
    expect(fromScript.ok && committed.ok).toBe(true);
    if (!fromScript.ok || !committed.ok) return;
    expect(committed.report.tasks.map((t) => t.statusText)).toEqual(fromScript.report.tasks.map((t) => t.statusText));
    const counts = committed.report.summary.byStatus;
    for (const status of Object.keys(counts)) expect(counts[status as keyof typeof counts]).toBeGreaterThan(0);
    const codes = new Set(committed.report.tasks.flatMap((t) => t.findings.map((f) => f.code)));
    expect(codes.size).toBeGreaterThanOrEqual(10);
  });
});

const corpus = path.join(__dirname, '..', '..', 'shared', 'corpus');
const files = fs.existsSync(corpus)
  ? ['xlsx', 'broken'].flatMap((d) => fs.readdirSync(path.join(corpus, d)).map((f) => path.join(corpus, d, f)))
  : [];

describe('robustness on ../shared/corpus (160 real and broken workbooks)', () => {
  if (files.length === 0) {
    test.skip('skipped: ../shared/corpus is absent (a fresh clone); CI has it', () => undefined);
    return;
  }
  test.each(files.map((f) => [path.basename(f), f]))('%s ends in a report or exit 2 with one line', async (_, file) => {
    const r = await cli('validate', file, '--json', '-', '--no-write', '--as-of', '2022-09-30');
    if (r.code === 0) expect(JSON.parse(r.out).tasks).toBeDefined();
    else {
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^luoshi: .+ \| .+/);
    }
  });
});
