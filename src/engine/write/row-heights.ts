import { wrappedLines } from './display-width';
import { CellStyle, GeneratedSheet, StyleName } from './plan';

/** Points per line of 11-point text (Excel's and LibreOffice's single-line row is 15), and the cell's top and bottom room. */
const LINE_HEIGHT = 15;
const ROW_PADDING = 2;
const MAX_ROW_HEIGHT = 409;

/**
 * Rows with wrapped long text get the height their longest cell needs, so print-outs show every line:
 * spreadsheet programs do not all fit row heights to wrapped text when they open a file. Lines are
 * counted by display width (CJK two, Latin one) and wrapped as spreadsheet programs wrap (words kept
 * whole, no closing bracket at a line's start: display-width.ts). Returns points, or null for one line.
 */
export function rowHeights(
  sheet: Pick<GeneratedSheet, 'rows' | 'widths'>,
  styles: Record<StyleName, CellStyle>,
  /** Lines by usable width and text, shared by the sheets of a plan: measures repeat from sheet to sheet. */
  cache: Map<number, Map<string, number>> = new Map(),
): Array<number | null> {
  const wraps = new Set(
    Object.entries(styles)
      .filter(([, style]) => style.wrap)
      .map(([name]) => name),
  );
  // The cell's padding takes about one character of its width.
  const usable = sheet.widths.map((w) => Math.max(3, w - 1));
  const linesOf = (text: string, width: number) => {
    let known = cache.get(width);
    if (!known) cache.set(width, (known = new Map()));
    let lines = known.get(text);
    if (lines === undefined) known.set(text, (lines = wrappedLines(text, width)));
    return lines;
  };
  return sheet.rows.map((row) => {
    let lines = 1;
    for (let i = 0; i < row.length; i++) {
      const { value, style } = row[i];
      if (typeof value !== 'string' || !style || !wraps.has(style)) continue;
      const width = usable[i] ?? 9;
      // No character is wider than two: a short text on one line needs no measuring.
      if (value.length * 2 <= width && value.indexOf('\n') < 0) continue;
      lines = Math.max(lines, linesOf(value, width));
    }
    return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING) : null;
  });
}
