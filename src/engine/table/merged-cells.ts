import { CellValue, EXCEL_MAX_COLUMNS, MergeRange, SheetData } from '../model/workbook';

/**
 * A sheet's values as a reader sees them: every cell of a merged area shows the area's top-left value
 * (a category merged down over its measures belongs to each of them).
 */
export class MergedView {
  private readonly fill = new Map<number, { value: CellValue; merge: MergeRange }>();
  private readonly anchors = new Map<number, MergeRange>();
  readonly width: number;

  constructor(readonly sheet: SheetData) {
    let width = 0;
    for (const row of sheet.rows) if (row && row.length > width) width = row.length;
    this.width = width;
    for (const merge of sheet.merges) {
      const value = sheet.rows[merge.top]?.[merge.left] ?? null;
      this.anchors.set(merge.top * EXCEL_MAX_COLUMNS + merge.left, merge);
      for (let r = merge.top; r <= merge.bottom && r < sheet.rows.length; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          if (r !== merge.top || c !== merge.left) this.fill.set(r * EXCEL_MAX_COLUMNS + c, { value, merge });
        }
      }
    }
  }

  get rowCount(): number {
    return this.sheet.rows.length;
  }

  value(row: number, col: number): CellValue {
    const own = this.sheet.rows[row]?.[col];
    if (own !== undefined && own !== null && own !== '') return own;
    const filled = this.fill.get(row * EXCEL_MAX_COLUMNS + col);
    return filled ? filled.value : (own ?? null);
  }

  /** True when the cell shows a value only because it lies inside a merged area. */
  isFilled(row: number, col: number): boolean {
    return this.fill.has(row * EXCEL_MAX_COLUMNS + col);
  }

  /** The merged area a cell belongs to (as a non-anchor cell), if any. */
  mergeAt(row: number, col: number): MergeRange | undefined {
    return this.fill.get(row * EXCEL_MAX_COLUMNS + col)?.merge;
  }

  /** The merged area whose top-left cell this is, if any. */
  anchorMerge(row: number, col: number): MergeRange | undefined {
    return this.anchors.get(row * EXCEL_MAX_COLUMNS + col);
  }
}
