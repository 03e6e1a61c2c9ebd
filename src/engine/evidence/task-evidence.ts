import { DayNumber } from '../dates/civil-date';
import { periodByIndex, PeriodKind } from '../dates/periods';
import { CellValue, cellText, isDateValue, isEmptyCell } from '../model/workbook';
import { PeriodColumn } from '../table/detect-table';
import { Obligation } from '../deadline/obligation';
import { normalizeText } from '../text/normalize';
import { sharedBigrams } from '../text/similarity';
import { dateInCell, datesInText } from './cell-dates';
import { TextByYearCache } from '../cache/bounded-cache';
import { periodMark, progressRecord, ProgressState, progressState } from './progress-words';

/** One dated activity (a log entry, a date in a period column or in the progress text). */
export interface Activity {
  day: DayNumber;
  description: string;
}

/** An undated count for one period (a ✓ or a number in a 3月 column). */
export interface PeriodCount {
  kind: PeriodKind;
  year: number;
  index: number;
  count: number;
}

/**
 * What a row's own cells say about what was done (SPEC §2 layouts 1–3). The dated activities are
 * assembled separately (taskActivities), together with the log sheet's (layout 4).
 */
export interface TaskEvidence {
  progress: ProgressState;
  progressText: string;
  doneDay: DayNumber | null;
  startDay: DayNumber | null;
  /** null when the table has no evidence column. */
  hasEvidence: boolean | null;
  periodCounts: readonly PeriodCount[];
  /** Layout 3: a count column with an optional last date. */
  tally: { count: number; lastDay: DayNumber | null } | null;
  /**
   * True when periodCounts / tally were read from the progress text (上半年已开展, 已开展4次) rather than
   * from period or count columns: the dates written in the same text then still count as activities.
   */
  fromProgressText?: boolean;
  absurd: Array<{ field: string; text: string }>;
}

export interface EvidenceCells {
  progress: CellValue | undefined;
  doneDate: CellValue | undefined;
  startDate: CellValue | undefined;
  evidence: CellValue | undefined;
  hasEvidenceColumn: boolean;
  count: CellValue | undefined;
  lastDate: CellValue | undefined;
  periodValues: Array<{ column: PeriodColumn; value: CellValue }>;
  /** The row's measure text: a done count below the target it states is not done (SPEC §2). */
  measure?: string;
  /**
   * Other text of the row that may state the target or the stage due: the deadline cell (10月底前主体封顶), a
   * content column the table leaves unassigned (建设内容及目标: 完成管网改造80公里). Read like the measure.
   */
  targetText?: string;
}

/** The row's evidence and the activities its own cells date (period columns, a last date). */
export function gatherEvidence(
  cells: EvidenceCells,
  year: number,
  date1904: boolean,
): { evidence: TaskEvidence; activities: Activity[] } {
  const absurd: TaskEvidence['absurd'] = [];
  const dayOf = (field: string, value: CellValue | undefined): DayNumber | null => {
    const d = dateInCell(value ?? null, year, date1904);
    if (d && 'absurd' in d) absurd.push({ field, text: d.absurd });
    return d && 'day' in d ? d.day : null;
  };
  const progressText = cellText(cells.progress ?? null);
  let doneDay = dayOf('doneDate', cells.doneDate);
  if (doneDay === null && progressText) {
    const inText = datesInText(progressText, year);
    if (inText.length > 0) doneDay = Math.max(...inText);
  }
  const activities: Activity[] = [];
  const periodCounts: PeriodCount[] = [];
  for (const { column, value } of cells.periodValues) {
    if (isEmptyCell(value)) continue;
    const counted = (count: number) => periodCounts.push({ kind: column.period, year, index: column.index, count });
    // A date (or a serial large enough to be one) is an activity on that day; a small number is a count.
    if (isDateValue(value) || (typeof value === 'number' && value > 1000)) {
      const day = dayOf('period', value);
      if (day !== null) activities.push({ day, description: '' });
      continue;
    }
    if (typeof value === 'number') {
      counted(Math.max(0, Math.floor(value)));
      continue;
    }
    const text = cellText(value);
    const dates = datesInText(text, year);
    if (dates.length > 0) {
      for (const day of dates) activities.push({ day, description: text });
      continue;
    }
    counted(countInMarkText(text));
  }
  let tally: TaskEvidence['tally'] = null;
  const countText = cellText(cells.count ?? null);
  if (countText !== '') {
    const n = Number(/\d+/.exec(countText)?.[0] ?? NaN);
    if (Number.isFinite(n)) tally = { count: n, lastDay: dayOf('lastDate', cells.lastDate) };
  } else if (!isEmptyCell(cells.lastDate ?? null)) {
    const lastDay = dayOf('lastDate', cells.lastDate);
    if (lastDay !== null) activities.push({ day: lastDay, description: '' });
  }
  // SPEC §2: progress text is evidence too, when the row's columns record no periods or count of their own.
  let fromProgressText = false;
  let counts: readonly PeriodCount[] = periodCounts;
  if (progressText && periodCounts.length === 0 && tally === null) {
    const record = textRecords.get(year, progressText, periodCountsInText);
    if (record.periodCounts.length > 0 || record.count !== null) {
      fromProgressText = true;
      counts = record.periodCounts;
      // A count beside dates in the same text (已于3月5日、6月8日开展2次) counts the dated activities again.
      if (record.count !== null && datesInText(progressText, year).length === 0)
        tally = { count: record.count, lastDay: null };
    }
  }
  const evidence: TaskEvidence = {
    progress: progressState(progressText, cells.measure, cells.targetText),
    progressText,
    doneDay,
    startDay: dayOf('startDate', cells.startDate),
    hasEvidence: cells.hasEvidenceColumn ? !isEmptyCell(cells.evidence ?? null) : null,
    periodCounts: counts,
    tally,
    absurd,
  };
  if (fromProgressText) evidence.fromProgressText = true;
  return { evidence, activities };
}

