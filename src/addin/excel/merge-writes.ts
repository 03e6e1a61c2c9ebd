import {
  CellValue,
  columnLetter,
  dayToSerial,
  mergeLogName,
  mergeLogSheet,
  mergeReason,
  MergeChange,
  MergeConflict,
  MergeDecisions,
  MergeNotTaken,
  MergeReply,
  MergeSkip,
  parseIso,
  planMerge,
  Report,
  WorkbookData,
} from '../../engine';
import { applyPlan } from './apply-plan';
import { ExcelHost } from './host';
import { AddinError } from './office-errors';
import { DESKTOP_REQUEST_BUDGET, opBytes, Piece, WEB_REQUEST_BUDGET } from './payload';
import { readWorkbook } from './read-workbook';
import { runEngine } from './engine-runner';
import { CheckOptions, refuseProtected, requireApi, runWhole, validateOptionsOf } from './run-check';

/*
 * 合并反馈 in the open workbook (SPEC §8, issue 19). The replies are read in the pane (see
 * taskpane/roundtrip-chunk.ts); here, in one Excel.run:
 *   1. the workbook is read as 校验 reads it (two round trips);
 *   2. planMerge decides which cells are taken (the engine, as the CLI's merge);
 *   3. the master cells about to change are asked for their formulas (one round trip): a formula is
 *      never overwritten, as the CLI's merge refuses it (formula_cell);
 *   4. the taken cells are written, values only (their number formats and styles stay), and the
 *      merged workbook is validated in memory and written with 合并记录 added to the write plan, so
 *      the status column and the generated sheets follow the merged progress. The cells go in the
 *      plan's first request on every platform, measured with it (WriteOptions.extraPieces; on the web
 *      the 5 MB budget still holds).
 * Nothing is written when the checks before writing fail (no table, a protected sheet).
 */

export interface MergeRun {
  /** The validation of the merged workbook. */
  report: Report;
  /** context.sync() round trips the whole merge took. */
  syncs: number;
  /** The sheets of the user's workbook (for the pane's sheet choice). */
  sheets: string[];
  changes: MergeChange[];
  conflicts: MergeConflict[];
  notTaken: MergeNotTaken[];
  skipped: MergeSkip[];
  /** The 合并记录 sheet's name. */
  logSheet: string;
}

/**
 * Text that Excel would take for something else when written through Range.values (a number, a date,
 * a time, a percentage, TRUE/FALSE, a formula): "001", "2026年6月30日", "=A1", "-"… Such text goes in
 * with a leading apostrophe, Excel's own mark for "this entry is text", which is not part of the value
 * (Microsoft KB 214233, "Avoiding automatic number formatting": "Precede the entry with an apostrophe";
 * https://support.microsoft.com/kb/214233). Prose with other letters is left as is.
 */
