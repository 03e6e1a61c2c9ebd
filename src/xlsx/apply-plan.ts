import { cellAddress, columnLetter, EXCEL_MAX_COLUMNS } from '../engine/model/workbook';
import { WritePlan } from '../engine/write/plan';
import { CellWriter, generatedSheetXml, printTitles } from './generated-sheet-xml';
import { inputError } from './input-error';
import { GrownRefs, MARK, moveFilterDatabase, rangeCorners, refsMark, sheetRefs } from './luoshi-marks';
import { addContentType, addRelationship, ensureStylesPart } from './package-parts';
import { CellEdit, editColumn, styleOf } from './sheet-data-edit';
import { SharedStringsEditor, StringCounts, stringCounts } from './shared-strings-edit';
import { MINIMAL_STYLES, StyleCounts, styleCounts, StylesEditor } from './styles-edit';
import { attributesOf, findElement, findElements } from './xml-scan';
import {
  appendInside,
  escapeXml,
  insertionPoint,
  prefixFor,
  quoteSheet,
  rootPrefix,
  splice,
  withAttribute,
} from './xml-edit';
import { NS, WorkbookPackage } from './workbook-package';

/** Elements that follow <conditionalFormatting> in a worksheet (CT_Worksheet's order). */
const AFTER_CONDITIONAL = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
/** Elements that follow <cols>. */
const AFTER_COLS = ['sheetData'];
/** Elements that follow <definedNames> in a workbook. */
const AFTER_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

function countsText(counts: StyleCounts | StringCounts): string {
  return `"${Object.entries(counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(';')}"`;
}

/** Adds the status column's width unless a <col> of the user's already covers that column. */
function addStatusWidth(xml: string, col: number, width: number): { xml: string; added: boolean } {
  const prefix = rootPrefix(xml, 'worksheet');
  const element = `<${prefix}col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`;
  const cols = findElement(xml, 'cols');
  if (!cols) {
    const at = insertionPoint(xml, 'worksheet', AFTER_COLS);
    return { xml: splice(xml, at, at, `<${prefix}cols>${element}</${prefix}cols>`), added: true };
  }
  const entries = findElements(xml, 'col', cols.start + 1, cols.end);
  const ranges = entries.map((e) => ({
    e,
    min: Number(attributesOf(e.text).min),
    max: Number(attributesOf(e.text).max),
  }));
  if (ranges.some((r) => r.min <= col + 1 && col + 1 <= r.max)) return { xml, added: false };
  const before = ranges.find((r) => r.min > col + 1);
  const at = before ? before.e.start : cols.start + cols.text.lastIndexOf('</');
  return { xml: splice(xml, at, at, element), added: true };
}

/**
 * Grows the sheet's <dimension> to take in the status column and rows, and an autofilter over the table
 * (its header row on the filter's top row, the filter left of the status column) to reach the status
 * column, so Excel's filter buttons and used range include it. Returns what changed, for the refs mark.
 */
