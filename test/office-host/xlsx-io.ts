import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnLetter } from '../../src/engine/model/workbook';
import { parseArea } from './address';
import { HostCell, HostConditionalFormat, HostName, HostSheet, HostWorkbook } from './model';

/*
 * The test host's workbook to and from .xlsx, so that a workbook the add-in wrote can be handed to the
 * CLI and the CLI's output opened in the "Excel" the add-in runs on (issue 17, item 12).
 *
 * Carried both ways, as the add-in and the CLI write and read them: cell values (numbers, text, booleans,
 * dates as serials with their number format), formulas with their results, number formats, fills, font
 * bold/colour/size/underline, wrap and alignment, borders (as thin lines), merged areas, column widths,
 * row heights, frozen rows, hidden sheets, conditional formats of type expression (Custom) with their
 * fill and font, jump links (Range.hyperlink's documentReference ⇄ <hyperlink location>), and defined
 * names: sheet-scoped ones with localSheetId, workbook ones, hidden or not (exceljs keeps no sheet scope
 * and no constant names such as ="summary", so jszip writes and reads <definedNames> itself).
 *
 * Not carried, and why the round-trip tests stay faithful: page setup (the host keeps the add-in's calls,
 * not Excel's print XML; neither side's clear looks at it but through _luoshi_print, which is a name and
 * is carried), charts (Worksheet.charts on 汇总: the CLI writes its own chart part, checked by
 * chart-summary.test.ts; the add-in's is checked on the host, addin-chart.test.ts), Workbook.settings (a web-extension part Excel writes, which Luoshi's CLI neither reads nor
 * writes), sheet protection (no test here protects a sheet), styles the user gave cells outside what is
 * listed above (fonts' names, theme colours: the fixtures have none), and the exact styles.xml indices
 * (exceljs renumbers them, as Excel does on save: the CLI's clear must not rely on them, and the tests
 * assert what a user sees — values, formats on the status cells, sheets and names — not indices).
 */

const FILL = 'fill.color';

function argb(colour: unknown): { argb: string } | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(String(colour ?? ''));
  return m ? { argb: `FF${m[1].toUpperCase()}` } : undefined;
}

function hexOf(colour: Partial<ExcelJS.Color> | undefined): string | undefined {
  const a = colour?.argb;
  return a && /^[0-9a-f]{8}$/i.test(a) ? `#${a.slice(2).toUpperCase()}` : undefined;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unxml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The host's format keys ("fill.color", "font.bold", "borders/EdgeTop.style" …) as an exceljs style. */
function styleOf(cell: HostCell): Partial<ExcelJS.Style> {
  const f = cell.format;
  const style: Partial<ExcelJS.Style> = {};
  const fill = argb(f[FILL]);
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: fill };
  const font: Partial<ExcelJS.Font> = {};
  if (f['font.bold'] !== undefined) font.bold = Boolean(f['font.bold']);
  if (typeof f['font.size'] === 'number') font.size = f['font.size'];
  if (argb(f['font.color'])) font.color = argb(f['font.color']);
  if (f['font.underline'] === 'Single') font.underline = true;
  if (Object.keys(font).length > 0) style.font = font;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (f.wrapText !== undefined) alignment.wrapText = Boolean(f.wrapText);
  if (f.horizontalAlignment) alignment.horizontal = String(f.horizontalAlignment).toLowerCase() as 'left';
  if (f.verticalAlignment) alignment.vertical = String(f.verticalAlignment).toLowerCase() as 'top';
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  const edges = Object.keys(f).filter((k) => /border/i.test(k) && /style$/.test(k));
  if (edges.length > 0) {
    const line = { style: 'thin' as const };
    style.border = { top: line, bottom: line, left: line, right: line };
  }
  if (cell.numberFormat && cell.numberFormat !== 'General') style.numFmt = cell.numberFormat;
  return style;
}

/** An exceljs style as the host's format keys (what the add-in's applyCellStyle would have set). */
function formatOf(style: Partial<ExcelJS.Style>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && hexOf(fill.fgColor)) out[FILL] = hexOf(fill.fgColor);
  if (style.font?.bold) out['font.bold'] = true;
  if (hexOf(style.font?.color)) out['font.color'] = hexOf(style.font?.color);
  if (style.font?.underline) out['font.underline'] = 'Single';
  if (style.alignment?.wrapText) out.wrapText = true;
  if (style.alignment?.horizontal) out.horizontalAlignment = style.alignment.horizontal;
  if (style.border && Object.values(style.border).some((b) => (b as ExcelJS.Border | undefined)?.style))
    out['borders.style'] = 'Continuous';
  return out;
}

