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

/** Per list of rules: one pattern naming every keyword, so the many measures that name none are passed over in one test. */
const anyKeyword = new WeakMap<readonly Rule[], RegExp>();

/** The rules whose keyword the (normalised) measure names, in order. */
export function matchingRules(rules: readonly Rule[], normalizedMeasure: string): Rule[] {
  let pattern = anyKeyword.get(rules);
  if (!pattern) {
    const keywords = rules.flatMap((r) => r.keywords);
    // No keywords: nothing matches ((?!) never does); an empty keyword is in every text, as with includes.
    pattern =
      keywords.length === 0
        ? /(?!)/
        : new RegExp(keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    anyKeyword.set(rules, pattern);
  }
  return pattern.test(normalizedMeasure) ? rules.filter((r) => ruleMatches(r, normalizedMeasure)) : [];
}
