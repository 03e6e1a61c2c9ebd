import { GroupSummary, Summary, TaskReport } from '../model/report';
import { Finding } from './findings';
import { StatusCode, STATUS_CODES } from './status';

function emptyCounts(): Record<StatusCode, number> {
  return Object.fromEntries(STATUS_CODES.map((s) => [s, 0])) as Record<StatusCode, number>;
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

/** Counts per group, in order of first appearance. */
class Groups {
  private readonly map = new Map<string, GroupSummary>();

  count(name: string, status: StatusCode): void {
    let g = this.map.get(name);
    if (!g) this.map.set(name, (g = { name, total: 0, byStatus: emptyCounts(), doneRate: 0 }));
    g.total++;
    g.byStatus[status]++;
  }

  list(): GroupSummary[] {
    for (const g of this.map.values()) g.doneRate = rate(g.byStatus.done + g.byStatus.done_late, g.total);
    return [...this.map.values()];
  }
}

export function summarize(tasks: TaskReport[], workbookFindings: Finding[]): Summary {
  const byStatus = emptyCounts();
  const findings = { error: 0, warning: 0, info: 0 };
  const byLead = new Groups();
  const byCategory = new Groups();
  for (const t of tasks) {
    byStatus[t.status]++;
    for (const f of t.findings) findings[f.severity]++;
    if (t.lead.length === 0) byLead.count('—', t.status);
    for (const name of t.lead) byLead.count(name, t.status);
    byCategory.count(t.category || '—', t.status);
  }
  for (const f of workbookFindings) findings[f.severity]++;
  return {
    total: tasks.length,
    byStatus,
    doneRate: rate(byStatus.done + byStatus.done_late, tasks.length),
    onTimeRate: rate(byStatus.done, byStatus.done + byStatus.done_late + byStatus.overdue),
    findings,
    byLead: byLead.list(),
    byCategory: byCategory.list(),
  };
}
