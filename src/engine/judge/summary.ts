import { GroupSummary, Summary, TaskReport } from '../model/report';
import { Finding } from './findings';
import { StatusCode, STATUS_CODES } from './status';

function emptyCounts(): Record<StatusCode, number> {
  return Object.fromEntries(STATUS_CODES.map((s) => [s, 0])) as Record<StatusCode, number>;
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

function groups(tasks: TaskReport[], keysOf: (t: TaskReport) => string[]): GroupSummary[] {
  const map = new Map<string, GroupSummary>();
  for (const t of tasks) {
    for (const name of keysOf(t)) {
      let g = map.get(name);
      if (!g) map.set(name, (g = { name, total: 0, byStatus: emptyCounts(), doneRate: 0 }));
      g.total++;
      g.byStatus[t.status]++;
    }
  }
  for (const g of map.values()) g.doneRate = rate(g.byStatus.done + g.byStatus.done_late, g.total);
  return [...map.values()];
}

export function summarize(tasks: TaskReport[], workbookFindings: Finding[]): Summary {
  const byStatus = emptyCounts();
  const findings = { error: 0, warning: 0, info: 0 };
  for (const t of tasks) {
    byStatus[t.status]++;
    for (const f of t.findings) findings[f.severity]++;
  }
  for (const f of workbookFindings) findings[f.severity]++;
  return {
    total: tasks.length,
    byStatus,
    doneRate: rate(byStatus.done + byStatus.done_late, tasks.length),
    onTimeRate: rate(byStatus.done, byStatus.done + byStatus.done_late + byStatus.overdue),
    findings,
    byLead: groups(tasks, (t) => (t.lead.length > 0 ? t.lead : ['—'])),
    byCategory: groups(tasks, (t) => [t.category || '—']),
  };
}
