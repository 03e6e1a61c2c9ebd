import { CellValue, cellText } from '../model/workbook';
import { normalizeHeader } from '../text/normalize';
import { MergedView } from './merged-cells';

/**
 * Small side sheets (规则, 部门, 工作记录) have a header row naming their columns. Finds the first row
 * (within the first 10) where `required` columns can all be named, and returns the column of each role.
 */
export function findColumns<R extends string>(
  view: MergedView,
  roles: Record<R, RegExp>,
  required: NoInfer<R>[],
): { headerRow: number; columns: Partial<Record<R, number>> } | null {
  for (let r = 0; r < Math.min(view.rowCount, 10); r++) {
    const columns: Partial<Record<R, number>> = {};
    for (let c = 0; c < view.width; c++) {
      const h = normalizeHeader(cellText(view.value(r, c)));
      if (!h) continue;
      for (const role of Object.keys(roles) as R[]) {
        if (columns[role] === undefined && roles[role].test(h)) {
          columns[role] = c;
          break;
        }
      }
    }
    if (required.every((role) => columns[role] !== undefined)) return { headerRow: r, columns };
  }
  return null;
}

export function valueAt(view: MergedView, row: number, col: number | undefined): CellValue {
  return col === undefined ? null : view.value(row, col);
}
