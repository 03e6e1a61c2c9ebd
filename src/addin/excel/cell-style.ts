import { BORDER_COLOUR, CellStyle } from '../../engine';
import { opBytes } from './payload';

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

/**
 * Request bytes of one applyCellStyle: the format object and the fill, font and border objects it goes
 * through (six edges, each its own object), one action per property set (see opBytes).
 */
export function styleBytes(style: CellStyle): number {
  const font = [style.bold, style.size, style.font, style.underline].filter((v) => v !== undefined && v !== '').length;
  const objects = 1 + (style.fill ? 1 : 0) + (font > 0 ? 1 : 0) + (style.border ? 1 + EDGES.length : 0);
  const actions =
    (style.fill ? 1 : 0) +
    font +
    (style.wrap !== undefined ? 1 : 0) +
    (style.horizontal ? 1 : 0) +
    (style.vertical ? 1 : 0) +
    (style.border ? 2 * EDGES.length : 0);
  return opBytes(objects, actions, [style.fill, style.font, style.border ? BORDER_COLOUR : null, 'Continuous']);
}
