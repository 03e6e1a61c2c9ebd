import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * LibreOffice, a real third-party client: `.ci/run` installs it (libreoffice-calc-nogui). `null` when it
 * is not installed; tests that need it then skip with SKIP_WITHOUT_LIBREOFFICE.
 */
export const soffice: string | null =
  ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0) ?? null;

export const SKIP_WITHOUT_LIBREOFFICE =
  'skipped: LibreOffice is not installed (apt-get install libreoffice-calc-nogui); CI installs it';

/**
 * Converts `bytes` (a workbook) with LibreOffice's `--convert-to FILTER` in a scratch folder of its own
 * (its own user profile, so runs never share state) and returns the files written, by name.
 */
export function libreOfficeConvert(bytes: Uint8Array, filter: string, name = 'book.xlsx'): Map<string, Buffer> {
  if (!soffice) throw new Error(SKIP_WITHOUT_LIBREOFFICE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-lo-'));
  try {
    const input = path.join(dir, 'in', name);
    fs.mkdirSync(path.dirname(input));
    fs.writeFileSync(input, bytes);
    const out = path.join(dir, 'out');
    execFileSync(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        filter,
        '--outdir',
        out,
        input,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    return new Map(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The workbook as LibreOffice saves it again as .xlsx (it renumbers styles, merges equal column widths …). */
export function libreOfficeResave(bytes: Uint8Array): Buffer {
  const [file] = libreOfficeConvert(bytes, 'xlsx:Calc MS Excel 2007 XML').values();
  return file;
}
