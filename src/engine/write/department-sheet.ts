import { STATUS_CODES, StatusCode } from '../judge/status';
import { Report, TaskReport } from '../model/report';
import { describeRun } from './run-description';
import { GeneratedSheet, PlanCell } from './plan';
import { rowLink, tableSheet, text } from './sheet-builder';
import { pick } from './labels';
import { deadlineShown, taskCell } from './task-list-sheets';
import { statusStyle } from './styles';

const WORST_FIRST = new Map<StatusCode, number>(STATUS_CODES.map((s, i) => [s, i]));

/** 部门任务: every department's items (as lead and as responsible), worst status first, under a heading with its counts. */
export function departmentSheet(report: Report, name: string, fileName: string): GeneratedSheet {
  const lang = report.lang;
  const byDept = new Map<string, Array<{ task: TaskReport; role: 'lead' | 'responsible' }>>();
  const listed = new Map<string, Set<TaskReport>>();
  const add = (dept: string, task: TaskReport, role: 'lead' | 'responsible') => {
    let list = byDept.get(dept);
    if (!list) byDept.set(dept, (list = []));
    let seen = listed.get(dept);
    if (!seen) listed.set(dept, (seen = new Set()));
    if (seen.has(task)) return;
    seen.add(task);
    list.push({ task, role });
  };
  for (const t of report.tasks) for (const d of t.lead) add(d, t, 'lead');
  for (const t of report.tasks) for (const d of t.responsible) add(d, t, 'responsible');

  const rows: PlanCell[][] = [];
  const merges: GeneratedSheet['merges'] = [];
  const width = 7;
  for (const [dept, items] of byDept) {
    items.sort((a, b) => WORST_FIRST.get(a.task.status)! - WORST_FIRST.get(b.task.status)! || a.task.row - b.task.row);
    const leads = items.filter((x) => x.role === 'lead').length;
    const counts = new Map<StatusCode, number>();
    for (const x of items) counts.set(x.task.status, (counts.get(x.task.status) ?? 0) + 1);
    const count = (s: StatusCode) => counts.get(s) ?? 0;
    const heading = pick(
      lang,
      `${dept}：牵头 ${leads} 项，参与 ${items.length - leads} 项；逾期 ${count('overdue')}，临期 ${count('due_soon')}，已完成 ${count('done') + count('done_late')}`,
      `${dept}: leads ${leads}, takes part in ${items.length - leads}; overdue ${count('overdue')}, due soon ${count('due_soon')}, done ${count('done') + count('done_late')}`,
    );
    const top = rows.length + 3;
    rows.push([
      { value: heading, style: 'group' },
      ...Array.from({ length: width - 1 }, () => ({ value: null, style: 'group' })),
    ]);
    merges.push({ top, left: 0, bottom: top, right: width - 1 });
    for (const { task, role } of items) {
      const at = taskCell(report, task);
      rows.push([
        text(dept),
        text(role === 'lead' ? pick(lang, '牵头', 'Lead') : pick(lang, '参与', 'Takes part'), 'center'),
        rowLink(pick(lang, `第 ${task.row} 行`, `row ${task.row}`), at.sheet, at.row, at.col),
        text(task.measure),
        text(deadlineShown(task, lang)),
        text(task.statusText, statusStyle(task.status)),
        text(task.progressText),
      ]);
    }
  }
  const sheet = tableSheet({
    role: 'byDepartment',
    name,
    title: pick(lang, `部门任务（${byDept.size} 个部门）`, `By department (${byDept.size} departments)`),
    subtitle: describeRun(report, fileName),
    columns: [
      { header: pick(lang, '部门', 'Department'), width: 14 },
      { header: pick(lang, '角色', 'Role'), width: 7 },
      { header: pick(lang, '位置', 'Row'), width: 10 },
      { header: pick(lang, '具体措施', 'Measure'), width: 48 },
      { header: pick(lang, '完成时限', 'Deadline'), width: 14 },
      { header: pick(lang, '校验结果', 'Check result'), width: 24 },
      { header: pick(lang, '完成情况', 'Progress'), width: 30 },
    ],
    rows,
  });
  for (const merge of merges) sheet.merges.push(merge);
  return sheet;
}
