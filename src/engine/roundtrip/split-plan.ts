import { Lang, Message } from '../i18n';
import { cellText, columnIndex, isEmptyCell, SheetData, WorkbookData } from '../model/workbook';
import { Report, TaskReport } from '../model/report';
import { LayoutOverride } from '../table/detect-table';
import { normalizeText } from '../text/normalize';
import { validateWorkbook, ValidateFailure } from '../validate';
import { masterIdOf, rowKey, sentCellText, SentField, SentRecord, SentRow } from './sent-record';

/*
 * 分发 (split, SPEC §8): which rows of the master go to which department, which columns they may fill in,
 * and what their 督办通知 says. Pure: the judged workbook in, plain data out; src/xlsx/split-package.ts
 * turns a plan into one package per department.
 */

/** The fields a department fills in (SPEC §8: progress, done date, evidence, count, last date, period columns). */
export const PROGRESS_FIELDS = ['progress', 'doneDate', 'evidence', 'count', 'lastDate'] as const;

export interface SplitOptions {
  /** YYYY-MM-DD: the as-of date of the judgement and of the record. */
  asOf: string;
  lang?: Lang;
  warnDays?: number;
  override?: LayoutOverride;
}

/** One item of a department's 督办通知. */
export interface NoticeItem {
  /** 1-based row in the master. */
  readonly row: number;
  readonly id: string;
  readonly measure: string;
  /** The department's part in the row: 牵头 (lead) or 配合/责任 (responsible). */
  readonly role: 'lead' | 'responsible';
  readonly deadlineText: string;
  readonly status: 'overdue' | 'due_soon';
  readonly statusText: string;
  readonly due: string | null;
  readonly daysOverdue: number;
}

export interface DepartmentPlan {
  /** As written where the master first names it (組織部 stays 組織部). */
  readonly department: string;
  /** 0-based master rows this department's sheet holds, ascending: title and header rows, its category rows, its task rows, notes below the table. */
  readonly keptRows: readonly number[];
  /** 0-based master rows of its tasks (a subset of keptRows). */
  readonly taskRows: readonly number[];
  readonly overdue: number;
  readonly dueSoon: number;
  /** Overdue items first (most days first), then due-soon ones (soonest first). */
  readonly notice: readonly NoticeItem[];
  readonly record: SentRecord;
}

export interface SplitPlan {
  /** Index of the breakdown sheet in WorkbookData.sheets. */
  readonly sheetIndex: number;
  readonly sheetName: string;
  /** 0-based last header row: rows 0…headerBottom (title, 填报单位 line, header) go to every department. */
  readonly headerBottom: number;
  readonly openFields: readonly SentField[];
  readonly masterId: string;
  readonly departments: readonly DepartmentPlan[];
  /** Task rows no department is named on (1-based row, measure): sent to nobody, listed for the clerk. */
  readonly unassigned: ReadonlyArray<{ row: number; measure: string }>;
  readonly report: Report;
}

export type SplitPlanResult = { ok: true; plan: SplitPlan } | { ok: false; error: ValidateFailure };

/**
 * Plans the split of a master workbook (SPEC §8). Judges it as validation does (validateWorkbook: same
 * table detection, same departments by row: lead or responsible, 配合 included), then gives each
 * department named on any row its rows, the open progress-type columns and its record of what was sent.
 * Departments are told apart on their normalised names (組織部 = 组织部), shown as first written.
 * Fails as validation fails (no table, bad option); then nothing is planned.
 */
export function planSplit(workbook: WorkbookData, options: SplitOptions): SplitPlanResult {
  const lang = options.lang ?? 'zh';
  const judged = validateWorkbook(workbook, {
    asOf: options.asOf,
    lang,
    warnDays: options.warnDays,
    override: options.override,
  });
  if (!judged.ok) return judged;
  const report = judged.report;
  const sheetIndex = workbook.sheets.findIndex((s) => s.name === report.sheet);
  const sheet = workbook.sheets[sheetIndex];
  const headerBottom = report.headerRows[1] - 1;
  const openFields = progressFields(sheet, report);
  const keys = report.tasks.map((t) => rowKey(t.id, t.measure));
  const masterId = masterIdOf(report.sheet, headerTexts(sheet, report), keys);

  // Department (normalised) → its tasks with the department's part in each.
  const byDepartment = new Map<
    string,
    { name: string; tasks: Array<{ task: TaskReport; key: string; lead: boolean }> }
  >();
  const unassigned: Array<{ row: number; measure: string }> = [];
  report.tasks.forEach((task, i) => {
    if (task.lead.length === 0 && task.responsible.length === 0) {
      unassigned.push({ row: task.row, measure: task.measure });
      return;
    }
    const seen = new Set<string>();
    const add = (name: string, lead: boolean) => {
      const id = normalizeText(name);
      if (seen.has(id)) return;
      seen.add(id);
      let entry = byDepartment.get(id);
      if (!entry) byDepartment.set(id, (entry = { name, tasks: [] }));
      entry.tasks.push({ task, key: keys[i], lead });
    };
    for (const name of task.lead) add(name, true);
    for (const name of task.responsible) add(name, false);
  });

  const taskRowSet = new Set(report.tasks.map((t) => t.row - 1));
  const lastTaskRow = report.tasks.length ? report.tasks[report.tasks.length - 1].row - 1 : headerBottom;
  const departments: DepartmentPlan[] = [];
  for (const { name, tasks } of byDepartment.values()) {
    const taskRows = tasks.map((t) => t.task.row - 1);
    const rows: SentRow[] = tasks.map((t) =>
      Object.freeze({
        key: t.key,
        masterRow: t.task.row - 1,
        values: Object.freeze(openFields.map((f) => sentCellText(sheet.rows[t.task.row - 1]?.[f.masterColumn]))),
      }),
    );
    const notice = noticeItems(tasks);
    departments.push(
      Object.freeze({
        department: name,
        keptRows: keptRows(sheet, headerBottom, taskRowSet, new Set(taskRows), lastTaskRow),
        taskRows,
        overdue: notice.filter((n) => n.status === 'overdue').length,
        dueSoon: notice.filter((n) => n.status === 'due_soon').length,
        notice,
        record: Object.freeze({
          version: 1,
          masterId,
          department: name,
          sheetName: report.sheet,
          sentAt: options.asOf,
          openFields,
          rows: Object.freeze(rows),
        }),
      }),
    );
  }
  return {
    ok: true,
    plan: { sheetIndex, sheetName: report.sheet, headerBottom, openFields, masterId, departments, unassigned, report },
  };
}

