import { attributesOf } from './xml-scan';
import { withAttribute } from './xml-edit';

/*
 * A worksheet's <col> elements give widths and hidden flags to ranges of columns (min…max, 1-based,
 * ECMA-376 Part 1 §18.3.1.13). The status column can fall inside one: LibreOffice writes equal widths as
 * one range, and tidy templates hide every column right of the table (H:XFD). These split a range
 * around the status column and tell the pieces back.
 */

/** The `<col>` covering column `col` (0-based) as the pieces left and right of it ("" for none). */
export function splitAround(colElement: string, col: number): [string, string] {
  const a = attributesOf(colElement);
  const [min, max, n] = [Number(a.min), Number(a.max), col + 1];
  const piece = (from: number, to: number) =>
    from > to ? '' : withAttribute(withAttribute(colElement, 'min', String(from)), 'max', String(to));
  return [piece(min, n - 1), piece(n + 1, max)];
}

/** A `<col>` covering column `col` (0-based) as the ranges left without it: "", one or two elements. */
export function statusWidthRemoved(colElement: string, col: number): string {
  return splitAround(colElement, col).join('');
}
