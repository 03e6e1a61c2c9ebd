import { columnLetter } from '../../engine';

/** A block of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom + 1}`;
}

/** A sheet name as Excel writes it in a reference: 'My sheet'!A1. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * The cells that share a key, as few rectangles as a simple sweep finds: equal runs in a row, grown
 * downwards while the next row has the same run. Formats are then set once per rectangle (or once per
 * group of rectangles), never once per cell.
 */
export function rectanglesByKey<K>(
  rowCount: number,
  keyAt: (row: number, col: number) => K | undefined,
  colCount: (row: number) => number,
): Map<K, Rect[]> {
  const out = new Map<K, Rect[]>();
  let open = new Map<string, Rect & { key: K }>();
  for (let r = 0; r < rowCount; r++) {
    const next = new Map<string, Rect & { key: K }>();
    const n = colCount(r);
    let c = 0;
    while (c < n) {
      const key = keyAt(r, c);
      let end = c;
      while (end + 1 < n && keyAt(r, end + 1) === key) end++;
      if (key !== undefined) {
        const id = `${c}:${end}:${String(key)}`;
        const above = open.get(id);
        if (above && above.key === key) {
          above.bottom = r;
          next.set(id, above);
          open.delete(id);
        } else next.set(id, { top: r, left: c, bottom: r, right: end, key });
      }
      c = end + 1;
    }
    for (const done of open.values()) push(out, done);
    open = next;
  }
  for (const done of open.values()) push(out, done);
  return out;
}

function push<K>(out: Map<K, Rect[]>, r: Rect & { key: K }): void {
  const list = out.get(r.key) ?? [];
  list.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
  out.set(r.key, list);
}

/** Addresses joined for Worksheet.getRanges, in groups short enough for one call each. */
export function addressGroups(rects: Rect[], maxLength = 2000): string[] {
  const groups: string[] = [];
  let current = '';
  for (const r of rects) {
    const a = rectAddress(r);
    if (current && current.length + a.length + 1 > maxLength) {
      groups.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) groups.push(current);
  return groups;
}

/** Consecutive indices with an equal value, as [first, last, value] runs (null values skipped). */
export function equalRuns<V>(values: Array<V | null>): Array<[number, number, V]> {
  const runs: Array<[number, number, V]> = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else runs.push([i, i, v]);
  }
  return runs;
}
