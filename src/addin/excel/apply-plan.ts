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
import { chartPiece } from './chart';
import { isCellEditError } from './office-errors';
import { opBytes, payloadBytes, Piece, WriteBatch } from './payload';
import { paneSlices } from './pane-slices';
import { OwnedParts } from './read-workbook';
import { addressGroups, equalRuns, Rect, rectAddress, rectanglesByKey, sheetRef } from './rectangles';

/** Rows per values/numberFormat write at most. */
const ROW_BLOCK = 2000;
/** Cells per piece of hyperlinks (web). */
const LINK_BLOCK = 1000;
/**
 * A block of cells takes at most this share of a request, so that one block never comes near the budget
 * alone (rows of long text are cut into shorter blocks).
 */
const BLOCK_SHARE = 4;

/** Bytes the two suspend calls add to each request. */
const SUSPEND_BYTES = opBytes(2, 2);

function newBatch(context: Excel.RequestContext, budget: number): WriteBatch {
  const app = context.workbook.application;
  return new WriteBatch(
    context,
    budget,
    () => {
      // Both last until the next sync only, so every request asks again.
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
    },
    SUSPEND_BYTES,
  );
}

/**
 * Consecutive blocks [from, to) of `count` rows, each at most ROW_BLOCK rows and `maxBytes` bytes by
 * `rowBytes` (a single row over it is a block of its own; the batch's check then refuses it).
 */
function rowBlocks(count: number, rowBytes: (i: number) => number, maxBytes: number): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const b = rowBytes(i);
    if (i > from && (i - from >= ROW_BLOCK || bytes + b > maxBytes)) {
      blocks.push([from, i]);
      from = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (count > from) blocks.push([from, count]);
  return blocks;
}

/**
 * What the requests before the page setup read of print settings, for it to decide on: each sheet that
 * carries a print mark (Luoshi set it to print landscape, fit to width: its settings now, to give back),
 * and the breakdown sheet's settings and print area (whether the user has print settings of their own).
 * Loaded in requests that go anyway, so knowing costs no round trip.
 */
interface PrintProbe {
  marked: Array<{ sheet: string; layout: Excel.PageLayout }>;
  breakdown: { sheet: string; layout: Excel.PageLayout; area: Excel.RangeAreas; tall: number } | null;
}

/** The pieces that remove everything Luoshi wrote before (the CLI's marks and the add-in's are the same). */
function removalPieces(context: Excel.RequestContext, owned: OwnedParts, probe: PrintProbe): Piece[] {
  const sheets = () => context.workbook.worksheets;
  const pieces: Piece[] = [];
  for (const name of owned.sheets.keys())
    pieces.push({ bytes: opBytes(2, 1, null, name), queue: () => sheets().getItem(name).delete() });
  // A status name the user's column delete turned #REF! (Excel keeps it), one on another sheet, the CLI's marks.
  for (const n of owned.staleNames) {
    const scope = n.sheet;
    const print = scope !== null && n.name === MARK.print;
    pieces.push({
      bytes: opBytes(print ? 6 : 4, print ? 2 : 1, null, (scope ?? '') + n.name),
      queue: () => {
        (scope === null ? context.workbook.names : sheets().getItem(scope).names).getItem(n.name).delete();
        if (!print) return;
        // The sheet's print settings as they are now: the page setup gives back those still Luoshi's.
        const layout = sheets().getItem(scope).pageLayout;
        layout.load(PRINT_PROPS);
        probe.marked.push({ sheet: scope, layout });
      },
    });
  }
  const s = owned.status;
  if (!s) return pieces;
  pieces.push({
    bytes: opBytes(6 + owned.conditionalFormats.length, 6 + owned.conditionalFormats.length, null, s.sheet),
    queue: () => {
      for (const cf of owned.conditionalFormats) cf.delete();
      const ws = sheets().getItem(s.sheet);
      ws.getRange(rectAddress({ top: s.top, left: s.col, bottom: s.bottom, right: s.col })).clear('All');
      if (s.widthSet) ws.getRange(`${columnLetter(s.col)}:${columnLetter(s.col)}`).format.useStandardWidth = true;
      ws.names.getItem(MARK.status).delete();
      if (s.widthSet) ws.names.getItem(MARK.width).delete();
    },
  });
  return pieces;
}

