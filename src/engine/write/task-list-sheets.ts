import { parseIso } from '../dates/civil-date';
import { periodDisplay, periodFromLabel } from '../dates/periods';
import { Lang } from '../i18n';
import { columnIndex } from '../model/workbook';
import { Report, TaskReport } from '../model/report';
import { describeRun } from './run-description';
import { GeneratedSheet, PlanCell } from './plan';
import { Column, num, rowLink, tableSheet, text } from './sheet-builder';
import { describeObligation, pick } from './labels';
import { statusStyle } from './styles';

/** "3月、7月" from the report's period labels. */
export function missedDisplay(labels: readonly string[], lang: Lang): string {
  return labels
    .map((l) => {
      const p = periodFromLabel(l);
      return p ? periodDisplay(p, lang) : l;
    })
    .join(pick(lang, '、', ', '));
}

/** Where a task's links point: its measure cell (or the first table column). */
export function taskCell(report: Report, task: TaskReport): { sheet: string; row: number; col: number } {
  const col = columnIndex(report.columns.measure ?? '') ?? report.table.firstColumn - 1;
  return { sheet: report.sheet, row: task.row - 1, col };
}

/**
 * The 完成时限 a list shows: the cell as written; when it is empty, "未填写" and where the date the task
 * is judged by comes from (the measure's words, a rule, the table's year), so no due date appears
 * without a source.
 */
export function deadlineShown(task: TaskReport, lang: Lang): string {
  if (task.deadlineText.trim() !== '') return task.deadlineText;
  const o = task.obligations[0];
  const none = pick(lang, '未填写', 'not given');
  if (!o) return none;
  switch (o.origin) {
    case 'table':
      return pick(
        lang,
        `${none}；按表格年度末 ${o.effectiveDue ?? ''}`,
        `${none}; the table year's end, ${o.effectiveDue ?? ''}`,
      );
    case 'measure':
      return pick(
        lang,
        `${none}；按措施所写：${describeObligation(o, lang)}`,
        `${none}; as the measure says: ${describeObligation(o, lang)}`,
      );
    case 'rule':
      return pick(
        lang,
        `${none}；按规则“${o.rule?.keyword ?? ''}”：${describeObligation(o, lang)}`,
        `${none}; by the rule "${o.rule?.keyword ?? ''}": ${describeObligation(o, lang)}`,
      );
    default:
      return none;
  }
}

function taskColumns(lang: Lang): Column[] {
  return [
    { header: pick(lang, '序号', 'No.'), width: 6 },
    { header: pick(lang, '位置', 'Row'), width: 10 },
    { header: pick(lang, '编号', 'Id'), width: 8 },
    { header: pick(lang, '具体措施', 'Measure'), width: 48 },
    { header: pick(lang, '牵头部门', 'Lead'), width: 14 },
    { header: pick(lang, '责任部门', 'Responsible'), width: 16 },
    { header: pick(lang, '完成时限', 'Deadline'), width: 14 },
  ];
}

function taskCells(report: Report, t: TaskReport, i: number): PlanCell[] {
  const lang = report.lang;
  const at = taskCell(report, t);
  return [
    num(i + 1, 'center'),
    rowLink(pick(lang, `第 ${t.row} 行`, `row ${t.row}`), at.sheet, at.row, at.col),
    text(t.id, 'center'),
    text(t.measure),
    text(t.lead.join('、')),
    text(t.responsible.join('、')),
    text(deadlineShown(t, lang)),
  ];
}

/** 逾期清单: overdue tasks, longest overdue first, each linked to its row. */
export function overdueSheet(report: Report, name: string, fileName: string): GeneratedSheet {
  const lang = report.lang;
  const tasks = report.tasks
    .filter((t) => t.status === 'overdue')
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);
  return tableSheet({
    role: 'overdue',
    name,
    title: pick(lang, `逾期清单（${tasks.length} 项）`, `Overdue (${tasks.length})`),
    subtitle: describeRun(report, fileName),
    columns: [
      ...taskColumns(lang),
      { header: pick(lang, '应完成日期', 'Due'), width: 12 },
      { header: pick(lang, '逾期天数', 'Days overdue'), width: 9 },
      { header: pick(lang, '缺少周期', 'Missed periods'), width: 18 },
      { header: pick(lang, '完成情况', 'Progress'), width: 30 },
    ],
    rows: tasks.map((t, i) => [
      ...taskCells(report, t, i),
      text(t.due, 'center'),
      num(t.daysOverdue, statusStyle('overdue')),
      text(missedDisplay(t.missedPeriods, lang)),
      text(t.progressText),
    ]),
  });
}

/** 临期提醒: tasks due within the warning window, soonest first. */
export function dueSoonSheet(report: Report, name: string, fileName: string): GeneratedSheet {
  const lang = report.lang;
  const asOf = parseIso(report.asOf)!;
  const left = (t: TaskReport) => (t.due ? parseIso(t.due)! - asOf : 0);
  const tasks = report.tasks.filter((t) => t.status === 'due_soon').sort((a, b) => left(a) - left(b) || a.row - b.row);
  return tableSheet({
    role: 'dueSoon',
    name,
    title: pick(
      lang,
      `临期提醒（${report.warnDays} 天内到期，${tasks.length} 项）`,
      `Due soon (within ${report.warnDays} days, ${tasks.length})`,
    ),
    subtitle: describeRun(report, fileName),
    columns: [
      ...taskColumns(lang),
      { header: pick(lang, '到期日', 'Due'), width: 12 },
      { header: pick(lang, '剩余天数', 'Days left'), width: 9 },
      { header: pick(lang, '完成情况', 'Progress'), width: 30 },
    ],
    rows: tasks.map((t, i) => [
      ...taskCells(report, t, i),
      text(t.due, 'center'),
      num(left(t), statusStyle('due_soon')),
      text(t.progressText),
    ]),
  });
}
