import { dayToSerial } from '../../src/engine/dates/excel-serial';
import { parseIso } from '../../src/engine/dates/civil-date';
import { CellValue, MergeRange, WorkbookData } from '../../src/engine/model/workbook';

/** One cell as Excel holds it: a value (or a formula and its result), a number format and format settings. */
export interface HostCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
  format: Record<string, unknown>;
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

export class HostSheet {
  cells = new Map<string, HostCell>();
  merges: MergeRange[] = [];
  names: HostName[] = [];
  conditionalFormats: HostConditionalFormat[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {};
  frozenRows = 0;
  protected = false;
  visibility: 'Visible' | 'Hidden' = 'Visible';
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

  /** Excel's used range: every cell with a value, a number format or a format. */
  usedArea(): MergeRange | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [key, c] of this.cells) {
      if (
        c.value === null &&
        c.formula === undefined &&
        c.numberFormat === 'General' &&
        Object.keys(c.format).length === 0
      )
        continue;
      const [r, col] = key.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
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

export class HostWorkbook {
  sheets: HostSheet[] = [];
  names: HostName[] = [];
  date1904 = false;
  structureProtected = false;
  /** Set while the user is typing in a cell: every request then fails (InvalidOperationInCellEditMode). */
  cellEditMode = false;
  activeSheet = '';
  selection = '';

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