interface TextRecord {
  readonly periodCounts: readonly PeriodCount[];
  readonly count: number | null;
}

/** Progress texts repeat down a table: each one's periods, placed in the table's year, are built once (frozen, shared). */
const textRecords = new TextByYearCache<TextRecord>();

function periodCountsInText(text: string, year: number): TextRecord {
  const { periods, count } = progressRecord(text);
  const periodCounts = periods.map((p) =>
    Object.freeze({ kind: p.kind, year: p.year ?? year, index: p.index, count: p.count }),
  );
  return Object.freeze({ periodCounts: Object.freeze(periodCounts), count });
}

/** A period cell's text: ✓ / 已开展 = 1, × / 未开展 = 0, "开展2次" = 2, other done wording = 1. */
function countInMarkText(text: string): number {
  const mark = periodMark(text);
  if (mark !== 'text') return mark === 'yes' ? 1 : 0;
  const times = /(\d+)次/.exec(text);
  if (times) return Number(times[1]);
  return progressState(text) === 'done' ? 1 : 0;
}

/** How many activities an undated period count contributes to `kind`/`index` of `year`, at `min` per period. */
export function countFromPeriodCounts(
  counts: readonly PeriodCount[],
  kind: PeriodKind,
  year: number,
  index: number,
  min: number,
): number {
  const target = periodByIndex(kind, year, index);
  let total = 0;
  for (const pc of counts) {
    const p = periodByIndex(pc.kind, pc.year, pc.index);
    if (p.start >= target.start && p.end <= target.end) total += pc.count;
    else if (p.start <= target.start && p.end >= target.end) {
      // A coarser column (一季度) proves each month in it only when it holds enough for all of them.
      const inner = Math.round((p.end - p.start) / (target.end - target.start + 1));
      if (pc.count >= Math.max(1, inner) * min) total += min;
    }
  }
  return total;
}

/** A task's dated activities, as each of its obligations counts them. */
export interface TaskActivities {
  /** Aligned with the task's obligations: the activities each one counts. */
  byObligation: Activity[][];
  /** The earliest activity after the as-of date (it proves nothing yet), or null. */
  future: DayNumber | null;
}

/**
 * Every dated activity of a task, assembled in one place: its own cells' (`own`) and the log sheet's
 * (`logged`); failing those (layout 1), the dates written in the progress text, or the done date.
 * Activities after the as-of date are set apart. When a task has several recurring obligations, an
 * undescribed activity counts for all of them and a described one only for the recurring obligation
 * whose words it shares most.
 */
export function taskActivities(
  ev: TaskEvidence,
  own: Activity[],
  logged: readonly Activity[],
  obligations: readonly Obligation[],
  year: number,
  asOf: DayNumber,
): TaskActivities {
  let all: Activity[] = own.length === 0 ? (logged as Activity[]) : logged.length === 0 ? own : [...own, ...logged];
  if (all.length === 0 && (ev.fromProgressText === true || (ev.periodCounts.length === 0 && ev.tally === null))) {
    all = [];
    for (const day of datesInText(ev.progressText, year)) all.push({ day, description: ev.progressText });
    if (all.length === 0 && ev.doneDay !== null && ev.progress !== 'not_done')
      all.push({ day: ev.doneDay, description: '' });
  }
  let future: DayNumber | null = null;
  for (const a of all) if (a.day > asOf && (future === null || a.day < future)) future = a.day;
  const past = future === null ? all : all.filter((a) => a.day <= asOf);
  const recurring = obligations.length > 1 ? obligations.filter((o) => o.kind === 'recurring') : [];
  const byObligation =
    recurring.length > 1 && past.length > 0 ? shareOut(past, obligations, recurring) : obligations.map(() => past);
  return { byObligation, future };
}

function shareOut(all: Activity[], obligations: readonly Obligation[], recurring: Obligation[]): Activity[][] {
  const lists = new Map<Obligation, Activity[]>(obligations.map((o) => [o, []]));
  const keys = recurring.map((o) => normalizeText(`${o.text ?? ''}${o.rule?.keyword ?? ''}`));
  for (const a of all) {
    if (!a.description) {
      for (const list of lists.values()) list.push(a);
      continue;
    }
    const d = normalizeText(a.description);
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < recurring.length; i++) {
      const score = sharedBigrams(keys[i], d);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    lists.get(recurring[best])!.push(a);
  }
  return obligations.map((o) => lists.get(o)!);
}
