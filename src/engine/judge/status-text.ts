import { formatIso } from '../dates/civil-date';
import { Period, periodDisplay } from '../dates/periods';
import { Lang } from '../i18n';
import { STATUS_LABELS, StatusCode } from './status';

export interface StatusReason {
  status: StatusCode;
  daysOverdue: number;
  daysLate: number;
  due: number | null;
  missed: readonly Period[];
  /** For needs_attention: the first finding's message. */
  attention?: string;
}

/** The status column's text (SPEC §4): "● 逾期 12 天", "● 逾期：缺 3月、7月（最早已逾期 234 天）". */

/**
 * "缺 3月、7月": thousands of rows share one frozen list of missed periods (one verdict per record),
 * so each shared list is spelled out once per language.
 */
function missedText(missed: readonly Period[], lang: Lang): string {
  if (!Object.isFrozen(missed)) return spellMissed(missed, lang);
  let texts = missedTexts.get(missed);
  if (!texts) missedTexts.set(missed, (texts = {}));
  return (texts[lang] ??= spellMissed(missed, lang));
}

const missedTexts = new WeakMap<readonly Period[], Partial<Record<Lang, string>>>();

function spellMissed(missed: readonly Period[], lang: Lang): string {
  return lang === 'zh'
    ? `缺 ${missed.map((p) => periodDisplay(p, lang)).join('、')}`
    : `missed ${missed.map((p) => periodDisplay(p, lang)).join(', ')}`;
}

export function statusText(r: StatusReason, lang: Lang): string {
  const head = STATUS_LABELS[lang][r.status];
  const zh = lang === 'zh';
  const parts: string[] = [];
  switch (r.status) {
    case 'overdue':
      // A recurring task's day count is the earliest missed period's: said so, after the periods.
      if (r.missed.length > 0) {
        const days = zh
          ? `（最早已逾期 ${r.daysOverdue} 天）`
          : ` (the earliest ${r.daysOverdue} day${r.daysOverdue === 1 ? '' : 's'} ago)`;
        parts.push(`${head}${zh ? '：' : ': '}${missedText(r.missed, lang)}${days}`);
      } else if (r.due === null)
        parts.push(head); // immediate, with no start date: overdue, no day count
      else
        parts.push(
          zh ? `${head} ${r.daysOverdue} 天` : `${head} by ${r.daysOverdue} day${r.daysOverdue === 1 ? '' : 's'}`,
        );
      break;
    case 'due_soon':
      if (r.due !== null) parts.push(zh ? `${head}：${formatIso(r.due)} 到期` : `${head}: due ${formatIso(r.due)}`);
      else parts.push(head);
      break;
    case 'done_late':
      parts.push(
        zh ? `${head}（晚 ${r.daysLate} 天）` : `${head} (${r.daysLate} day${r.daysLate === 1 ? '' : 's'} late)`,
      );
      break;
    case 'on_track':
      parts.push(
        r.due !== null ? (zh ? `${head}（${formatIso(r.due)} 到期）` : `${head} (due ${formatIso(r.due)})`) : head,
      );
      break;
    case 'needs_attention':
      parts.push(r.attention ? `${head}${zh ? '：' : ': '}${r.attention}` : head);
      break;
    default:
      parts.push(head);
  }
  return parts.join(zh ? '；' : '; ');
}
