import { periodDisplay, periodFromLabel, PeriodKind } from '../dates/periods';
import { normalizeText } from '../text/normalize';
import { PeriodProgress } from '../judge/judge-obligation';
import { ObligationReport, Report } from '../model/report';
import { describeRun } from './run-description';
import { GeneratedSheet, PlanCell, StyleName } from './plan';
import { rowLink, text } from './sheet-builder';
import { describeObligation, pick } from './labels';
import { taskCell } from './task-list-sheets';
import { statusStyle } from './styles';

const KINDS: PeriodKind[] = ['month', 'quarter', 'half-year', 'year', 'week'];
const KIND_TITLE: Record<PeriodKind, { zh: string; en: string }> = {
  month: { zh: '按月', en: 'Monthly' },
  quarter: { zh: '按季度', en: 'Quarterly' },
  'half-year': { zh: '按半年', en: 'Half-yearly' },
  year: { zh: '按年', en: 'Yearly' },
  week: { zh: '按周', en: 'Weekly' },
};
const FIXED = 4; // row link, measure, requirement, lead

const STATE_STYLE: Record<PeriodProgress['state'], StyleName> = {
  met: statusStyle('done'),
  missed: statusStyle('overdue'),
  open: statusStyle('on_track'),
  future: 'future',
};

/** The words the obligation comes from: its clause of the measure (with its actor), else the measure itself. */
function requirementText(o: ObligationReport, measure: string): string {
  const clause = o.origin === 'measure' && o.text ? o.text : measure;
  return o.actor && !normalizeText(clause).includes(normalizeText(o.actor)) ? `${o.actor}：${clause}` : clause;
}

/** 周期进度: each recurring obligation × the periods of the year, "done/required" coloured by state. */
export function periodsSheet(report: Report, name: string, fileName: string): GeneratedSheet {
  const lang = report.lang;
  const rows: PlanCell[][] = [
    [text(pick(lang, `周期进度（${report.year} 年）`, `Periods (${report.year})`), 'title')],
    [text(describeRun(report, fileName), 'subtitle')],
  ];
  const merges: GeneratedSheet['merges'] = [];
  let widest = FIXED;
  let anything = false;
  for (const kind of KINDS) {
    const lines = report.tasks.flatMap((task) =>
      task.obligations
        .filter((o) => o.kind === 'recurring' && o.period === kind && o.periods)
        .map((o) => ({ task, o })),
    );
    if (lines.length === 0) continue;
    anything = true;
    const labels = [...new Set(lines.flatMap(({ o }) => o.periods!.map((p) => p.label)))].sort();
    widest = Math.max(widest, FIXED + labels.length);
    rows.push([]);
    const top = rows.length;
    rows.push([
      {
        value: pick(lang, `${KIND_TITLE[kind].zh}（${lines.length}）`, `${KIND_TITLE[kind].en} (${lines.length})`),
        style: 'group',
      },
      ...Array.from({ length: FIXED + labels.length - 1 }, () => ({ value: null, style: 'group' })),
    ]);
    merges.push({ top, left: 0, bottom: top, right: FIXED + labels.length - 1 });
    rows.push([
      text(pick(lang, '位置', 'Row'), 'header'),
      text(pick(lang, '具体措施', 'Measure'), 'header'),
      text(pick(lang, '要求', 'Requirement'), 'header'),
      text(pick(lang, '牵头部门', 'Lead'), 'header'),
      ...labels.map((l) => text(periodFromLabel(l) ? periodDisplay(periodFromLabel(l)!, lang) : l, 'header')),
    ]);
    // Tasks with the same frequency and record share one (frozen) periods list: its cells are built once.
    const cellsOfPeriods = new Map<readonly PeriodProgress[], PlanCell[]>();
    const periodCells = (periods: readonly PeriodProgress[]): PlanCell[] => {
      let cells = cellsOfPeriods.get(periods);
      if (!cells) {
        const byLabel = new Map(periods.map((p) => [p.label, p]));
        cells = labels.map((l) => {
          const p = byLabel.get(l);
          if (!p) return text('', 'future');
          return text(p.state === 'future' ? '' : `${p.count}/${p.required}`, STATE_STYLE[p.state]);
        });
        cellsOfPeriods.set(periods, cells);
      }
      return cells;
    };
    for (const { task, o } of lines) {
      const at = taskCell(report, task);
      rows.push([
        rowLink(pick(lang, `第 ${task.row} 行`, `row ${task.row}`), at.sheet, at.row, at.col),
        text(requirementText(o, task.measure)),
        text(describeObligation(o, lang)),
        text(task.lead.join('、')),
        ...periodCells(o.periods!),
      ]);
    }
  }
  if (!anything)
    rows.push([], [text(pick(lang, '本表没有按周期重复的任务。', 'The table has no recurring obligations.'))]);
  merges.push({ top: 0, left: 0, bottom: 0, right: widest - 1 }, { top: 1, left: 0, bottom: 1, right: widest - 1 });
  return {
    role: 'periods',
    name,
    rows,
    widths: [10, 40, 16, 12, ...Array.from({ length: widest - FIXED }, () => 7)],
    merges,
    freezeRows: 2,
    printTitleRows: null,
    landscape: true,
    pageNumbers: true,
    rowHeights: [],
  };
}
