import { BEFORE_KEY, luoshiTempDirs } from './setup';

/** A test that leaves its scratch folder behind fills the CI machine's /tmp run after run: fail the run instead. */
export default function globalTeardown(): void {
  const before = (globalThis as Record<string, unknown>)[BEFORE_KEY] as Set<string> | undefined;
  if (!before) return;
  const left = luoshiTempDirs().filter((name) => !before.has(name));
  if (left.length > 0) throw new Error(`tests left scratch folders in the temp directory: ${left.join(', ')}`);
}