function hiddenName(names: Excel.NamedItemCollection, name: string, reference: string): void {
  names.add(name, reference).visible = false;
}

function breakdownPieces(context: Excel.RequestContext, plan: WritePlan, budget: number, probe: PrintProbe): Piece[] {
  const b: BreakdownMarks = plan.breakdown;
  const sheet = () => context.workbook.worksheets.getItem(b.sheet);
  const col = columnLetter(b.statusColumn);
  const c = b.colouring;
  const lastRow = b.cells.reduce((m, x) => Math.max(m, x.row), Math.max(b.headerRow, c.bottom));
  const pieces: Piece[] = [];
  const statusRef = `=${sheetRef(b.sheet, `$${col}$${b.headerRow + 1}:$${col}$${lastRow + 1}`)}`;

  pieces.push({
    bytes:
      opBytes(9, 7, [b.header, '@', statusRef, b.width], b.sheet) +
      styleBytes(plan.styles[b.headerStyle]) +
      (b.fitToPage ? opBytes(3, 2, PRINT_PROPS) : 0),
    queue: () => {
      const ws = sheet();
      if (b.fitToPage) {
        // Whether the user has print settings of their own, read in this request (no round trip of its own).
        const layout = ws.pageLayout;
        layout.load(PRINT_PROPS);
        const area = layout.getPrintAreaOrNullObject();
        area.load('address');
        probe.breakdown = { sheet: b.sheet, layout, area, tall: Math.min(32767, Math.max(1, lastRow + 1)) };
      }
      const header = ws.getRange(`${col}${b.headerRow + 1}`);
      header.numberFormat = [['@']];
      header.values = [[b.header]];
      applyCellStyle(header.format, plan.styles[b.headerStyle]);
      ws.getRange(`${col}:${col}`).format.columnWidth = widthPoints(b.width);
      hiddenName(ws.names, MARK.status, statusRef);
      hiddenName(ws.names, MARK.width, `="${b.width}"`);
    },
  });

  // Status texts as one column array per block; rows without a status stay empty.
  if (b.cells.length > 0) {
    const first = b.cells.reduce((m, x) => Math.min(m, x.row), Infinity);
    const last = b.cells.reduce((m, x) => Math.max(m, x.row), -1);
    const texts: Array<string | null> = new Array(last - first + 1).fill(null);
    for (const cell of b.cells) texts[cell.row - first] = cell.text;
    const rowBytes = (i: number) => payloadBytes(texts[i] ?? '') + 8;
    for (const [from, to] of rowBlocks(texts.length, rowBytes, budget / BLOCK_SHARE)) {
      const part = texts.slice(from, to);
      const top = first + from;
      pieces.push({
        bytes: opBytes(2, 2, null, b.sheet) + part.reduce((n, _t, i) => n + rowBytes(from + i), 0),
        queue: () => {
          const range = sheet().getRange(`${col}${top + 1}:${col}${top + part.length}`);
          range.numberFormat = part.map(() => ['@']);
          range.values = part.map((t) => [t ?? '']);
        },
      });
    }
    const created = equalRuns(texts.map((t) => (t === null ? null : true)));
    const style = plan.styles[b.cellStyle];
    const groups = addressGroups(
      created.map(([f, l]) => ({ top: first + f, left: b.statusColumn, bottom: first + l, right: b.statusColumn })),
    );
    for (const g of groups)
      pieces.push({
        bytes: opBytes(2, 0, null, b.sheet + g) + styleBytes(style),
        queue: () => applyCellStyle(sheet().getRanges(g).format, style),
      });
  }

  // One conditional format per status over the judged area, keyed on the status cell's symbol.
  pieces.push({
    bytes: c.rules.reduce((n, r) => n + opBytes(7, 4, [r.formula, plan.styles[r.style]]), opBytes(2, 0, null, b.sheet)),
    queue: () => {
      const area = sheet().getRange(rectAddress({ top: c.top, left: c.left, bottom: c.bottom, right: c.right }));
      for (const rule of c.rules) {
        const cf = area.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        cf.custom.rule.formula = `=${rule.formula}`;
        const style = plan.styles[rule.style];
        if (style.fill) cf.custom.format.fill.color = style.fill;
        if (style.font) cf.custom.format.font.color = style.font;
      }
    },
  });
  return pieces;
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

/**
 * The pieces that write one generated sheet: add it with its mark, its cells in row blocks, links,
 * styles, row heights, then widths, merges and frozen rows. Page setup goes later (pageSetup).
 */
function sheetPieces(
  context: Excel.RequestContext,
  plan: WritePlan,
  sheet: GeneratedSheet,
  options: { budget: number; web: boolean; show: boolean },
): Piece[] {
  const width = sheetWidth(sheet);
  const name = sheet.name;
  // The sheet object made by worksheets.add, kept for the requests after it (same context).
  let added: Excel.Worksheet | null = null;
  const ws = () => added ?? (added = context.workbook.worksheets.getItem(name));
  const pieces: Piece[] = [
    {
      bytes: opBytes(4, 3, [sheet.role], name),
      queue: () => {
        added = context.workbook.worksheets.add(name);
        hiddenName(added.names, MARK.sheet, `="${sheet.role}"`);
      },
    },
  ];

  const valuesOf = (r: number) => Array.from({ length: width }, (_, c) => sheet.rows[r][c]?.value ?? '');
  const formatsOf = (r: number) => Array.from({ length: width }, (_, c) => numberFormatOf(sheet.rows[r][c], plan));
  const rowBytes = (r: number) => payloadBytes(valuesOf(r)) + payloadBytes(formatsOf(r)) + 2;
  for (const [from, to] of rowBlocks(sheet.rows.length, rowBytes, options.budget / BLOCK_SHARE)) {
    const values: Array<Array<string | number>> = [];
    const formats: string[][] = [];
    for (let r = from; r < to; r++) {
      values.push(valuesOf(r));
      formats.push(formatsOf(r));
    }
    pieces.push({
      bytes: opBytes(2, 2, values, name) + payloadBytes(formats),
      queue: () => {
        const range = ws().getRange(rectAddress({ top: from, left: 0, bottom: to - 1, right: width - 1 }));
        range.numberFormat = formats;
        range.values = values;
      },
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
      if (options.web) {
        // One hyperlink per cell (each has its own target), a block of cells per piece.
        for (let top = rect.top; top <= rect.bottom; top += LINK_BLOCK) {
          const cells: Array<{ address: string; link: Excel.RangeHyperlink }> = [];
          for (let r = top; r <= Math.min(rect.bottom, top + LINK_BLOCK - 1); r++)
            cells.push({
              address: rectAddress({ top: r, left: rect.left, bottom: r, right: rect.left }),
              link: linkHyperlink(sheet.rows[r][rect.left]),
            });
          pieces.push({
            bytes: opBytes(1, 0, null, name) + cells.reduce((n, x) => n + opBytes(1, 1, x.link, x.address), 0),
            queue: () => {
              for (const { address, link } of cells) ws().getRange(address).hyperlink = link;
            },
          });
        }
        continue;
      }
      for (let top = rect.top; top <= rect.bottom; top += ROW_BLOCK) {
        const bottom = Math.min(rect.bottom, top + ROW_BLOCK - 1);
        const formulas: string[][] = [];
        for (let r = top; r <= bottom; r++) formulas.push([linkFormula(sheet.rows[r][rect.left])]);
        pieces.push({
          bytes: opBytes(2, 2, formulas, name) + payloadBytes(formulas.map(() => ['General'])),
          queue: () => {
            const range = ws().getRange(rectAddress({ top, left: rect.left, bottom, right: rect.left }));
            range.numberFormat = formulas.map(() => ['General']);
            range.formulas = formulas;
          },
        });
      }
    }
  }

  // Styles: each style once per group of rectangles.
  const byStyle = rectanglesByKey(
    sheet.rows.length,
    (r, c) => sheet.rows[r][c]?.style,
    (r) => sheet.rows[r].length,
  );
  for (const [styleName, rects] of byStyle) {
    const style = plan.styles[styleName];
    if (!style) continue;
    for (const group of addressGroups(rects))
      pieces.push({
        bytes: opBytes(2, 0, null, name + group) + styleBytes(style),
        queue: () => applyCellStyle(ws().getRanges(group).format, style),
      });
  }

  // Row heights: all rows of one height at once (a cell of column A stands for its row).
  const byHeight = new Map<number, Rect[]>();
  for (const [first, last, h] of equalRuns(sheet.rowHeights))
    byHeight.set(h, [...(byHeight.get(h) ?? []), { top: first, left: 0, bottom: last, right: 0 }]);
  for (const [height, rows] of byHeight) {
    for (const group of addressGroups(rows))
      pieces.push({
        bytes: opBytes(3, 1, height, name + group),
        queue: () => void (ws().getRanges(group).format.rowHeight = height),
      });
  }

  const widths = equalRuns(sheet.widths);
  pieces.push({
    bytes: opBytes(2 + 2 * widths.length + sheet.merges.length, 2 + widths.length + sheet.merges.length, null, name),
    queue: () => {
      for (const [first, last, w] of widths)
        ws().getRange(`${columnLetter(first)}:${columnLetter(last)}`).format.columnWidth = widthPoints(w);
      for (const m of sheet.merges) ws().getRange(rectAddress(m)).merge(false);
      if (sheet.freezeRows > 0) ws().freezePanes.freezeRows(sheet.freezeRows);
      if (options.show) ws().activate();
    },
  });
  const chart = chartPiece(ws, sheet);
  if (chart) pieces.push(chart);
  return pieces;
}

/** One sheet's print settings, each a step of its own so that a refused one costs only itself. */
export interface PrintJob {
  sheet: string;
  steps: Array<(ws: Excel.Worksheet) => void>;
}

/** Fit to one page wide: see printSteps for why the height is a page count, not 0. */
function fitToWidth(tall: number): Excel.PageLayoutZoomOptions {
  return { horizontalFitToPages: 1, verticalFitToPages: tall };
}

/**
 * Each print setting of a generated sheet, as a step of its own. Fit to one page wide: PageLayoutZoomOptions
 * takes a number of pages each way (or a scale from 10 to 400), and 0 pages is not among what it documents
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions); as many pages tall as the
 * sheet has rows never limits the height, so the width alone decides the scale.
 */
function printSteps(sheet: GeneratedSheet): PrintJob {
  const steps: PrintJob['steps'] = [(ws) => void (ws.pageLayout.paperSize = 'A4')];
  if (sheet.landscape) {
    const tall = Math.min(32767, Math.max(1, sheet.rows.length));
    steps.push((ws) => void (ws.pageLayout.orientation = 'Landscape'));
    steps.push((ws) => void (ws.pageLayout.zoom = fitToWidth(tall)));
  }
  const titles = sheet.printTitleRows;
  if (titles) steps.push((ws) => ws.pageLayout.setPrintTitleRows(`$${titles[0] + 1}:$${titles[1] + 1}`));
  if (sheet.pageNumbers)
    steps.push((ws) => void (ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = '&P / &N'));
  return { sheet: sheet.name, steps };
}

/** PageLayout members read to judge print settings (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). */
const PRINT_PROPS = 'orientation,zoom';
/**
 * The _luoshi_print mark the add-in writes, in the CLI's words (ownership-marks.ts): before Luoshi the sheet
 * had no landscape and no fit (else Luoshi leaves printing alone), so either writer's clear gives back
 * portrait without a fit. The add-in cannot tell an absent attribute from a default one, hence empty values.
 */
const PRINT_MARK = '="pageSetup.orientation=;pageSetup.fitToWidth=;pageSetup.fitToHeight=;pageSetUpPr.fitToPage="';

interface PrintSettings {
  orientation: string;
  zoom: Excel.PageLayoutZoomOptions;
}

/** Whether a zoom fits pages one page wide, as Luoshi sets it (the CLI's fitToWidth="1" reads the same). */
const fitsOneWide = (z: Excel.PageLayoutZoomOptions | null | undefined) => z?.horizontalFitToPages === 1;

/**
 * A marked sheet's settings once what Luoshi set and is still there is given back: landscape becomes
 * portrait, one page wide becomes 100 %. A setting the user changed since is theirs and stays. (The mark's
 * text is not needed: a sheet is marked only when it had neither landscape nor a fit before.)
 */
function restored(now: PrintSettings): PrintSettings {
  return {
    orientation: now.orientation === 'Landscape' ? 'Portrait' : now.orientation,
    zoom: fitsOneWide(now.zoom) ? { scale: 100 } : now.zoom,
  };
}

/**
 * Whether the user chose how the sheet prints: a print area, landscape, a fit or a scale other than 100 %
 * of their own (SPEC §5: never override the user's settings; the CLI's hasOwnPrintSettings in Office.js
 * terms: PageLayout.orientation, zoom and getPrintAreaOrNullObject, ExcelApi 1.9).
 */
function hasOwnPrintSettings(before: PrintSettings, hasPrintArea: boolean): boolean {
  const z = before.zoom ?? {};
  return (
    hasPrintArea ||
    before.orientation === 'Landscape' ||
    (z.horizontalFitToPages ?? null) !== null ||
    (z.verticalFitToPages ?? null) !== null ||
    (z.scale !== undefined && z.scale !== null && z.scale !== 100)
  );
}

/** The steps that take a sheet's print settings from `now` to `want`, changing only what differs. */
function changeSteps(now: PrintSettings, want: PrintSettings): PrintJob['steps'] {
  const steps: PrintJob['steps'] = [];
  if (want.orientation !== now.orientation)
    steps.push((ws) => void (ws.pageLayout.orientation = want.orientation as Excel.PageOrientation));
  if (JSON.stringify(want.zoom) !== JSON.stringify(now.zoom)) steps.push((ws) => void (ws.pageLayout.zoom = want.zoom));
  return steps;
}

const settingsOf = (layout: Excel.PageLayout): PrintSettings => ({
  orientation: layout.orientation,
  zoom: layout.zoom,
});

/**
 * The print jobs the probe's loads call for (call once their request is sent): a marked sheet gets back
 * what Luoshi set; the breakdown sheet, when the plan asks it (BreakdownMarks.fitToPage) and the user has
 * no print settings of their own, prints landscape one page wide and is marked with _luoshi_print (the
 * mark last: a whole-sheet failure before it leaves none).
 */
function breakdownPrintJobs(probe: PrintProbe): PrintJob[] {
  const jobs: PrintJob[] = [];
  const b = probe.breakdown;
  for (const m of probe.marked) {
    if (b && m.sheet === b.sheet) continue;
    const now = settingsOf(m.layout);
    const steps = changeSteps(now, restored(now));
    if (steps.length > 0) jobs.push({ sheet: m.sheet, steps });
  }
  if (!b) return jobs;
  const now = settingsOf(b.layout);
  const before = probe.marked.some((m) => m.sheet === b.sheet) ? restored(now) : now;
  if (hasOwnPrintSettings(before, !b.area.isNullObject)) {
    const steps = changeSteps(now, before);
    if (steps.length > 0) jobs.push({ sheet: b.sheet, steps });
    return jobs;
  }
  const steps = changeSteps(now, { orientation: 'Landscape', zoom: fitToWidth(b.tall) });
  steps.push((ws) => hiddenName(ws.names, MARK.print, PRINT_MARK));
  jobs.push({ sheet: b.sheet, steps });
  return jobs;
}

/**
 * Page setup of the generated sheets (and `more`: the breakdown sheet's and marked sheets'), after
 * everything else is written, in a request of its own: a printer that refuses a setting (a paper size it
 * lacks) must not cost the results. When the request fails, each sheet is set up in its own request, and
 * a sheet that fails again setting by setting, the refused ones left out. Objects of a failed request are
 * not used again (each retry asks for the sheet anew). Returns the round trips used and the settings
 * refused ("汇总: 3"). Office.js: Worksheet.pageLayout (ExcelApi 1.9),
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout.
 */
export async function pageSetup(
  context: Excel.RequestContext,
  sheets: GeneratedSheet[],
  more: PrintJob[] = [],
): Promise<{ syncs: number; refused: string[] }> {
  const ws = (name: string) => context.workbook.worksheets.getItem(name);
  let syncs = 0;
  const refused: string[] = [];
  const attempt = async (queue: () => void): Promise<boolean> => {
    queue();
    syncs++;
    try {
      await context.sync();
      return true;
    } catch (e) {
      if (isCellEditError(e)) throw e;
      return false;
    }
  };
  const all = [...sheets.map(printSteps), ...more];
  if (all.length === 0) return { syncs, refused };
  if (await attempt(() => all.forEach((s) => s.steps.forEach((step) => step(ws(s.sheet)))))) return { syncs, refused };
  for (const s of all) {
    if (await attempt(() => s.steps.forEach((step) => step(ws(s.sheet))))) continue;
    for (let i = 0; i < s.steps.length; i++)
      if (!(await attempt(() => s.steps[i](ws(s.sheet))))) refused.push(`${s.sheet}: ${i + 1}`);
  }
  return { syncs, refused };
}

export interface WriteOptions {
  /** Largest request, in bytes (see payload.ts). */
  budget: number;
  /** The generated sheet to show when done (校验 shows 汇总). */
  show?: SheetRole;
  /** Excel on the web: jump links go in as Range.hyperlink, HYPERLINK("#…") does not jump there. */
  web?: boolean;
  /** Writes of the user's cells (合并反馈's taken cells), measured and sent with the plan's first request. */
  extraPieces?: Piece[];
}

/**
 * Applies a write plan: removes Luoshi's earlier output, writes the new one, then the page setup.
 * Every request is measured and cut before the first is sent (object paths included, see opBytes), so
 * a plan that cannot be sent leaves the old results in place; the removal then goes in the same request
 * as the first new cells. Returns the round trips used.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  owned: OwnedParts,
  options: WriteOptions,
): Promise<number> {
  const batch = newBatch(context, options.budget);
  const web = options.web ?? false;
  const probe: PrintProbe = { marked: [], breakdown: null };
  const pieces = [
    ...(options.extraPieces ?? []),
    ...removalPieces(context, owned, probe),
    ...breakdownPieces(context, plan, options.budget, probe),
  ];
  // Measuring a 20,000-row plan takes the pane's thread for seconds: it yields between sheets.
  const breathe = paneSlices();
  for (const sheet of plan.sheets) {
    pieces.push(
      ...sheetPieces(context, plan, sheet, { budget: options.budget, web, show: sheet.role === options.show }),
    );
    await breathe();
  }
  batch.check(pieces);
  await batch.addAll(pieces);
  await batch.flush();
  return batch.syncs + (await pageSetup(context, plan.sheets, breakdownPrintJobs(probe))).syncs;
}

/**
 * 清除结果: removes everything Luoshi wrote, and gives back the print settings Luoshi set on a sheet that
 * had none (_luoshi_print), those the user has not changed since: one more request, last and tolerant of
 * refusal as the page setup is, only when there is something to give back. Returns the round trips used.
 */
export async function clearPlan(context: Excel.RequestContext, owned: OwnedParts, budget: number): Promise<number> {
  const batch = newBatch(context, budget);
  const probe: PrintProbe = { marked: [], breakdown: null };
  const pieces = removalPieces(context, owned, probe);
  batch.check(pieces);
  await batch.addAll(pieces);
  await batch.flush();
  return batch.syncs + (await pageSetup(context, [], breakdownPrintJobs(probe))).syncs;
}
