import { BoundedCache } from '../cache/bounded-cache';
import { cellText, WorkbookData } from '../model/workbook';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { MergedView } from './merged-cells';
import { findColumns } from './simple-sheet';
import { DEPARTMENTS_SHEET } from './special-sheets';

const splits = new BoundedCache<string, string[]>();

/**
 * Departments in a lead/responsible cell, split on 、，,；;／/ and line breaks (SPEC §2), each without a
 * role noted in brackets (组织部（牵头）). A table names the same few departments on every row: the
 * lists are shared and frozen.
 */
export function splitDepartments(text: string): string[] {
  return splits.get(text, splitText);
}

/** A role noted after a name, "组织部（牵头）": the department is 组织部 (simplified and traditional). */
const ROLE_NOTE = /\s*[（(]\s*(?:牵头|牽頭|主责|主責|配合|协办|協辦|负责|負責|参与|參與|协助|協助)\s*[)）]$/;

function splitText(text: string): string[] {
  return Object.freeze(
    text
      .split(/[、，,；;／/\n\r]+/)
      .map((s) => s.trim().replace(ROLE_NOTE, ''))
      .filter((s) => s.length > 0),
  ) as string[];
}

/** The workbook's department list (a sheet 部门 / 部门清单), normalised; null when there is none. */
export function departmentList(workbook: WorkbookData): Set<string> | null {
  for (const sheet of workbook.sheets) {
    if (!DEPARTMENTS_SHEET.test(normalizeHeader(sheet.name))) continue;
    const view = new MergedView(sheet);
    const found = findColumns(view, { name: /部门|单位|处室|名称|department|name/ }, ['name']);
    const col = found?.columns.name ?? 0;
    const first = found ? found.headerRow + 1 : 0;
    const names = new Set<string>();
    for (let r = first; r < view.rowCount; r++) {
      const name = normalizeText(cellText(view.value(r, col)));
      if (name) names.add(name);
    }
    return names;
  }
  return null;
}
