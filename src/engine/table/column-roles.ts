import { PeriodKind } from '../dates/periods';
import { ColumnProfile, contentAgreement, contentEvidence, emptyProfile } from './column-content';
import {
  departmentRole,
  Field,
  FIELDS,
  HeaderEvidence,
  headerEvidence,
  NAMED,
  reportingPeriodRank,
  compareReportingPeriods,
} from './vocabulary';

/*
 * Which column plays which role (SPEC §2): decided by the header's words AND the column's cells. The
 * header is evidence (weights from headerEvidence), the cells are evidence (contentEvidence), a header
 * whose cells disagree (1, 2, 3 under 工作任务) is believed less. The measure is chosen first, then the
 * other fields greedily, best (column, field) pair first.
 */

/**
 * 'beside-helpers': a 责任单位 column read as the lead because a 配合单位 / 协办单位 column beside it names
 * the helpers and no column names the lead (issue 15).
 */
export type RoleWhy = 'header' | 'content' | 'header+content' | 'override' | 'beside-helpers';

/** How one column's role was decided, for the JSON report and the task pane (SPEC §2, issue 15). */
export interface ColumnRole {
  field: Field;
  /** 0-based column. */
  col: number;
  /** The header as written (the sub-header under a group: 进展 under 完成情况). */
  header: string;
  why: RoleWhy;
  /** 0..1. */
  confidence: number;
  /** Set on an older progress column (1-10月推进情况 beside 1-11月推进情况): shown, not judged. */
  superseded?: true;
}

export interface PeriodColumn {
  col: number;
  period: PeriodKind;
  index: number;
}

/** One column under a candidate header. */
export interface HeaderColumn {
  col: number;
  /** The header as written ('' when the column has none). */
  header: string;
  /** Under a group header spanning several columns (完成情况 over 进展 / 完成时间). */
  underGroup: boolean;
  /** The group's text, if any: a period written there (2023年1-11月 over 推进情况) dates the column. */
  group: string;
  /**
   * The header cell reads as data (a unit name, a deadline, a running text): only a vocabulary term in
   * it counts, so a first body row is not taken for the header.
   */
  readsAsData: boolean;
}

export interface RoleAssignment {
  columns: Partial<Record<Field, number>>;
  extraResponsible: number[];
  /** Further category columns (a second level: 重点领域 › 工作任务), left to right. */
  extraCategory: number[];
  periodColumns: PeriodColumn[];
  roles: ColumnRole[];
  /** How well this header explains its columns: higher is better (compares candidate header rows). */
  score: number;
  /** Whether a breakdown table is plausible here without any override (see acceptable). */
  plausible: boolean;
  /** The column most likely to hold the task text, for the message when no table is found. */
  measureGuess?: number;
}

/** Fields a breakdown table is made of (SPEC §2): they, not 序号 or 备注, make a table plausible. */
const CORE: Field[] = ['measure', 'lead', 'responsible', 'owner', 'deadline', 'progress', 'doneDate'];
/** Roles a deadline column may have been given by its header when the table has no deadline column (备注, 说明). */
const LOOSE_ROLES: Field[] = ['notes', 'evidence', 'category', 'count'];
/** Below this, a (column, field) pair is not taken. */
const MIN_SCORE = 0.35;
/** A second column of this field is kept too (责任部门 + 配合部门) when its header names it. */
const REPEATABLE: Field = 'responsible';

interface Scored {
  /** The header's own evidence; `header` is it weighed by how far the cells agree. */
  evidence: Partial<Record<Field, number>>;
  header: Partial<Record<Field, number>>;
  content: Partial<Record<Field, number>>;
  total: Partial<Record<Field, number>>;
}

/**
 * What a header says, read with its group above (责任单位 over 牵头 / 配合 is 牵头责任单位 / 配合责任单位;
 * 2023年推进情况 over 1-10月): the stronger of the two readings, field by field.
 */
