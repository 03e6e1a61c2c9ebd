import { CellValue, MergeRange, SheetData } from '../model/workbook';

/**
 * A sheet's values as a reader sees them: every cell of a merged area shows the area's top-left value
 * (a category merged down over its measures belongs to each of them).
 *
 * The sheet's rows may keep arriving after the view is made (the CLI judges while another thread reads
 * the file): `grow()` takes in the rows appended since. Rows arrive in order, so a merged area's top-left
 * cell is always in before the cells it fills are read.
 */
export class MergedView {
  private readonly fill = new Map<number, MergeRange>();
  private covered = 0;
  private widest = 0;

  constructor(readonly sheet: SheetData) {
    this.grow();
  }

  /** Takes in the rows appended to the sheet since the view was made or last grown. */
  grow(): void {
    const rows = this.sheet.rows;
    const from = this.covered;
    const to = rows.length;
    if (to <= from) return;
    let width = this.widest;
    for (let r = from; r < to; r++) {
      const row = rows[r];
      if (row && row.length > width) width = row.length;
    }
    this.widest = width;
    for (const merge of this.sheet.merges) {
      if (merge.bottom < from || merge.top >= to) continue;
      for (let r = Math.max(merge.top, from); r <= merge.bottom && r < to; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          if (r !== merge.top || c !== merge.left) this.fill.set(r * 16384 + c, merge);
        }
      }
    }
    this.covered = to;
  }

  /** The widest row's length. */
  get width(): number {
    return this.widest;
  }

  get rowCount(): number {
    return this.sheet.rows.length;
  }

  value(row: number, col: number): CellValue {
    const own = this.sheet.rows[row]?.[col];
    if (own !== undefined && own !== null && own !== '') return own;
    const merge = this.fill.get(row * 16384 + col);
    return merge ? (this.sheet.rows[merge.top]?.[merge.left] ?? null) : own ?? null;
  }

  /** True when the cell shows a value only because it lies inside a merged area. */
  isFilled(row: number, col: number): boolean {
    return this.fill.has(row * 16384 + col);
  }

  /** The merged area a cell belongs to (as a non-anchor cell), if any. */
  mergeAt(row: number, col: number): MergeRange | undefined {
    return this.fill.get(row * 16384 + col);
  }
}
