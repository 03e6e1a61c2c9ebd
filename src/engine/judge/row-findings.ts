import { Field } from '../table/vocabulary';
import { isConcrete } from '../deadline/obligation';
import { normalizeText } from '../text/normalize';
import { Finding, FindingCode } from './findings';
import { ObligationVerdict } from './judge-obligation';
import { TaskObligations } from './task-obligations';

/** Records a finding at a column of the current row. */
export type AddFinding = (code: FindingCode, col: number | undefined, detail?: Record<string, string | number>) => void;

type Columns = Partial<Record<Field, number>>;

/** Who is responsible and which row this is: missing departments, departments not in the list, duplicate ids. */
export function checkIdentity(
  row: {
    measure: string;
    id: string;
    lead: readonly string[];
    responsible: readonly string[];
    sheetRow: number;
    idFromMerge: boolean;
  },
  c: Columns,
  departments: ReadonlySet<string> | null,
  seenIds: Map<string, number>,
  add: AddFinding,
): void {
  if (!row.measure) add('missing_measure', c.measure);
  if (c.lead !== undefined && row.lead.length === 0) add('missing_lead', c.lead);
  if (c.responsible !== undefined && row.responsible.length === 0) add('missing_responsible', c.responsible);
  if (departments) {
    for (const name of row.lead) if (!departments.has(normalizeText(name))) add('unknown_department', c.lead, { name });
    for (const name of row.responsible)
      if (!departments.has(normalizeText(name))) add('unknown_department', c.responsible, { name });
  }
  // A merged id spans one task's rows; only ids written in separate cells can be duplicates.
  if (row.id && !row.idFromMerge) {
    const key = normalizeText(row.id);
    const other = seenIds.get(key);
    if (other !== undefined) add('duplicate_id', c.id, { id: row.id, other });
    else seenIds.set(key, row.sheetRow);
  }
}

/** What the deadline cell and the measure text say, or fail to say, about when the task is due. */
export function checkDeadline(plan: TaskObligations, deadlineText: string, c: Columns, add: AddFinding): void {
  const concrete = plan.obligations.some(isConcrete);
  if (plan.absurdDeadline) add('absurd_date', c.deadline, { text: plan.absurdDeadline });
  if (plan.conflict) add('measure_deadline_conflict', c.deadline, plan.conflict);
  if (plan.cell?.kind === 'unknown' && deadlineText && !plan.absurdDeadline)
    add('unknown_deadline', c.deadline, { text: deadlineText });
  if (plan.cell?.kind === 'unspecified' && !concrete) add('vague_deadline', c.deadline, { text: deadlineText });
  if (!plan.cell && plan.obligations.length === 0) add('missing_deadline', c.deadline ?? c.measure);
}

/** The judge's problems as findings, each once, at the cell it concerns. */
export function reportProblems(
  verdicts: readonly ObligationVerdict[],
  c: Columns,
  add: AddFinding,
  already: readonly Finding[],
): void {
  if (verdicts.every((v) => v.problems.length === 0)) return;
  const seen = new Set<FindingCode>(already.map((f) => f.code));
  for (const p of verdicts.flatMap((v) => v.problems)) {
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    switch (p.code) {
      case 'done_without_date':
        add(p.code, c.doneDate ?? c.progress);
        break;
      case 'continuous_without_progress':
        add(p.code, c.progress ?? c.measure);
        break;
      case 'relative_without_start':
        add(p.code, c.startDate ?? c.deadline, { text: p.text });
        break;
      case 'count_short':
        add(p.code, c.count, { count: p.count, needed: p.needed, until: p.until });
        break;
      case 'holiday_data_missing':
        add(p.code, c.deadline, { years: p.years.join('、') });
        break;
    }
  }
}
