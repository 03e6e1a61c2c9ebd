import { PeriodKind } from '../dates/periods';
import { parseCount } from '../text/chinese-numbers';
import { BoundedCache } from '../cache/bounded-cache';
import { normalizeHeader, normalizeText } from '../text/normalize';

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

export const FIELDS: Field[] = [
  'id',
  'category',
  'measure',
  'lead',
  'responsible',
  'owner',
  'deadline',
  'progress',
  'doneDate',
  'evidence',
  'startDate',
  'count',
  'lastDate',
  'notes',
];

/**
 * SPEC §2 column vocabulary (simplified; traditional input is simplified before matching), plus
 * wordings clerks use beyond it (具体举措, 牵头责任单位, 计划完成时间, 具体要求, 主办单位, 责任科室 …).
 * Longer terms win over the shorter ones they contain: 牵头责任单位 is the lead, 计划完成时间 a
 * deadline, not a done date. A header this list misses is still read by the words it is made of
 * (headerEvidence) and by its column's cells (column-content.ts). Category words (工作任务, 问题清单)
 * also hint at the task text: such a column is the measure when no other column holds the task.
 */
const VOCABULARY: Record<Field, string[]> = {
  id: ['序号', '编号', '任务编号', '项目编号', '序列号', 'no', 'id', '#'],
  category: [
    '工作任务',
    '任务类别',
    '重点任务',
    '方面',
    '类别',
    '一级任务',
    '二级任务',
    '任务分类',
    '类型',
    '重点领域',
    '工作类别',
    '领域',
    '板块',
    '问题清单',
    '存在问题',
    '问题描述',
    '主要问题',
    '问题类别',
    'category',
  ],
  measure: [
    '具体措施',
    '工作措施',
    '任务内容',
    '主要内容',
    '工作要点',
    '落实措施',
    '工作内容',
    '具体任务',
    '重点工作',
    '具体举措',
    '工作举措',
    '主要举措',
    '落实举措',
    '举措',
    '具体要求',
    '工作要求',
    '目标任务',
    '工作目标',
    '整改措施',
    '整改任务',
    '整改内容',
    '任务名称',
    '工作事项',
    '任务事项',
    '重点事项',
    '推进措施',
    '具体工作',
    '目标要求',
    '主要任务',
    '具体内容',
    '工作安排',
    '事项名称',
    'measure',
    'task',
    'measures',
  ],
  lead: [
    '牵头部门',
    '牵头单位',
    '牵头处室',
    '牵头领导',
    '牵头',
    '牵头责任单位',
    '牵头责任部门',
    '主责部门',
    '主责单位',
    '主责科室',
    '主办单位',
    '主办部门',
    '主办处室',
    '主办科室',
    '主管部门',
    '主管单位',
    '牵头科室',
    '牵头股室',
    '牵头负责单位',
    '总牵头单位',
    'lead',
    'leaddepartment',
  ],
  responsible: [
    '责任部门',
    '责任单位',
    '责任处室',
    '配合部门',
    '参与单位',
    '配合单位',
    '协办部门',
    '协办单位',
    '协同单位',
    '责任科室',
    '责任股室',
    '承办单位',
    '承办部门',
    '承办处室',
    '承办科室',
    '配合科室',
    '配合股室',
    '协同部门',
    '协同责任单位',
    '配合责任单位',
    '责任主体',
    '实施单位',
    '实施主体',
    '落实单位',
    '参与部门',
    '协助单位',
    '负责单位',
    '负责部门',
    '负责科室',
    '具体责任单位',
    '责任股',
    '责任科',
    'responsible',
    'responsibledepartments',
  ],
  owner: [
    '责任人',
    '联系人',
    '经办人',
    '责任领导',
    '分管领导',
    '负责人',
    '包保领导',
    '联系领导',
    '分管县领导',
    '分管市领导',
    '具体负责人',
    'owner',
    'contact',
  ],
  deadline: [
    '完成时限',
    '时间节点',
    '完成时间要求',
    '时限要求',
    '进度安排',
    '时限',
    '完成期限',
    '截止时间',
    '截止日期',
    '计划完成时间',
    '计划完成时限',
    '预计完成时间',
    '时间安排',
    '办结时限',
    '整改时限',
    '整改期限',
    '完成节点',
    '时间要求',
    '时序进度',
    '完成时间节点',
    'deadline',
    'due',
    'duedate',
  ],
  progress: [
    '完成情况',
    '进展情况',
    '落实情况',
    '工作进展',
    '进展',
    '推进情况',
    '进度',
    '整改情况',
    '整改进展',
    '完成进度',
    '办理情况',
    '落实进展',
    '整改完成情况',
    '执行情况',
    // Status columns (issue 15): 办理状态 holds 已办结 / 推进中 / 待办理.
    '办理状态',
    '整改状态',
    '完成状态',
    '进展状态',
    '推进状态',
    '落实状态',
    '执行状态',
    '任务状态',
    '当前状态',
    '工作状态',
    '办结情况',
    '办理进度',
    '办理进展',
    '整改进度',
    '推进进展',
    '当前进展',
    '是否完成',
    '是否办结',
    '是否落实',
    '是否整改到位',
    '是否销号',
    'status',
    'progress',
  ],
  doneDate: [
    '完成时间',
    '完成日期',
    '办结时间',
    '办结日期',
    '实际完成时间',
    '销号时间',
    '整改完成时间',
    'doneon',
    'completed',
    'completedon',
  ],
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

/** What a header cell names, or null: its strongest field when the vocabulary names it (see headerEvidence). */
export function classifyHeader(raw: string): HeaderMeaning | null {
  const evidence = headerEvidence(raw);
  if (evidence.period) return evidence.period;
  let best: Field | null = null;
  for (const field of FIELDS) {
    const w = evidence.fields[field];
    if (w !== undefined && w >= NAMED && (best === null || w > evidence.fields[best]!)) best = field;
  }
  return best ? { field: best } : null;
}

/** Weights of header evidence: an exact term, a term inside the header, the words a header is made of. */
export const EXACT_WEIGHT = 1;
export const CONTAINED_WEIGHT = 0.8;
/** From this weight on the header alone names the field (the vocabulary knows it). */
export const NAMED = 0.75;

/** What a header cell says about its column: field → weight 0..1, or a period (1月, 一季度 …). */
export interface HeaderEvidence {
  fields: Partial<Record<Field, number>>;
  period?: { period: PeriodKind; index: number };
  /** A schedule mark (是否达序): its column is not the progress, whatever its cells (issue 15). */
  scheduleMark?: true;
}

const NO_EVIDENCE: HeaderEvidence = Object.freeze({ fields: Object.freeze({}) }) as HeaderEvidence;

/**
 * A schedule mark (是否达序, 是否达到序时进度, 是否滞后: 是 / 否 "on schedule?"), not done / not done
 * (issue 15): never the progress column, though its cells are 是 / 否.
 */
const SCHEDULE_MARK = /达序|是否.{0,4}(?:序时|滞后|超期|逾期)/;

/**
 * The words a header is made of, when the vocabulary has no term for it: 归口科室 names a department
 * column, 时间进度 a time, 包保领导 a person. Weaker than a term (below NAMED): the column's cells
 * decide with them (SPEC §2 "Real tables say it in many more ways").
 */
const HINTS: Array<{ test: RegExp; unless?: RegExp; fields: Partial<Record<Field, number>> }> = [
  { test: /领导|负责人|责任人|联系人|经办人|姓名|包保|分管/, fields: { owner: 0.7 } },
  { test: /时限|期限|时间|日期|节点|截止|时序|期间|时段/, fields: { deadline: 0.45, doneDate: 0.3 } },
  { test: /(?:完成|办结|实际|销号).*(?:时间|日期)/, unless: /计划|要求|预计|拟/, fields: { doneDate: 0.5 } },
  { test: /情况|进展|进度|成效|结果|推进|状态/, unless: SCHEDULE_MARK, fields: { progress: 0.45 } },
  {
    test: /任务|措施|举措|内容|要求|事项|目标|问题|工作|项目|要点|清单|名称|安排|计划|方案|摘要|描述|task|measure|item|description/,
    fields: { measure: 0.4 },
  },
  // The action words: 主要措施, 细化措施, 任务措施 name the task text more surely than 工作 or 项目 do.
  { test: /措施|举措/, fields: { measure: 0.6 } },
  { test: /类别|分类|领域|方面|板块|类型|层级|一级|二级/, fields: { category: 0.45 } },
  { test: /备注|说明|附注/, fields: { notes: 0.6 } },
  { test: /序号|编号/, fields: { id: 0.6 } },
  { test: /佐证|附件|材料|证明/, fields: { evidence: 0.5 } },
];

/** A department column (归口科室, 实施主体 …); its role word says lead or responsible, else the cells and the order do. */
const UNIT_WORD = /单位|部门|处室|科室|股室|机构|主体|部室|[科股处室局委]$/;
const LEAD_ROLE = /牵头|主办|主责|主管|主抓|总负责/;
const RESPONSIBLE_ROLE = /责任|承办|协办|配合|参与|协同|协助|实施|落实|负责|具体|归口/;
/** Words that make a department column the helpers' (配合单位, 协办部门, 协同责任单位 …). */
const HELPER_ROLE = /配合|协办|协同|参与|协助|协作|辅助|会同/;
/**
 * A note that the first unit listed leads, in a header (责任单位（列第一位的为牵头单位）) or a department cell
 * (首位单位为牵头单位, 排在首位的为牵头单位, 第一个为牵头单位, 牵头单位为第一个): the one pattern of both.
 */
export const FIRST_UNIT_LEADS =
  /(?:首位|首个|首家|居首|第[一1](?:个|位|家|名)|(?:排在|排名|排|列在|列|名列|位列|位居|居)(?:第[一1]|首|最前|前面))[^,;:()]{0,6}?(?:牵头|主责|主办)|(?:牵头|主责)(?:单位|部门)?(?:为|是|系)(?:排在|列在|列)?(?:首位|首个|第[一1])/;

/**
 * What a department header says of its units' role (issue 15): 'helpers' for 配合单位 / 协办单位 /
 * 协同单位 / 参与单位 / 协助单位, 'lead' for 牵头 / 主办 / 主责 words or a note that the first unit
 * listed leads (责任单位（列第一位的为牵头单位）), else 'plain' (责任单位, 责任主体, 承办科室). Traditional
 * script reads as simplified. Says nothing of whether the header is a department column at all.
 */
export function departmentRole(raw: string): 'lead' | 'helpers' | 'plain' {
  const t = normalizeText(raw);
  if (FIRST_UNIT_LEADS.test(t)) return 'lead';
  const h = normalizeHeader(raw);
  if (LEAD_ROLE.test(h)) return 'lead';
  return HELPER_ROLE.test(h) ? 'helpers' : 'plain';
}

/** Whether a header notes that the first unit of its cells leads (列第一位的为牵头单位). */
export function notesFirstUnitLeads(raw: string): boolean {
  return FIRST_UNIT_LEADS.test(normalizeText(raw));
}

function unitHint(h: string, fields: Partial<Record<Field, number>>): void {
  if (!UNIT_WORD.test(h)) return;
  const add = (field: Field, w: number) => (fields[field] = Math.max(fields[field] ?? 0, w));
  if (LEAD_ROLE.test(h)) add('lead', 0.7);
  else if (RESPONSIBLE_ROLE.test(h)) add('responsible', 0.7);
  else {
    add('responsible', 0.45);
    add('lead', 0.35);
  }
}

const evidenceCache = new BoundedCache<string, HeaderEvidence>(10_000);

/**
 * Everything a header cell says about its column (SPEC §2), normalised first (spaces and line breaks
 * inside "分 管\n县领导" ignored, traditional = simplified, bracketed remarks dropped). An exact
 * vocabulary term weighs 1, a term inside a longer header 0.8 (the longest term wins), the words a
 * header is made of 0.3–0.7. Cached and frozen: headers repeat across sheets and candidate rows.
 */
export function headerEvidence(raw: string): HeaderEvidence {
  // Long texts are never column names; checking first keeps huge cells from being normalised at all.
  if (raw.length > 80) return NO_EVIDENCE;
  return evidenceCache.get(raw, readHeader);
}

function readHeader(raw: string): HeaderEvidence {
  const h = normalizeHeader(raw);
  if (!h || h.length > MAX_HEADER_LENGTH * 2) return NO_EVIDENCE;
  const period = periodHeader(h);
  if (period)
    return Object.freeze({ fields: Object.freeze({}), period: period as { period: PeriodKind; index: number } });
  const fields: Partial<Record<Field, number>> = {};
  const exact = EXACT.get(h);
  if (exact) fields[exact] = EXACT_WEIGHT;
  else if (h.length <= MAX_HEADER_LENGTH) {
    for (const [term, field] of CONTAINED) {
      if (h.includes(term)) {
        fields[field] = CONTAINED_WEIGHT;
        break;
      }
    }
  }
  if (h.length <= 16) {
    for (const hint of HINTS) {
      if (!hint.test.test(h) || (hint.unless && hint.unless.test(h))) continue;
      for (const [field, w] of Object.entries(hint.fields) as Array<[Field, number]>)
        fields[field] = Math.max(fields[field] ?? 0, w);
    }
    unitHint(h, fields);
  }
  if (SCHEDULE_MARK.test(h)) {
    delete fields.progress;
    return Object.freeze({ fields: Object.freeze(fields), scheduleMark: true as const });
  }
  return Object.freeze({ fields: Object.freeze(fields) });
}

const END_MONTH_OF_WORD: Array<[RegExp, number]> = [
  [/上半年/, 6],
  [/下半年|全年|年度|年底|年末/, 12],
];

/**
 * The period a progress header reports on, as a sortable number, or null: year × 100 + last month when
 * a year is written (2023年10月进展 → 202310, 2023年度完成情况 and 2023年完成情况 → 202312: a year and
 * nothing finer is the whole year), else the last month alone (1-11月推进情况 → 11, 三季度完成情况 → 9,
 * 上半年 → 6, 全年 → 12). Compare two ranks with compareReportingPeriods: of several progress columns
 * the latest is current (SPEC §2).
 */
export function reportingPeriodRank(raw: string): number | null {
  const t = normalizeText(raw).replace(/[—–~～至到]/g, '-');
  // 年 only as the year's mark: the 年 of 年度 / 年底 is the period word read below.
  const year = /((?:19|20)\d{2})(?:年(?![度底末]))?/.exec(t);
  const base = year ? Number(year[1]) * 100 : 0;
  const rest = year ? t.replace(year[0], '') : t;
  const months = /(\d{1,2}|[一二三四五六七八九十]{1,3})(?:-(\d{1,2}|[一二三四五六七八九十]{1,3}))?月/.exec(rest);
  if (months) {
    const end = parseCount(months[2] ?? months[1]);
    if (end !== null && end >= 1 && end <= 12) return base + end;
  }
  const quarters = /第?([一二三四1-4])(?:-(?:第)?([一二三四1-4]))?季度?/.exec(rest);
  if (quarters) return base + parseCount(quarters[2] ?? quarters[1])! * 3;
  for (const [word, month] of END_MONTH_OF_WORD) if (word.test(rest)) return base + month;
  return year ? base + 12 : null;
}

/**
 * Orders two reportingPeriodRank values, like with like: by year and month when both write a year, by
 * the month alone when either does not (2023年1-10月 before 1-11月). Negative when `a` is earlier.
 */
export function compareReportingPeriods(a: number, b: number): number {
  return a >= 100 && b >= 100 ? a - b : (a % 100) - (b % 100);
}
