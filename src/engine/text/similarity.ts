/** Character bigrams shared by two normalised texts: a cheap measure of "about the same thing". */
export function sharedBigrams(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Set<string>();
  for (let i = 0; i < a.length - 1; i++) grams.add(a.slice(i, i + 2));
  let shared = 0;
  const seen = new Set<string>();
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    if (grams.has(g) && !seen.has(g)) {
      seen.add(g);
      shared++;
    }
  }
  return shared;
}
