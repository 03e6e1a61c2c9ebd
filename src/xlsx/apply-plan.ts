import { cellAddress, columnLetter, EXCEL_MAX_COLUMNS } from '../engine/model/workbook';
import { stringConstant } from '../engine/write/ownership-marks';
import { WritePlan } from '../engine/write/plan';
import { splitAround } from './col-ranges';
import { addSheetChart } from './chart-part';
import { CellWriter, generatedSheetXml, printTitles } from './generated-sheet-xml';
import { inputError } from './input-error';
import {
  constantValue,
  definedNames,
  GrownRefs,
  MARK,
  moveFilterDatabase,
  rangeCorners,
  refsMark,
  sheetRefs,
} from './luoshi-marks';
import { addContentType, addRelationship, ensureStylesPart } from './package-parts';
import { CellEdit, editColumn, styleOf } from './sheet-data-edit';
import { SharedStringsEditor, StringCounts, stringCounts } from './shared-strings-edit';
import { MINIMAL_STYLES, StyleCounts, styleCounts, StylesEditor } from './styles-edit';
import { attributesOf, findElement, findElements, findStartTag, lastEndTag } from './xml-scan';
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

/**
 * Adds the status column's width unless a <col> of the user's already covers that column. A hidden
 * range covering it (every column right of the table hidden, as tidy templates do) is split so the
 * status column shows: its own `<col>` between what is left of the range, which `shown` returns as it
 * was, for the _luoshi_shown mark (clear puts it back).
 */
