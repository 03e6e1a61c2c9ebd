/**
 * Values shared between rows instead of built for each: interned texts, one empty list, frozen
 * verdicts. Sharing is only safe because nothing changes them, so they are frozen: a caller that
 * tried would fail loudly instead of changing another row's result.
 */
import { BoundedCache } from './bounded-cache';

const texts = new BoundedCache<string, string>();

/** One shared copy of a text built again and again (status texts): 100k rows, a few hundred texts. */
export function internText(text: string): string {
  return texts.get(text, (t) => t);
}

const EMPTY: readonly never[] = Object.freeze([]);

/** The one (frozen) empty list: most rows have no missed periods, problems or extra columns. */
export function emptyList<T>(): T[] {
  return EMPTY as unknown as T[];
}

/** Freezes a value and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
