import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CellValue, SheetData, WorkbookData } from '../../src/engine/model/workbook';
import { validateWorkbook, ValidateOptions } from '../../src/engine/validate';
import { Report } from '../../src/engine/model/report';
import { readWorkbook } from '../../src/xlsx/read-workbook';

/** A calendar date for exceljs: UTC midnight, so no time zone moves it. */
export function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export interface FixtureSheet {
  name: string;
  rows: unknown[][];
  merges?: string[];
  /** Number formats by column letter (e.g. { F: 'yyyy-mm-dd' }). */
  formats?: Record<string, string>;
}

/** Builds a real .xlsx file in memory with exceljs. */
export async function buildXlsx(sheets: FixtureSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      r.values = row as ExcelJS.CellValue[];
      for (const [col, fmt] of Object.entries(s.formats ?? {})) r.getCell(col).numFmt = fmt;
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Edits one part of a package (to make what exceljs cannot write: 1904 flags, ISO date cells…). */
export async function patchPart(xlsx: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const xml = await zip.file(part)!.async('string');
  zip.file(part, edit(xml));
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer' }));
}

export async function readFixture(sheets: FixtureSheet[]): Promise<WorkbookData> {
  return readWorkbook(await buildXlsx(sheets), 'fixture.xlsx');
}

/** Plain engine input without any file: rows of cell values. */
export function sheet(name: string, rows: CellValue[][], merges: SheetData['merges'] = []): SheetData {
  return { name, rows, merges };
}

export function workbook(...sheets: SheetData[]): WorkbookData {
  return { sheets, date1904: false };
}

export function judge(wb: WorkbookData, options: Partial<ValidateOptions> = {}): Report {
  const result = validateWorkbook(wb, { asOf: '2022-09-30', ...options });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.report;
}

export const HEADER = ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间'];

/** A one-table workbook with the standard header and the given rows (title row "2022年…"). */
export function table(rows: CellValue[][], header: CellValue[] = HEADER, extraSheets: SheetData[] = []): WorkbookData {
  return workbook(sheet('台账', [['2022年工作要点责任分解表'], header, ...rows]), ...extraSheets);
}
