import { CellValue, cellText } from '../model/workbook';
import { Report } from '../model/report';
import { GeneratedSheet, PlanCell } from './plan';
import { num, tableSheet, text } from './sheet-builder';
import { pick } from './labels';

/** Rows of a previous run log, as the shell read them (the sheet's cells, title and header included). */
export type PreviousRunLog = CellValue[][];

/** 校验记录: one row per run, appended under the rows of the previous runs (which are kept as they were). */
export function runLogSheet(
  report: Report,
  name: string,
  fileName: string,
  runAt: string,
  previous: PreviousRunLog | null,
): GeneratedSheet {
  const lang = report.lang;
  const s = report.summary;
  const kept: PlanCell[][] = (previous ?? [])
    .slice(3)
    .filter((r) => r.some((v) => cellText(v ?? null) !== ''))
    .map((r) => r.map((v) => (typeof v === 'number' ? num(v) : text(cellText(v ?? null)))));
  const findings = s.findings.error + s.findings.warning + s.findings.info;
  const row: PlanCell[] = [
    text(runAt),
    text(report.asOf),
    text(fileName),
    text(report.sheet),
    num(s.total),
    num(s.byStatus.overdue),
    num(s.byStatus.due_soon),
    num(s.byStatus.needs_attention),
    // The same count as 汇总's ✔ 已完成 row, under the same name (done late has its own row there).
    num(s.byStatus.done),
    num(findings),
    text(report.version),
  ];
  return tableSheet({
    role: 'runLog',
    name,
    title: pick(lang, '校验记录', 'Run log'),
    subtitle: pick(lang, '每次校验追加一行，不会覆盖以前的记录。', 'One row per run, appended; earlier rows are kept.'),
    columns: [
      { header: pick(lang, '校验时间', 'Run at'), width: 17 },
      { header: pick(lang, '校验日期', 'As of'), width: 11 },
      { header: pick(lang, '文件', 'File'), width: 24 },
      { header: pick(lang, '工作表', 'Sheet'), width: 14 },
      { header: pick(lang, '任务数', 'Tasks'), width: 8 },
      { header: pick(lang, '逾期', 'Overdue'), width: 8 },
      { header: pick(lang, '临期', 'Due soon'), width: 8 },
      { header: pick(lang, '待核实', 'Attention'), width: 8 },
      { header: pick(lang, '已完成', 'Done'), width: 8 },
      { header: pick(lang, '问题数', 'Findings'), width: 8 },
      { header: pick(lang, '版本', 'Version'), width: 8 },
    ],
    rows: [...kept, row],
  });
}
