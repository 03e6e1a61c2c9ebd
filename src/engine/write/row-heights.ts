import { CellStyle, GeneratedSheet, StyleName } from './plan';

/** Display width in character units: CJK and other wide characters count two. */
function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a surrogate pair
    w += code > 0x2e80 ? 2 : 1;
  }
  return w;
}

const LINE_HEIGHT = 16;
const MAX_ROW_HEIGHT = 409;

/**
 * Rows with wrapped long text get the height their longest cell needs, so print-outs show every line:
 * spreadsheet programs do not all fit row heights to wrapped text when they open a file.
 */
export function rowHeights(sheet: Pick<GeneratedSheet, 'rows' | 'widths'>, styles: Record<StyleName, CellStyle>): Array<number | null> {
  const wraps = new Set(Object.entries(styles).filter(([, style]) => style.wrap).map(([name]) => name));
  return sheet.rows.map((row) => {
    let lines = 1;
    for (let i = 0; i < row.length; i++) {
      const { value, style } = row[i];
      if (typeof value !== 'string' || !style || !wraps.has(style)) continue;
      const width = Math.max(4, sheet.widths[i] ?? 10);
      // No character is wider than two: a short text on one line needs no measuring.
      if (value.length * 2 <= width - 1 && value.indexOf('\n') < 0) continue;
      const needed = value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / (width - 1))), 0);
      lines = Math.max(lines, needed);
    }
    return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : null;
  });
}
