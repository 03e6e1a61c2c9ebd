import {
  BreakdownMarks,
  columnLetter,
  GeneratedSheet,
  MARK,
  PlanCell,
  sheetWidth,
  SheetRole,
  WritePlan,
} from '../../engine';
import { applyCellStyle, styleBytes, widthPoints } from './cell-style';
import { payloadBytes, WriteBatch } from './payload';
import { OwnedParts } from './read-workbook';
import { addressGroups, equalRuns, Rect, rectAddress, rectanglesByKey, sheetRef } from './rectangles';

/** Rows per values/numberFormat write: small enough that one piece never approaches the web budget alone. */
const ROW_BLOCK = 2000;

function newBatch(context: Excel.RequestContext, budget: number): WriteBatch {
  const app = context.workbook.application;
  return new WriteBatch(context, budget, () => {
    // Both last until the next sync only, so every request asks again.
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
  });
}

/** Queues the removal of everything Luoshi wrote before (the CLI's marks and the add-in's are the same). */
async function removeOwned(context: Excel.RequestContext, batch: WriteBatch, owned: OwnedParts): Promise<void> {
  const sheets = context.workbook.worksheets;
  await batch.add(200 * owned.sheets.size, () => {
    for (const name of owned.sheets.keys()) sheets.getItem(name).delete();
  });
  // A status name the user's column delete turned #REF! (Excel keeps it), or one on another sheet.
  await batch.add(60 * owned.staleNames.length, () => {
    for (const n of owned.staleNames) sheets.getItem(n.sheet).names.getItem(n.name).delete();
  });
  const s = owned.status;
  if (!s) return;
  await batch.add(400 + 60 * owned.conditionalFormats.length, () => {
    for (const cf of owned.conditionalFormats) cf.delete();
    const ws = sheets.getItem(s.sheet);
    ws.getRange(rectAddress({ top: s.top, left: s.col, bottom: s.bottom, right: s.col })).clear('All');
    if (s.widthSet) ws.getRange(`${columnLetter(s.col)}:${columnLetter(s.col)}`).format.useStandardWidth = true;
    ws.names.getItem(MARK.status).delete();
    if (s.widthSet) ws.names.getItem(MARK.width).delete();
  });
}

function hiddenName(names: Excel.NamedItemCollection, name: string, reference: string): void {
  names.add(name, reference).visible = false;
}

async function writeBreakdown(context: Excel.RequestContext, batch: WriteBatch, plan: WritePlan): Promise<void> {
  const b: BreakdownMarks = plan.breakdown;
  const ws = context.workbook.worksheets.getItem(b.sheet);
  const col = columnLetter(b.statusColumn);
  const c = b.colouring;
  const lastRow = b.cells.reduce((m, x) => Math.max(m, x.row), Math.max(b.headerRow, c.bottom));

  await batch.add(500 + payloadBytes(b.header), () => {
    const header = ws.getRange(`${col}${b.headerRow + 1}`);
    header.numberFormat = [['@']];
    header.values = [[b.header]];
    applyCellStyle(header.format, plan.styles[b.headerStyle]);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthPoints(b.width);
    hiddenName(ws.names, MARK.status, `=${sheetRef(b.sheet, `$${col}$${b.headerRow + 1}:$${col}$${lastRow + 1}`)}`);
    hiddenName(ws.names, MARK.width, `="${b.width}"`);
  });

  // Status texts as one column array per block; rows without a status stay empty.
  if (b.cells.length > 0) {
    const first = b.cells.reduce((m, x) => Math.min(m, x.row), Infinity);
    const last = b.cells.reduce((m, x) => Math.max(m, x.row), -1);
    const texts: Array<string | null> = new Array(last - first + 1).fill(null);
    for (const cell of b.cells) texts[cell.row - first] = cell.text;
    for (let from = 0; from < texts.length; from += ROW_BLOCK) {
      const part = texts.slice(from, from + ROW_BLOCK);
      const top = first + from;
      await batch.add(payloadBytes(part) + part.length * 8, () => {
        const range = ws.getRange(`${col}${top + 1}:${col}${top + part.length}`);
        range.numberFormat = part.map(() => ['@']);
        range.values = part.map((t) => [t ?? '']);
      });
    }
    const created = equalRuns(texts.map((t) => (t === null ? null : true)));
    const style = plan.styles[b.cellStyle];
    const groups = addressGroups(
      created.map(([f, l]) => ({ top: first + f, left: b.statusColumn, bottom: first + l, right: b.statusColumn })),
    );
    await batch.add(groups.length * styleBytes(style) + groups.join('').length, () => {
      for (const g of groups) applyCellStyle(ws.getRanges(g).format, style);
    });
  }

  // One conditional format per status over the judged area, keyed on the status cell's symbol.
  await batch.add(400 * c.rules.length, () => {
    const area = ws.getRange(rectAddress({ top: c.top, left: c.left, bottom: c.bottom, right: c.right }));
    for (const rule of c.rules) {
      const cf = area.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = `=${rule.formula}`;
      const style = plan.styles[rule.style];
      if (style.fill) cf.custom.format.fill.color = style.fill;
      if (style.font) cf.custom.format.font.color = style.font;
    }
  });
}