function evidenceOf(c: HeaderColumn): HeaderEvidence {
  const own = headerEvidence(c.header);
  if (!c.group || own.period) return c.readsAsData ? namedOnly(own) : own;
  const withGroup = headerEvidence(c.header + c.group);
  const fields: Partial<Record<Field, number>> = { ...own.fields };
  for (const [field, w] of Object.entries(withGroup.fields) as Array<[Field, number]>)
    fields[field] = Math.max(fields[field] ?? 0, w);
  const e: HeaderEvidence = own.scheduleMark || withGroup.scheduleMark ? { fields, scheduleMark: true } : { fields };
  if (e.scheduleMark) delete fields.progress;
  return c.readsAsData ? namedOnly(e) : e;
}

function scoreColumn(evidence: HeaderEvidence, p: ColumnProfile): Scored {
  const content = contentEvidence(p);
  // 是否达序 holds 是 / 否 like a done mark, but says "on schedule?": never the progress (issue 15).
  if (evidence.scheduleMark) delete content.progress;
  const header: Partial<Record<Field, number>> = {};
  const total: Partial<Record<Field, number>> = {};
  for (const field of FIELDS) {
    const w = evidence.fields[field] ?? 0;
    // A column the vocabulary names keeps a claim even when its few cells disagree (a stray value).
    const h = w >= NAMED ? Math.max(w * contentAgreement(p, field), MIN_SCORE + 0.05) : w * contentAgreement(p, field);
    if (h > 0) header[field] = h;
    const t = h + (content[field] ?? 0);
    if (t > 0) total[field] = t;
  }
  return { evidence: evidence.fields, header, content, total };
}

function namedOnly(e: HeaderEvidence): HeaderEvidence {
  const fields: Partial<Record<Field, number>> = {};
  for (const [field, w] of Object.entries(e.fields) as Array<[Field, number]>) if (w >= NAMED) fields[field] = w;
  return e.scheduleMark ? { fields, period: e.period, scheduleMark: true } : { fields, period: e.period };
}

/** The work of assigning roles under one candidate header, shared by the passes (assignRoles). */
interface Assigning {
  readonly columns: HeaderColumn[];
  readonly profiles: Map<number, ColumnProfile>;
  readonly oneRowHeader: boolean;
  /** Columns the user named (an override). */
  readonly forced: Partial<Record<Field, number>>;
  readonly forcedCols: Set<number>;
  readonly scored: Map<number, Scored>;
  readonly byCol: Map<number, HeaderColumn>;
  /** Columns no pass has taken yet. */
  readonly free: Set<number>;
  readonly assigned: Partial<Record<Field, number>>;
  readonly extraResponsible: number[];
  readonly extraCategory: number[];
  /** Every (column, field) pair worth taking, best first (takeBestPairs). */
  pairs: Array<[number, number, Field]>;
  measureGuess?: number;
  /** The progress columns of earlier periods (1-10月推进情况 beside 1-11月推进情况): shown, not judged. */
  olderProgress: number[];
  /** The 责任单位 column made the lead because helpers are named beside it (leadFromHelpers). */
  leadBesideHelpers?: number;
}

type Pass = (a: Assigning) => void;

/**
 * The passes of assignRoles, in order of precedence: what the user named, then the measure, the
 * current progress column, the best (column, field) pairs, then the corrections that read the table
 * as a whole. Each pass only takes free columns or moves roles the earlier ones gave.
 */
const PASSES: readonly Pass[] = [
  takeForced,
  takeMeasure,
  takeCurrentProgress,
  takeBestPairs,
  takeFurtherCategories,
  firstDepartmentColumnLeads,
  takeLeadBesideHelpers,
  doneTimeAsDeadline,
  deadlineByContent,
];

/**
 * Assigns fields to the columns under one candidate header. `forced` holds columns the user named
 * (an override of the measure column alone is enough to find the header row, SPEC §2). The passes
 * (PASSES) decide in order; then each role is explained and the header row scored.
 */
