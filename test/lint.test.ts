import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

interface Finding {
  file: string;
  rule: string | null;
  message: string;
}

/**
 * The project's ESLint configuration (eslint.config.mjs) applied to texts as if they were the given
 * files, plus the real files of the shells. It runs in a child process: ESLint loads its configuration
 * as an ES module, which Jest's module sandbox cannot.
 */
function lint(texts: Array<[file: string, text: string]>, realFiles: string[] = []): Finding[] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const [texts, files] = JSON.parse(process.argv[1]);
      const results = [];
      for (const [filePath, text] of texts) results.push(...(await eslint.lintText(text, { filePath })));
      if (files.length > 0) results.push(...(await eslint.lintFiles(files)));
      const out = results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, rule: m.ruleId, message: m.message })));
      process.stdout.write(JSON.stringify(out));
    })();`;
  const out = execFileSync(process.execPath, ['-e', script, JSON.stringify([texts, realFiles])], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as Finding[]).map((f) => ({ ...f, file: path.relative(ROOT, f.file) }));
}

const restricted = (findings: Finding[]) => findings.filter((f) => f.rule === 'no-restricted-imports');

describe('the shells see the engine only through src/engine/index.ts', () => {
  // One child process for the whole file: starting ESLint with typescript-eslint takes seconds.
  let findings: Finding[] = [];
  beforeAll(() => {
    findings = lint(
      [
        ['src/cli/deep.ts', "import { Lang } from '../engine/i18n';\nexport const lang: Lang = 'zh';\n"],
        [
          'src/addin/taskpane/deep.tsx',
          "import type { Report } from '../../engine/model/report';\nexport type R = Report;\n",
        ],
        ['src/addin/excel/deep.ts', "export { columnLetter } from '../../engine/model/workbook';\n"],
        [
          'src/cli/face.ts',
          "import { today } from '../engine';\nimport { runAt } from '../engine/index';\nexport const t = [today, runAt];\n",
        ],
        [
          'src/xlsx/inside.ts',
          "import { columnLetter } from '../engine/model/workbook';\nexport const c = columnLetter;\n",
        ],
        [
          'test/inside.test.ts',
          "import { columnLetter } from '../src/engine/model/workbook';\nexport const c = columnLetter;\n",
        ],
      ],
      ['src/cli', 'src/addin'],
    );
  }, 60_000);

  test('a shell reaching into the engine is an error that says where to import from (imports, type imports, re-exports)', () => {
    const deep = restricted(findings).filter((f) => /deep\.tsx?$/.test(f.file));
    expect(deep.map((f) => f.file).sort()).toEqual([
      'src/addin/excel/deep.ts',
      'src/addin/taskpane/deep.tsx',
      'src/cli/deep.ts',
    ]);
    for (const f of deep) expect(f.message).toContain('src/engine/index.ts');
  });

  test('the index itself is the way in; the package layer and the tests may still reach inside', () => {
    expect(restricted(findings).filter((f) => !/deep\.tsx?$/.test(f.file))).toEqual([]);
  });

  test('the CLI and the add-in as they are today pass the whole rule set', () => {
    expect(findings.filter((f) => /^src\/(cli|addin)\//.test(f.file) && !/(deep|face)\.tsx?$/.test(f.file))).toEqual(
      [],
    );
  });
});
