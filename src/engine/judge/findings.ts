import { Lang, Message } from '../i18n';
import { CellPosition, cellReference } from '../model/cell-position';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Sheet-qualified address of the cell the finding is about ("'台账'!F7"): `at` as SPEC §7 writes it. */
  readonly cell: string;
  readonly message: string;
  readonly messages: Message;
  /** The cell itself, for links (not in the JSON report, which has `cell`). */
  readonly at: CellPosition;
}

type Builder = (detail: Record<string, string | number>) => Message;

/** SPEC §4 findings: code → severity and message in both languages. */
const CATALOGUE = {
  missing_lead: { severity: 'warning', text: () => ({ zh: '未填写牵头部门', en: 'Lead department is missing' }) },
  missing_responsible: {
    severity: 'warning',
    text: () => ({ zh: '未填写责任部门', en: 'Responsible department is missing' }),
  },
  unknown_department: {
    severity: 'warning',
    text: (d) => ({ zh: `部门“${d.name}”不在部门清单中`, en: `Department "${d.name}" is not in the department list` }),
  },
  duplicate_id: {
    severity: 'error',
    text: (d) => ({
      zh: `序号“${d.id}”重复（另见第 ${d.other} 行）`,
      en: `Duplicate id "${d.id}" (also on row ${d.other})`,
    }),
  },
  missing_measure: { severity: 'warning', text: () => ({ zh: '未填写具体措施', en: 'Measure text is missing' }) },
  missing_deadline: {
    severity: 'error',
    text: () => ({
      zh: '未填写完成时限，措施中也没有频次要求',
      en: 'No deadline, and the measure states no frequency',
    }),
  },
  deadline_from_table_year: {
    severity: 'info',
    text: (d) => ({
      zh: `表中没有完成时限列，按表题年度计：${d.due} 到期`,
      en: `The table has no deadline column: taken as due by the end of its year, ${d.due}`,
    }),
  },
  unknown_deadline: {
    severity: 'warning',
    text: (d) => ({ zh: `无法识别的完成时限：“${d.text}”`, en: `Deadline not understood: "${d.text}"` }),
  },
  vague_deadline: {
    severity: 'warning',
    text: (d) => ({ zh: `完成时限不明确：“${d.text}”`, en: `Deadline is vague: "${d.text}"` }),
  },
  done_without_date: {
    severity: 'warning',
    text: () => ({ zh: '标为已完成，但没有完成时间', en: 'Marked done, but no done date is given' }),
  },
  done_date_after_as_of: {
    severity: 'error',
    text: (d) => ({
      zh: `完成时间 ${d.date} 晚于校验日期 ${d.asOf}`,
      en: `Done date ${d.date} is after the as-of date ${d.asOf}`,
    }),
  },
  done_without_evidence: {
    severity: 'warning',
    text: () => ({ zh: '标为已完成，但没有佐证材料', en: 'Marked done, but no evidence is given' }),
  },
  measure_deadline_conflict: {
    severity: 'warning',
    text: (d) => ({
      zh: `具体措施要求“${d.measure}”，与完成时限“${d.deadline}”不一致`,
      en: `The measure requires "${d.measure}", which disagrees with the deadline "${d.deadline}"`,
    }),
  },
  continuous_without_progress: {
    severity: 'warning',
    text: () => ({ zh: '长期任务没有填写当前进展', en: 'Continuous task has no current progress' }),
  },
  relative_without_start: {
    severity: 'error',
    text: (d) => ({
      zh: `时限“${d.text}”需要起算日期，但未填写`,
      en: `The time limit "${d.text}" needs a start date, which is missing`,
    }),
  },
  formula_not_calculated: {
    severity: 'error',
    text: () => ({
      zh: '公式未计算，请在 Excel/WPS 中打开保存后再校验',
      en: 'Formula not calculated: open and save in Excel or WPS, then check again',
    }),
  },
  absurd_date: {
    severity: 'error',
    text: (d) => ({ zh: `日期不合理：“${d.text}”`, en: `Implausible date: "${d.text}"` }),
  },
  count_short: {
    severity: 'warning',
    text: (d) => ({
      zh: `已开展 ${d.count} 次，截至 ${d.until} 应至少开展 ${d.needed} 次`,
      en: `Done ${d.count} times; at least ${d.needed} were due by ${d.until}`,
    }),
  },
  holiday_data_missing: {
    severity: 'info',
    text: (d) => ({
      zh: `没有 ${d.years} 年的法定节假日数据，工作日只扣除了周末`,
      en: `No public-holiday data for ${d.years}; working days skip weekends only`,
    }),
  },
  log_entry_unlinked: {
    severity: 'info',
    text: (d) => ({ zh: `记录“${d.text}”对应不到任何任务`, en: `Log entry "${d.text}" matches no task` }),
  },
  log_entry_without_date: {
    severity: 'info',
    text: () => ({ zh: '记录没有日期，未计入', en: 'Log entry has no date and was not counted' }),
  },
  rule_invalid: {
    severity: 'warning',
    text: (d) => ({ zh: `规则无法识别：“${d.text}”`, en: `Rule not understood: "${d.text}"` }),
  },
} satisfies Record<string, { severity: Severity; text: Builder }>;

export type FindingCode = keyof typeof CATALOGUE;

/**
 * A finding as the judge makes it: a class, so the 100k rows' findings share one shape, and its JSON is
 * SPEC §7's (the position is written once, as `cell`).
 */
class FindingRecord implements Finding {
  constructor(
    readonly code: FindingCode,
    readonly severity: Severity,
    readonly cell: string,
    readonly message: string,
    readonly messages: Message,
    readonly at: CellPosition,
  ) {}

  toJSON() {
    return {
      code: this.code,
      severity: this.severity,
      cell: this.cell,
      message: this.message,
      messages: this.messages,
    };
  }
}

/** A finding about the cell `at`, its message in both languages and `lang`'s as `message`. */
export function finding(
  code: FindingCode,
  at: CellPosition,
  lang: Lang,
  detail: Record<string, string | number> = {},
): Finding {
  const entry = CATALOGUE[code] as { severity: Severity; text: Builder };
  const messages = entry.text(detail);
  return new FindingRecord(code, entry.severity, cellReference(at), messages[lang], messages, at);
}
