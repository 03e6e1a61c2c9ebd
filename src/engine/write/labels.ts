import { Obligation } from '../deadline/obligation';
import { Lang } from '../i18n';
import { STATUS_LABELS, StatusCode } from '../judge/status';

export { STATUS_LABELS };

/** Picks the string of the report's language. */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

/** "● 逾期" — symbol and label, as in the status column. */
export function statusLabel(status: StatusCode, lang: Lang): string {
  return STATUS_LABELS[lang][status];
}

const PERIOD_WORD: Record<string, { zh: string; en: string }> = {
  week: { zh: '每周', en: 'week' },
  month: { zh: '每月', en: 'month' },
  quarter: { zh: '每季度', en: 'quarter' },
  'half-year': { zh: '每半年', en: 'half-year' },
  year: { zh: '每年', en: 'year' },
};

/**
 * The day a period's obligation is due by (Obligation's `by`): "10" → 10日 / day 10 (a month);
 * "07-01" → 7月1日 / 07-01 (a year: its months are the calendar's); "01-20" of a quarter or half-year
 * → 第1个月20日 / day 20 of its month 1.
 */
function byDay(by: string, period: string, lang: Lang): string {
  const [a, b] = by.split('-').map(Number);
  if (b === undefined) return pick(lang, `${a}日`, `day ${a}`);
  if (period === 'year') return pick(lang, `${a}月${b}日`, by);
  return pick(lang, `第${a}个月${b}日`, `day ${b} of its month ${a}`);
}

/** A requirement as a clerk would say it: 每月至少 1 次 / at least 1 per month, by day 10. */
export function describeObligation(o: Obligation, lang: Lang): string {
  switch (o.kind) {
    case 'recurring': {
      const word = PERIOD_WORD[o.period];
      const by = o.by ? pick(lang, `（${byDay(o.by, o.period, lang)}前）`, ` (by ${byDay(o.by, o.period, lang)})`) : '';
      const from = o.from ? pick(lang, `，自 ${o.from} 起`, `, from ${o.from}`) : '';
      return pick(
        lang,
        `${word.zh}至少 ${o.minCount} 次${by}${from}`,
        `at least ${o.minCount} per ${word.en}${by}${from}`,
      );
    }
    case 'deadline':
      return pick(lang, `${o.due} 前`, `by ${o.due}`);
    case 'relative': {
      const unit = {
        day: ['天', 'days'],
        workday: ['个工作日', 'working days'],
        month: ['个月', 'months'],
        year: ['年', 'years'],
      }[o.unit];
      return pick(lang, `${o.amount}${unit[0]}内`, `within ${o.amount} ${unit[1]}`);
    }
    case 'continuous':
      return pick(lang, '长期坚持', 'continuous');
    case 'immediate':
      return pick(lang, '立行立改', 'at once');
    case 'unspecified':
      return pick(lang, '时限不明确', 'vague');
    case 'unknown':
      return pick(lang, '无法识别', 'not understood');
  }
}