export function wouldBeReinterpreted(text: string): boolean {
  if (/^[=+\-@']/.test(text)) return true;
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return true;
  // Digits with what Excel reads in numbers, dates and times, and no other word.
  return /\d/.test(t) && /^[\d\s.,:/%$¥￥eE年月日时時分秒-]*(am|pm|上午|下午)?$/i.test(t);
}

/** What goes into Range.values for a taken value, and what the cell then holds as the engine reads it. */
export function cellWrite(
  value: CellValue,
  current: CellValue | undefined,
  date1904: boolean,
): { write: string | number | boolean; holds: CellValue } {
  if (value === null || value === undefined) return { write: '', holds: null };
  if (typeof value === 'number' || typeof value === 'boolean') return { write: value, holds: value };
  if (typeof value === 'object') {
    const day = parseIso(value.date);
    // A cell that shows dates takes the serial (its date format stays); elsewhere the date goes in as
    // typed, "2026-06-30", which Excel reads as a date in a General cell and keeps as text in a text one.
    if (day !== null && current !== null && typeof current === 'object')
      return {
        write: dayToSerial(day, date1904),
        holds: current.monthOnly ? { date: value.date, monthOnly: true } : { date: value.date },
      };
    return { write: value.date, holds: value.date };
  }
  return { write: wouldBeReinterpreted(value) ? `'${value}` : value, holds: value };
}

/** Runs of consecutive rows in one column: one Range.values write each. */
function runs(changes: readonly MergeChange[]): MergeChange[][] {
  const sorted = [...changes].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: MergeChange[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.col === c.col && prev.row === c.row - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** The merged workbook as the engine will read it after the writes: only the taken cells differ. */
function mergedData(
  workbook: WorkbookData,
  sheet: string,
  holds: ReadonlyArray<{ row: number; col: number; value: CellValue }>,
): WorkbookData {
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const rows = s.rows.slice();
      for (const h of holds) {
        const row = (rows[h.row] ?? []).slice();
        while (row.length < h.col) row.push(null);
        row[h.col] = h.value;
        rows[h.row] = row;
      }
      return { ...s, rows };
    }),
  };
}

/**
 * 合并反馈 into the open workbook (SPEC §8, issue 19). `replies` are the returned workbooks as read
 * (see readReply); `unreadable` the files that could not be read, listed as skipped. `options` are
 * 校验's (as-of date, language, override, runAt). Throws AddinError (one line, zh | en) when the
 * workbook has no table, is protected where the merge writes, or Excel is too old; nothing is written
 * then. Round trips: 校验's plus one (the formula check), on every platform.
 */
export async function runMerge(
  host: ExcelHost,
  replies: readonly MergeReply[],
  unreadable: readonly MergeSkip[],
  options: CheckOptions,
): Promise<MergeRun> {
  requireApi(host);
  const lang = options.lang ?? 'zh';
  const budget = host.web ? WEB_REQUEST_BUDGET : DESKTOP_REQUEST_BUDGET;
  const body = async (context: Excel.RequestContext, writing: () => void): Promise<MergeRun> => {
    const snapshot = await readWorkbook(context);
    let syncs = snapshot.syncs;
    // An earlier 合并记录 is Luoshi's by its mark (read-workbook): among owned.sheets, its rows in previousMergeLog.
    const master = snapshot.workbook;
    const planned = planMerge(master, replies, { override: options.override });
    if (!planned.ok) throw new AddinError(planned.message);
    const decisions: MergeDecisions = { ...planned.decisions, skipped: [...unreadable, ...planned.decisions.skipped] };
    refuseProtected(snapshot, decisions.sheet);

    // A formula in a cell about to change: not overwritten (listed), as the CLI's merge does.
    const ws = () => context.workbook.worksheets.getItem(decisions.sheet);
    const groups = runs(decisions.changes);
    const asked = groups.map((g) => {
      const r = ws().getRange(
        `${columnLetter(g[0].col)}${g[0].row + 1}:${columnLetter(g[0].col)}${g[0].row + g.length}`,
      );
      r.load('formulas');
      return r;
    });
    if (asked.length > 0) {
      await context.sync();
      syncs++;
    }
    const taken: MergeChange[] = [];
    const refused: MergeNotTaken[] = [];
    groups.forEach((g, i) =>
      g.forEach((c, k) => {
        const f = asked[i].formulas[k]?.[0];
        if (typeof f === 'string' && f.startsWith('='))
          refused.push({
            ...c,
            code: 'formula_cell',
            value: c.new,
            master: c.old,
            reason: mergeReason('formula_cell'),
          });
        else taken.push(c);
      }),
    );
    taken.sort((a, b) => a.row - b.row || a.col - b.col);

    const current = master.sheets.find((s) => s.name === decisions.sheet)!;
    const writes = taken.map((c) => ({ c, ...cellWrite(c.value, current.rows[c.row]?.[c.col], master.date1904) }));
    const merged = mergedData(
      master,
      decisions.sheet,
      writes.map((w) => ({ row: w.c.row, col: w.c.col, value: w.holds })),
    );
    const userSheets = master.sheets.map((s) => s.name);
    // The merged workbook is judged and planned off the pane's thread where a worker is installed (engine-runner.ts).
    const result = await runEngine({
      workbook: { ...merged, name: options.fileName },
      options: validateOptionsOf(options),
      plan: {
        userSheets,
        fileName: options.fileName ?? '',
        runAt: options.runAt,
        previousRunLog: snapshot.owned.previousRunLog,
        previousMergeLog: null, // 合并记录 is added below, with this merge's rows.
      },
    });
    if (!result.ok) throw new AddinError(result.error.message);
    const plan = result.plan;
    const final: MergeDecisions = { ...decisions, changes: taken, notTaken: [...decisions.notTaken, ...refused] };
    // The old 合并记录 goes with Luoshi's other sheets and comes back with the new rows under the old ones.
    const logSheet = mergeLogName([...userSheets, ...plan.sheets.map((s) => s.name)], lang);
    const previous = snapshot.owned.previousMergeLog;
    plan.sheets.push(mergeLogSheet(final, { name: logSheet, lang, mergedAt: options.runAt, previous }));

    const writeOf = new Map(writes.map((w) => [w.c, w.write]));
    const pieces: Piece[] = runs(taken).map((g) => {
      const values = g.map((c) => [writeOf.get(c)!]);
      const address = `${columnLetter(g[0].col)}${g[0].row + 1}:${columnLetter(g[0].col)}${g[0].row + g.length}`;
      return {
        bytes: opBytes(3, 1, values, decisions.sheet + address),
        queue: () => (ws().getRange(address).values = values),
      };
    });
    writing();
    // The cells go in the plan's first request, measured with it (on the web too, within the 5 MB budget).
    syncs += await applyPlan(context, plan, snapshot.owned, { budget, web: host.web, extraPieces: pieces });
    return {
      report: result.report,
      syncs,
      sheets: userSheets,
      changes: taken,
      conflicts: final.conflicts,
      notTaken: final.notTaken,
      skipped: final.skipped,
      logSheet,
    };
  };
  // The pane's merge waits out the user's cell editing (RunOptions.delayForCellEdit, ExcelApi 1.11,
  // https://learn.microsoft.com/javascript/api/excel/excel.runoptions) rather than fail half-written: run
  // again after a partial write, the cells already taken would read as unchanged and leave 合并记录.
  return runWhole(host, true, body);
}
