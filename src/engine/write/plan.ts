import { StatusCode } from '../judge/status';

/**
 * What Luoshi writes into a workbook, as plain data. The engine decides everything here (texts,
 * colours, widths, links, print setup); the exceljs/zip writer of the CLI and the Office.js writer of
 * the add-in only translate it. All rows and columns are 0-based.
 */
export interface WritePlan {
  breakdown: BreakdownMarks;
  /** Generated sheets, in the order they are added after the user's sheets. */
  sheets: GeneratedSheet[];
  /** Every style a cell or a conditional format of the plan names. */
  styles: Record<StyleName, CellStyle>;
}

/** The status column and the status colours on the breakdown sheet. */
export interface BreakdownMarks {
  sheet: string;
  /** Column of 校验结果, right of the table. */
  statusColumn: number;
  headerRow: number;
  /** Header text (校验结果 / Check result). */
  header: string;
  /** Styles of the header cell and of the status cells Luoshi creates. */
  headerStyle: StyleName;
  cellStyle: StyleName;
  /** Status text of each judged row. Rows outside this list keep an empty status cell. */
  cells: Array<{ row: number; text: string; status: StatusCode }>;
  /** Width of the status column, in characters. */
  width: number;
  /**
   * Conditional formats owned by Luoshi: the whole judged area gets a fill per status, decided by the
   * symbol the status text starts with. A conditional format overlays the user's own fills without
   * changing them, follows its row when the user sorts, and can be removed exactly.
   */
  colouring: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    /** One rule per status; the formula is relative to the area's top-left cell (LEFT($K5,1)="●"). */
    rules: Array<{ status: StatusCode; formula: string; style: StyleName }>;
  };
}

export type SheetRole = 'summary' | 'overdue' | 'dueSoon' | 'byDepartment' | 'periods' | 'findings' | 'runLog';

export interface GeneratedSheet {
  role: SheetRole;
  /** Never the name of a user sheet: 汇总 becomes 汇总(落实) when the user already has a 汇总. */
  name: string;
  rows: PlanCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** Height in points of rows whose wrapped text needs more than one line (null: the default height). */
  rowHeights: Array<number | null>;
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  /** Rows (from the top) kept in view while scrolling. */
  freezeRows: number;
  /** Header rows repeated on every printed page, [first, last]; null when none. */
  printTitleRows: [number, number] | null;
  /** Printed A4 landscape, fit to one page wide. */
  landscape: boolean;
  /** Page numbers ("3 / 12") in the printed footer. */
  pageNumbers: boolean;
}

/** Columns the sheet uses: its widths or its widest row. A loop, not Math.max(...rows): 部门任务 can have 200k rows. */
export function sheetWidth(sheet: GeneratedSheet): number {
  let width = Math.max(sheet.widths.length, 1);
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  return width;
}

/**
 * A cell of a generated sheet. Text is always written as text, never as a formula, whatever it
 * starts with (=, +, -, @): it may come from the user's cells.
 */
export interface PlanCell {
  value: string | number | null;
  style?: StyleName;
  /** A link to a cell of the workbook: the sheet and the 0-based cell. */
  link?: { sheet: string; row: number; col: number };
}

export type StyleName = string;

export interface CellStyle {
  bold?: boolean;
  /** Points; the workbook default when absent. */
  size?: number;
  /** #RRGGBB */
  fill?: string;
  font?: string;
  underline?: boolean;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center';
  border?: boolean;
  /** Excel number format code ("0%"). */
  numberFormat?: string;
}