function addStatusWidth(xml: string, col: number, width: number): { xml: string; added: boolean; shown?: string } {
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
  const covering = ranges.find((r) => r.min <= col + 1 && col + 1 <= r.max);
  if (covering) {
    if (!/^(1|true)$/i.test(attributesOf(covering.e.text).hidden ?? '')) return { xml, added: false };
    const [left, right] = splitAround(covering.e.text, col);
    return {
      xml: splice(xml, covering.e.start, covering.e.end, left + element + right),
      added: true,
      shown: covering.e.text,
    };
  }
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
  // A sheet without print settings of its own prints its table with the status column on one page wide.
  const printArea = definedNames(await pkg.required(pkg.workbookPath)).some(
    (n) => n.name === '_xlnm.Print_Area' && n.localSheetId === breakdown.index,
  );
  const print = b.fitToPage && !hasOwnPrintSettings(sheetXml, printArea) ? fitBreakdownToPage(sheetXml) : null;
  if (print) sheetXml = print.xml;
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
    const drawing = sheet.chart ? await addSheetChart(pkg, part, sheet, sheet.chart) : undefined;
    pkg.write(part, generatedSheetXml(sheet, xf, sharedString, ns, drawing));
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
  if (width.shown)
    names.push(
      `<${wbPrefix}definedName name="${MARK.shown}" localSheetId="${breakdown.index}" hidden="1">${escapeXml(stringConstant(width.shown))}</${wbPrefix}definedName>`,
    );
  if (Object.keys(refs.grown).length)
    names.push(
      `<${wbPrefix}definedName name="${MARK.refs}" localSheetId="${breakdown.index}" hidden="1">${escapeXml(refsMark(refs.grown))}</${wbPrefix}definedName>`,
    );
  if (print)
    names.push(
      `<${wbPrefix}definedName name="${MARK.print}" localSheetId="${breakdown.index}" hidden="1">${escapeXml(print.mark)}</${wbPrefix}definedName>`,
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

/** Elements that follow <pageSetup> in a worksheet (CT_Worksheet's order). */
const AFTER_PAGE_SETUP = AFTER_CONDITIONAL.slice(AFTER_CONDITIONAL.indexOf('headerFooter'));
/** What Luoshi sets on a breakdown sheet without print settings: A4 landscape, one page wide, as many long as needed. */
const FIT_TO_WIDTH: Array<[string, string]> = [
  ['paperSize', '9'],
  ['orientation', 'landscape'],
  ['fitToWidth', '1'],
  ['fitToHeight', '0'],
];
/** An attribute value a print mark can hold as it is. */
const PLAIN_VALUE = /^[\w.-]*$/;

/**
 * Whether the user chose how the sheet prints: a print area, fit-to-page, landscape or a scale of their
 * own. Luoshi then leaves printing alone (SPEC §5: never override the user's settings).
 */
export function hasOwnPrintSettings(xml: string, hasPrintArea: boolean): boolean {
  if (hasPrintArea) return true;
  const pr = findStartTag(xml, 'pageSetUpPr');
  if (pr && attributesOf(pr.text).fitToPage === '1') return true;
  const data = lastEndTag(xml, 'sheetData');
  const setup = findStartTag(xml, 'pageSetup', Math.max(0, data));
  if (!setup) return false;
  const a = attributesOf(setup.text);
  if (a.orientation === 'landscape' || (a.scale !== undefined && a.scale !== '100')) return true;
  // A value the print mark could not hold as it is: left alone rather than restored wrongly.
  return FIT_TO_WIDTH.some(([k]) => a[k] !== undefined && !PLAIN_VALUE.test(a[k]));
}

/**
 * Makes the breakdown sheet print on A4 landscape, fit to one page wide with the status column, and
 * returns the edited part and the print mark's text (what was there before, so clear can put it back:
 * "pageSetup=+" an element Luoshi created, "pageSetup.orientation=portrait" an attribute's earlier value,
 * empty when it had none). Call only when hasOwnPrintSettings is false.
 */
export function fitBreakdownToPage(xml: string): { xml: string; mark: string } {
  const prefix = rootPrefix(xml, 'worksheet');
  const record: string[] = [];
  let out = xml;
  // <pageSetup>, after sheetData and before headerFooter…
  const data = Math.max(0, lastEndTag(out, 'sheetData'));
  const setup = findStartTag(out, 'pageSetup', data);
  if (!setup) {
    const at = insertionPoint(out, 'worksheet', AFTER_PAGE_SETUP, data);
    const attrs = FIT_TO_WIDTH.map(([k, v]) => ` ${k}="${v}"`).join('');
    out = splice(out, at, at, `<${prefix}pageSetup${attrs}/>`);
    record.push('pageSetup=+');
  } else {
    const a = attributesOf(setup.text);
    let tag = setup.text;
    for (const [k, v] of FIT_TO_WIDTH) {
      // The user's paper stays their paper.
      if (k === 'paperSize' && a.paperSize !== undefined) continue;
      record.push(`pageSetup.${k}=${a[k] ?? ''}`);
      tag = withAttribute(tag, k, v);
    }
    out = splice(out, setup.start, setup.end, tag);
  }
  // …and fitToPage on <sheetPr><pageSetUpPr>, the worksheet's first child.
  const sheetPr = findStartTag(out, 'sheetPr');
  const inside = `<${prefix}pageSetUpPr fitToPage="1"/>`;
  if (!sheetPr) {
    const root = findStartTag(out, 'worksheet')!;
    out = splice(out, root.end, root.end, `<${prefix}sheetPr>${inside}</${prefix}sheetPr>`);
    record.push('sheetPr=+');
  } else if (sheetPr.text.endsWith('/>')) {
    const open = sheetPr.text.replace(/\s*\/>$/, '>');
    out = splice(out, sheetPr.start, sheetPr.end, `${open}${inside}</${prefix}sheetPr>`);
    record.push(`sheetPr=/${sheetPr.text.length - open.length}`);
  } else {
    const pr = findStartTag(out, 'pageSetUpPr', sheetPr.end);
    const close = out.indexOf('sheetPr>', sheetPr.end);
    if (pr && pr.start < close) {
      record.push(`pageSetUpPr.fitToPage=${attributesOf(pr.text).fitToPage ?? ''}`);
      out = splice(out, pr.start, pr.end, withAttribute(pr.text, 'fitToPage', '1'));
    } else {
      // pageSetUpPr is sheetPr's last child: just before </sheetPr>.
      const at = out.lastIndexOf('</', close);
      out = splice(out, at, at, inside);
      record.push('pageSetUpPr=+');
    }
  }
  return { xml: out, mark: `"${record.join(';')}"` };
}

/** Removes attribute `name` that withAttribute added at the end of a start tag (or anywhere in it). */
function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(["'])[^"']*\\1`), '');
}

/** Gives a breakdown sheet's print settings back as the print mark (fitBreakdownToPage) says they were. */
export function restorePrintSetup(xml: string, mark: string): string {
  const record = new Map<string, string>();
  for (const part of (constantValue(mark) ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) record.set(part.slice(0, eq), part.slice(eq + 1));
  }
  let out = xml;
  const data = Math.max(0, lastEndTag(out, 'sheetData'));
  const setup = findStartTag(out, 'pageSetup', data);
  if (setup && record.get('pageSetup') === '+') out = splice(out, setup.start, setup.end, '');
  else if (setup) {
    let tag = setup.text;
    for (const [k, v] of record) {
      if (!k.startsWith('pageSetup.')) continue;
      const name = k.slice('pageSetup.'.length);
      tag = v === '' ? withoutAttribute(tag, name) : withAttribute(tag, name, v);
    }
    out = splice(out, setup.start, setup.end, tag);
  }
  const sheetPr = findStartTag(out, 'sheetPr');
  if (!sheetPr) return out;
  const pr = findStartTag(out, 'pageSetUpPr', sheetPr.end);
  const closeAt = out.indexOf('sheetPr>', sheetPr.end);
  if (pr && pr.start < closeAt) {
    if (record.get('pageSetUpPr') === '+' || record.get('sheetPr') === '+' || record.get('sheetPr')?.startsWith('/'))
      out = splice(out, pr.start, pr.end, '');
    else if (record.has('pageSetUpPr.fitToPage')) {
      const v = record.get('pageSetUpPr.fitToPage')!;
      out = splice(
        out,
        pr.start,
        pr.end,
        v === '' ? withoutAttribute(pr.text, 'fitToPage') : withAttribute(pr.text, 'fitToPage', v),
      );
    }
  }
  const state = record.get('sheetPr');
  const now = findStartTag(out, 'sheetPr')!;
  const end = out.indexOf('>', out.indexOf('sheetPr>', now.end)) + 1;
  if (state === '+' && out.slice(now.end, out.lastIndexOf('</', end - 1)).trim() === '')
    out = splice(out, now.start, end, '');
  else if (state?.startsWith('/')) {
    const original = `${now.text.slice(0, -1)}${' '.repeat(Math.max(0, Number(state.slice(1)) - 1))}/>`;
    out = splice(out, now.start, end, original);
  }
  return out;
}
