import { isStatusRuleFormula } from '../engine/write/status-colouring';
import { cellPosition } from '../engine/model/workbook';
import {
  attributesOf,
  decodeEntities,
  findElement,
  findElements,
  findStartTag,
  innerXml,
  lastEndTag,
  Span,
} from './xml-scan';
import { escapeXml } from './xml-edit';

export {
  MARK,
  isLuoshiName,
  constantValue,
  parseColumnRange,
  parseCounts,
  parseRefsMark,
  refsMark,
} from '../engine/write/ownership-marks';
export type { GrownRef, GrownRefs } from '../engine/write/ownership-marks';

/** The marks themselves are described in engine/write/ownership-marks.ts; this file reads them from the XML. */
export interface DefinedName {
  name: string;
  localSheetId: number | null;
  value: string;
  span: Span;
}

export function definedNames(workbookXml: string): DefinedName[] {
  const block = findElement(workbookXml, 'definedNames');
  if (!block) return [];
  return findElements(workbookXml, 'definedName', block.start, block.end).map((span) => {
    const a = attributesOf(span.text);
    return {
      name: a.name ?? '',
      localSheetId: a.localSheetId !== undefined ? Number(a.localSheetId) : null,
      value: decodeEntities(innerXml(span.text)),
      span,
    };
  });
}

/** A <conditionalFormatting> element of Luoshi's: every rule is a status rule against the status column. */
export function isOwnConditionalFormat(element: string, statusColumn: number | undefined): boolean {
  if (statusColumn === undefined) return false;
  const formulas = findElements(element, 'formula').map((f) => decodeEntities(innerXml(f.text)));
  const rules = findElements(element, 'cfRule');
  return (
    rules.length > 0 && formulas.length === rules.length && formulas.every((f) => isStatusRuleFormula(f, statusColumn))
  );
}

/** A range reference ("A1:G5", "B3") as 0-based corners, or null. */
export function rangeCorners(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from, to] = ref.split(':');
  const a = cellPosition(from ?? '');
  const b = to !== undefined ? cellPosition(to) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** A sheet's <dimension> start tag and its autoFilter element (not one of a table part), with their refs. */
export function sheetRefs(xml: string): { dimension: Span | null; autoFilter: Span | null } {
  const data = findStartTag(xml, 'sheetData');
  const dimension = findStartTag(xml.slice(0, data?.start ?? xml.length), 'dimension');
  // autoFilter follows sheetData: searched from its end, not through the cells.
  const autoFilter = data ? findStartTag(xml, 'autoFilter', Math.max(data.start, lastEndTag(xml, 'sheetData'))) : null;
  return { dimension, autoFilter };
}

/**
 * Moves the sheet's `_xlnm._FilterDatabase` name (Excel's hidden name for an autofilter's range, which
 * LibreOffice reads to rebuild the filter) from the range `from` to `to` ("A2:G5" → "A2:H5") when it
 * still names `from`; otherwise the workbook part is returned as it was. ECMA-376 Part 1 §18.2.5
 * (definedName), built-in names.
 */
export function moveFilterDatabase(workbookXml: string, sheetIndex: number, from: string, to: string): string {
  const plain = (ref: string) => ref.replace(/\$/g, '').toUpperCase();
  const name = definedNames(workbookXml).find(
    (n) =>
      n.name.toLowerCase() === '_xlnm._filterdatabase' &&
      n.localSheetId === sheetIndex &&
      plain(n.value.slice(n.value.lastIndexOf('!') + 1)) === plain(from),
  );
  if (!name) return workbookXml;
  // Written as the name was: absolute ($A$2) or not, so clear gives back the same text.
  const range = name.value.includes('$')
    ? to
        .split(':')
        .map((corner) => corner.replace(/^([A-Z]+)(\d+)$/i, '$$$1$$$2'))
        .join(':')
    : to;
  const value = `${name.value.slice(0, name.value.lastIndexOf('!') + 1)}${range}`;
  const open = name.span.text.slice(0, name.span.text.indexOf('>') + 1);
  const close = name.span.text.slice(name.span.text.lastIndexOf('</'));
  return workbookXml.slice(0, name.span.start) + open + escapeXml(value) + close + workbookXml.slice(name.span.end);
}
