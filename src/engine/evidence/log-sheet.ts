import { DayNumber } from '../dates/civil-date';
import { Lang } from '../i18n';
import { Finding, finding } from '../judge/findings';
import { cellText, WorkbookData } from '../model/workbook';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { MergedView } from '../table/merged-cells';
import { findColumns, valueAt } from '../table/simple-sheet';
import { LOG_SHEET } from '../table/special-sheets';
import { dateInCell } from './cell-dates';
import { Activity } from './task-evidence';

/** One activity in a log sheet (SPEC §2 layout 4). */
export interface LogEntry {
  sheet: string;
  row: number;
  day: DayNumber | null;
  id: string;
  measure: string;
  description: string;
}

const ROLES = {
  date: /日期|时间|date|when/,
  id: /^(序号|编号|任务编号|任务序号|id|no|taskid)$/,
  measure: /具体措施|措施|任务|事项|measure|task/,
  description: /内容|描述|情况|主题|名称|description|activity|summary/,
};

export function readLogSheets(workbook: WorkbookData, year: number): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const sheet of workbook.sheets) {
    if (!LOG_SHEET.test(normalizeHeader(sheet.name))) continue;
    const view = new MergedView(sheet);
    const found = findColumns(view, ROLES, ['date']);
    if (!found || (found.columns.id === undefined && found.columns.measure === undefined)) continue;
    const { headerRow, columns } = found;
    for (let r = headerRow + 1; r < view.rowCount; r++) {
      const id = cellText(valueAt(view, r, columns.id));
      const measure = cellText(valueAt(view, r, columns.measure));
      const description = cellText(valueAt(view, r, columns.description));
      if (!id && !measure && !description) continue;
      const date = dateInCell(valueAt(view, r, columns.date), year, workbook.date1904);
      entries.push({
        sheet: sheet.name,
        row: r,
        day: date && 'day' in date ? date.day : null,
        id,
        measure,
        description,
      });
    }
  }
  return entries;
}

/** Links log entries to tasks: by id first, else by measure text (equal, or one containing the other). */
class LogLinker {
  private readonly byId = new Map<string, number>();
  private readonly measures: Array<{ text: string; task: number }> = [];

  add(task: number, id: string, measure: string): void {
    const key = normalizeText(id);
    if (key && !this.byId.has(key)) this.byId.set(key, task);
    const text = normalizeText(measure);
    if (text) this.measures.push({ text, task });
  }

  taskOf(entry: LogEntry): number | undefined {
    const id = normalizeText(entry.id);
    if (id && this.byId.has(id)) return this.byId.get(id);
    const text = normalizeText(entry.measure);
    if (text.length < 4) return undefined;
    const exact = this.measures.find((m) => m.text === text);
    if (exact) return exact.task;
    const partial = this.measures.find(
      (m) => (text.length >= 6 && m.text.includes(text)) || (m.text.length >= 6 && text.includes(m.text)),
    );
    return partial?.task;
  }
}

/** The log sheets' activities by the task row (0-based sheet row) they record, and what could not be counted. */
export interface LoggedActivities {
  byRow: ReadonlyMap<number, readonly Activity[]>;
  findings: Finding[];
}

/**
 * Links log entries to task rows (SPEC §2 layout 4). `tasks` gives each task row's id and measure text
 * (a light first pass over the table, so the judging pass can still take rows one at a time). An entry
 * that links to no task, or has no date, is a finding instead.
 */
export function linkLogEntries(
  entries: LogEntry[],
  tasks: Iterable<{ row: number; id: string; measure: string }>,
  lang: Lang,
): LoggedActivities {
  const byRow = new Map<number, Activity[]>();
  const findings: Finding[] = [];
  if (entries.length === 0) return { byRow, findings };
  const linker = new LogLinker();
  for (const t of tasks) linker.add(t.row, t.id, t.measure);
  for (const entry of entries) {
    const at = { sheet: entry.sheet, row: entry.row, col: 0 };
    const row = linker.taskOf(entry);
    if (row === undefined) {
      findings.push(finding('log_entry_unlinked', at, lang, { text: entry.id || entry.measure || entry.description }));
      continue;
    }
    if (entry.day === null) {
      findings.push(finding('log_entry_without_date', at, lang));
      continue;
    }
    let list = byRow.get(row);
    if (!list) byRow.set(row, (list = []));
    list.push({ day: entry.day, description: entry.description });
  }
  return { byRow, findings };
}
