import { formatIso } from '../dates/civil-date';
import { normalizeText } from '../text/normalize';
import { CUE, DateMention, findDates, findPeriodLists, findStarts, PeriodList, StartMention } from './date-phrases';
import { findFrequencies, findRelatives } from './frequency-phrases';
import { Obligation } from './obligation';

const LEADING_FILLER = /^(?:并且|并|且|要|应当|应|须|必须|需要|需|由|坚持|同时|另外|其中|原则上|督促|推动|指导|组织)+/;
const TRAILING_FILLER = /(?:原则上|一般|应当|应该|必须|需要|要在|应在|须在|分别|要|应|须|需|在|于|均|都|各)+$/;
const NOT_AN_ACTOR = /[\d%]|[的地得了着]$|^[的]|会议|制度|活动|工作$/;

/**
 * The words before an obligation (from `from` on: after a start such as 从二季度起), when they read as
 * who does it (机关党办, 书记班子…).
 */
function actorBefore(clause: string, from: number, index: number): string | undefined {
  const actor = clause.slice(from, index).replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
  if (actor.length < 2 || actor.length > 20 || NOT_AN_ACTOR.test(actor)) return undefined;
  return actor;
}

/** A character every frequency, time limit or date phrase contains: a digit, 每/按, 年/月/季/周, 内 (time limits), Q, or a holiday (七一, 五一, 国庆, 元旦). */
const TIME_HINT = /[\d每按年月季周内Qq国旦]|[七五]一/;

/** Clauses end at , ; 。 ! ? (normalised); sentences, over which a written start holds, at 。 ! ?. */
const CLAUSE_END = /[,;。!?]/g;
const SENTENCE_END = /[。!?]/;

/** A clause that reports what is done so far (目前已…, 今年以来…, 开展以来…): nothing in it is owed. */
const REPORT_OPENING = /^(?:目前|当前|现已|现在|截至目前|截止目前|截至当前|至今)/;
const REPORT_SINCE = /(?:[年月日度初]|开展|启动|实施)以来/;
const reportsSoFar = (clause: string) =>
  REPORT_OPENING.test(clause) || (clause.includes('以来') && REPORT_SINCE.test(clause));
/** Words before a date that forecast (预计年底前完成): the date is no obligation. */
const FORECAST = /预计|预期|有望|估计|可望/;
/** Words right before a date that report (已于3月5日召开, 已分别于…, 已先后在…). */
const REPORTED_BEFORE = /已(?:经)?(?:先后|分别)?(?:于|在)?$/;
/** Words right after a date that report (9月底已完成, 1-10月累计…). */
const REPORTED_AFTER = /^(?:底|末|份)?(?:前|以前|之前)?(?:已|累计|共(?!同)|均已|全部已|先后)/;
/** 截至/截止 before a date: an as-of point of a report ("截至9月底，已完成…"), unless the clause plans. */
const AS_OF = /(?:截至|截止)到?$/;
const PLAN_WORD = /前|要|须|应|需|力争|确保|务必|计划/;

/** A date or list that states no obligation: a report (已于…, …已完成), a forecast or an as-of point. */
function reportsOrForecasts(clause: string, index: number, length: number): boolean {
  const before = clause.slice(0, index);
  const after = clause.slice(index + length);
  if (FORECAST.test(before) || REPORTED_BEFORE.test(before) || REPORTED_AFTER.test(after)) return true;
  return AS_OF.test(before) && !PLAN_WORD.test(after);
}

const overlaps = (a: { index: number; length: number }, b: { index: number; length: number }) =>
  a.index < b.index + b.length && b.index < a.index + a.length;

/** The clause separators as written: each becomes one of , ; 。 ! ? when normalised, and nothing else does. */
const WRITTEN_CLAUSE_END = /[,;。!?，；！？]/g;

/**
 * A line's clauses as written, to show (normalisation drops spaces and quotation marks, turns
 * traditional characters and full-width digits into others: that is for matching only). Only for a
 * line that normalisation changed; clauses are asked for in order, so a cursor walks the line once.
 */
class WrittenClauses {
  /** The clause the cursor is at, and where it begins in the line. */
  private index = 0;
  private start = 0;

