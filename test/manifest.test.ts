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

/**
 * The manifest's localized texts: DisplayName, Description and each bt:String, with their default and
 * their overrides by locale.
 */
function localized(xml: string): Array<{ id: string; fallback: string; overrides: Map<string, string> }> {
  const out: Array<{ id: string; fallback: string; overrides: Map<string, string> }> = [];
  const element =
    /<(DisplayName|Description|bt:String id="([^"]+)") DefaultValue="([^"]*)">([\s\S]*?)<\/(?:DisplayName|Description|bt:String)>/g;
  for (const m of xml.matchAll(element)) {
    const overrides = new Map<string, string>();
    for (const o of m[4].matchAll(/<(?:bt:)?Override Locale="([^"]+)" Value="([^"]*)"\/>/g))
      overrides.set(o[1].toLowerCase(), o[2]);
    out.push({ id: m[2] ?? m[1], fallback: m[3], overrides });
  }
  return out;
}

/**
 * What Office shows for `id` in an Office whose locale is `locale`: the Override for that locale, else the
 * DefaultValue ("Users see the English display name ... for all locales unless the client computer's
 * locale is fr-fr"; a bare language such as "de" is not matched on every platform:
 * https://learn.microsoft.com/office/dev/add-ins/develop/localization#control-localization-from-the-manifest).
 * Locale tags compare without regard to case (RFC 3066/BCP 47).
 */
function shown(xml: string, id: string, locale: string): string {
  const text = localized(xml).find((x) => x.id === id);
  if (!text) throw new Error(`no localized text ${id}`);
  return text.overrides.get(locale.toLowerCase()) ?? text.fallback;
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
          /(<DefaultLocale>en-US<\/DefaultLocale>)\s*(<ProviderName>Luoshi<\/ProviderName>)?/,
          '$1',
        ).replace('<Version>0.1.0.0</Version>', '<Version>0.1.0.0</Version><Bogus/>'),
      );
      expect(misplaced.valid).toBe(false);
    },
  );

  test('a Workbook add-in that reads and writes; every string Chinese in a Chinese Office, English in any other', () => {
    expect(MANIFEST).toMatch(/<Host Name="Workbook"\/>/);
    expect(MANIFEST).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    const texts = localized(MANIFEST);
    expect(texts.map((x) => x.id)).toEqual(
      expect.arrayContaining(['DisplayName', 'Description', 'Validate.Label', 'Clear.Label', 'Clear.Tooltip']),
    );
    expect(texts.length).toBe(11);
    const chinese = /[\u4e00-\u9fff]/;
    for (const { id } of texts) {
      // The pane follows the same rule (langOf: any zh-* is Chinese).
      for (const locale of ['zh-CN', 'zh-TW', 'zh-HK', 'zh-SG', 'zh-MO', 'ZH-cn'])
        expect({ id, locale, text: shown(MANIFEST, id, locale) }).toEqual({
          id,
          locale,
          text: expect.stringMatching(chinese),
        });
      for (const locale of ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'ja-JP', 'ko-KR', 'ru-RU', 'pt-BR', 'ar-SA'])
        expect({ id, locale, text: shown(MANIFEST, id, locale) }).toEqual({
          id,
          locale,
          text: expect.not.stringMatching(chinese),
        });
    }
    expect(shown(MANIFEST, 'DisplayName', 'zh-CN')).toBe('落实校验');
    expect(shown(MANIFEST, 'DisplayName', 'fr-FR')).toBe('Luoshi check');
  });

  test('the locale rule the test applies: a manifest with Chinese defaults shows Chinese to a French Office', () => {
    // The manifest before issue 17 (item 11): zh-CN default, en-US override only.
    const old = `<DefaultLocale>zh-CN</DefaultLocale><DisplayName DefaultValue="落实校验">
    <Override Locale="en-US" Value="Luoshi check"/>
  </DisplayName>`;
    expect(shown(old, 'DisplayName', 'en-US')).toBe('Luoshi check');
    expect(shown(old, 'DisplayName', 'fr-FR')).toBe('落实校验');
    expect(shown(old, 'DisplayName', 'zh-TW')).toBe('落实校验');
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
    const text = (id: string) => shown(MANIFEST, id, 'zh-CN');
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
