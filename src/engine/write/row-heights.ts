import { CellStyle, GeneratedSheet, StyleName } from './plan';

/** Lines a text needs in a column `width` characters wide: CJK and other wide characters count two. */
function linesNeeded(text: string, width: number): number {
  const perLine = width - 1;
  let lines = 0;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lines += Math.max(1, Math.ceil(w / perLine));
      w = 0;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a surrogate pair
    w += code > 0x2e80 ? 2 : 1;
  }
  return lines + Math.max(1, Math.ceil(w / perLine));
}

const LINE_HEIGHT = 16;
const MAX_ROW_HEIGHT = 409;

/**
 * Rows with wrapped long text get the height their longest cell needs, so print-outs show every line:
 * spreadsheet programs do not all fit row heights to wrapped text when they open a file.
 */
export function rowHeights(
  sheet: Pick<GeneratedSheet, 'rows' | 'widths'>,
  styles: Record<StyleName, CellStyle>,
): Array<number | null> {
  const wraps = new Set(
    Object.entries(styles)
      .filter(([, style]) => style.wrap)
      .map(([name]) => name),
  );
  return sheet.rows.map((row) => {
    let lines = 1;
    for (let i = 0; i < row.length; i++) {
      const { value, style } = row[i];
      if (typeof value !== 'string' || !style || !wraps.has(style)) continue;
      const width = Math.max(4, sheet.widths[i] ?? 10);
      // No character is wider than two: a short text on one line needs no measuring.
      if (value.length * 2 <= width - 1 && value.indexOf('\n') < 0) continue;
      lines = Math.max(lines, linesNeeded(value, width));
    }
    return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : null;
  });
}
