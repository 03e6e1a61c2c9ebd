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
