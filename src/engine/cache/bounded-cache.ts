/**
 * A memo for pure functions of small keys. Tables of 100k rows repeat the same deadline texts,
 * department names, dates and period boundaries over and over: computing each once, and handing out
 * the same (frozen or immutable) result, saves both the work and the garbage collector's copying of
 * 100k equal objects. The bound keeps a pathological input from growing it without limit.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit = 50_000) {}

  get(key: K, make: (key: K) => V): V {
    return this.getWith(key, make, undefined);
  }

  /** As get, for a `make` that needs one more argument: passed along rather than captured in a closure per lookup. */
  getWith<A>(key: K, make: (key: K, arg: A) => V, arg: A): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = make(key, arg);
      this.map.set(key, value);
    }
    return value;
  }
}

/** A memo of texts read within a table year (deadline cells, progress notes): keyed by the text itself, so no key is built per lookup. */
export class TextByYearCache<V> {
  private readonly years = new BoundedCache<number, BoundedCache<string, V>>(64);
  /** A run judges one table year: its texts are kept at hand. */
  private lastYear = NaN;
  private texts = new BoundedCache<string, V>();

  get(year: number, text: string, make: (text: string, year: number) => V): V {
    if (year !== this.lastYear) {
      this.texts = this.years.get(year, newTextCache) as BoundedCache<string, V>;
      this.lastYear = year;
    }
    return this.texts.getWith(text, make, year);
  }
}

const newTextCache = () => new BoundedCache<string, never>();
