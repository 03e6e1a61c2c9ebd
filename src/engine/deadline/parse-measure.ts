import { formatIso } from '../dates/civil-date';
import { normalizeText } from '../text/normalize';
import { findDates } from './date-phrases';
import { findFrequencies, findRelatives } from './frequency-phrases';
import { Obligation } from './obligation';

const LEADING_FILLER = /^(?:并且|并|且|要|应当|应|须|必须|需要|需|由|坚持|同时|另外|其中|原则上|督促|推动|指导|组织)+/;
const TRAILING_FILLER = /(?:原则上|一般|应当|应该|必须|需要|要在|应在|须在|要|应|须|需|在|于|均|都|各)+$/;
const NOT_AN_ACTOR = /[\d%]|[的地得了着]$|^[的]|会议|制度|活动|工作$/;

/** The words before an obligation, when they read as who does it (机关党办, 书记班子…). */
function actorBefore(clause: string, index: number): string | undefined {
  const before = clause.slice(0, index).replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
  if (before.length < 2 || before.length > 20 || NOT_AN_ACTOR.test(before)) return undefined;
  return before;
}

/** A character every frequency, time limit or date phrase contains: a digit, 每/按, 年/月/季/周, 内 (time limits), Q, or a holiday (七一, 五一, 国庆, 元旦). */
const TIME_HINT = /[\d每按年月季周内Qq国旦]|[七五]一/;

const CLAUSE_END = /[,;。!?]/;

/** The clauses of a measure text, normalised: lines split at , ; 。 ! ? (runs once per row, so no intermediate arrays). */
function clausesOf(raw: string): string[] {
  const clauses: string[] = [];
  for (const line of raw.includes('\n') ? raw.split('\n') : [raw]) {
    const text = normalizeText(line);
    if (!CLAUSE_END.test(text)) {
      if (text.length > 0) clauses.push(text);
      continue;
    }
    for (const clause of text.split(/[,;。!?]/)) if (clause.length > 0) clauses.push(clause);
  }
  return clauses;
}

/**
 * The obligations a measure text states itself (SPEC §3), in order: concrete frequencies, time limits
 * and dates only. Vague words (定期, 适时) add nothing; reported achievements (开展研讨30余次) are
 * not obligations. Each obligation keeps its clause and, where written, its actor.
 */
export function parseMeasureText(raw: string, year: number): Obligation[] {
  const obligations: Obligation[] = [];
  for (const clause of clausesOf(raw)) {
    // Most clauses name no time at all; every phrase below needs one of these characters.
    if (!TIME_HINT.test(clause)) continue;
    let found = false;
    for (const f of findFrequencies(clause)) {
      if (f.achievement) continue;
      // 全年 in running text ("全年完成…") is a scope, not a frequency, unless a count follows.
      if (f.period === 'year' && f.count === null && clause.startsWith('全年', f.index)) continue;
      const o: Obligation = { kind: 'recurring', period: f.period, minCount: f.count && f.count > 0 ? f.count : 1 };
      if (f.by) o.by = f.by;
      obligations.push(withClause(o, clause, actorBefore(clause, f.index)));
      found = true;
    }
    if (found) continue;
    for (const r of findRelatives(clause)) {
      obligations.push(withClause({ kind: 'relative', amount: r.amount, unit: r.unit }, clause, actorBefore(clause, r.index)));
      found = true;
    }
    if (found) continue;
    const dates = findDates(clause, year).filter((d) => d.cued || d.precision === 'day');
    if (dates.length > 0) {
      const last = dates[dates.length - 1];
      obligations.push(withClause({ kind: 'deadline', due: formatIso(last.day) }, clause, actorBefore(clause, dates[0].index)));
    }
  }
  return obligations;
}

/** Adds the clause, the actor where one is written, and the origin, in that order (the order JSON shows). Assigned, not spread: this runs for most of 100k rows. */
function withClause(o: Obligation, clause: string, actor: string | undefined): Obligation {
  o.text = clause;
  if (actor) o.actor = actor;
  o.origin = 'measure';
  return o;
}