/** Host column width in points → Excel characters (the inverse of the add-in's widthPoints). */
const chars = (points: number) => Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
const points = (width: number) => Math.round((width * 7 + 5) * 0.75 * 100) / 100;

/**
 * The host workbook as .xlsx bytes, as Excel would save it (see the comment above for what is carried).
 * Deterministic for the same workbook (fixed document dates).
 */
export async function exportHostWorkbook(model: HostWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2022, 0, 1));
  wb.properties.date1904 = model.date1904;
  const links: Array<Array<{ ref: string; location: string; display: string }>> = [];
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility === 'Hidden' ? 'hidden' : 'visible' });
    const sheetLinks: Array<{ ref: string; location: string; display: string }> = [];
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      const target = ws.getCell(r + 1, c + 1);
      if (cell.formula !== undefined)
        target.value = {
          formula: cell.formula.replace(/^=/, ''),
          result: cell.value ?? undefined,
        } as ExcelJS.CellValue;
      else target.value = cell.value;
      target.style = styleOf(cell) as ExcelJS.Style;
      const link = cell.hyperlink?.documentReference;
      if (link)
        sheetLinks.push({
          ref: `${columnLetter(c)}${r + 1}`,
          location: link,
          display: cell.hyperlink?.textToDisplay ?? '',
        });
    }
    links.push(sheetLinks);
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const [c, w] of sheet.columnWidths) ws.getColumn(c + 1).width = chars(w);
    for (const [r, h] of sheet.rowHeights) ws.getRow(r + 1).height = h;
    if (sheet.frozenRows > 0) ws.views = [{ state: 'frozen', ySplit: sheet.frozenRows }];
    sheet.conditionalFormats.forEach((cf, i) => {
      const font = argb(cf.format['font.color']);
      const fill = argb(cf.format[FILL]);
      ws.addConditionalFormatting({
        ref: `${columnLetter(cf.area.left)}${cf.area.top + 1}:${columnLetter(cf.area.right)}${cf.area.bottom + 1}`,
        rules: [
          {
            type: 'expression',
            priority: i + 1,
            formulae: [cf.formula.replace(/^=/, '')],
            style: {
              ...(fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: fill } } : {}),
              ...(font ? { font: { color: font } } : {}),
            },
          },
        ],
      });
    });
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());

  // Jump links as Excel writes a link into the workbook: <hyperlink ref location display/>, no relationship.
  for (let i = 0; i < links.length; i++) {
    if (links[i].length === 0) continue;
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const text = await zip.file(part)!.async('string');
    const list = links[i]
      .map((l) => `<hyperlink ref="${l.ref}" location="${xml(l.location)}" display="${xml(l.display)}"/>`)
      .join('');
    const at = text.search(
      /<(printOptions|pageMargins|pageSetup|headerFooter|drawing|legacyDrawing|tableParts|extLst)\b/,
    );
    zip.file(
      part,
      at < 0
        ? text.replace('</worksheet>', `<hyperlinks>${list}</hyperlinks></worksheet>`)
        : text.slice(0, at) + `<hyperlinks>${list}</hyperlinks>` + text.slice(at),
    );
  }

  // Defined names, sheet-scoped ones with localSheetId (the sheet's index in <sheets>).
  const names: string[] = [];
  const nameXml = (n: HostName, scope: number | null) =>
    `<definedName name="${xml(n.name)}"${scope === null ? '' : ` localSheetId="${scope}"`}${n.visible ? '' : ' hidden="1"'}>${xml(n.formula.replace(/^=/, ''))}</definedName>`;
  for (const n of model.names) names.push(nameXml(n, null));
  model.sheets.forEach((s, i) => s.names.forEach((n) => names.push(nameXml(n, i))));
  if (names.length > 0) {
    const book = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', book.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`));
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    date: new Date(Date.UTC(1980, 0, 1)),
  } as JSZip.JSZipGeneratorOptions<'uint8array'>);
}

/** An exceljs cell value as the host holds it: Dates back to serials (exceljs turns date-formatted numbers into Dates). */
function hostValue(v: ExcelJS.CellValue, date1904: boolean): { value: HostCell['value']; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) {
    const serial = (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
    return { value: date1904 ? serial - 1462 : serial };
  }
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue;
      return { value: hostValue((f.result as ExcelJS.CellValue) ?? null, date1904).value, formula: `=${f.formula}` };
    }
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('text' in v) return { value: String(v.text) };
    if ('error' in v) return { value: String(v.error) };
  }
  return { value: v as string | number | boolean };
}

