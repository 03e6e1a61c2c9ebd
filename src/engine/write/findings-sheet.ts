import { Finding, Severity } from '../judge/findings';
import { cellAddress } from '../model/workbook';
import { Report, TaskReport } from '../model/report';
import { describeRun } from './run-description';
import { GeneratedSheet, PlanCell } from './plan';
import { num, tableSheet, text } from './sheet-builder';
import { pick } from './labels';
import { statusStyle } from './styles';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function severityCell(s: Severity, lang: Report['lang']): PlanCell {
  const label = {
    error: pick(lang, '错误', 'Error'),
    warning: pick(lang, '警告', 'Warning'),
    info: pick(lang, '提示', 'Note'),
  }[s];
  const style = {
    error: statusStyle('overdue'),
    warning: statusStyle('due_soon'),
    info: statusStyle('needs_attention'),
  }[s];
  return text(label, style);
}

/** 校验问题: every finding, errors first, each linked to the cell it is about. */
export function findingsSheet(report: Report, name: string, fileName: string): GeneratedSheet {
  const lang = report.lang;
  const all: Array<{ f: Finding; task: TaskReport | null }> = [
    ...report.tasks.flatMap((task) => task.findings.map((f) => ({ f, task }))),
    ...report.findings.map((f) => ({ f, task: null })),
  ];
  all.sort(
    (a, b) =>
      SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
      (a.task?.row ?? Infinity) - (b.task?.row ?? Infinity),
  );
  const rows = all.map(({ f, task }, i) => {
    // Shown as a clerk reads it (台账!F7, no quotes), linked to the cell.
    const place = `${f.at.sheet}!${cellAddress(f.at.row, f.at.col)}`;
    return [
      num(i + 1, 'center'),
      { value: place, style: 'link', link: f.at },
      severityCell(f.severity, lang),
      text(f.messages[lang]),
      text(task?.measure ?? ''),
    ] satisfies PlanCell[];
  });
  return tableSheet({
    role: 'findings',
    name,
    title: pick(lang, `校验问题（${rows.length} 条）`, `Findings (${rows.length})`),
    subtitle: describeRun(report, fileName),
    columns: [
      { header: pick(lang, '序号', 'No.'), width: 6 },
      { header: pick(lang, '单元格', 'Cell'), width: 14 },
      { header: pick(lang, '级别', 'Severity'), width: 8 },
      { header: pick(lang, '问题', 'Finding'), width: 50 },
      { header: pick(lang, '具体措施', 'Measure'), width: 44 },
    ],
    rows,
  });
}
