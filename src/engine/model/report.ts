import { Obligation } from '../deadline/obligation';
import type { RoleWhy } from '../table/column-roles';
import { Finding } from '../judge/findings';
import { PeriodProgress } from '../judge/judge-obligation';
import { StatusCode } from '../judge/status';
import { Lang } from '../i18n';

/** An obligation with its verdict. */
export type ObligationReport = Obligation & {
  status: StatusCode;
  /** The date that decides the status: the due date missed, or the next one coming. */
  effectiveDue: string | null;
  daysOverdue: number;
  missedPeriods: readonly string[];
  periods?: readonly PeriodProgress[];
};

/**
 * One judged row (SPEC §7). Lists marked readonly may be one frozen list shared by many rows (a table
 * names the same departments and misses the same periods on thousands of rows): never change them.
 */
export interface TaskReport {
  /** 1-based sheet row. */
  row: number;
  id: string;
  category: string;
  measure: string;
  lead: readonly string[];
  responsible: readonly string[];
  owner: string;
  deadlineText: string;
  progressText: string;
  obligations: ObligationReport[];
  status: StatusCode;
  /** "● 逾期：缺 3月、7月（最早已逾期 234 天）": symbol, label and reason, readable without colour. */
  statusText: string;
  due: string | null;
  daysOverdue: number;
  missedPeriods: readonly string[];
  findings: Finding[];
}

export interface GroupSummary {
  name: string;
  total: number;
  byStatus: Record<StatusCode, number>;
  doneRate: number;
}

export interface Summary {
  total: number;
  byStatus: Record<StatusCode, number>;
  /** (done + done late) / all tasks. */
  doneRate: number;
  /** done / (done + done late + overdue): of the tasks whose time has come, the share met in time. */
  onTimeRate: number;
  findings: { error: number; warning: number; info: number };
  byLead: GroupSummary[];
  byCategory: GroupSummary[];
}

export interface RuleReport {
  keywords: string[];
  requirement: Obligation;
  source: string;
  origin: 'builtin' | 'workbook';
  warnDays?: number;
  evidenceRequired?: boolean;
}

export interface Report {
  tool: 'luoshi';
  version: string;
  asOf: string;
  warnDays: number;
  lang: Lang;
  sheet: string;
  /** 1-based header rows [first, last]. */
  headerRows: [number, number];
  /**
   * Where the table lies (1-based rows and columns): the header's extent, the last task row, and the
   * column where the check result goes: the first one right of the header that is empty in every row.
   */
  table: { firstColumn: number; lastColumn: number; lastRow: number; resultColumn: number };
  /** The table's year: periods of recurring obligations are judged within it. */
  year: number;
  dateSystem: '1900' | '1904';
  /** Detected (or overridden) column of each field, as letters. */
  columns: Record<string, string>;
  /**
   * How each column's role was decided: by its header's words, its cells, both, or the user's override,
   * with a confidence 0..1; an older progress column is listed as superseded (shown, not judged).
   */
  columnRoles: Array<{
    field: string;
    column: string;
    header: string;
    why: RoleWhy;
    confidence: number;
    superseded?: boolean;
  }>;
  periodColumns: Array<{ column: string; period: string }>;
  overridden: string[];
  rules: RuleReport[];
  tasks: TaskReport[];
  /** Findings about the workbook rather than a row (log sheet, rules sheet). */
  findings: Finding[];
  summary: Summary;
}
