import { Obligation } from '../deadline/obligation';

/** An obligation rule: a measure naming `keywords` but no frequency gets `obligation`. */
export interface Rule {
  keywords: string[];
  obligation: Obligation;
  source: string;
  origin: 'builtin' | 'workbook';
  /** Overrides the warning window for tasks this rule matches. */
  warnDays?: number;
  /** Done tasks this rule matches must have evidence. */
  evidenceRequired?: boolean;
  /** Where a workbook rule was written. */
  cell?: string;
}

export function ruleMatches(rule: Rule, normalizedMeasure: string): boolean {
  for (const k of rule.keywords) if (normalizedMeasure.includes(k)) return true;
  return false;
}