export function growReferences(
  xml: string,
  statusColumn: number,
  headerRow: number,
  lastRow: number,
): { xml: string; grown: GrownRefs } {
  const grown: GrownRefs = {};
  let out = xml;
  const { dimension, autoFilter } = sheetRefs(out);
  // autoFilter lies after dimension: edited first, so the dimension's position still holds.
  const filterRef = autoFilter ? attributesOf(autoFilter.text).ref : undefined;
  const filter = filterRef ? rangeCorners(filterRef) : null;
  if (autoFilter && filterRef && filter && filter.top === headerRow && filter.right < statusColumn) {
    const after = `${cellAddress(filter.top, filter.left)}:${cellAddress(filter.bottom, statusColumn)}`;
    out = splice(out, autoFilter.start, autoFilter.end, withAttribute(autoFilter.text, 'ref', after));
    grown.autoFilter = { before: filterRef, after };
  }
  const dimensionRef = dimension ? attributesOf(dimension.text).ref : undefined;
  const used = dimensionRef ? rangeCorners(dimensionRef) : null;
  if (dimension && dimensionRef && used) {
    const bottom = Math.max(used.bottom, lastRow);
    const right = Math.max(used.right, statusColumn);
    const top = Math.min(used.top, headerRow);
    const left = Math.min(used.left, statusColumn);
    if (bottom !== used.bottom || right !== used.right || top !== used.top || left !== used.left) {
      const after = `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
      out = splice(out, dimension.start, dimension.end, withAttribute(dimension.text, 'ref', after));
      grown.dimension = { before: dimensionRef, after };
    }
  }
  return { xml: out, grown };
}

/**
 * Writes a plan into a package from which Luoshi's earlier output has been cleared. Every edit adds:
 * status cells into empty places, a conditional format, generated sheets, names and styles at the end
 * of their lists. Refuses (InputError) when the plan would write over a user's value ('would_overwrite') or
 * when no column is left for the status column ('no_free_column': the table reaches XFD, Excel's last).
 */
export async function applyPlan(
  pkg: WorkbookPackage,
  plan: WritePlan,
  original: { styles: StyleCounts | null; strings: StringCounts | null },
): Promise<void> {
  const sheets = await pkg.sheets();
  const breakdown = sheets.find((s) => s.name === plan.breakdown.sheet);
  if (!breakdown?.partPath) {
    throw inputError(
      'no_sheet',
      `工作表“${plan.breakdown.sheet}”无法写入（不是普通工作表）：${pkg.file}`,
      `Sheet "${plan.breakdown.sheet}" cannot be written (not a worksheet): ${pkg.file}`,
    );
  }

  if (plan.breakdown.statusColumn >= EXCEL_MAX_COLUMNS) {
    const last = columnLetter(EXCEL_MAX_COLUMNS - 1);
    throw inputError(
      'no_free_column',
      `工作表“${plan.breakdown.sheet}”的表格右侧直到最后一列 ${last} 都没有空列，无处写校验结果，未写出结果（可删除或移走表格右侧不用的列后再校验）：${pkg.file}`,
      `The table on sheet "${plan.breakdown.sheet}" has no free column right of it up to the last column, ${last}, for the check result; nothing was written (delete or move unused columns right of the table, then check again): ${pkg.file}`,
    );
  }

  // Styles: appended, never changed.
  const styles = await ensureStylesPart(pkg, MINIMAL_STYLES);
  const before = original.styles ?? styleCounts(styles.xml);
  const editor = new StylesEditor(styles.xml, before);
  const xfCache = new Map<string, number>();
  const xf = (name: string) => {
    let i = xfCache.get(name);
    if (i === undefined) xfCache.set(name, (i = editor.cellFormat(plan.styles[name] ?? {})));
    return i;
  };

  // The breakdown sheet: status cells, the column's width, the status colours.
  const b = plan.breakdown;
  let sheetXml = await pkg.required(breakdown.partPath);
  const prefix = rootPrefix(sheetXml, 'worksheet');
  const statusCells = new CellWriter(prefix);
  const place =
    (row: number, text: string, style: string): CellEdit =>
    (existing) => {
      if (existing && /<(?:[\w.-]+:)?(?:v|f|is)[\s>]/.test(existing)) {
        const at = `${b.sheet}!${cellAddress(row, b.statusColumn)}`;
        throw inputError(
          'would_overwrite',
          `单元格 ${at} 已有内容，校验结果不会覆盖它，未写出结果：${pkg.file}`,
          `Cell ${at} is not empty and the check result would overwrite it; nothing was written: ${pkg.file}`,
        );
      }
      // An empty cell the user formatted keeps its format; a new cell gets Luoshi's.
      const s = existing && styleOf(existing) ? styleOf(existing) : xf(style);
      return statusCells.xml(cellAddress(row, b.statusColumn), text, s ? ` s="${s}"` : '');
    };
  const edits = new Map<number, CellEdit>([[b.headerRow, place(b.headerRow, b.header, b.headerStyle)]]);
  for (const cell of b.cells) edits.set(cell.row, place(cell.row, cell.text, b.cellStyle));
  sheetXml = editColumn(sheetXml, b.statusColumn, edits);
  const lastRow = b.cells.reduce((m, x) => Math.max(m, x.row), Math.max(b.headerRow, b.colouring.bottom));
  const width = addStatusWidth(sheetXml, b.statusColumn, b.width);
  sheetXml = width.xml;
  const refs = growReferences(sheetXml, b.statusColumn, b.headerRow, lastRow);
  sheetXml = refs.xml;
  const c = b.colouring;
  if (c.bottom >= c.top) {
    const existingPriorities = [...sheetXml.matchAll(/\spriority="(\d+)"/g)].map((m) => Number(m[1]));
    let priority = Math.max(0, ...existingPriorities);
    // After the user's own rules (higher numbers), so where both apply the user's rule wins.
    const rules = c.rules
      .map(
        (r) =>
          `<${prefix}cfRule type="expression" dxfId="${editor.differential(plan.styles[r.style] ?? {})}" priority="${++priority}"><${prefix}formula>${escapeXml(r.formula)}</${prefix}formula></${prefix}cfRule>`,
      )
      .join('');
    const sqref = `${cellAddress(c.top, c.left)}:${cellAddress(c.bottom, c.right)}`;
    const at = insertionPoint(sheetXml, 'worksheet', AFTER_CONDITIONAL, findElement(sheetXml, 'sheetData')?.end ?? 0);
    sheetXml = splice(
      sheetXml,
      at,
      at,
      `<${prefix}conditionalFormatting sqref="${sqref}">${rules}</${prefix}conditionalFormatting>`,
    );
  }
  pkg.write(breakdown.partPath, sheetXml);

  // Texts of generated sheets go to the shared-string table, when the workbook has one.
  const stringsPath = await pkg.sharedStringsPath();
  const stringsXml = stringsPath ? await pkg.text(stringsPath) : null;
  const strings = stringsXml !== null ? SharedStringsEditor.open(stringsXml) : null;
  const sharedString = strings ? (text: string) => strings.indexOf(text) : undefined;

  // Generated sheets, after the user's.
  let wb = await pkg.required(pkg.workbookPath);
  const wbPrefix = rootPrefix(wb, 'workbook');
  const ns = await pkg.namespaces();
  const relPrefix = prefixFor(wb, 'workbook', ns.rel);
  const dir = pkg.workbookPath.split('/').slice(0, -1).join('/');
  const usedIds = findElements(wb, 'sheet').map((s) => Number(attributesOf(s.text).sheetId) || 0);
  let sheetId = Math.max(0, ...usedIds);
  const names: string[] = [];
  for (const [k, sheet] of plan.sheets.entries()) {
    // Named like Excel's own parts (sheetN.xml): some readers find worksheets by that name, not by relationship.
    let part = '';
    for (let n = sheets.length + k + 1; !part || pkg.has(part); n++)
      part = `${dir ? `${dir}/` : ''}worksheets/sheet${n}.xml`;
    pkg.write(part, generatedSheetXml(sheet, xf, sharedString, ns));
    await addContentType(pkg, part, NS.worksheetContent);
    const relId = await addRelationship(pkg, pkg.workbookPath, NS.worksheetType, part);
    const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${ns.rel}" r:id="${relId}"`;
    const list = findElement(wb, 'sheets')!;
    wb = appendInside(wb, list, `<${wbPrefix}sheet name="${escapeXml(sheet.name)}" sheetId="${++sheetId}" ${idAttr}/>`);
    const index = sheets.length + k;
    names.push(
      `<${wbPrefix}definedName name="${MARK.sheet}" localSheetId="${index}" hidden="1">"${sheet.role}"</${wbPrefix}definedName>`,
    );
    if (sheet.printTitleRows)
      names.push(
        `<${wbPrefix}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(printTitles(sheet.name, sheet.printTitleRows))}</${wbPrefix}definedName>`,
      );
  }
  const statusRange = `${quoteSheet(b.sheet)}!$${columnLetter(b.statusColumn)}$${b.headerRow + 1}:$${columnLetter(b.statusColumn)}$${lastRow + 1}`;
  names.push(
    `<${wbPrefix}definedName name="${MARK.status}" localSheetId="${breakdown.index}" hidden="1">${escapeXml(statusRange)}</${wbPrefix}definedName>`,
  );
  if (width.added)
    names.push(
      `<${wbPrefix}definedName name="${MARK.width}" localSheetId="${breakdown.index}" hidden="1">"${b.width}"</${wbPrefix}definedName>`,
    );
  if (Object.keys(refs.grown).length)
    names.push(
      `<${wbPrefix}definedName name="${MARK.refs}" localSheetId="${breakdown.index}" hidden="1">${escapeXml(refsMark(refs.grown))}</${wbPrefix}definedName>`,
    );
  names.push(
    `<${wbPrefix}definedName name="${MARK.styles}" hidden="1">${escapeXml(countsText(before))}</${wbPrefix}definedName>`,
  );
  if (strings && stringsPath) {
    pkg.write(stringsPath, strings.result);
    const stringsBefore = original.strings ?? stringCounts(stringsXml!);
    names.push(
      `<${wbPrefix}definedName name="${MARK.strings}" hidden="1">${escapeXml(countsText(stringsBefore))}</${wbPrefix}definedName>`,
    );
  }
  let block = findElement(wb, 'definedNames');
  if (!block) {
    const at = insertionPoint(wb, 'workbook', AFTER_NAMES, findElement(wb, 'sheets')!.end);
    wb = splice(wb, at, at, `<${wbPrefix}definedNames></${wbPrefix}definedNames>`);
    block = findElement(wb, 'definedNames')!;
  }
  wb = appendInside(wb, block, names.join(''));
  const filter = refs.grown.autoFilter;
  if (filter) wb = moveFilterDatabase(wb, breakdown.index, filter.before, filter.after);
  pkg.write(pkg.workbookPath, wb);
  pkg.write(styles.path, editor.result);
}
