import { formatIso } from '../dates/civil-date';
import { normalizeText } from '../text/normalize';
import { compactDay, findDates, withoutTimeOfDay } from './date-phrases';
import { CONTINUOUS_WORDS, findFrequencies, findRelatives, VAGUE_WORDS } from './frequency-phrases';
import { Obligation } from './obligation';

/**
 * Reads a deadline cell's text (SPEC §3): exactly one obligation, `unknown` when nothing fits.
 * `year` is the table's year, used when the text names none.
 *
 * Precedence, from most to least concrete: a frequency (每月…), a time limit (6个月内), a date (the
 * latest, when a cell names stages: "6月底前完成初稿，年底前完成" is due at year end), continuous
 * wording, vague wording, unknown.
 */
export function parseDeadlineText(raw: string, year: number): Obligation {
  const text = normalizeText(withoutTimeOfDay(raw));
  if (!text) return { kind: 'unknown', text };
  if (/贯穿全年|全年持续/.test(text)) return { kind: 'continuous', text };

  const frequency = findFrequencies(text).find((f) => !f.achievement);
  if (frequency) {
    return {
      kind: 'recurring',
      period: frequency.period,
      minCount: frequency.count && frequency.count > 0 ? frequency.count : 1,
      ...(frequency.by ? { by: frequency.by } : {}),
      text,
    };
  }
  const relative = findRelatives(text)[0];
  if (relative) return { kind: 'relative', amount: relative.amount, unit: relative.unit, text };

  const dates = findDates(text, year);
  if (dates.length > 0) {
    const latest = Math.max(...dates.map((d) => d.day));
    return { kind: 'deadline', due: formatIso(latest), text };
  }
  const compact = compactDay(text, year);
  if (compact !== null) return { kind: 'deadline', due: formatIso(compact), text };
  if (CONTINUOUS_WORDS.test(text)) return { kind: 'continuous', text };
  if (VAGUE_WORDS.test(text)) return { kind: 'unspecified', text };
  return { kind: 'unknown', text };
}