/**
 * The master's stable id (SentRecord.masterId) from its judgement: the breakdown sheet's name, the texts
 * of its header rows (left to right, top to bottom) and the row keys of its tasks. Merge computes it the
 * same way to tell a reply for this master from one for another.
 */
export function masterIdOfReport(sheet: SheetData, report: Report): string {
  return masterIdOf(
    report.sheet,
    headerTexts(sheet, report),
    report.tasks.map((t) => rowKey(t.id, t.measure)),
  );
}

function headerTexts(sheet: SheetData, report: Report): string[] {
  const out: string[] = [];
  for (let r = report.headerRows[0] - 1; r <= report.headerRows[1] - 1; r++)
    for (const v of sheet.rows[r] ?? []) if (!isEmptyCell(v)) out.push(cellText(v));
  return out;
}

/**
 * The open columns, left to right: the current progress column (not older ones a newer period
 * superseded), done date, evidence, count, last date, and every period column. The header is the
 * column's lowest header text (完成情况 › 进展 gives 进展), as written.
 */
function progressFields(sheet: SheetData, report: Report): SentField[] {
  const fields: SentField[] = [];
  const taken = new Set<number>();
  const add = (role: string, letters: string) => {
    const col = columnIndex(letters);
    if (col === null || taken.has(col)) return;
    taken.add(col);
    fields.push(Object.freeze({ role, header: columnHeader(sheet, report, col), masterColumn: col }));
  };
  for (const field of PROGRESS_FIELDS) if (report.columns[field]) add(field, report.columns[field]);
  for (const p of report.periodColumns) add(`period:${p.period}`, p.column);
  return Object.freeze(fields.sort((a, b) => a.masterColumn - b.masterColumn)) as SentField[];
}

function columnHeader(sheet: SheetData, report: Report, col: number): string {
  for (let r = report.headerRows[1] - 1; r >= report.headerRows[0] - 1; r--) {
    const v = sheet.rows[r]?.[col];
    if (!isEmptyCell(v)) return cellText(v ?? null);
  }
  // Under a header merged across columns (完成情况 over two columns) the text is in the merge's first cell.
  for (const m of sheet.merges)
    if (m.left <= col && col <= m.right && m.top <= report.headerRows[1] - 1 && m.bottom >= report.headerRows[0] - 1)
      return cellText(sheet.rows[m.top]?.[m.left] ?? null);
  return '';
}

/**
 * The rows a department's sheet holds: every row above the body (title, 填报单位, header); of the body,
 * its task rows and the category rows (一、…, rows that are not tasks) heading the sections its tasks are
 * in; the notes under the last task (填表说明). Blank rows are left out.
 */
function keptRows(
  sheet: SheetData,
  headerBottom: number,
  taskRows: ReadonlySet<number>,
  own: ReadonlySet<number>,
  lastTaskRow: number,
): number[] {
  const kept: number[] = [];
  for (let r = 0; r <= headerBottom; r++) kept.push(r);
  let section: number[] = [];
  let sectionHasTask = false;
  let sectionSent = false;
  const blank = (r: number) => (sheet.rows[r] ?? []).every((v) => isEmptyCell(v));
  for (let r = headerBottom + 1; r < sheet.rows.length; r++) {
    if (taskRows.has(r)) {
      sectionHasTask = true;
      if (!own.has(r)) continue;
      if (!sectionSent) kept.push(...section);
      sectionSent = true;
      kept.push(r);
    } else if (!blank(r)) {
      if (r > lastTaskRow) {
        kept.push(r);
        continue;
      }
      // A second non-task row straight after another (一、… then （一）…) belongs to the same heading.
      if (sectionHasTask) [section, sectionHasTask, sectionSent] = [[], false, false];
      section.push(r);
    }
  }
  return kept;
}

