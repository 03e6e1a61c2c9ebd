import { STATUS_CODES, STATUS_STYLES, StatusCode } from '../judge/status';
import { CellStyle, StyleName } from './plan';

/** The styles of every generated sheet: one catalogue, so both writers render the same thing. */
export const HEADER_FILL = '#D9E1F2';
/** The thin grey lines of a style with `border`, on all four sides (and between cells of a range). */
export const BORDER_COLOUR = '#BFBFBF';

const BASE: Record<string, CellStyle> = {
  title: { bold: true, size: 14, vertical: 'center' },
  subtitle: { font: '#595959', vertical: 'center' },
  header: { bold: true, fill: HEADER_FILL, border: true, wrap: true, horizontal: 'center', vertical: 'center' },
  text: { border: true, wrap: true, vertical: 'top' },
  center: { border: true, horizontal: 'center', vertical: 'top' },
  number: { border: true, horizontal: 'right', vertical: 'top' },
  percent: { border: true, horizontal: 'right', vertical: 'top', numberFormat: '0.0%' },
  link: { border: true, font: '#0563C1', underline: true, vertical: 'top' },
  group: { bold: true, fill: '#F2F2F2', border: true, vertical: 'center' },
  total: { bold: true, border: true, horizontal: 'right', vertical: 'top' },
  totalLabel: { bold: true, border: true, vertical: 'top' },
  future: { border: true, font: '#A6A6A6', horizontal: 'center', vertical: 'top' },
};

/** Status cell style: "status-overdue" etc., the SPEC §4 fill and text colour. */
export function statusStyle(status: StatusCode): StyleName {
  return `status-${status}`;
}

/** Status colour for conditional formats on the user's rows: colours only, nothing about borders or fonts. */
export function statusMark(status: StatusCode): StyleName {
  return `mark-${status}`;
}

export function styleCatalogue(): Record<StyleName, CellStyle> {
  const styles: Record<StyleName, CellStyle> = { ...BASE };
  for (const s of STATUS_CODES) {
    const { fill, font } = STATUS_STYLES[s];
    styles[statusStyle(s)] = { fill, font, border: true, vertical: 'top', wrap: true };
    styles[statusMark(s)] = { fill, font };
  }
  return styles;
}
