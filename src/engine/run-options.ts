/**
 * What a run takes from the user besides the workbook, read the same way by the CLI and the add-in:
 * the as-of date's default (SPEC §4: "default today"), the run log's time, and the column overrides
 * (SPEC §2: "the user can override … any column").
 */
import { Message } from './i18n';
import { columnIndex, columnLetter, EXCEL_MAX_COLUMNS } from './model/workbook';
import { LayoutOverride } from './table/detect-table';
import { Field, FIELDS } from './table/vocabulary';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Today as the user's calendar shows it, YYYY-MM-DD: the date in the machine's local time zone, not
 * UTC (in Beijing, UTC still says yesterday until 08:00). The default as-of date.
 */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Local wall-clock time to the minute, "YYYY-MM-DD HH:MM": when the run happened, for the run log. */
export function runAt(now: Date = new Date()): string {
  return `${today(now)} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** Why a part of a column override was not understood. */
export type ColumnProblemReason = 'not_field_letters' | 'unknown_field' | 'beyond_last_column';

/** A part of a column override that was not understood: the part as the user wrote it, and why. */
export interface ColumnOverrideProblem {
  part: string;
  reason: ColumnProblemReason;
  message: Message;
}

export interface ColumnOverrides {
  /** Field → column letters (upper case), ready for LayoutOverride.columns; {} when none. */
  columns: NonNullable<LayoutOverride['columns']>;
  /** In the order written; the parts understood are in `columns` all the same. */
  problems: ColumnOverrideProblem[];
}

const FIELD_BY_LOWER = new Map<string, Field>(FIELDS.map((f) => [f.toLowerCase(), f]));
const FIELD_LIST = FIELDS.join(' ');
const LAST_COLUMN = columnLetter(EXCEL_MAX_COLUMNS - 1);

function problem(part: string, reason: ColumnProblemReason): ColumnOverrideProblem {
  const message: Record<ColumnProblemReason, Message> = {
    not_field_letters: {
      zh: `“${part}”应写成 字段=列字母（如 measure=C），字段为 ${FIELD_LIST}`,
      en: `"${part}" should be FIELD=LETTERS (e.g. measure=C), FIELD one of ${FIELD_LIST}`,
    },
    unknown_field: {
      zh: `“${part}”：字段应为 ${FIELD_LIST} 之一`,
      en: `"${part}": the field must be one of ${FIELD_LIST}`,
    },
    beyond_last_column: {
      zh: `“${part}”：超出了 Excel 的最后一列 ${LAST_COLUMN}`,
      en: `"${part}": past Excel's last column, ${LAST_COLUMN}`,
    },
  };
  return { part, reason, message: message[reason] };
}

/**
 * Column overrides as the README writes them, "measure=C" (fields: id category measure lead
 * responsible owner deadline progress doneDate evidence startDate count lastDate notes), into the
 * engine's LayoutOverride columns. `specs` is one text ("measure=C, lead=D", the pane's setting) or a
 * list (one per --column); either may hold several parts, separated by commas, semicolons, 、 or spaces.
 * Typed on a Chinese keyboard also works: full-width letters and ＝ ， ；, ： for =, spaces around =,
 * and 列 after the letters (deadline＝Ｆ列). Field names ignore letter case; the last part for a field
 * wins. Letters past XFD, Excel's last column, are a problem like any other; nothing throws.
 */
export function parseColumnOverrides(specs: string | readonly string[]): ColumnOverrides {
  const columns: ColumnOverrides['columns'] = {};
  const problems: ColumnOverrideProblem[] = [];
  for (const spec of typeof specs === 'string' ? [specs] : specs) {
    const parts = spec.replace(/\s*([=＝:：])\s*/g, '$1').split(/[,，;；、\s]+/);
    for (const part of parts) {
      if (part === '') continue;
      // NFKC turns full-width letters and ＝ ： into their ASCII forms; the part is reported as written.
      const m = /^([^=:]+)[=:]\$?([A-Za-z]{1,3})列?$/.exec(part.normalize('NFKC'));
      const field = m ? FIELD_BY_LOWER.get(m[1].toLowerCase()) : undefined;
      const letters = m?.[2].toUpperCase();
      if (!m || letters === undefined) problems.push(problem(part, 'not_field_letters'));
      else if (field === undefined) problems.push(problem(part, 'unknown_field'));
      else if (columnIndex(letters)! >= EXCEL_MAX_COLUMNS) problems.push(problem(part, 'beyond_last_column'));
      else columns[field] = letters;
    }
  }
  return { columns, problems };
}