export function assignRoles(
  columns: HeaderColumn[],
  profiles: Map<number, ColumnProfile>,
  oneRowHeader: boolean,
  forced: Partial<Record<Field, number>> = {},
): RoleAssignment {
  const scored = new Map<number, Scored>();
  const periodColumns: PeriodColumn[] = [];
  const free = new Set<number>();
  for (const c of columns) {
    const p = profiles.get(c.col) ?? emptyProfile();
    const evidence = headerEvidence(c.header);
    if (evidence.period) {
      periodColumns.push({ col: c.col, ...evidence.period });
      continue;
    }
    scored.set(c.col, scoreColumn(evidenceOf(c), p));
    free.add(c.col);
  }
  const a: Assigning = {
    columns,
    profiles,
    oneRowHeader,
    forced,
    forcedCols: new Set(Object.values(forced)),
    scored,
    byCol: new Map(columns.map((c) => [c.col, c])),
    free,
    assigned: {},
    extraResponsible: [],
    extraCategory: [],
    pairs: [],
    olderProgress: [],
  };
  for (const pass of PASSES) pass(a);

  const periods = periodColumns.filter((p) => !a.forcedCols.has(p.col));
  const { roles, score } = explainRoles(a, periods.length);
  const result: RoleAssignment = {
    columns: a.assigned,
    extraResponsible: a.extraResponsible,
    extraCategory: a.extraCategory,
    periodColumns: periods,
    roles,
    score,
    plausible: false,
    measureGuess: a.measureGuess,
  };
  result.plausible = acceptable(result, scored, profiles);
  return result;
}

function take(a: Assigning, field: Field, col: number): void {
  a.assigned[field] = col;
  a.free.delete(col);
}

/** The columns the user named keep their fields. */
function takeForced(a: Assigning): void {
  for (const [field, col] of Object.entries(a.forced) as Array<[Field, number]>) {
    take(a, field, col);
    if (!a.scored.has(col)) a.scored.set(col, scoreColumn({ fields: {} }, a.profiles.get(col) ?? emptyProfile()));
  }
}

/** The column of task texts, chosen before the rest (chooseMeasure). */
function takeMeasure(a: Assigning): void {
  a.measureGuess = a.forced.measure ?? chooseMeasure(a.scored, a.free);
  const guess = a.measureGuess;
  if (a.assigned.measure === undefined && guess !== undefined && measureScore(a.scored.get(guess)!) >= MIN_SCORE)
    take(a, 'measure', guess);
}

/** Of several progress columns the latest period's; the older ones are kept out (chooseCurrentProgress). */
function takeCurrentProgress(a: Assigning): void {
  const progress = chooseCurrentProgress(a.scored, a.free, a.byCol);
  if (progress.current !== undefined) take(a, 'progress', progress.current);
  for (const col of progress.older) a.free.delete(col);
  a.olderProgress = progress.older;
}

/**
 * The best (column, field) pairs first; ties go to the lead (牵头 before 责任) and to the left. A
 * second responsible column is kept too (责任部门 + 配合部门) when its header names it.
 */
