import { Lang } from '../i18n';

/** SPEC §4 statuses. */
export type StatusCode = 'overdue' | 'due_soon' | 'done_late' | 'done' | 'on_track' | 'ongoing' | 'needs_attention';

export const STATUS_CODES: StatusCode[] = [
  'overdue',
  'due_soon',
  'needs_attention',
  'done_late',
  'on_track',
  'ongoing',
  'done',
];

/** Worst first: a task with several obligations takes the worst of their statuses. */
const SEVERITY: Record<StatusCode, number> = {
  overdue: 7,
  due_soon: 6,
  needs_attention: 5,
  done_late: 4,
  on_track: 3,
  ongoing: 2,
  done: 1,
};

/** The worse of two statuses. */
export function worseStatus(a: StatusCode, b: StatusCode): StatusCode {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export interface StatusStyle {
  zh: string;
  en: string;
  /** Printed before the label so the status survives black-and-white printing and colour blindness. */
  symbol: string;
  fill: string;
  font: string;
}

export const STATUS_STYLES: Record<StatusCode, StatusStyle> = {
  overdue: { zh: '逾期', en: 'Overdue', symbol: '●', fill: '#FFC7CE', font: '#9C0006' },
  due_soon: { zh: '临期', en: 'Due soon', symbol: '▲', fill: '#FFEB9C', font: '#9C5700' },
  done_late: { zh: '逾期完成', en: 'Done late', symbol: '◆', fill: '#FCE4D6', font: '#833C0C' },
  done: { zh: '已完成', en: 'Done', symbol: '✔', fill: '#C6EFCE', font: '#006100' },
  on_track: { zh: '正常推进', en: 'On track', symbol: '○', fill: '#DDEBF7', font: '#1F4E78' },
  ongoing: { zh: '持续推进', en: 'Ongoing', symbol: '◎', fill: '#DDEBF7', font: '#1F4E78' },
  needs_attention: { zh: '待核实', en: 'Needs attention', symbol: '?', fill: '#EDEDED', font: '#595959' },
};

/**
 * "● 逾期" / "● Overdue": each status's symbol and label (SPEC §4), as the status column, the summary
 * sheet, the CLI's summary and the task pane show it. Built once: the status column asks per row.
 */
export const STATUS_LABELS: Readonly<Record<Lang, Readonly<Record<StatusCode, string>>>> = Object.freeze({
  zh: labelsIn('zh'),
  en: labelsIn('en'),
});

function labelsIn(lang: Lang): Readonly<Record<StatusCode, string>> {
  const labels = {} as Record<StatusCode, string>;
  for (const code of Object.keys(STATUS_STYLES) as StatusCode[])
    labels[code] = `${STATUS_STYLES[code].symbol} ${STATUS_STYLES[code][lang]}`;
  return Object.freeze(labels);
}
