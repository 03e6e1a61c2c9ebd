import { Lang, Report, STATUS_CODES, statusLabel, TaskReport } from '../engine';
import stringWidth from 'string-width';
import { oneLine, padEnd } from './display';

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Columns a measure takes in an item line: 32 CJK characters, 64 Latin ones. */
const MEASURE_WIDTH = 64;

function itemLine(t: TaskReport, lang: Lang): string {
  const id = t.id ? `[${t.id}] ` : '';
  const lead = t.lead.length ? (lang === 'zh' ? ` — 牵头：${t.lead.join('、')}` : ` — lead: ${t.lead.join(', ')}`) : '';
  const row = lang === 'zh' ? `第 ${t.row} 行` : `row ${t.row}`;
  return `  ${padEnd(row, lang === 'zh' ? 10 : 9)} ${id}${oneLine(t.measure, MEASURE_WIDTH)}${lead}\n      ${t.statusText}`;
}

/** The human summary `luoshi validate` prints: counts per status, rates, the overdue and due-soon items. */
export function summaryText(report: Report, file: string): string {
  const { lang, summary } = report;
  const zh = lang === 'zh';
  const lines: string[] = [];
  const headerRows =
    report.headerRows[0] === report.headerRows[1]
      ? `${report.headerRows[0]}`
      : `${report.headerRows[0]}–${report.headerRows[1]}`;
  lines.push(
    zh
      ? `落实校验 ${file}：工作表“${report.sheet}”，表头第 ${headerRows} 行，${report.year} 年度`
      : `Luoshi check of ${file}: sheet "${report.sheet}", header row ${headerRows}, year ${report.year}`,
  );
  lines.push(
    zh
      ? `校验日期 ${report.asOf}，提醒窗口 ${report.warnDays} 天，共 ${summary.total} 项任务`
      : `As of ${report.asOf}, warning window ${report.warnDays} days, ${summary.total} tasks`,
  );
  // Labels padded to the widest one's terminal width: the counts line up in CJK as in Latin text.
  const labelWidth = Math.max(...STATUS_CODES.map((code) => stringWidth(statusLabel(code, lang)))) + 2;
  for (const code of STATUS_CODES)
    lines.push(`  ${padEnd(statusLabel(code, lang), labelWidth)}${String(summary.byStatus[code]).padStart(5)}`);
  lines.push(
    zh
      ? `办结率 ${percent(summary.doneRate)}，按时完成率 ${percent(summary.onTimeRate)}`
      : `Done ${percent(summary.doneRate)}, on time ${percent(summary.onTimeRate)}`,
  );
  const overdue = report.tasks.filter((t) => t.status === 'overdue').sort((a, b) => b.daysOverdue - a.daysOverdue);
  const dueSoon = report.tasks.filter((t) => t.status === 'due_soon');
  const list = (title: string, items: TaskReport[]) => {
    if (items.length === 0) return;
    lines.push('', title);
    for (const t of items.slice(0, 30)) lines.push(itemLine(t, lang));
    if (items.length > 30)
      lines.push(
        zh
          ? `  …另有 ${items.length - 30} 项，见 --json 报告`
          : `  …and ${items.length - 30} more in the --json report`,
      );
  };
  list(zh ? `逾期事项（${overdue.length}）：` : `Overdue (${overdue.length}):`, overdue);
  list(zh ? `临期事项（${dueSoon.length}）：` : `Due soon (${dueSoon.length}):`, dueSoon);
  const f = summary.findings;
  lines.push(
    '',
    zh
      ? `发现问题：错误 ${f.error}，警告 ${f.warning}，提示 ${f.info}（详见 --json 报告）`
      : `Findings: ${f.error} errors, ${f.warning} warnings, ${f.info} notes (see the --json report)`,
  );
  return lines.join('\n');
}
