import { Lang } from '../i18n';
import { STATUS_CODES, STATUS_STYLES } from '../judge/status';
import { GroupSummary, Report } from '../model/report';
import { describeRun } from './run-description';
import { GeneratedSheet, PlanCell, SheetChart } from './plan';
import { num, text } from './sheet-builder';
import { pick, statusLabel } from './labels';
import { statusStyle } from './styles';

const WIDTH = 2 + STATUS_CODES.length; // name, total, one column per status, rate

function groupTable(title: string, nameHeader: string, groups: GroupSummary[], lang: Lang): PlanCell[][] {
  const rows: PlanCell[][] = [
    [{ value: title, style: 'group' }, ...Array.from({ length: WIDTH }, () => ({ value: null, style: 'group' }))],
    [
      text(nameHeader, 'header'),
      text(pick(lang, '任务数', 'Tasks'), 'header'),
      ...STATUS_CODES.map((s) => text(statusLabel(s, lang), 'header')),
      text(pick(lang, '办结率', 'Done rate'), 'header'),
    ],
  ];
  for (const g of groups) {
    rows.push([
      text(g.name),
      num(g.total),
      ...STATUS_CODES.map((s) =>
        g.byStatus[s] > 0 && s !== 'done' && s !== 'on_track' && s !== 'ongoing'
          ? num(g.byStatus[s], statusStyle(s))
          : num(g.byStatus[s]),
      ),
      num(g.doneRate, 'percent'),
    ]);
  }
  return rows;
}

/** Departments a chart shows at most: the first (most behind) of the table; more bars would be unreadable on a page. */
export const CHART_MAX_DEPARTMENTS = 12;

/**
 * The chart of 汇总: items per lead department, stacked by status in the status colours, from the
 * by-lead table (its header row `headerRow`, its departments in the rows below), over the empty cells
 * right of the status counts (columns F–J, the header row of the counts down to the blank row above
 * the by-lead table). Statuses no charted department has are left out of the legend. Null without
 * departments.
 */
function leadChart(
  lang: Lang,
  groups: GroupSummary[],
  headerRow: number,
  anchor: SheetChart['anchor'],
): SheetChart | null {
  const shown = groups.slice(0, CHART_MAX_DEPARTMENTS);
  if (shown.length === 0) return null;
  const top = headerRow + 1;
  const bottom = headerRow + shown.length;
  const series = STATUS_CODES.flatMap((s, i) =>
    shown.some((g) => g.byStatus[s] > 0)
      ? [
          {
            nameCell: { row: headerRow, col: 2 + i },
            name: statusLabel(s, lang),
            values: { col: 2 + i, top, bottom },
            fill: STATUS_STYLES[s].fill,
            line: STATUS_STYLES[s].font,
          },
        ]
      : [],
  );
  const more = groups.length - shown.length;
  return {
    kind: 'stackedBar',
    title: pick(
      lang,
      more > 0 ? `各牵头部门任务状态（前 ${shown.length} 个部门）` : '各牵头部门任务状态',
      more > 0 ? `Tasks by lead department and status (first ${shown.length})` : 'Tasks by lead department and status',
    ),
    categories: { col: 0, top, bottom },
    series,
    anchor,
  };
}

/** Behind first: most overdue, then most due soon; ties keep the table's order. */
function behindFirst(groups: GroupSummary[]): GroupSummary[] {
  return groups
    .map((g, i) => ({ g, i }))
    .sort(
      (a, b) =>
        b.g.byStatus.overdue - a.g.byStatus.overdue || b.g.byStatus.due_soon - a.g.byStatus.due_soon || a.i - b.i,
    )
    .map((x) => x.g);
}

/** 汇总: the page a leader reads first: counts per status, rates, then by lead department and by category. */
export function summarySheet(report: Report, name: string, fileName: string): GeneratedSheet {
  const lang = report.lang;
  const s = report.summary;
  const rows: PlanCell[][] = [
    // The sheet's name says what kind of table it is (often 责任分解表 itself): the title does not say it again.
    [text(pick(lang, `校验汇总：${report.sheet}`, `Check summary: ${report.sheet}`), 'title')],
    [text(describeRun(report, fileName), 'subtitle')],
    [],
    [
      text(pick(lang, '状态', 'Status'), 'header'),
      text(pick(lang, '数量', 'Tasks'), 'header'),
      text(pick(lang, '占比', 'Share'), 'header'),
    ],
  ];
  for (const code of STATUS_CODES) {
    rows.push([
      text(statusLabel(code, lang), statusStyle(code)),
      num(s.byStatus[code]),
      num(s.total === 0 ? 0 : s.byStatus[code] / s.total, 'percent'),
    ]);
  }
  rows.push([
    text(pick(lang, '合计', 'Total'), 'totalLabel'),
    num(s.total, 'total'),
    num(s.total === 0 ? 0 : 1, 'percent'),
  ]);
  rows.push([]);
  rows.push([
    text(pick(lang, '办结率', 'Done rate'), 'totalLabel'),
    num(s.doneRate, 'percent'),
    text(pick(lang, '（已完成+逾期完成）÷ 全部任务', '(done + done late) ÷ all tasks'), 'subtitle'),
  ]);
  rows.push([
    text(pick(lang, '按时完成率', 'On-time rate'), 'totalLabel'),
    num(s.onTimeRate, 'percent'),
    // Short enough to run on over columns C–E only: the chart begins at column F.
    text(pick(lang, '已完成 ÷（已完成+逾期完成+逾期）', 'done ÷ (done + late + overdue)'), 'subtitle'),
  ]);
  rows.push([
    text(pick(lang, '校验问题', 'Findings'), 'totalLabel'),
    num(s.findings.error + s.findings.warning + s.findings.info, 'total'),
    text(
      pick(
        lang,
        `错误 ${s.findings.error}，警告 ${s.findings.warning}，提示 ${s.findings.info}`,
        `${s.findings.error} errors, ${s.findings.warning} warnings, ${s.findings.info} notes`,
      ),
      'subtitle',
    ),
  ]);
  const merges: GeneratedSheet['merges'] = [
    { top: 0, left: 0, bottom: 0, right: WIDTH },
    { top: 1, left: 0, bottom: 1, right: WIDTH },
  ];
  const addGroup = (title: string, header: string, groups: GroupSummary[]) => {
    rows.push([]);
    const top = rows.length;
    rows.push(...groupTable(title, header, groups, lang));
    merges.push({ top, left: 0, bottom: top, right: WIDTH });
    return top;
  };
  const countsHeader = 3;
  const blankAboveLeads = rows.length;
  const byLead = behindFirst(s.byLead);
  const leadTop = addGroup(
    pick(lang, '按牵头部门', 'By lead department'),
    pick(lang, '牵头部门', 'Lead department'),
    byLead,
  );
  // Right of the status counts and the rates (whose notes spill over columns D and E), above the by-lead table.
  const chart = leadChart(lang, byLead, leadTop + 1, {
    top: countsHeader,
    left: 5,
    bottom: blankAboveLeads + 1,
    right: WIDTH + 1,
  });
  if (s.byCategory.length > 1 || (s.byCategory[0] && s.byCategory[0].name !== '—'))
    addGroup(pick(lang, '按类别', 'By category'), pick(lang, '类别', 'Category'), s.byCategory);
  return {
    role: 'summary',
    name,
    rows,
    widths: [30, 10, ...STATUS_CODES.map(() => 11), 10],
    merges,
    freezeRows: 0,
    printTitleRows: null,
    landscape: true,
    pageNumbers: true,
    rowHeights: [],
    ...(chart ? { chart } : {}),
  };
}