function takeBestPairs(a: Assigning): void {
  const pairs: Array<[number, number, Field]> = [];
  for (const col of a.free) {
    const s = a.scored.get(col)!;
    for (const field of FIELDS) {
      const t = s.total[field];
      if (field !== 'measure' && t !== undefined && t >= MIN_SCORE) pairs.push([t, col, field]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0] || FIELDS.indexOf(x[2]) - FIELDS.indexOf(y[2]) || x[1] - y[1]);
  a.pairs = pairs;
  for (const [, col, field] of pairs) {
    if (!a.free.has(col)) continue;
    if (a.assigned[field] === undefined) take(a, field, col);
    else if (field === REPEATABLE && (a.scored.get(col)!.header[field] ?? 0) >= 0.6) {
      a.extraResponsible.push(col);
      a.free.delete(col);
    }
  }
  a.extraResponsible.sort((x, y) => x - y);
}

/** A second category level (重点领域 › 工作任务 › 具体措施): shown, the first level is the category. */
function takeFurtherCategories(a: Assigning): void {
  for (const [, col, field] of a.pairs) {
    if (field === 'category' && a.free.has(col) && a.assigned.category !== undefined) {
      a.extraCategory.push(col);
      a.free.delete(col);
    }
  }
  a.extraCategory.sort((x, y) => x - y);
}

/** Two department columns that no role word tells apart: the first is the lead (牵头 before 责任). */
function firstDepartmentColumnLeads(a: Assigning): void {
  const { lead, responsible } = a.assigned;
  if (lead === undefined || responsible === undefined || lead < responsible) return;
  if (a.forced.lead !== undefined || a.forced.responsible !== undefined) return;
  const unnamed = (col: number) =>
    (a.scored.get(col)!.header.lead ?? 0) < 0.6 && (a.scored.get(col)!.header.responsible ?? 0) < 0.6;
  if (unnamed(lead) && unnamed(responsible)) [a.assigned.lead, a.assigned.responsible] = [responsible, lead];
}

/** No lead column: a 责任单位 column beside a 配合单位 column leads (leadFromHelpers). */
function takeLeadBesideHelpers(a: Assigning): void {
  a.leadBesideHelpers = leadFromHelpers(a.assigned, a.extraResponsible, a.scored, a.byCol, a.forced);
}

/**
 * Many tables call the deadline 完成时间 (SPEC's word for the done date). With no other deadline
 * column and no progress group above it, that column is the deadline.
 */
function doneTimeAsDeadline(a: Assigning): void {
  const done = a.assigned.doneDate;
  if (a.assigned.deadline !== undefined || done === undefined || !a.oneRowHeader) return;
  if (a.byCol.get(done)!.underGroup || a.forced.doneDate !== undefined) return;
  a.assigned.deadline = done;
  delete a.assigned.doneDate;
}

/** No deadline column: a column whose cells read as deadlines is it (备注 "11月底前完成"). */
function deadlineByContent(a: Assigning): void {
  if (a.assigned.deadline !== undefined) return;
  let best: number | undefined;
  let bestShare = 0.5;
  for (const c of a.columns) {
    if (
      !a.scored.has(c.col) ||
      a.forcedCols.has(c.col) ||
      !(a.free.has(c.col) || LOOSE_ROLES.some((f) => a.assigned[f] === c.col))
    )
      continue;
    const p = a.profiles.get(c.col);
    if (!p || p.cells === 0) continue;
    const share = (p.kinds.deadline + p.kinds.date * 0.8) / p.cells;
    if (p.kinds.deadline > 0 && share > bestShare) [best, bestShare] = [c.col, share];
  }
  if (best === undefined) return;
  for (const f of FIELDS) if (a.assigned[f] === best) delete a.assigned[f];
  a.free.delete(best);
  a.assigned.deadline = best;
}

/** Each column's role with why and how sure, left to right, and the header row's score (roles and `periods` period columns add to it). */
function explainRoles(a: Assigning, periods: number): { roles: ColumnRole[]; score: number } {
  const { assigned, scored, byCol, forced } = a;
  const roles: ColumnRole[] = [];
  let score = 0;
  const explainAs = (field: Field, col: number) => explain(field, col, scored.get(col)!, byCol.get(col)!.header);
  for (const field of FIELDS) {
    const col = assigned[field];
    if (col === undefined) continue;
    if (forced[field] === col) {
      roles.push({ field, col, header: byCol.get(col)?.header ?? '', why: 'override', confidence: 1 });
      continue;
    }
    if (field === 'lead' && col === a.leadBesideHelpers) {
      // Told by its 责任 header as a department column; lead because the helpers are named beside it.
      const { role, weight } = explainAs('responsible', col);
      roles.push({ ...role, field: 'lead', why: 'beside-helpers' });
      score += weight;
      continue;
    }
    const { role, weight } = explainAs(field, col);
    roles.push(role);
    score += weight;
  }
  for (const col of a.extraResponsible) {
    const { role, weight } = explainAs('responsible', col);
    roles.push(role);
    score += weight;
  }
  for (const col of a.extraCategory) roles.push(explainAs('category', col).role);
  for (const col of a.olderProgress) roles.push({ ...explainAs('progress', col).role, superseded: true });
  roles.sort((x, y) => x.col - y.col);
  score += 0.3 * periods;
  // Header cells that read as data (办公室, 年底前) make this row look like the first body row.
  for (const c of a.columns)
    if (c.readsAsData && !Object.values(scored.get(c.col)?.evidence ?? {}).some((w) => w! >= NAMED)) score -= 0.3;
  return { roles, score };
}

/**
 * No lead column, but a 责任单位 column (a department header with no helper word) and a 配合单位 /
 * 协办单位 / 协同单位 / 参与单位 / 协助单位 column beside it (issue 15): the 责任单位 column is the
 * lead (主责), the helpers' columns the responsible. Moves that column from `assigned.responsible` /
 * `extraResponsible` to `assigned.lead` in place and returns it; undefined (nothing changed) when a
 * column already leads (牵头单位, or a 牵头领导 of unit names), the user named a department column, or
 * no helpers' column is there. With several 责任 columns the leftmost leads.
 */
function leadFromHelpers(
  assigned: Partial<Record<Field, number>>,
  extraResponsible: number[],
  scored: Map<number, Scored>,
  byCol: Map<number, HeaderColumn>,
  forced: Partial<Record<Field, number>>,
): number | undefined {
  if (assigned.lead !== undefined || assigned.responsible === undefined) return undefined;
  if (forced.lead !== undefined || forced.responsible !== undefined) return undefined;
  const departments = [assigned.responsible, ...extraResponsible].sort((a, b) => a - b);
  // Only columns whose header names them a department column (责任单位: not 单位, not cells alone).
  const roleOf = (col: number) =>
    (scored.get(col)!.header.responsible ?? 0) >= 0.6 ? departmentRole(byCol.get(col)!.header) : undefined;
  const main = departments.find((col) => roleOf(col) === 'plain');
  if (main === undefined || !departments.some((col) => roleOf(col) === 'helpers')) return undefined;
  const rest = departments.filter((col) => col !== main);
  assigned.lead = main;
  assigned.responsible = rest[0];
  extraResponsible.splice(0, extraResponsible.length, ...rest.slice(1));
  return main;
}

/**
 * Why a column has its role: 'header' when only its header says so, 'content' when only its cells do,
 * both when both add weight; confidence is their sum scaled to 0..1 (a vocabulary term alone 0.83, with
 * agreeing cells 1). `weight` is what the role adds to its header row's score.
 */
function explain(field: Field, col: number, s: Scored, header: string): { role: ColumnRole; weight: number } {
  const h = s.header[field] ?? 0;
  const k = s.content[field] ?? 0;
  const why: RoleWhy = h >= 0.3 && k >= 0.15 ? 'header+content' : h >= 0.3 ? 'header' : 'content';
  return {
    role: { field, col, header, why, confidence: Math.min(1, Math.round(((h + k) / 1.2) * 100) / 100) },
    weight: Math.min(h + k, 1.5),
  };
}

/**
 * A column's claim to hold the task text: its measure score, less what its header says it is instead,
 * and less when its cells look like a category (short texts merged or repeated down: 重点工作 over 文旅融合).
 */
function measureScore(s: Scored): number {
  let other = 0;
  for (const field of FIELDS)
    if (field !== 'measure' && field !== 'category') other = Math.max(other, s.header[field] ?? 0);
  return (s.total.measure ?? 0) - 0.6 * other - (s.content.category ?? 0);
}

/**
 * The column of task texts: the best measure score. A category header (工作任务, 重点任务) is a weak
 * measure word, so such a column is the measure exactly when no other column holds the task text
 * (SPEC §2: "When a table has only one column that can hold the task text, it is the measure").
 */
function chooseMeasure(scored: Map<number, Scored>, free: Set<number>): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  for (const col of free) {
    const s = measureScore(scored.get(col)!);
    if (s > bestScore) [best, bestScore] = [col, s];
  }
  return best;
}

