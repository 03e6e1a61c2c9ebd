import { Obligation } from '../deadline/obligation';
import { Lang } from '../i18n';
import { STATUS_STYLES, StatusCode } from '../judge/status';

/** Picks the string of the report's language. */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

/** "● 逾期" — symbol and label, as in the status column. */
export function statusLabel(status: StatusCode, lang: Lang): string {
  const s = STATUS_STYLES[status];
  return `${s.symbol} ${s[lang]}`;
}

const PERIOD_WORD: Record<string, { zh: string; en: string }> = {
  week: { zh: '每周', en: 'week' },
  month: { zh: '每月', en: 'month' },
  quarter: { zh: '每季度', en: 'quarter' },
  'half-year': { zh: '每半年', en: 'half-year' },
  year: { zh: '每年', en: 'year' },
};

/** "07-01" → 7月1日, "10" → 10日. */
function byDay(by: string): string {
  const [a, b] = by.split('-').map(Number);
  return b === undefined ? `${a}日` : `${a}月${b}日`;
}

/** A requirement as a clerk would say it: 每月至少 1 次 / at least 1 per month, by day 10. */
export function describeObligation(o: Obligation, lang: Lang): string {
  switch (o.kind) {
    case 'recurring': {
      const word = PERIOD_WORD[o.period];
      const by = o.by ? pick(lang, `（${byDay(o.by)}前）`, ` (by ${o.by})`) : '';
      return pick(lang, `${word.zh}至少 ${o.minCount} 次${by}`, `at least ${o.minCount} per ${word.en}${by}`);
    }
    case 'deadline':
      return pick(lang, `${o.due} 前`, `by ${o.due}`);
    case 'relative': {
      const unit = { day: ['天', 'days'], workday: ['个工作日', 'working days'], month: ['个月', 'months'], year: ['年', 'years'] }[o.unit];
      return pick(lang, `${o.amount}${unit[0]}内`, `within ${o.amount} ${unit[1]}`);
    }
    case 'continuous':
      return pick(lang, '长期坚持', 'continuous');
    case 'unspecified':
      return pick(lang, '时限不明确', 'vague');
    case 'unknown':
      return pick(lang, '无法识别', 'not understood');
  }
}
