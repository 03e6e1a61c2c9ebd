import { BEFORE_KEY, luoshiTempDirs } from './temp-dirs';

export default function globalSetup(): void {
  (globalThis as Record<string, unknown>)[BEFORE_KEY] = new Set(luoshiTempDirs());
}
