import { BoundedCache } from '../cache/bounded-cache';
import { cellText, WorkbookData } from '../model/workbook';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { MergedView } from './merged-cells';
import { findColumns } from './simple-sheet';
import { DEPARTMENTS_SHEET } from './special-sheets';

const splits = new BoundedCache<string, string[]>();

/**
 * Departments in a lead/responsible cell, split on 、，,；;／/ and line breaks (SPEC §2). A table names
 * the same few departments on every row: the lists are shared and frozen.
 */
export function splitDepartments(text: string): string[] {
  return splits.get(text, splitText);
}

function splitText(text: string): string[] {
  return Object.freeze(
    text
      .split(/[、，,；;／/\n\r]+/)
      .map((s) => s.trim())
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
