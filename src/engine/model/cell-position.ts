import { cellAddress } from './workbook';

/** A cell of a named sheet; row and col are 0-based. */
export interface CellPosition {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/**
 * A sheet name as a formula or defined name writes it: always quoted, an apostrophe inside doubled
 * ('O''Brien台账'). Quoting a name that needs no quotes is still valid, so one form serves every name.
 * Source: ECMA-376 Part 1, §18.17 (formulas: sheet names in single quotes, a quote doubled).
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'台账'!F7": the sheet-qualified A1 reference of a position, for findings, formulas and links. */
export function cellReference(at: CellPosition): string {
  return `${quoteSheetName(at.sheet)}!${cellAddress(at.row, at.col)}`;
}