/**
 * Of several progress columns (1-10月推进情况, 1-11月推进情况; 10月 / 11月; 二季度 / 三季度) the one for
 * the latest period is current; the others are kept out of the judgement. Without periods in their
 * headers the first is current.
 */
function chooseCurrentProgress(
  scored: Map<number, Scored>,
  free: Set<number>,
  byCol: Map<number, HeaderColumn>,
): { current?: number; older: number[] } {
  const progress: number[] = [];
  for (const col of free) {
    const s = scored.get(col)!;
    const h = s.header.progress ?? 0;
    const k = s.content.progress ?? 0;
    if (h >= NAMED * 0.9 || (h >= 0.4 && k >= 0.2) || (k >= 0.4 && (s.total.progress ?? 0) >= bestOther(s, 'progress')))
      progress.push(col);
  }
  if (progress.length < 2) return { older: [] };
  progress.sort((a, b) => a - b);
  const rank = (col: number) => {
    const c = byCol.get(col)!;
    return reportingPeriodRank(c.header) ?? reportingPeriodRank(c.group);
  };
  let current = progress[0];
  let currentRank = rank(current);
  for (const col of progress.slice(1)) {
    const r = rank(col);
    if (r !== null && (currentRank === null || compareReportingPeriods(r, currentRank) >= 0))
      [current, currentRank] = [col, r];
  }
  if (currentRank === null) return { older: [] };
  return { current, older: progress.filter((c) => c !== current) };
}

