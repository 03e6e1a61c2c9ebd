import { CellValue, SheetData, WorkbookData } from '../engine/model/workbook';
import { cellContext, fileName, readSheet } from './read-workbook';
import { putRow, sheetMerges, SheetRowReader } from './sheet-rows';
import { WorkbookPackage } from './workbook-package';

/**
 * A workbook read as a stream of messages (from another thread): first the date system, then every
 * sheet but the largest, whole, then the largest sheet's name and merged areas, then its rows in
 * batches. The table is almost always the largest sheet, so the judge can start on its first rows
 * while the rest is still being read, with the 规则, 部门 and log sheets already complete.
 */
export type ReadMessage =
  | { kind: 'start'; date1904: boolean; name: string | undefined; sheetCount: number; streamed: number | null; strings: string[] }
  | { kind: 'sheet'; index: number; sheet: SheetData }
  /** Rows `at` with their `cells`; `shared` lists (row in batch, column) pairs of cells holding a shared-string index. */
  | { kind: 'rows'; at: number[]; cells: CellValue[][]; shared: number[] }
  | { kind: 'end' };

/** Rows in the first batch of the streamed sheet: every row header detection looks at (SCAN_ROWS + 1), with room. */
export const HEAD_ROWS = 64;
/** Rows per later batch: large enough that messages cost little, small enough that judging starts early. */
export const BATCH_ROWS = 4096;

/** Size of a part as unpacked (its stored size, or its text's length once edited or unavailable). */
export async function partSize(pkg: WorkbookPackage, path: string): Promise<number> {
  return pkg.stored(path)?.uncompressedSize ?? (await pkg.text(path))?.length ?? 0;
}

/** Reads the package and sends it as ReadMessages, in the order described above. */
export async function streamWorkbook(pkg: WorkbookPackage, send: (message: ReadMessage) => void, batchRows = BATCH_ROWS): Promise<void> {
  const ctx = await cellContext(pkg);
  const entries = (await pkg.sheets()).filter((e) => e.partPath !== null);
  let streamed: number | null = null;
  let largest = -1;
  for (let i = 0; i < entries.length; i++) {
    const size = await partSize(pkg, entries[i].partPath!);
    if (size > largest) [streamed, largest] = [i, size];
  }
  send({ kind: 'start', date1904: ctx.date1904, name: fileName(pkg), sheetCount: entries.length, streamed, strings: ctx.strings });
  for (let i = 0; i < entries.length; i++) {
    if (i === streamed) continue;
    const xml = (await pkg.text(entries[i].partPath!)) ?? '';
    send({ kind: 'sheet', index: i, sheet: readSheet(entries[i].name, xml, ctx, entries[i].hidden) });
  }
  if (streamed !== null) {
    const entry = entries[streamed];
    const xml = (await pkg.text(entry.partPath!)) ?? '';
    send({ kind: 'sheet', index: streamed, sheet: { name: entry.name, rows: [], merges: sheetMerges(xml), hidden: entry.hidden } });
    const reader = new SheetRowReader(xml, ctx);
    for (let more = true, max = HEAD_ROWS; more; max = batchRows) {
      const at: number[] = [];
      const cells: CellValue[][] = [];
      const shared: number[] = [];
      more = reader.read(max, at, cells, shared);
      send({ kind: 'rows', at, cells, shared });
    }
  }
  send({ kind: 'end' });
}

/** Builds the WorkbookData that readPackage gives from the messages of streamWorkbook, as they come. */
export class WorkbookAssembler {
  readonly workbook: WorkbookData = { sheets: [], date1904: false };
  /** Index of the sheet whose rows arrive in batches (null: none, or not yet known). */
  streamed: number | null = null;
  /** Whether every sheet but the streamed one is complete and its first batch of rows is in. */
  headIn = false;
  /** Whether the streamed rows came in ascending order, each once (what judging them early relies on). */
  inOrder = true;
  ended = false;
  private lastRow = -1;
  private strings: string[] = [];

  receive(message: ReadMessage): void {
    switch (message.kind) {
      case 'start':
        this.workbook.date1904 = message.date1904;
        this.workbook.name = message.name;
        this.workbook.sheets = new Array<SheetData>(message.sheetCount);
        this.streamed = message.streamed;
        this.strings = message.strings;
        break;
      case 'sheet':
        this.workbook.sheets[message.index] = message.sheet;
        break;
      case 'rows': {
        const rows = this.workbook.sheets[this.streamed!].rows;
        const { at, cells, shared } = message;
        for (let k = 0; k < shared.length; k += 2) {
          const row = cells[shared[k]];
          row[shared[k + 1]] = this.strings[row[shared[k + 1]] as number] ?? '';
        }
        for (let i = 0; i < at.length; i++) {
          if (at[i] <= this.lastRow) this.inOrder = false;
          this.lastRow = at[i];
          putRow(rows, at[i], cells[i]);
        }
        this.headIn = true;
        break;
      }
      case 'end':
        this.ended = true;
        break;
    }
  }
}
