import { dayToSerial } from '../../src/engine/dates/excel-serial';
import { parseIso } from '../../src/engine/dates/civil-date';
import { CellValue, columnLetter, MergeRange, WorkbookData } from '../../src/engine/model/workbook';

/** One cell as Excel holds it: a value (or a formula and its result), a number format and format settings. */
export interface HostCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
  format: Record<string, unknown>;
  /** A hyperlink set through Range.hyperlink (ExcelApi 1.7), as Excel keeps it apart from the formula. */
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string };
}

/**
 * Where a click on the cell goes ("'台账'!B5"), or null when it goes nowhere in the workbook. In Excel for
 * the web the HYPERLINK function opens URLs only: a "#sheet!A1" jump inside the workbook does nothing
 * there (issue 17, item 3), while a Range.hyperlink with documentReference navigates on every platform
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink).
 */
export function jumpTarget(cell: HostCell | undefined, web: boolean): string | null {
  if (!cell) return null;
  if (cell.hyperlink?.documentReference) return cell.hyperlink.documentReference;
  const m = /^=HYPERLINK\("#((?:[^"]|"")*)"/.exec(cell.formula ?? '');
  return m && !web ? m[1].replace(/""/g, '"') : null;
}

export interface HostName {
  name: string;
  formula: string;
  visible: boolean;
}

export interface HostConditionalFormat {
  id: number;
  area: MergeRange;
  type: 'Custom' | 'CellValue';
  formula: string;
  format: Record<string, unknown>;
}

/** Cells a chart series reads: a sheet and a block of it (Excel follows the sheet, whatever its name becomes). */
export interface HostSeriesSource {
  sheet: HostSheet;
  area: MergeRange;
}

/**
 * A series of a chart (Excel.ChartSeries): its name, the cells of its values and of its categories
 * (setValues / setXAxisValues, ExcelApi 1.7) and its format. A series added by series.add has no values
 * and "is not visible until values … are set"
 * (https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection#excel-excel-chartseriescollection-add-member(1)).
 */
export interface HostSeries {
  name: string;
  values: HostSeriesSource | null;
  xValues: HostSeriesSource | null;
  /** Format and other settings set on the series ("format.fill" from setSolidColor, "format.line.color", "gapWidth"). */
  props: Record<string, unknown>;
}

/** An embedded chart on a sheet (Excel.Chart, ExcelApi 1.1); it lives and dies with its sheet. */
export interface HostChart {
  type: string;
  series: HostSeries[];
  /** Cells the chart covers, from setPosition(start, end): the end cell is covered too. Null: where Excel put it. */
  position: MergeRange | null;
  /** Settings set on the chart by path: "name", "title.text", "axes.categoryAxis.reversePlotOrder" … */
  props: Record<string, unknown>;
}

/** The numbers a series shows: its value cells as Excel reads them (text and blanks count as 0). */
export function seriesNumbers(source: HostSeriesSource | null): number[] {
  if (!source) return [];
  const out: number[] = [];
  const { sheet, area } = source;
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      const v = sheet.cell(r, c)?.value;
      out.push(typeof v === 'number' ? v : 0);
    }
  return out;
}

/** The labels a series' categories show: its x-axis cells' displayed values, as text. */
export function seriesLabels(source: HostSeriesSource | null): string[] {
  if (!source) return [];
  const out: string[] = [];
  const { sheet, area } = source;
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) out.push(String(sheet.cell(r, c)?.value ?? ''));
  return out;
}