function bestOther(s: Scored, field: Field): number {
  let best = 0;
  for (const f of FIELDS) if (f !== field) best = Math.max(best, s.total[f] ?? 0);
  return best;
}

/**
 * Whether the assignment makes a breakdown table without the user saying so: a measure, and
 * - the measure and one more column named by the vocabulary (as always), or
 * - two breakdown columns (lead, responsible, owner, deadline, progress, done date) named by the
 *   vocabulary (工作任务 · 牵头单位 · 完成时限), or
 * - one named and another told by header words or by cells that only breakdown tables hold (unit
 *   names, deadline phrases, progress words), one of them by its cells, or
 * - none named, two hinted by header words (任务 · 时间) and two told by such cells.
 * A sheet of names and numbers (the 150 corpus workbooks) meets none of these.
 */
function acceptable(a: RoleAssignment, scored: Map<number, Scored>, profiles: Map<number, ColumnProfile>): boolean {
  const measure = a.columns.measure;
  if (measure === undefined) return false;
  const named = (field: Field, col: number) => {
    const s = scored.get(col);
    return s !== undefined && (s.evidence[field] ?? 0) >= NAMED && (s.header[field] ?? 0) >= NAMED * 0.7;
  };
  let namedAny = 0;
  let namedCore = 0;
  let supported = 0;
  let told = 0;
  let hintedCore = 0;
  for (const field of FIELDS) {
    const col = a.columns[field];
    if (col === undefined) continue;
    const isNamed = named(field, col);
    if (isNamed) namedAny++;
    if (!CORE.includes(field)) continue;
    if (isNamed) namedCore++;
    if ((scored.get(col)?.header[field] ?? 0) >= 0.3) hintedCore++;
    if (field === 'measure') continue;
    const isTold = breakdownContent(profiles.get(col));
    if (isTold) told++;
    if (isNamed || isTold || (scored.get(col)?.header[field] ?? 0) >= 0.3) supported++;
  }
  const measureNamed = named('measure', measure);
  if (measureNamed && namedAny >= 2) return true;
  if (namedCore - (measureNamed ? 1 : 0) >= 2) return true;
  if (namedCore >= 1) return supported >= 2 && told >= 1;
  // Terse headers (任务 · 责任 · 时间): their words and cells only breakdown tables hold.
  return hintedCore >= 2 && told >= 2;
}

/** Most of the column's cells are unit names, deadline phrases or progress words. */
function breakdownContent(p: ColumnProfile | undefined): boolean {
  if (!p || p.cells === 0) return false;
  return (p.kinds.unit + p.kinds.deadline + p.kinds.progress + p.kinds.person) * 2 >= p.cells;
}
