import { BORDER_COLOUR, CellStyle } from '../../engine';

/** Excel column width in characters → points (Calibri 11: 7 px per character plus 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Queues a plan style onto a range's (or range areas') format: fill, font, alignment, borders. */
export function applyCellStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.fill) format.fill.color = style.fill;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.font) format.font.color = style.font;
  if (style.underline) format.font.underline = 'Single';
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal)
    format.horizontalAlignment =
      style.horizontal === 'center' ? 'Center' : style.horizontal === 'right' ? 'Right' : 'Left';
  if (style.vertical) format.verticalAlignment = style.vertical === 'center' ? 'Center' : 'Top';
  if (style.border) {
    for (const edge of EDGES) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = BORDER_COLOUR;
    }
  }
}

/** Rough request size of one style application (for the payload budget). */
export function styleBytes(style: CellStyle): number {
  return 120 + Object.keys(style).length * 60 + (style.border ? 6 * 90 : 0);
}