  constructor(private readonly line: string) {}

  /** The `index`-th clause as written, trimmed (`normalised` should the separators not line up). */
  clause(index: number, normalised: string): string {
    WRITTEN_CLAUSE_END.lastIndex = this.start;
    while (this.index < index) {
      const end = WRITTEN_CLAUSE_END.exec(this.line);
      if (!end) return normalised;
      this.start = end.index + 1;
      this.index++;
    }
    const end = WRITTEN_CLAUSE_END.exec(this.line);
    return this.line.slice(this.start, end ? end.index : this.line.length).trim();
  }
}

/**
 * The obligations a measure text states itself (SPEC §3), in order: concrete frequencies, time limits
 * and dates only. Vague words (定期, 适时) add nothing; reported achievements (开展研讨30余次), reports
 * and forecasts (截至9月底已完成, 预计年底前完成) are not obligations. A list of periods with one target
 * each (第一、二、三、四季度任务分别为…) is one deadline per period. A start (从2023年第二季度起) sets
 * `from` on the recurring obligations of its sentence. Each obligation keeps its clause as written
 * (traditional characters, quotation marks stay) and, where written, its actor (normalised).
 *
 * Not cached: measure texts are nearly all distinct, and freezing a shared result costs more per row
 * than the rare repeat saves. Every call returns new objects.
 */
export function parseMeasureText(raw: string, year: number): Obligation[] {
  const obligations: Obligation[] = [];
  for (const line of raw.includes('\n') ? raw.split('\n') : [raw]) {
    const text = normalizeText(line);
    if (!text) continue;
    const written = line === text ? null : new WrittenClauses(line);
    let sentenceFirst = obligations.length;
    let sentenceStart: StartMention | undefined;
    let from = 0;
    CLAUSE_END.lastIndex = 0;
    for (let index = 0; ; index++) {
      const end = CLAUSE_END.exec(text);
      const to = end ? end.index : text.length;
      if (to > from) {
        const start = readClause(text.slice(from, to), index, year, written, obligations);
        if (start && !sentenceStart) sentenceStart = start;
      }
      if (!end || SENTENCE_END.test(end[0])) {
        if (sentenceStart) startFrom(obligations, sentenceFirst, formatIso(sentenceStart.from));
        sentenceFirst = obligations.length;
        sentenceStart = undefined;
      }
      if (!end) break;
      from = to + 1;
    }
  }
  return obligations;
}

/** Sets the written start on the recurring obligations read since `first` (rebuilt, so JSON shows `from` before the clause). */
function startFrom(obligations: Obligation[], first: number, from: string): void {
  for (let i = first; i < obligations.length; i++) {
    const o = obligations[i];
    if (o.kind !== 'recurring' || o.from) continue;
    const started: Obligation = { kind: 'recurring', period: o.period, minCount: o.minCount };
    if (o.by) started.by = o.by;
    started.from = from;
    obligations[i] = withClause(started, o.text ?? '', o.actor);
  }
}