/** Text goes in as text ("@"), so "=HYPERLINK(…)", "+1+1" or "001" from a user's cell stays as written. */
function numberFormatOf(cell: PlanCell | undefined, plan: WritePlan): string {
  if (!cell || cell.value === null) return 'General';
  if (typeof cell.value === 'string') return '@';
  return (cell.style && plan.styles[cell.style]?.numberFormat) || 'General';
}

/** A link as Excel's HYPERLINK formula: one formulas array per column run instead of one hyperlink call per cell. */
function linkFormula(cell: PlanCell): string {
  const target = `#${sheetRef(cell.link!.sheet, `${columnLetter(cell.link!.col)}${cell.link!.row + 1}`)}`;
  const label = String(cell.value ?? '').replace(/"/g, '""');
  return `=HYPERLINK("${target.replace(/"/g, '""')}","${label}")`;
}

/**
 * A link as a Range.hyperlink (ExcelApi 1.7) with a documentReference: in Excel for the web the HYPERLINK
 * function opens URLs only, so a "#sheet!A1" jump does nothing there; Range.hyperlink jumps on every
 * platform. https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink (documentReference,
 * textToDisplay); https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-hyperlink-member.
 */
function linkHyperlink(cell: PlanCell): Excel.RangeHyperlink {
  return {
    documentReference: sheetRef(cell.link!.sheet, `${columnLetter(cell.link!.col)}${cell.link!.row + 1}`),
    textToDisplay: String(cell.value ?? ''),
  };
}

/** Bytes one Range.hyperlink set adds to a request: the value and the range's object path. */
const HYPERLINK_OP_BYTES = 160;

async function writeSheet(
  context: Excel.RequestContext,
  batch: WriteBatch,
  plan: WritePlan,
  sheet: GeneratedSheet,
  web: boolean,
): Promise<Excel.Worksheet> {
  const width = sheetWidth(sheet);
  let ws!: Excel.Worksheet;
  await batch.add(300, () => {
    ws = context.workbook.worksheets.add(sheet.name);
    hiddenName(ws.names, MARK.sheet, `="${sheet.role}"`);
  });

  for (let from = 0; from < sheet.rows.length; from += ROW_BLOCK) {
    const rows = sheet.rows.slice(from, from + ROW_BLOCK);
    const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.value ?? ''));
    const formats = rows.map((r) => Array.from({ length: width }, (_, c) => numberFormatOf(r[c], plan)));
    await batch.add(payloadBytes(values) + payloadBytes(formats), () => {
      const range = ws.getRange(rectAddress({ top: from, left: 0, bottom: from + rows.length - 1, right: width - 1 }));
      range.numberFormat = formats;
      range.values = values;
    });
  }

  // Links, column run by column run.
  const links = rectanglesByKey(
    sheet.rows.length,
    (r, c) => (sheet.rows[r][c]?.link ? c : undefined),
    () => width,
  );
  for (const rects of links.values()) {
    for (const rect of rects) {
      if (web) {
        // One hyperlink per cell (each has its own target), queued into the same batched requests.
        const cells: Array<{ r: number; link: Excel.RangeHyperlink }> = [];
        for (let r = rect.top; r <= rect.bottom; r++) cells.push({ r, link: linkHyperlink(sheet.rows[r][rect.left]) });
        await batch.add(payloadBytes(cells) + cells.length * HYPERLINK_OP_BYTES, () => {
          for (const { r, link } of cells)
            ws.getRange(rectAddress({ top: r, left: rect.left, bottom: r, right: rect.left })).hyperlink = link;
        });
        continue;
      }
      const formulas: string[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) formulas.push([linkFormula(sheet.rows[r][rect.left])]);
      await batch.add(payloadBytes(formulas) + 80, () => {
        const range = ws.getRange(rectAddress(rect));
        range.numberFormat = formulas.map(() => ['General']);
        range.formulas = formulas;
      });
    }
  }

  // Styles: each style once per group of rectangles.
  const byStyle = rectanglesByKey(
    sheet.rows.length,
    (r, c) => sheet.rows[r][c]?.style,
    (r) => sheet.rows[r].length,
  );
  for (const [name, rects] of byStyle) {
    const style = plan.styles[name];
    if (!style) continue;
    for (const group of addressGroups(rects)) {
      await batch.add(group.length + styleBytes(style), () => applyCellStyle(ws.getRanges(group).format, style));
    }
  }

  // Row heights: all rows of one height at once (a cell of column A stands for its row).
  const byHeight = new Map<number, Rect[]>();
  for (const [first, last, h] of equalRuns(sheet.rowHeights))
    byHeight.set(h, [...(byHeight.get(h) ?? []), { top: first, left: 0, bottom: last, right: 0 }]);
  for (const [height, rows] of byHeight) {
    for (const group of addressGroups(rows))
      await batch.add(group.length + 80, () => (ws.getRanges(group).format.rowHeight = height));
  }

  await batch.add(200 + 60 * (sheet.widths.length + sheet.merges.length), () => {
    for (const [first, last, w] of equalRuns(sheet.widths))
      ws.getRange(`${columnLetter(first)}:${columnLetter(last)}`).format.columnWidth = widthPoints(w);
    for (const m of sheet.merges) ws.getRange(rectAddress(m)).merge(false);
    if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
    const page = ws.pageLayout;
    page.paperSize = 'A4';
    if (sheet.landscape) {
      page.orientation = 'Landscape';
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }
    if (sheet.printTitleRows) page.setPrintTitleRows(`$${sheet.printTitleRows[0] + 1}:$${sheet.printTitleRows[1] + 1}`);
    if (sheet.pageNumbers) page.headersFooters.defaultForAllPages.centerFooter = '&P / &N';
  });
  return ws;
}

export interface WriteOptions {
  /** Largest request, in bytes (see payload.ts). */
  budget: number;
  /** The generated sheet to show when done (校验 shows 汇总). */
  show?: SheetRole;
  /** Excel on the web: jump links go in as Range.hyperlink, HYPERLINK("#…") does not jump there. */
  web?: boolean;
}

/** Applies a write plan: removes Luoshi's earlier output, then writes the new one. Returns the round trips used. */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  owned: OwnedParts,
  options: WriteOptions,
): Promise<number> {
  const batch = newBatch(context, options.budget);
  await removeOwned(context, batch, owned);
  await writeBreakdown(context, batch, plan);
  for (const sheet of plan.sheets) {
    const ws = await writeSheet(context, batch, plan, sheet, options.web ?? false);
    if (sheet.role === options.show) await batch.add(50, () => ws.activate());
  }
  await batch.flush();
  return batch.syncs;
}

/** 清除结果: removes everything Luoshi wrote. Returns the round trips used. */
export async function clearPlan(context: Excel.RequestContext, owned: OwnedParts, budget: number): Promise<number> {
  const batch = newBatch(context, budget);
  await removeOwned(context, batch, owned);
  await batch.flush();
  return batch.syncs;
}
