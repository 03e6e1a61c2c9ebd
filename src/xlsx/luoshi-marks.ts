import { isStatusRuleFormula } from '../engine/write/status-colouring';
import { attributesOf, decodeEntities, findElement, findElements, innerXml, Span } from './xml-scan';

export { MARK, isLuoshiName, constantValue, parseColumnRange, parseCounts } from '../engine/write/ownership-marks';

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