export class HostSheet {
  cells = new Map<string, HostCell>();
  /** Embedded charts (Worksheet.charts, ExcelApi 1.1), in the order they were added. */
  charts: HostChart[] = [];
  merges: MergeRange[] = [];
  names: HostName[] = [];
  conditionalFormats: HostConditionalFormat[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /**
   * Print settings set through Worksheet.pageLayout (ExcelApi 1.9), by key ("orientation", "zoom",
   * "paperSize", "printArea", …). A key not set reads as Excel's default (printState).
   */
  pageLayout: Record<string, unknown> = {};
  frozenRows = 0;
  protected = false;
  visibility: 'Visible' | 'Hidden' = 'Visible';
  /**
   * Cells formatted without holding anything (a template's borders down to row 65,536): they count in
   * Excel's used range, but not in the values-only used range (Worksheet.getUsedRange(true)).
   */
  formattedArea: MergeRange | null = null;
  constructor(public name: string) {}

  cell(row: number, col: number): HostCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  ensure(row: number, col: number): HostCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = { value: null, numberFormat: 'General', format: {} }));
    return c;
  }

  /**
   * Excel's used range: every cell with a value, a number format or a format; with `valuesOnly`, only
   * cells with a value or a formula (Worksheet.getUsedRange(valuesOnly), ExcelApi 1.2).
   */
  usedArea(valuesOnly = false): MergeRange | null {
    const f = valuesOnly ? null : this.formattedArea;
    let top = f ? f.top : Infinity,
      left = f ? f.left : Infinity,
      bottom = f ? f.bottom : -1,
      right = f ? f.right : -1;
    for (const [key, c] of this.cells) {
      if (c.value === null && c.formula === undefined) {
        if (valuesOnly || (c.numberFormat === 'General' && Object.keys(c.format).length === 0)) continue;
      }
      const [r, col] = key.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /**
   * The user deletes column `col`: cells right of it move left, and a defined name that referred to the
   * column turns into #REF! and stays (Excel never removes a name on its own).
   */
  deleteColumn(col: number): void {
    const moved = new Map<string, HostCell>();
    for (const [key, c] of this.cells) {
      const [r, k] = key.split(',').map(Number);
      if (k === col) continue;
      moved.set(`${r},${k > col ? k - 1 : k}`, c);
    }
    this.cells = moved;
    const letter = columnLetter(col);
    for (const n of this.names)
      if (new RegExp(`!\\$?${letter}\\$?\\d+(:\\$?${letter}\\$?\\d+)?$`).test(n.formula))
        n.formula = n.formula.replace(/!.*$/, '!#REF!');
  }

  /** Displayed values as a grid from A1 (formulas show their result). */
  grid(): Array<Array<string | number | boolean | null>> {
    const area = this.usedArea();
    if (!area) return [];
    const out: Array<Array<string | number | boolean | null>> = [];
    for (let r = 0; r <= area.bottom; r++) {
      const row: Array<string | number | boolean | null> = [];
      for (let c = 0; c <= area.right; c++) row.push(this.cell(r, c)?.value ?? null);
      while (row.length && row[row.length - 1] === null) row.pop();
      out.push(row);
    }
    return out;
  }
}

/** Excel's defaults for what a sheet's print settings read as when nothing was set. */
export const PAGE_LAYOUT_DEFAULTS: Record<string, unknown> = { orientation: 'Portrait', zoom: { scale: 100 } };

/** What a user sees of a sheet's print settings: orientation, zoom and print area, defaults filled in. */
export function printState(sheet: HostSheet): { orientation: unknown; zoom: unknown; printArea: unknown } {
  const p = { ...PAGE_LAYOUT_DEFAULTS, ...sheet.pageLayout };
  return { orientation: p.orientation, zoom: p.zoom, printArea: p.printArea ?? null };
}

export class HostWorkbook {
  sheets: HostSheet[] = [];
  names: HostName[] = [];
  date1904 = false;
  structureProtected = false;
  /**
   * Set while the user is typing in a cell: every request then fails (InvalidOperationInCellEditMode),
   * or, in an Excel.run with delayForCellEdit, waits until the editing ends (endCellEdit).
   */
  cellEditMode = false;
  private editEnded: Array<() => void> = [];
  /** Called before each request is processed, with the request's index in the run (0-based). */
  beforeRequest: ((index: number) => void) | null = null;

  /** The user presses Enter: delayed requests go ahead. */
  endCellEdit(): void {
    this.cellEditMode = false;
    const waiting = this.editEnded;
    this.editEnded = [];
    for (const go of waiting) go();
  }

  /** Resolves once the user is not editing a cell. */
  whenNotEditing(): Promise<void> {
    return this.cellEditMode ? new Promise((resolve) => this.editEnded.push(resolve)) : Promise.resolve();
  }
  activeSheet = '';
  selection = '';
  /** Workbook.settings: this add-in's key-value pairs kept in this file (values as JSON). */
  settings = new Map<string, string>();
  /** Page-layout settings (pageLayout keys: "paperSize", "zoom" …) the printer refuses: setting one fails. */
  refusedPrintSettings = new Set<string>();

  /**
   * The user copies a sheet (right-click → Move or Copy → Create a copy): Excel names the copy "汇总 (2)"
   * ("(3)" … when taken) and copies its cells, merges, formats, conditional formats and its sheet-scoped
   * names, each now scoped to the copy and referring to the copy's cells. The copy goes at the end.
   */
  copySheet(name: string): HostSheet {
    const from = this.sheet(name);
    if (!from) throw Object.assign(new Error(`No sheet ${name}`), { code: 'ItemNotFound' });
    let n = 2;
    while (this.sheet(`${from.name} (${n})`)) n++;
    const copy = new HostSheet(`${from.name} (${n})`.slice(0, 31));
    for (const [k, c] of from.cells)
      copy.cells.set(k, { ...c, format: { ...c.format }, hyperlink: c.hyperlink && { ...c.hyperlink } });
    copy.merges = from.merges.map((m) => ({ ...m }));
    const quoted = (s: string) => `'${s.replace(/'/g, "''")}'!`;
    copy.names = from.names.map((x) => ({
      ...x,
      formula: x.formula.split(quoted(from.name)).join(quoted(copy.name)),
    }));
    copy.conditionalFormats = from.conditionalFormats.map((cf) => ({
      ...cf,
      area: { ...cf.area },
      format: { ...cf.format },
    }));
    copy.columnWidths = new Map(from.columnWidths);
    copy.rowHeights = new Map(from.rowHeights);
    copy.pageLayout = { ...from.pageLayout };
    copy.frozenRows = from.frozenRows;
    // A chart goes with its sheet's copy, its series now reading the copy's cells (as Excel copies them).
    const onCopy = (x: HostSeriesSource | null) => (x && x.sheet === from ? { sheet: copy, area: { ...x.area } } : x);
    copy.charts = from.charts.map((c) => ({
      ...c,
      props: { ...c.props },
      position: c.position && { ...c.position },
      series: c.series.map((x) => ({
        ...x,
        props: { ...x.props },
        values: onCopy(x.values),
        xValues: onCopy(x.xValues),
      })),
    }));
    this.sheets.push(copy);
    return copy;
  }
  /**
   * What Excel does with a get of cell properties over more than five million cells: the documented
   * RangeExceedsLimit error, or (as for unbounded ranges) null values.
   */
  largeRead: 'RangeExceedsLimit' | 'null' = 'RangeExceedsLimit';

  sheet(name: string): HostSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

/** A host workbook holding the engine fixtures' cells: dates become serials shown with a date format. */
export function hostWorkbookOf(data: WorkbookData): HostWorkbook {
  const wb = new HostWorkbook();
  wb.date1904 = data.date1904;
  for (const s of data.sheets) {
    const sheet = new HostSheet(s.name);
    if (s.hidden) sheet.visibility = 'Hidden';
    s.rows.forEach((row, r) =>
      row?.forEach((v: CellValue, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = sheet.ensure(r, c);
        if (typeof v === 'object') {
          cell.value = dayToSerial(parseIso(v.date)!, data.date1904);
          cell.numberFormat = v.monthOnly ? 'yyyy"年"m"月"' : 'yyyy/m/d';
        } else cell.value = v;
      }),
    );
    sheet.merges = s.merges.map((m) => ({ ...m }));
    wb.sheets.push(sheet);
  }
  wb.activeSheet = wb.sheets[0]?.name ?? '';
  return wb;
}
