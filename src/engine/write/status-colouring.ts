import { columnLetter } from '../model/workbook';

/**
 * The formula of Luoshi's conditional format for one status: the row's status cell starts with the
 * status symbol. Written relative to the coloured area's first row; also how Luoshi recognises its own
 * conditional formats when it clears them.
 */
export function statusRuleFormula(statusColumn: number, firstRow: number, symbol: string): string {
  return `LEFT($${columnLetter(statusColumn)}${firstRow + 1},1)="${symbol}"`;
}

/** Whether a formula is one of Luoshi's status rules against that column (any row, any symbol). */
export function isStatusRuleFormula(formula: string, statusColumn: number): boolean {
  return new RegExp(`^LEFT\\(\\$${columnLetter(statusColumn)}\\d+,1\\)="[^"]{1,2}"$`).test(formula);
}
