import { TextByYearCache } from '../cache/bounded-cache';
import { formatIso, isPlausible, parseIso } from '../dates/civil-date';
import { dateInCell } from '../evidence/cell-dates';
import { Obligation, isConcrete, sameRequirement } from '../deadline/obligation';
import { parseDeadlineCell } from '../deadline/parse-deadline';
import { parseMeasureText } from '../deadline/parse-measure';
import { CellValue, cellText, isDateValue } from '../model/workbook';
import { matchingRules, Rule } from '../rules/rules';
import { normalizeText } from '../text/normalize';

export interface TaskObligations {
  obligations: Obligation[];
  /** What the deadline cell alone says. */
  cell: Obligation | null;
  /** The deadline cell holds a date no one could mean (year 1900, 2900). */
  absurdDeadline: string | null;
  /** The measure's own concrete requirement that the deadline cell contradicts. */
  conflict: { measure: string; deadline: string } | null;
  /** Rules whose keyword the measure names (their warning days / evidence flags apply). */
  matchedRules: Rule[];
}

/** `earlier`: the cell's other deadlines, before `obligation` (分别于6月15日、12月15日前: 06-15). */
type CellObligation = { obligation: Obligation | null; absurd: string | null; earlier?: readonly Obligation[] };

const NO_DEADLINE: CellObligation = Object.freeze({ obligation: null, absurd: null });

/** Deadline texts repeat down a table (每月, 年底前…): one cache per table year, keyed by the text itself. */
const deadlineTexts = new TextByYearCache<CellObligation>();

function deadlineOfText(text: string, year: number): CellObligation {
  const all = parseDeadlineCell(text, year);
  const parsed = all[all.length - 1];
  if (all.some((o) => o.kind === 'deadline' && !isPlausible(parseIso(o.due)!)))
    return Object.freeze({ obligation: Object.freeze({ kind: 'unknown', text: parsed.text }), absurd: text });
  const earlier =
    all.length > 1
      ? Object.freeze(all.slice(0, -1).map((o) => Object.freeze({ ...o, origin: 'deadline' as const })))
      : undefined;
  return Object.freeze({ obligation: Object.freeze({ ...parsed, origin: 'deadline' }), absurd: null, earlier });
}

/** A deadline cell: a date cell, a date serial, or text (SPEC §3). Results are shared and frozen. */
function deadlineOfCell(value: CellValue, year: number, date1904: boolean): CellObligation {
  if (isDateValue(value) || typeof value === 'number') {
    const date = dateInCell(value, year, date1904);
    if (date && 'day' in date)
      return {
        obligation: { kind: 'deadline', due: formatIso(date.day), text: cellText(value), origin: 'deadline' },
        absurd: null,
      };
    return { obligation: { kind: 'unknown', text: cellText(value) }, absurd: cellText(value) };
  }
  const text = cellText(value);
  if (!text) return NO_DEADLINE;
  return deadlineTexts.get(year, text, deadlineOfText);
}

function describe(o: Obligation): string {
  return o.text ?? o.kind;
}

/**
 * The obligations of one task: the measure's own (each with its actor), else the deadline cell's; rules
 * when neither states anything concrete (SPEC §2–3). A cell contradicting the measure is reported.
 */
export function obligationsOfTask(
  deadline: CellValue,
  measure: string,
  year: number,
  date1904: boolean,
  rules: readonly Rule[],
): TaskObligations {
  const { obligation: cell, absurd, earlier } = deadlineOfCell(deadline, year, date1904);
  // Measure texts are nearly all distinct: parsed every time, unlike deadline cells (cached above).
  const fromMeasure = measure ? parseMeasureText(measure, year) : [];
  const normalizedMeasure = normalizeText(measure);
  const matchedRules = matchingRules(rules, normalizedMeasure);
  let conflict: TaskObligations['conflict'] = null;
  const obligations: Obligation[] = fromMeasure.map((m) =>
    // A cell that names the due day (每年11月25日前) refines the measure's own frequency (每年…1次).
    cell && cell.kind === 'recurring' && m.kind === 'recurring' && m.period === cell.period && cell.by && !m.by
      ? { ...m, by: cell.by }
      : m,
  );

  if (cell && isConcrete(cell)) {
    if (fromMeasure.length === 0) obligations.push(...(earlier ?? []), cell);
    else if (!fromMeasure.some((m) => sameRequirement(m, cell, year))) {
      const comparable = fromMeasure.find((m) => m.kind === cell.kind) ?? fromMeasure[0];
      // The measure text is the policy; the cell only summarises it. Judge by the measure, flag the cell.
      conflict = { measure: describe(comparable), deadline: describe(cell) };
    }
  }
  if (!obligations.some(isConcrete)) {
    const fromRules = matchedRules.filter((r) => isConcrete(r.obligation));
    if (fromRules.length > 0) {
      obligations.length = 0;
      for (const r of fromRules)
        obligations.push({ ...r.obligation, origin: 'rule', rule: { keyword: r.keywords[0], source: r.source } });
    } else if (cell) obligations.push(...(earlier ?? []), cell);
  }
  return { obligations, cell, absurdDeadline: absurd, conflict, matchedRules };
}
