import { PeriodKind } from '../dates/periods';
import { parseCount } from '../text/chinese-numbers';
import { normalizeHeader } from '../text/normalize';

export type Field =
  | 'id'
  | 'category'
  | 'measure'
  | 'lead'
  | 'responsible'
  | 'owner'
  | 'deadline'
  | 'progress'
  | 'doneDate'
  | 'evidence'
  | 'startDate'
  | 'count'
  | 'lastDate'
  | 'notes';

export const FIELDS: Field[] = ['id', 'category', 'measure', 'lead', 'responsible', 'owner', 'deadline', 'progress', 'doneDate', 'evidence', 'startDate', 'count', 'lastDate', 'notes'];

/**
 * SPEC §2 column vocabulary (simplified; traditional input is simplified before matching), plus
 * wordings clerks use beyond it (具体举措, 牵头责任单位, 计划完成时间 …). Longer terms win over the
 * shorter ones they contain: 牵头责任单位 is the lead, 计划完成时间 a deadline, not a done date.
 */
const VOCABULARY: Record<Field, string[]> = {
  id: ['序号', '编号', '任务编号', '项目编号', 'no', 'id', '#'],
  category: ['工作任务', '任务类别', '重点任务', '方面', '类别', '一级任务', '任务分类', '类型', 'category'],
  measure: ['具体措施', '工作措施', '任务内容', '主要内容', '工作要点', '落实措施', '工作内容', '具体任务', '重点工作', '具体举措', '工作举措', '主要举措', '落实举措', '举措', 'measure', 'task', 'measures'],
  lead: ['牵头部门', '牵头单位', '牵头处室', '牵头领导', '牵头', '牵头责任单位', '牵头责任部门', '主责部门', '主责单位', 'lead', 'leaddepartment'],
  responsible: ['责任部门', '责任单位', '责任处室', '配合部门', '参与单位', '配合单位', '协办部门', '协办单位', '协同单位', 'responsible', 'responsibledepartments'],
  owner: ['责任人', '联系人', '经办人', '责任领导', '分管领导', 'owner', 'contact'],
  deadline: ['完成时限', '时间节点', '完成时间要求', '时限要求', '进度安排', '时限', '完成期限', '截止时间', '截止日期', '计划完成时间', '计划完成时限', '预计完成时间', '时间安排', 'deadline', 'due', 'duedate'],
  progress: ['完成情况', '进展情况', '落实情况', '工作进展', '进展', '推进情况', '进度', 'status', 'progress'],
  doneDate: ['完成时间', '完成日期', '办结时间', '办结日期', '实际完成时间', 'doneon', 'completed', 'completedon'],
  evidence: ['佐证材料', '佐证', '附件', '支撑材料', '证明材料', 'evidence'],
  startDate: ['起始日期', '交办日期', '出缺日期', '起算日期', '开始日期', '开始时间', 'start', 'startdate'],
  count: ['已开展次数', '开展次数', '完成次数', '次数', 'count', 'times'],
  lastDate: ['最近开展时间', '最近完成时间', '最近一次', '最近开展日期', '上次开展时间', 'lastdone', 'last'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks'],
};

const EXACT = new Map<string, Field>();
const CONTAINED: Array<[string, Field]> = [];
for (const field of FIELDS) {
  for (const term of VOCABULARY[field]) {
    EXACT.set(term, field);
    if (/[\u4e00-\u9fff]/.test(term) && term.length >= 2) CONTAINED.push([term, field]);
  }
}
// Longest first, so 完成时间要求 (deadline) beats 完成时间 (done date).
CONTAINED.sort((a, b) => b[0].length - a[0].length);

/** Header cells longer than this are titles or notes, not column names. */
const MAX_HEADER_LENGTH = 12;

export type HeaderMeaning = { field: Field } | { period: PeriodKind; index: number };

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function periodHeader(h: string): HeaderMeaning | null {
  const text = h.replace(/^(?:19|20)\d{2}年?/, '');
  let m = /^(\d{1,2}|[一二三四五六七八九十]{1,3})月份?$/.exec(text);
  if (m) {
    const month = parseCount(m[1]);
    return month && month <= 12 ? { period: 'month', index: month } : null;
  }
  m = /^第?([一二三四1-4])季度?$/.exec(text) ?? /^q([1-4])$/.exec(text);
  if (m) return { period: 'quarter', index: parseCount(m[1])! };
  if (text === '上半年' || text === 'h1') return { period: 'half-year', index: 1 };
  if (text === '下半年' || text === 'h2') return { period: 'half-year', index: 2 };
  const en = MONTHS_EN.indexOf(text.slice(0, 3));
  if (en >= 0 && /^[a-z]{3,9}$/.test(text)) return { period: 'month', index: en + 1 };
  return null;
}

/** What a header cell names, or null. */
export function classifyHeader(raw: string): HeaderMeaning | null {
  // Long texts are never column names; checking first keeps huge cells from being normalised at all.
  if (raw.length > 80) return null;
  const h = normalizeHeader(raw);
  if (!h || h.length > MAX_HEADER_LENGTH * 2) return null;
  const period = periodHeader(h);
  if (period) return period;
  const exact = EXACT.get(h);
  if (exact) return { field: exact };
  if (h.length > MAX_HEADER_LENGTH) return null;
  for (const [term, field] of CONTAINED) if (h.includes(term)) return { field };
  return null;
}