/**
 * An .xlsx opened in the test host as Excel would show it to the add-in: what exportHostWorkbook carries
 * (see above), read with exceljs for cells and formats and with jszip for the defined names (with their
 * scope) and the jump links.
 */
export async function loadHostWorkbook(bytes: Uint8Array): Promise<HostWorkbook> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const order = [...book.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unxml(m[1]));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const model = new HostWorkbook();
  model.date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(book);
  for (const name of order) {
    const ws = wb.getWorksheet(name);
    const sheet = new HostSheet(name);
    model.sheets.push(sheet);
    if (!ws) continue;
    if (ws.state !== 'visible') sheet.visibility = 'Hidden';
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height && row.height !== 15) sheet.rowHeights.set(r - 1, row.height);
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (c.isMerged && c.master !== c) return;
        const { value, formula } = hostValue(c.value, model.date1904);
        const format = formatOf(c.style);
        const numberFormat = c.numFmt || 'General';
        if (value === null && formula === undefined && numberFormat === 'General' && Object.keys(format).length === 0)
          return;
        const cell = sheet.ensure(r - 1, col - 1);
        cell.value = value;
        if (formula !== undefined) cell.formula = formula;
        cell.numberFormat = numberFormat;
        cell.format = format;
      });
    });
    for (const ref of (ws.model as { merges?: string[] }).merges ?? []) sheet.merges.push(parseArea(ref).area);
    ws.columns?.forEach((col, i) => {
      if (col.width) sheet.columnWidths.set(i, points(col.width));
    });
    const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
    if (view?.state === 'frozen' && view.ySplit) sheet.frozenRows = view.ySplit;
    let id = 0;
    // Read by exceljs (Worksheet.conditionalFormattings), missing from its typings.
    const rules = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    for (const cf of rules ?? [])
      for (const rule of cf.rules) {
        if (rule.type !== 'expression') continue;
        const style = rule.style ?? {};
        const fill = style.fill as ExcelJS.FillPattern | undefined;
        const format: Record<string, unknown> = {};
        if (hexOf(fill?.bgColor) ?? hexOf(fill?.fgColor)) format[FILL] = hexOf(fill?.bgColor) ?? hexOf(fill?.fgColor);
        if (hexOf(style.font?.color)) format['font.color'] = hexOf(style.font?.color);
        const hcf: HostConditionalFormat = {
          id: ++id,
          area: parseArea(cf.ref.split(/\s+/)[0]).area,
          type: 'Custom',
          formula: `=${(rule as ExcelJS.ExpressionRuleType).formulae?.[0] ?? ''}`,
          format,
        };
        sheet.conditionalFormats.push(hcf);
      }
  }

  // Jump links from the sheets' XML (exceljs reads an in-workbook link inconsistently).
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  for (const m of book.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g)) {
    const target =
      new RegExp(`<Relationship\\b[^>]*\\bId="${m[2]}"[^>]*\\bTarget="([^"]*)"`).exec(rels)?.[1] ??
      new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]*)"[^>]*\\bId="${m[2]}"`).exec(rels)?.[1];
    if (!target) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const text = (await zip.file(part)?.async('string')) ?? '';
    const sheet = model.sheet(unxml(m[1]))!;
    for (const l of text.matchAll(/<hyperlink\b([^>]*)\/>/g)) {
      const attr = (a: string) => new RegExp(`\\b${a}="([^"]*)"`).exec(l[1])?.[1];
      const location = attr('location');
      if (!location) continue;
      const { area } = parseArea(attr('ref')!);
      const cell = sheet.ensure(area.top, area.left);
      cell.hyperlink = {
        documentReference: unxml(location).replace(/^#/, ''),
        textToDisplay: unxml(attr('display') ?? ''),
      };
    }
  }

  // Defined names with their scope.
  for (const m of book.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attr = (a: string) => new RegExp(`\\b${a}="([^"]*)"`).exec(m[1])?.[1];
    const scope = attr('localSheetId');
    const name: HostName = {
      name: unxml(attr('name')!),
      formula: `=${unxml(m[2])}`,
      visible: !/^(1|true)$/.test(attr('hidden') ?? ''),
    };
    if (scope === undefined) model.names.push(name);
    else model.sheets[Number(scope)]?.names.push(name);
  }
  model.activeSheet = model.sheets[0]?.name ?? '';
  return model;
}
