import * as fs from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';
import { REQUIRED_API_SET } from '../src/addin/excel/requirements';

const ROOT = path.join(__dirname, '..');
const SCHEMAS = path.join(ROOT, '..', 'shared', 'schemas', 'manifest');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const haveSchemas = fs.existsSync(path.join(SCHEMAS, 'OfficeAppManifestV1_1.xsd'));
if (!haveSchemas)
  console.warn('manifest schema test skipped: ../shared/schemas/manifest is not present (it is in CI).');

async function validate(xml: string) {
  const files = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.xsd'));
  const main = 'OfficeAppManifestV1_1.xsd';
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMAS, f), 'utf8') });
  return validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [read(main)],
    preload: files.filter((f) => f !== main).map(read),
  });
}

describe('manifest.xml', () => {
  (haveSchemas ? test : test.skip)(
    'is valid against the Office add-in manifest schemas, and the check catches a broken one',
    async () => {
      const result = await validate(MANIFEST);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      const broken = await validate(
        MANIFEST.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>WriteEverything</Permissions>'),
      );
      expect(broken.valid).toBe(false);
      const misplaced = await validate(
        MANIFEST.replace(
          /(<DefaultLocale>zh-CN<\/DefaultLocale>)\s*(<ProviderName>Luoshi<\/ProviderName>)?/,
          '$1',
        ).replace('<Version>0.1.0.0</Version>', '<Version>0.1.0.0</Version><Bogus/>'),
      );
      expect(misplaced.valid).toBe(false);
    },
  );

  test('a Workbook add-in that reads and writes, zh-CN by default with en-US for every string', () => {
    expect(MANIFEST).toMatch(/<Host Name="Workbook"\/>/);
    expect(MANIFEST).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(MANIFEST).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    const strings = [
      ...MANIFEST.matchAll(
        /<bt:String id="([^"]+)" DefaultValue="[^"]*">\s*<bt:Override Locale="en-US" Value="[^"]+"\/>/g,
      ),
    ].map((m) => m[1]);
    const all = [...MANIFEST.matchAll(/<bt:String id="([^"]+)"/g)].map((m) => m[1]);
    expect(strings).toEqual(all);
    expect(MANIFEST).toMatch(/<DisplayName DefaultValue="落实校验">\s*<Override Locale="en-US"/);
  });

  test('declares the requirement set the code checks for', () => {
    const sets = [...MANIFEST.matchAll(/<(?:bt:)?Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/g)].map((m) => m[1]);
    expect(sets.length).toBeGreaterThan(0);
    expect(new Set(sets)).toEqual(new Set([REQUIRED_API_SET.version]));
  });

  test('the Home tab group 落实校验 has 校验, 打开面板 and 清除结果, each command with its own function', () => {
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
    const labels = [...MANIFEST.matchAll(/<Control xsi:type="Button" id="[^"]+">\s*<Label resid="([^"]+)"/g)].map(
      (m) => m[1],
    );
    const text = (id: string) =>
      new RegExp(`<bt:String id="${id.replace('.', '\\.')}" DefaultValue="([^"]+)"`).exec(MANIFEST)![1];
    expect(labels.map(text)).toEqual(['校验', '打开面板', '清除结果']);
    expect(text('Group.Label')).toBe('落实校验');
    const functions = [...MANIFEST.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(functions).toEqual(['luoshiValidate', 'luoshiClear']);
    const commands = fs.readFileSync(path.join(ROOT, 'src/addin/commands/commands.ts'), 'utf8');
    for (const f of functions) expect(commands).toContain(`associate?.('${f}'`);
  });

  test('every icon it names is in assets/ at its size', () => {
    const icons = [...new Set([...MANIFEST.matchAll(/\/assets\/(icon-(\d+)\.png)/g)].map((m) => m[1]))];
    expect(icons.sort()).toEqual(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    for (const icon of icons) {
      const png = fs.readFileSync(path.join(ROOT, 'assets', icon));
      const size = Number(/icon-(\d+)/.exec(icon)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
