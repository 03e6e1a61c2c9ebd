import * as fs from 'fs';
import * as os from 'os';

/** The scratch folders tests make (fs.mkdtempSync(os.tmpdir() + '/luoshi-…')). */
export function luoshiTempDirs(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('luoshi-'));
}

/** Where setup leaves the folders present before the run: jest runs setup and teardown in the same (parent) process. */
export const BEFORE_KEY = '__luoshiTempDirsBefore';

export default function globalSetup(): void {
  (globalThis as Record<string, unknown>)[BEFORE_KEY] = new Set(luoshiTempDirs());
}
