import { cellAttributes, columnOfRef } from './sheet-rows';
import { attributes, attributesOf, elementName, elementPattern, findElement } from './xml-scan';
import { rootPrefix, splice } from './xml-edit';

/** Given the cell now at that place (its element text, or null), the element to put there ('' removes it). */
export type CellEdit = (existing: string | null) => string;

const ROW = elementPattern('row');
const CELL = elementPattern('c');
const CELL_AT = elementPattern('c', 'y');

/** The column a <c> tag's r attribute names (read as the sheet reader reads it), or null without a usable one. */
function columnOf(tagAttributes: string): number | null {
  const r = cellAttributes(tagAttributes).r;
  const col = r ? columnOfRef(r) : -1;
  return col >= 0 ? col : null;
}

/** Applies one edit to the cell at `col` of a row element. */
function editRow(rowXml: string, col: number, edit: CellEdit): string {
  const openEnd = rowXml.indexOf('>');
  if (rowXml[openEnd - 1] === '/') {
    const cell = edit(null);
    if (!cell) return rowXml;
    return `${rowXml.slice(0, openEnd - 1).replace(/\s+$/, '')}>${cell}</${elementName(rowXml)}>`;
  }
  const close = rowXml.lastIndexOf('</');
  // The common case: the row's last cell (by its reference) lies left of the column, so the new cell goes last.
  const lastStart = rowXml.lastIndexOf('<', Math.max(rowXml.lastIndexOf('<c '), rowXml.lastIndexOf(':c ')));
  if (lastStart > openEnd) {
    CELL_AT.lastIndex = lastStart;
    const last = CELL_AT.exec(rowXml);
    const lastCol = last && rowXml.indexOf('<', lastStart + last[0].length) === close ? columnOf(last[1]) : null;
    if (lastCol !== null && lastCol < col) return splice(rowXml, close, close, edit(null));
  }
  CELL.lastIndex = openEnd + 1;
  let next = 0;
  let m: RegExpExecArray | null;
  while ((m = CELL.exec(rowXml))) {
    const start = m.index;
    const c = columnOf(m[1]) ?? next;
    next = c + 1;
    if (c === col) return splice(rowXml, start, start + m[0].length, edit(m[0]));
    if (c > col) return splice(rowXml, start, start, edit(null));
  }
  return splice(rowXml, close, close, edit(null));
}

/**
 * Edits the cells of one column in the given rows (0-based), leaving every other byte of the sheet
 * as it was. Rows that do not exist are created in order when an edit adds a cell to them.
 */
export function editColumn(xml: string, col: number, edits: Map<number, CellEdit>): string {
  if (edits.size === 0) return xml;
  const data = findElement(xml, 'sheetData');
  if (!data) throw new Error('worksheet without sheetData');
  const prefix = rootPrefix(xml, 'worksheet');
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let p = 0;
  const out: string[] = [];
  const contentStart = data.text.endsWith('/>') ? -1 : data.text.indexOf('>') + 1;
  const body = contentStart < 0 ? '' : data.text.slice(contentStart, data.text.lastIndexOf('</'));
  let last = 0;
  let nextRow = 0;
  const newRow = (r: number) => {
    const cell = edits.get(r)!(null);
    return cell ? `<${prefix}row r="${r + 1}">${cell}</${prefix}row>` : '';
  };
  ROW.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW.exec(body))) {
    const rAttr = attributes(m[1]).r;
    const r = rAttr ? Number(rAttr) - 1 : nextRow;
    nextRow = r + 1;
    while (p < pending.length && pending[p] < r) {
      out.push(body.slice(last, m.index), newRow(pending[p++]));
      last = m.index;
    }
    if (p < pending.length && pending[p] === r) {
      out.push(body.slice(last, m.index), editRow(m[0], col, edits.get(r)!));
      last = m.index + m[0].length;
      p++;
    }
  }
  out.push(body.slice(last));
  while (p < pending.length) out.push(newRow(pending[p++]));
  const open = contentStart < 0 ? data.text.replace(/\s*\/>$/, '>') : data.text.slice(0, contentStart);
  return splice(xml, data.start, data.end, `${open}${out.join('')}</${elementName(data.text)}>`);
}

/** The `s` attribute of a cell element, 0 when absent. */
export function styleOf(cell: string): number {
  return Number(attributesOf(cell).s ?? 0) || 0;
}
