import { GeneratedSheet, PlanCell, SheetRole, StyleName } from './plan';

export interface Column {
  header: string;
  /** Width in characters. */
  width: number;
}

/** Title row, a line saying what and when, a header row, then the rows: the shape of every list sheet. */
export function tableSheet(spec: {
  role: SheetRole;
  name: string;
  title: string;
  subtitle: string;
  columns: Column[];
  rows: PlanCell[][];
}): GeneratedSheet {
  const span = Math.max(spec.columns.length, 1) - 1;
  return {
    role: spec.role,
    name: spec.name,
    rows: [
      [{ value: spec.title, style: 'title' }],
      [{ value: spec.subtitle, style: 'subtitle' }],
      spec.columns.map((c) => ({ value: c.header, style: 'header' })),
      ...spec.rows,
    ],
    widths: spec.columns.map((c) => c.width),
    merges:
      span > 0
        ? [
            { top: 0, left: 0, bottom: 0, right: span },
            { top: 1, left: 0, bottom: 1, right: span },
          ]
        : [],
    freezeRows: 3,
    printTitleRows: [2, 2],
    landscape: true,
    pageNumbers: true,
    rowHeights: [],
  };
}

export function text(value: string | null | undefined, style: StyleName = 'text'): PlanCell {
  return { value: value ?? '', style };
}

export function num(value: number, style: StyleName = 'number'): PlanCell {
  return { value, style };
}

/** "第 12 行" linking to the row's measure cell. */
export function rowLink(label: string, sheet: string, row: number, col: number): PlanCell {
  return { value: label, style: 'link', link: { sheet, row, col } };
}
