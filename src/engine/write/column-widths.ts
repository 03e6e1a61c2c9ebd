import { displayWidth } from './display-width';
import { CellStyle, GeneratedSheet, StyleName } from './plan';

/** Room left and right of a cell's text, in characters (Excel's cell padding, and a little air). */
const PADDING = 2;
/** A column of short texts (a deadline, a requirement, a department) may widen by this much to keep its texts on one line. */
const GROW = 10;
/** Columns declared at least this wide hold long texts (a measure): those wrap, the column keeps its width. */
const LONG_TEXT = 30;
const MAX_WIDTH = 60;

/** Characters an integer takes: its digits and sign. */
function numberWidth(n: number): number {
  let width = n < 0 ? 2 : 1;
  for (let a = Math.abs(n); a >= 10; a = Math.floor(a / 10)) width++;
  return width;
}

/**
 * Column widths that fit the sheet's texts by DISPLAY width (CJK counts two): a header's longest word
 * is never broken ("Attentio/n"), and a short header stays on one line within GROW more characters; a cell that does not wrap ("Takes part", "第 1234 行", a number) fits
 * its column; a column of short wrapped texts widens by up to GROW characters when that keeps its
 * longest text on one line (no lone "）" or "前" on a line of its own). Cells under a merge across
 * columns (titles, group headings) and titles and notes (styles title, subtitle: they run on over the
 * empty cells to their right) do not count. Widths never shrink below the declared ones.
 * Returns new widths (characters), one per column of `sheet.widths`.
 */
export function fitColumnWidths(
  sheet: Pick<GeneratedSheet, 'rows' | 'widths' | 'merges'>,
  styles: Record<StyleName, CellStyle>,
): number[] {
  const widths = sheet.widths.slice();
  const spanned = new Map<number, Array<{ left: number; right: number }>>();
  for (const m of sheet.merges) {
    if (m.right === m.left) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      let list = spanned.get(r);
      if (!list) spanned.set(r, (list = []));
      list.push(m);
    }
  }
  const wrapGrowth = widths.map(() => 0);
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const merged = spanned.get(r);
    for (let c = 0; c < row.length && c < widths.length; c++) {
      const { value, style } = row[c];
      if (value === null || value === '') continue;
      if (merged && merged.some((m) => m.left <= c && c <= m.right)) continue;
      // Titles and notes run on over the empty cells to their right, as a clerk writes them.
      if (style === 'title' || style === 'subtitle') continue;
      const s = style ? styles[style] : undefined;
      // Long wrapped texts (measures, progress) are not measured at all: they wrap, whatever their width.
      if (s?.wrap && style !== 'header' && sheet.widths[c] >= LONG_TEXT) continue;
      if (typeof value === 'number') {
        // Digits, sign and a decimal point; a percentage shows one decimal ("16.7%").
        const digits =
          style === 'percent'
            ? 6
            : Number.isInteger(value) && Math.abs(value) < 1e9
              ? numberWidth(value)
              : Math.min(12, String(value).length);
        widths[c] = Math.max(widths[c], Math.min(MAX_WIDTH, digits + PADDING));
        continue;
      }
      const text = value;
      // No character is wider than two: a text that fits even so needs no measuring (most cells of a long list).
      if (text.length * 2 + PADDING <= Math.max(widths[c], wrapGrowth[c])) continue;
      if (style === 'header') {
        const word = text.split(/\s+/).reduce((w, part) => Math.max(w, displayWidth(part)), 0);
        widths[c] = Math.max(widths[c], Math.min(MAX_WIDTH, word + PADDING));
        // A short header ("Due soon", "? Needs attention") on one line when a little more width allows it.
        const whole = displayWidth(text) + PADDING;
        if (whole <= sheet.widths[c] + GROW) wrapGrowth[c] = Math.max(wrapGrowth[c], whole);
      } else if (!s?.wrap) {
        widths[c] = Math.max(widths[c], Math.min(MAX_WIDTH, displayWidth(text) + PADDING));
      } else if (text.indexOf('\n') < 0) {
        const need = displayWidth(text) + PADDING;
        if (need <= sheet.widths[c] + GROW) wrapGrowth[c] = Math.max(wrapGrowth[c], need);
      }
    }
  }
  return widths.map((w, c) => Math.max(w, wrapGrowth[c]));
}