/** The obligations of one clause (normalised, the `index`-th of its line), pushed in order; the start it names, if any. */
function readClause(
  clause: string,
  index: number,
  year: number,
  written: WrittenClauses | null,
  out: Obligation[],
): StartMention | undefined {
  // Most clauses name no time at all; every phrase below needs one of these characters.
  if (!TIME_HINT.test(clause) || reportsSoFar(clause)) return undefined;
  // The clause and its actor are shown as written (looked up once the clause states something).
  let shown: string | undefined;
  const starts = findStarts(clause, year);
  const start = starts.length > 0 ? starts[0] : undefined;

  let found = false;
  let actor: string | undefined;
  for (const f of findFrequencies(clause)) {
    if (f.achievement) continue;
    // 全年 in running text ("全年完成…") is a scope, not a frequency, unless a count follows.
    if (f.period === 'year' && f.count === null && clause.startsWith('全年', f.index)) continue;
    const o: Obligation = { kind: 'recurring', period: f.period, minCount: f.count && f.count > 0 ? f.count : 1 };
    if (f.by) o.by = f.by;
    // A further count (、一次支部大会) is done by whoever does the first.
    if (!f.continues) actor = actorAt(clause, starts, f.index);
    shown ??= written ? written.clause(index, clause) : clause;
    out.push(withClause(o, shown, asWritten(clause, shown, actor)));
    found = true;
  }
  if (found) return start;
  for (const r of findRelatives(clause)) {
    shown ??= written ? written.clause(index, clause) : clause;
    out.push(
      withClause(
        { kind: 'relative', amount: r.amount, unit: r.unit },
        shown,
        asWritten(clause, shown, actorAt(clause, starts, r.index)),
      ),
    );
    found = true;
  }
  if (found) return start;

  // A list that reports (已分别于3月5日、4月8日召开) reports each of its dates.
  let reported: PeriodList[] | undefined;
  for (const list of findPeriodLists(clause, year)) {
    if (reportsOrForecasts(clause, list.index, list.length)) (reported ??= []).push(list);
    if (!isTargetList(clause, list)) continue;
    actor = actorAt(clause, starts, list.index);
    shown ??= written ? written.clause(index, clause) : clause;
    for (const day of list.days)
      out.push(withClause({ kind: 'deadline', due: formatIso(day) }, shown, asWritten(clause, shown, actor)));
    found = true;
  }
  if (found) return start;

  let first: DateMention | undefined;
  let latest: DateMention | undefined;
  for (const d of findDates(clause, year)) {
    if (!isOwedDate(clause, d, starts) || reported?.some((l) => overlaps(l, d))) continue;
    first ??= d;
    latest = d;
  }
  if (first && latest) {
    shown = written ? written.clause(index, clause) : clause;
    out.push(
      withClause(
        { kind: 'deadline', due: formatIso(latest.day) },
        shown,
        asWritten(clause, shown, actorAt(clause, starts, first.index)),
      ),
    );
  }
  return start;
}

/** Who does what the clause states at `at`: the words before it, after any start (从二季度起) before it. */
function actorAt(clause: string, starts: readonly StartMention[], at: number): string | undefined {
  let from = 0;
  for (const s of starts) if (s.index + s.length <= at) from = s.index + s.length;
  return actorBefore(clause, from, at);
}

/**
 * A list of periods is one target per period with 分别 in its clause, or a completion cue or heading
 * colon after it; not when it reports or forecasts, nor when its first number may number the clause
 * ("2、3月底前完成" is item 2, due at the end of March).
 */
function isTargetList(clause: string, list: PeriodList): boolean {
  if (reportsOrForecasts(clause, list.index, list.length)) return false;
  if (clause.includes('分别')) return true;
  if (list.bare && list.index === 0) return false;
  const after = clause.slice(list.index + list.length);
  return CUE.test(after) || after.startsWith(':');
}

/**
 * A date that sets a deadline: cued (6月底前, …完成) or precise to the day, or a heading ("第三季度：…");
 * not a start (从二季度起), a report or a forecast.
 */
function isOwedDate(clause: string, d: DateMention, starts: readonly StartMention[]): boolean {
  if (starts.some((s) => overlaps(s, d))) return false;
  const heading = d.index === 0 && clause.charCodeAt(d.length) === 0x3a; // ":" (normalised "：")
  if (!d.cued && d.precision !== 'day' && !heading) return false;
  return !reportsOrForecasts(clause, d.index, d.length);
}

/** Adds the clause, the actor where one is written, and the origin, in that order (the order JSON shows). Assigned, not spread: this runs for most of 100k rows. */
/**
 * The actor as the text writes it (機關黨辦, not 机关党办): found in the normalised clause, cut from the
 * written one where the two line up character for character; else the normalised words.
 */
function asWritten(clause: string, shown: string, actor: string | undefined): string | undefined {
  if (!actor || shown === clause || shown.length !== clause.length) return actor;
  const at = clause.indexOf(actor);
  return at < 0 ? actor : shown.slice(at, at + actor.length);
}

function withClause(o: Obligation, clause: string, actor: string | undefined): Obligation {
  o.text = clause;
  if (actor) o.actor = actor;
  o.origin = 'measure';
  return o;
}