function noticeItems(tasks: ReadonlyArray<{ task: TaskReport; lead: boolean }>): NoticeItem[] {
  const items: NoticeItem[] = [];
  for (const { task, lead } of tasks) {
    if (task.status !== 'overdue' && task.status !== 'due_soon') continue;
    items.push(
      Object.freeze({
        row: task.row,
        id: task.id,
        measure: task.measure,
        role: lead ? ('lead' as const) : ('responsible' as const),
        deadlineText: task.deadlineText,
        status: task.status,
        statusText: task.statusText,
        due: task.due,
        daysOverdue: task.daysOverdue,
      }),
    );
  }
  return items.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'overdue' ? -1 : 1) ||
      (a.status === 'overdue' ? b.daysOverdue - a.daysOverdue : (a.due ?? '').localeCompare(b.due ?? '')) ||
      a.row - b.row,
  );
}

/** Texts of the 督办通知 sheet (SPEC §8), in the run's language. */
export interface NoticeText {
  readonly sheetName: string;
  readonly title: string;
  /** Lines under the title: to whom, as of when, what to do. */
  readonly lines: readonly string[];
  readonly headers: readonly string[];
  /** One row per item, texts as the master writes them. */
  readonly rows: ReadonlyArray<readonly (string | number)[]>;
  /** Shown instead of the table when nothing is overdue or due soon. */
  readonly empty: string | null;
}

const NOTICE: Record<Lang, { sheet: string; lead: string; responsible: string; headers: string[] }> = {
  zh: {
    sheet: '督办通知',
    lead: '牵头',
    responsible: '责任/配合',
    headers: ['序号', '原表行号', '具体措施', '本单位职责', '完成时限', '状态', '到期日', '逾期天数'],
  },
  en: {
    sheet: 'Reminder',
    lead: 'Lead',
    responsible: 'Responsible',
    headers: ['No.', 'Master row', 'Measure', 'Our part', 'Deadline', 'Status', 'Due', 'Days overdue'],
  },
};

/**
 * The 督办通知's first line, worded by case (issue 19): only the counts there are, and the call to act
 * only when something is overdue or due soon ("其中逾期 0 项、临期 0 项，请抓紧办理" asked for nothing).
 */
function noticeCount(asOf: string, sheet: string, d: DepartmentPlan): Message {
  const total = d.taskRows.length;
  const zh = `截至 ${asOf}，贵单位在《${sheet}》中共有 ${total} 项任务，`;
  const en = `As of ${asOf}, your unit has ${total} ${total === 1 ? 'item' : 'items'} in "${sheet}"`;
  if (d.overdue === 0 && d.dueSoon === 0)
    return { zh: `${zh}暂无逾期或临期事项。`, en: `${en}; none is overdue or due soon.` };
  const zhParts = [d.overdue ? `逾期 ${d.overdue} 项` : '', d.dueSoon ? `临期 ${d.dueSoon} 项` : ''].filter(Boolean);
  const enParts = [d.overdue ? `${d.overdue} overdue` : '', d.dueSoon ? `${d.dueSoon} due soon` : ''].filter(Boolean);
  const them = d.overdue + d.dueSoon === 1 ? 'it' : 'them';
  return {
    zh: `${zh}其中${zhParts.join('、')}，请抓紧办理。`,
    en: `${en}: ${enParts.join(' and ')}. Please act on ${them} promptly.`,
  };
}

/** The 督办通知 of one department: as of the split's date, its overdue then due-soon items. */
export function noticeText(plan: SplitPlan, department: DepartmentPlan, lang: Lang): NoticeText {
  const t = NOTICE[lang];
  const asOf = department.record.sentAt;
  const open = plan.openFields.map((f) => f.header || f.role).join('、');
  const message = noticeCount(asOf, plan.sheetName, department);
  const how: Message = {
    zh: `请在“${plan.sheetName}”表中只填写可编辑的列（${open}），不要增删行列，填好后将本工作簿原样发回。`,
    en: `In "${plan.sheetName}", fill in only the editable columns (${open}); do not add or delete rows or columns, and send this workbook back as it is.`,
  };
  return {
    sheetName: t.sheet,
    title: lang === 'zh' ? `督办通知：${department.department}` : `Reminder: ${department.department}`,
    lines: [message[lang], how[lang]],
    headers: t.headers,
    rows: department.notice.map((n) => [
      n.id,
      n.row,
      n.measure,
      n.role === 'lead' ? t.lead : t.responsible,
      n.deadlineText,
      n.statusText,
      n.due ?? '',
      n.status === 'overdue' && n.daysOverdue > 0 ? n.daysOverdue : '',
    ]),
    empty:
      department.notice.length === 0
        ? lang === 'zh'
          ? `截至 ${asOf}，暂无逾期或临期事项。`
          : `As of ${asOf}, nothing is overdue or due soon.`
        : null,
  };
}
