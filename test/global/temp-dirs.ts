import * as fs from 'fs';
import * as os from 'os';

/** The scratch folders tests make (fs.mkdtempSync(os.tmpdir() + '/luoshi-…')). */
export function luoshiTempDirs(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('luoshi-'));
}

/** Shared between jest's global setup and teardown, which run in the same (parent) process. */
export const BEFORE_KEY = '__luoshiTempDirsBefore';
