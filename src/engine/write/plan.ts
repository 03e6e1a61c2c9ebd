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
  /** Width of the status column, in characters: its longest status text's display width, within 14–36. */
  width: number;
  /**
   * When the user's sheet has no print settings of its own (no print area, fit-to-page, landscape or
   * scale), print it on A4 landscape, fit to one page wide with the status column. Excel: pageSetup
   * orientation/fitToWidth=1/fitToHeight=0 and sheetPr/pageSetUpPr fitToPage; Office.js:
   * worksheet.pageLayout.orientation = "Landscape", zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }.
   */
  fitToPage: boolean;
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
  /** A native chart drawn from this sheet's own cells (汇总: items per lead department by status). */
  chart?: SheetChart;
}

/** A block of cells in one column of the sheet the chart is on, rows [top, bottom], 0-based. */
export interface ColumnRange {
  col: number;
  top: number;
  bottom: number;
}

/**
 * A native chart (not a picture: the recipient can click and restyle it) of a generated sheet, drawn
 * from that sheet's own cells, so its numbers are the table's. One description for both writers: the
 * CLI writes it as a DrawingML chart part (ECMA-376 Part 1 §21.2, anchored by a drawing part §20.5);
 * the add-in adds it with Office.js: worksheet.charts.add("BarStacked", …) (ExcelApi 1.1,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection), then one series per
 * entry through chart.series.add(name) with setValues / setXAxisValues over the ranges (ExcelApi 1.7,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriescollection), each series'
 * format.fill.setSolidColor(fill), the category axis reversed, the chart placed with
 * chart.setPosition(top-left cell, bottom-right cell) over `anchor`.
 */
export interface SheetChart {
  /** Horizontal bars, one per category, each split into its series (Excel's "stacked bar"). */
  kind: 'stackedBar';
  title: string;
  /** Category labels (department names), top to bottom in the chart as in the table. */
  categories: ColumnRange;
  series: Array<{
    /** The header cell holding the series name ("● 逾期"). */
    nameCell: { row: number; col: number };
    name: string;
    values: ColumnRange;
    /** #RRGGBB: the status's fill, as in the status cells. */
    fill: string;
    /** #RRGGBB: the status's text colour, for the bar's outline. */
    line: string;
  }>;
  /** Cells the chart covers: from the top-left corner of (top, left) to that of (bottom, right). */
  anchor: { top: number; left: number; bottom: number; right: number };
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
