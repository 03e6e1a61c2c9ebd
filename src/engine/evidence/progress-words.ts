import { BoundedCache } from '../cache/bounded-cache';
import { parseCount } from '../text/chinese-numbers';
import { normalizeText } from '../text/normalize';

export type ProgressState = 'done' | 'not_done' | 'empty';

/*
 * SPEC §2 "Progress words". Real 完成情况 cells say "done" with any verb (已竣工, 已上线运行, 均已投入使用,
 * 改造完毕, 完成了…), so what is recognised is the construction of a completed action, not a list of verbs,
 * and then what defeats it: a negation (未能按期完成), a qualifier (基本, 初步, 部分, 八成, 三分之二), a
 * percentage below 100, a future marker (拟, 计划于, 预计, 将于, 待), an ongoing verb (正在, 推进, 已启动,
 * 已开工, …施工中, 滞后) or a count short of the measure's target. A cell is read clause by clause: one
 * clause still under way ("…8月已完成；…主体施工中") makes the whole cell not done.
 */

/** A whole cell that is a mark or a yes/no word rather than a sentence. */
const MARK_DONE = /^(是|done|yes|y|ok|completed?)$/i;
const MARK_NOT_DONE = /^(未|否|无|no|not|×|✗|✘|x|not ?done|in progress|ongoing|pending|started|not started)$/i;

/** Clauses end at these (normalizeText has made ，；！？ half-width; 。 and 、 stay). 、 joins the parts of one count (44所…、55所…). */
const CLAUSE_END = /[,;!?。\n]+/g;

/**
 * A negated action. 未 negates any verb, with adverbs between (未能按期完成, 尚未正式上线), but not a
 * finding (未发现问题, 没有发生) nor the words 未来, 未成年人, 防患于未然; 不 negates only a completion.
 */
const NEGATED =
  /(?:未能|没能|没有|无法|不能|未)(?!(?:能|按期|按时|如期|及时|全部|全面|完全|彻底|正式|真正|有效|再|曾){0,2}(?:来|成年|婚|知|然|发现|出现|发生|涉及|存在|收到|接到|造成|产生|反弹|反映|查出|检出|查到))|不(?:能|够)?(?:按期|按时|如期|及时)?(?:完成|开展|启动|落实|办结|召开|报送|提交|实施|推进|到位|出台|印发|举办|制定|修订|建立|整改|上报|发布|验收|达标|彻底)/;

/**
 * A stage of the work done rather than the work: the main structure (主体已完工; not 主体及附属工程 nor 主体责任)
 * or one phase (一期主体完工, 二期工程已竣工, 首期已建成投用; not a list of them, 一期、二期均已竣工). Group 1 is
 * the phase (一期), else the part is 主体. Not done unless the target itself is that stage (完成一期工程).
 */
const STAGE_DONE =
  /(?<![、和及与至到,])(?:第?([一二三四五六七八九十]+期|\d+期)|(首期))(?:工程|项目)?(?:主体)?(?:工程|结构)?(?:已经?|均已)?(?:全部|全面)?(?:完工|竣工|完成|建成|投用|投入使用|交付|通过验收)|主体(?:工程|结构|部分)?(?:已经?|均已)?(?:全部|全面)?(?:完工|竣工|完成|建成)/;

/**
 * A stage named after 完成 (完成第一阶段任务, 完成第一批改造, 完成首批验收, 完成前期工作, 完成第3次检查): group 1.
 * Not a period (完成第二季度任务, 完成第3个月的任务): a period done is done, and progressRecord counts it.
 */
const STAGE_NAMED =
  /完成了?((?:第[一二三四五六七八九十百\d]+|首)(?![一二三四五六七八九十百\d]|季|个?月|年|半年|周|旬)(?:阶段|批次|批|期|步|轮|次|项|部分)?|前期)/;

/**
 * A qualifier: only part or a first stage is done. 基本 and 初步 qualify a verb (已基本建成, 基本完成), not
 * a noun (基本农田, 完成初步设计); 部分 leading a clause is a subject (部分学校已完成); fractions and 成 (八成).
 */
const QUALIFIED = new RegExp(
  String.raw`已经?(?:基本|初步|部分|大部分?|大体|局部)|(?:基本|初步|部分|大部分?|大体|局部)上?(?:已|均已|完成|完工|竣工|建成|办结|落实|到位|整改|实现|投用|投入|结束|解决|具备|形成|达到|达标|覆盖|公开|上线|拆除|拨付)|阶段性|完成了?一?部分|^部分|过半|近半|大半|一半|半数|[一二三四五六七八九]成(?![为果效立员本绩功长])|(?:[一二三四五六七八九十]|\d+)分之|初稿|征求意见稿|送审稿|试运行|试用`,
);

/**
 * Not yet: a plan or a date ahead. 计划 is a noun as often as a marker (已印发工作计划, 按计划完成), so it
 * counts with a time after it or leading the clause before a verb; 争取/力争/确保 with a time after them
 * (争取资金 is an action done); 待 not in 待遇, 接待, 对待; "…前完成" without 已 is a deadline, not a report.
 */
const FUTURE =
  /(?<![草模虚比])拟(?![定稿订])|(?<![按照])计划(?=于|在|将|\d|年内|今年|明年|本年|年底|月底|近期|下半年|下月|本月|[一二三四五六七八九十]+月)|^计划(?=完成|开展|召开|实施|启动|建成|开工|上线|投用|组织|举办)|预计|将于|将在|将要|即将|有望|(?<!已)(?:争取|力争|确保)(?=[^,;。]{0,12}?[月年前内底])|(?<![接对期招款善虐亏看优])待(?!遇)/;
const DEADLINE_AHEAD = /(?<!提)[前内](?:全面|全部)?(?:完成|完工|竣工|建成|办结|到位|上线|投用)/;

/**
 * Under way, started, halted or late: 正在…, …推进 (not 推进会, 推进方案), 正加快…, 加快编制, 抓紧整改 (not
 * 加快了: an effect), 已启动, 已开工, 已进场, 已进入…阶段, 滞后, 逾期 (not 逾期完成).
 */
const ONGOING =
  /正在|(?:加快|加紧|抓紧|加速)(?=推进|推动|建设|编制|实施|施工|办理|完善|制定|落实|进度|开展|整改|处置|报批|修订|起草|对接|申报|完成|落地|实现)|正(?=加快|加速|全力|着力|加紧|抓紧|积极|有序|稳步|按|进行|推进|开展|实施|办理|施工|建设|筹备|起草|编制|修订|制定|审核|调试|组织|对接|协调|申报|完善)|推进(?!会|大会|方案|机制|办法|计划|表|清单|制度|意见|措施|工作组|专班|文件|通知|情况)|启动(?!会|仪式|大会)|开工|复工|动工|进场|着手|开始|进入|展开|筹备|谋划|进展(?!情况)|暂停|暂缓|停工|搁置|中止|延期|延迟|推迟|滞后|逾期(?!完成|办结|报送|提交|整改)/;
/** A clause ending in …中 (施工中, 调试中), but not 其中, 高中, 一中, nor 纳入…中 (已纳入年度考核中: placed in it). */
const UNDER_WAY = /[\u4e00-\u9fff]{2}(?<![初高其之当集城空心手一二三四五六七八九十])中(?=[)\]]*$)/;
const PLACED_IN = /纳入|列入|写入|融入|编入|加入|放入/;

/** What is left to do, counted (剩余8所, 其余2个村, 另有3处). */
const REMAINDER = /(?:其余|另有|剩余|剩下|尚余|尚有|还有|仍有|余下|还剩|尚剩)[\d零〇一二两三四五六七八九十百千万]/;

/**
 * A completed action: 已/已经/均已/业已 + verb, 全部 + verb, a completive verb (…完毕, …到位, 竣工, 建成,
 * 投用, 销号), verb + 了 (完成了…, 开展了…), or a tick. 已有, 已知 and 而已 say nothing is done.
 */
const DONE =
  /(?<![而得])已(?!有|知|婚|故)(?=[\u4e00-\u9fff\d])|全部(?=[\u4e00-\u9fff])|完成|完毕|到位|竣工|完工|办结|结项|结案|销号|建成|投用|投入使用|交付使用|通过验收|验收合格|验收通过|[\u4e00-\u9fff](?<![为除罢算])了(?!解)|[✓✔√☑]/;

/** After 下一步 (今后, 后续, 将…) the cell states plans: keeping up done work leaves it done; completing work later does not. */
const PLAN_START = /^(?:下一步|下步|下阶段|下一阶段|今后|后续|接下来|将)/;
const KEEPING_UP = /持续|继续|进一步|巩固|常态|长效|不断|坚持|加强|深化|保持/;
const WORK_AHEAD = /完成|完毕|到位|竣工|完工|办结|建成|投用|投入使用|交付|验收|上线|开工|启动|施工|实施/;

/** A percentage: below 100 the work is partial, unless it is an outcome rate (满意率98%) of work done. */
const PERCENT = /(\d+(?:\.\d+)?)%|百分之([零〇一二两三四五六七八九十百]+)/g;
const OUTCOME_RATE =
  /满意|合格|优良|达标|知晓|准确|正确|增长|下降|同比|环比|增幅|降幅|提高|提升|降低|减少|增加|占比|覆盖|参与率|入学|就业|通过率|利用率/;
const WORK_SHARE = /完成|进度|进展|工程量|投资|拨付|任务/;
/** A clause with no subject of its own (…32家，占比80%) gives the share of the work the clause before reports. */
const SHARE_OF_BEFORE = /^(?:约|分别|仅)?占(?:比|总数|全部|总量|计划|任务)?/;

type ClauseReading = 'done' | 'not_done' | 'neutral';

/** An amount in one unit (元, 公里 and 平方米 with 万/亿 and 米 folded in), with the words around it. */
interface DoneCount {
  readonly unit: string;
  readonly amount: number;
  /** The clause the count is in and where: what is counted is read from there only when needed (objectOf). */
  readonly clause: string;
  readonly start: number;
  readonly end: number;
  /** A figure a clause not read as done reports (共签约48个项目): held to a measure's target only if it names the same object. */
  readonly figure: boolean;
}

interface Reading {
  readonly state: ProgressState;
  /** Done counts one by one (a unit may repeat); null when the cell is not done or counts nothing. */
  readonly counts: readonly DoneCount[] | null;
  /** The stage a done cell reports (主体, 一期), when it reports one rather than the whole work. */
  readonly stage: string | null;
}

/** Progress texts repeat down a table (已完成, 推进中): each is read once. */
const readings = new BoundedCache<string, Reading>();
/** The targets a measure states: read only for the few rows whose progress counts something. */
const targets = new BoundedCache<string, readonly DoneCount[] | null>();

/**
 * done / not_done / empty for a progress (完成情况) cell, SPEC §2 "Progress words". A done count below a
 * target the cell itself states is not done ("实际完成6条（年度目标10条）", "50所学校中已完成42所"). With the
 * row's measure (具体措施), a done count below the target the measure states in the same unit is not done:
 * "已完成42所" for "在50所学校…"; several counted objects are each held to their own target ("中转站7个、
 * 分类池17个" for "中转站8个、分类池20个"). A cell that reads done from a clause without counts is held to
 * the figures its other clauses report ("共签约48个项目…已签订战略协议"). Both readings are cached by text;
 * a row whose progress counts nothing never reads its measure. `deadline`, the row's deadline text, may
 * name the stage or target that is due ("2023年10月底前主体封顶"): it is read with the measure.
 */
export function progressState(raw: string, measure?: string, deadline?: string): ProgressState {
  const reading = readings.get(raw, readProgress);
  if (reading.stage === null && reading.counts === null) return reading.state; // most rows: nothing to compare
  const target = deadline ? `${measure ?? ''}；${deadline}` : measure;
  if (reading.stage !== null && !(target && normalizeText(target).includes(reading.stage))) return 'not_done';
  if (reading.counts === null || !target) return reading.state;
  const wanted = targets.get(target, readTargets);
  return wanted !== null && fallsShort(reading.counts, wanted, 'by object') ? 'not_done' : reading.state;
}

const EMPTY: Reading = Object.freeze({ state: 'empty', counts: null, stage: null });
const NOT_DONE: Reading = Object.freeze({ state: 'not_done', counts: null, stage: null });
const DONE_UNCOUNTED: Reading = Object.freeze({ state: 'done', counts: null, stage: null });

function readProgress(raw: string): Reading {
  const text = normalizeText(raw);
  if (!text) return EMPTY;
  if (MARK_NOT_DONE.test(text)) return NOT_DONE;
  if (MARK_DONE.test(text)) return DONE_UNCOUNTED;
  let done = false;
  let plans = false;
  // Most cells count nothing: they sort no counts.
  const found: Found | null = MAY_COUNT.test(text) ? { done: null, figures: null, targets: null } : null;
  let stage: string | null = null;
  // Clause by clause, without splitting the text into an array: most cells are one clause.
  for (let from = 0; from < text.length;) {
    CLAUSE_END.lastIndex = from;
    const end = CLAUSE_END.exec(text);
    const to = end === null ? text.length : end.index;
    const clause = from === 0 && to === text.length ? text : text.slice(from, to);
    from = end === null ? text.length : to + end[0].length;
    if (!clause) continue;
    if (!plans && PLAN_START.test(clause)) plans = true;
    const reading = plans ? readPlan(clause) : readClause(clause);
    if (reading === 'not_done') return NOT_DONE;
    if (reading === 'done') {
      done = true;
      if (found !== null) progressCounts(clause, found, true);
      stage ??= stageIn(clause);
    } else if (found !== null && !plans) progressCounts(clause, found, false);
  }
  if (!done) return NOT_DONE;
  const counts = found === null ? null : withFigures(found.done, found.figures);
  // A target the cell states ("（年度目标10条）"): the done amounts are held to it, in the order written.
  if (counts !== null && found !== null && found.targets !== null && fallsShort(counts, found.targets, 'in order'))
    return NOT_DONE;
  if (counts === null && stage === null) return DONE_UNCOUNTED;
  return Object.freeze({ state: 'done', counts: counts === null ? null : Object.freeze(counts), stage });
}

/** The counts a progress cell states, sorted as it goes: done amounts, figures in clauses not read as done, targets. */
interface Found {
  done: DoneCount[] | null;
  figures: DoneCount[] | null;
  targets: DoneCount[] | null;
}

/**
 * The done amounts, and for a unit no done clause counts in, the figures the cell reports elsewhere: a
 * year-end report's "共签约48个项目" is what was done when the done clause (已签订战略协议) counts nothing.
 */
function withFigures(done: DoneCount[] | null, figures: DoneCount[] | null): DoneCount[] | null {
  if (figures === null) return done;
  let all = done;
  for (const f of figures) if (done === null || !done.some((d) => d.unit === f.unit)) (all ??= []).push(f);
  return all;
}

/** The stage a done clause reports (一期, 主体, 第一阶段, 首批), or null. */
function stageIn(clause: string): string | null {
  if (clause.includes('完成')) {
    const named = STAGE_NAMED.exec(clause);
    if (named !== null) return named[1];
  }
  if (!clause.includes('期') && !clause.includes('主体')) return null;
  const m = STAGE_DONE.exec(clause);
  return m === null ? null : (m[1] ?? m[2] ?? '主体');
}

/** Any of these in a clause says it is not done: one scan instead of four. */
const DEFEATED = new RegExp([NEGATED, QUALIFIED, FUTURE, ONGOING].map((r) => r.source).join('|'));

function readClause(clause: string): ClauseReading {
  if (DEFEATED.test(clause)) return 'not_done';
  const percent = percentIn(clause);
  if (percent !== null && percent < 100) return 'not_done';
  if (!clause.includes('已') && DEADLINE_AHEAD.test(clause)) return 'not_done';
  if (clause.includes('中') && UNDER_WAY.test(clause) && !PLACED_IN.test(clause)) return 'not_done';
  // 剩余8所 is work left, unless the clause goes on to say that was done too (剩余8所已完成).
  const left = REMAINDER.exec(clause);
  if (left !== null && !DONE.test(clause.slice(left.index))) return 'not_done';
  if (DONE.test(clause)) return 'done';
  return percent !== null ? 'done' : 'neutral';
}

function readPlan(clause: string): ClauseReading {
  if (NEGATED.test(clause) || FUTURE.test(clause)) return 'not_done';
  if (KEEPING_UP.test(clause)) return 'neutral';
  return WORK_AHEAD.test(clause) ? 'not_done' : 'neutral';
}

/** The work share a clause states in percent (the smallest), or null; an outcome rate alone is none. */
function percentIn(clause: string): number | null {
  if (!clause.includes('%') && !clause.includes('百分之')) return null;
  if (OUTCOME_RATE.test(clause) && !WORK_SHARE.test(clause) && !SHARE_OF_BEFORE.test(clause)) return null;
  let least: number | null = null;
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(clause); m !== null; m = PERCENT.exec(clause)) {
    const value = m[1] !== undefined ? Number(m[1]) : (parseCount(m[2]) ?? NaN);
    if (Number.isFinite(value) && (least === null || value < least)) least = value;
  }
  return least;
}

/*
 * Counts: a number (or Chinese numeral) with a unit. 第3条 is an ordinal, 3个月 a span, and 所有, 项目,
 * 家庭, 条例, 台账 … are words, not units. In a measure, a count after 每 is a frequency, not a total; in a
 * progress text, a count stated as the whole (共50所, 50所学校中) is not a done amount.
 */
const COUNT =
  /(第|每)?(\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+)(万|亿)?(公里|千米|km|平方公里|平方米|㎡|亩|米|元|人次|个(?!月|工作日|小时|百分点|季度|星期|人)|项(?!目)|所(?!有|属|在|需|得|以|谓)|家(?!庭|长|属|乡)|户(?!籍|口|外)|座(?!谈)|条(?!例|件)|处(?!理|置|室|长|级)|名(?!单|称|义)|人(?!员|民|口|大|社|才|力)|件|台(?!账|区)|套|辆|间(?!隔|断)|栋|幢|场(?!所|地|景)|次(?!年|日|月)|批(?!准|复|次)|份(?!额)|宗|块|盏|口(?!径|号|岸)|吨|张(?!贴)|篇|册|棵|株)/g;
/** A whole the progress text states (共50所, 总投资…): neither a done amount nor a target. */
const WHOLE_BEFORE = /(?:共|总|总计|涉及)$/;
/** In a measure, a stock it starts from (全市共有120所…, 选取20所) is no target. */
const STOCK_BEFORE = /(?:共有|现有|已有|目前有|原有)$/;
/** The whole the work is out of (50所学校中已完成42所): a target; not 8个建筑垃圾中转站. */
const WHOLE_AFTER = /^[\u4e00-\u9fff]{0,6}?中(?=$|[,已有共均的仅尚还])/;
const MAY_COUNT = /[\d〇零一二两三四五六七八九十百千]/;
/** After a count in words, a numeral starts a slogan (一户一档, 一件事一次办, 千家万户), not a second count. */
const SLOGAN_AFTER = /^[一二三四五六七八九十百千万]/;
const UNIT_OF: Record<string, [string, number]> = {
  千米: ['公里', 1],
  km: ['公里', 1],
  米: ['公里', 0.001],
  '㎡': ['平方米', 1],
};

/**
 * A target the progress text writes before a count (年度目标10条, 计划300户, 应整改15个), unless a done word
 * follows it (按计划完成10项). 任务 is as often what was done (已完成改革任务9项): a target only before any done word.
 */
const TARGET_WORD =
  /目标|计划|(?:应|需)(?=整改|完成|建设|建成|改造|到位|开展|办结|处置|检查|排查|拆除|销号|纳入|覆盖|培训|签约|引进)/g;
const DONE_WORD = new RegExp(DONE.source, 'g');
/** What ends the words naming what is counted (中转站7个、分类池17个; 6条(年度目标10条)). */
const OBJECT_END = '、,;:()[]。和及与0123456789.%';
const OBJECT_AFTER_END = OBJECT_END + '已均正共全并';
/** Any target word at all: most counts have none before them and are answered at once. */
const MAY_TARGET = /目标|计划|任务|应|需/;

/** The counts in one clause of a progress cell, sorted into found: done (or figures) and targets. */
function progressCounts(clause: string, found: Found, done: boolean): void {
  if (!MAY_COUNT.test(clause)) return;
  // Most clauses name no whole (…中) and no target word: those checks are skipped for each of their counts.
  const mayWhole = clause.includes('中');
  const mayTarget = MAY_TARGET.test(clause);
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(clause); m !== null; m = COUNT.exec(clause)) {
    const count = countOf(clause, m, !done);
    if (count === null) continue;
    // Only the few characters around a count decide what it is: look at those, not at copies of the clause.
    const start = m.index;
    const end = start + m[0].length;
    if (WHOLE_BEFORE.test(clause.slice(Math.max(0, start - 2), start))) continue;
    if (
      (mayWhole && WHOLE_AFTER.test(clause.slice(end, end + 7))) ||
      (mayTarget && statesTarget(clause.slice(0, start)))
    )
      (found.targets ??= []).push(count);
    else if (done) (found.done ??= []).push(count);
    else (found.figures ??= []).push(count);
  }
}

/** Whether a target word (目标, 计划) comes after the last done word before a count: 计划300户, not 按计划完成10项. */
function statesTarget(before: string): boolean {
  DONE_WORD.lastIndex = 0;
  if (before.includes('任务') && !DONE_WORD.test(before)) return true;
  let target = -1;
  TARGET_WORD.lastIndex = 0;
  for (let m = TARGET_WORD.exec(before); m !== null; m = TARGET_WORD.exec(before)) target = m.index;
  if (target < 0) return false;
  DONE_WORD.lastIndex = target;
  return !DONE_WORD.test(before);
}

/** The amount a COUNT match states, with the words around it; null for an ordinal, a frequency, a slogan. */
function countOf(text: string, m: RegExpExecArray, figure = false): DoneCount | null {
  if (m[1]) return null;
  const start = m.index;
  const end = start + m[0].length;
  const inWords = m[2].charCodeAt(0) >= 0x80;
  // A lone 一 is an article more often than a count (一件事, 一户一档): a count of one decides nothing anyway.
  if (inWords && (m[2] === '一' || SLOGAN_AFTER.test(text.slice(end, end + 1)))) return null;
  let amount = inWords ? (parseCount(m[2]) ?? NaN) : Number(m[2]);
  if (!Number.isFinite(amount) || amount <= 0) return null;
  if (m[3]) amount *= m[3] === '万' ? 1e4 : 1e8;
  const [unit, factor] = UNIT_OF[m[4]] ?? [m[4], 1];
  return { unit, amount: amount * factor, clause: text, start, end, figure };
}

/**
 * What is counted: the words before a count back to a separator (at most 10 characters) and the few after
 * it, as "before|after" (建筑垃圾中转站|, 在|学校). Compared by character pairs, so 新辟公交线路 meets 新辟线路.
 */
function objectOf({ clause: text, start, end }: DoneCount): string {
  let from = start;
  while (from > 0 && start - from < 10 && !OBJECT_END.includes(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < 3 && !OBJECT_AFTER_END.includes(text[to])) to++;
  return `${text.slice(from, start)}|${text.slice(end, to)}`;
}

function readTargets(measure: string): readonly DoneCount[] | null {
  let found: DoneCount[] | null = null;
  for (const clause of normalizeText(measure).split(CLAUSE_END)) {
    if (!clause || !MAY_COUNT.test(clause)) continue;
    COUNT.lastIndex = 0;
    for (let m = COUNT.exec(clause); m !== null; m = COUNT.exec(clause)) {
      const start = m.index;
      // A count after 每 is a frequency; 全市共有120所 is the stock the work starts from.
      if (clause.lastIndexOf('每', start) >= 0 || STOCK_BEFORE.test(clause.slice(Math.max(0, start - 3), start)))
        continue;
      const count = countOf(clause, m);
      if (count !== null) (found ??= []).push(count);
    }
  }
  return found === null ? null : Object.freeze(found);
}

/**
 * Whether the done amounts fall short of the targets, unit by unit. Several done counts against as many
 * targets are paired, each with its own: in the order written for a target the cell states beside each
 * count ('in order'), by what is counted for a measure's targets ('by object'; 分类池17个 with 分类池20个).
 * Otherwise the done amounts add up (44所幼儿园和55所小学) against the whole: the sum of targets the cell
 * states, the largest a measure states (50所, 其中20所…).
 */
function fallsShort(
  done: readonly DoneCount[],
  wanted: readonly DoneCount[],
  pairing: 'in order' | 'by object',
): boolean {
  // The usual row: one done count, one target.
  if (done.length === 1 && wanted.length === 1) {
    const [d, w] = [done[0], wanted[0]];
    return (
      d.unit === w.unit &&
      d.amount < w.amount &&
      !(d.figure && pairing === 'by object' && sharedPairs(objectOf(d), objectOf(w)) === 0)
    );
  }
  for (let i = 0; i < done.length; i++) {
    const unit = done[i].unit;
    if (done.findIndex((d) => d.unit === unit) !== i) continue; // each unit once
    const ws = wanted.filter((w) => w.unit === unit);
    if (ws.length === 0) continue;
    // A figure reported beside the done clause (惠及3个村) counts against a measure only when it names what the measure counts.
    const ds = done.filter(
      (d) =>
        d.unit === unit &&
        !(d.figure && pairing === 'by object' && !ws.some((w) => sharedPairs(objectOf(d), objectOf(w)) > 0)),
    );
    if (ds.length === 0) continue;
    if (ds.length >= 2 && ws.length >= 2) {
      const pairs = pairing === 'in order' ? (ds.length === ws.length ? ws : null) : pairByObject(ds, ws);
      if (pairs !== null) {
        if (ds.some((d, k) => d.amount < pairs[k].amount)) return true;
        continue;
      }
    }
    let sum = 0;
    for (const d of ds) sum += d.amount;
    let whole = 0;
    for (const w of ws) whole = pairing === 'in order' ? whole + w.amount : Math.max(whole, w.amount);
    if (sum < whole) return true;
  }
  return false;
}

/** Each done count's target by what is counted (most shared character pairs, a clear best, no target twice), or null. */
function pairByObject(done: readonly DoneCount[], wanted: readonly DoneCount[]): DoneCount[] | null {
  const pairs: DoneCount[] = [];
  for (const d of done) {
    let best: DoneCount | null = null;
    let bestScore = 0;
    let tie = false;
    for (const w of wanted) {
      const score = sharedPairs(objectOf(d), objectOf(w));
      if (score > bestScore) [best, bestScore, tie] = [w, score, false];
      else if (score === bestScore && score > 0) tie = true;
    }
    if (best === null || tie || pairs.includes(best)) return null;
    pairs.push(best);
  }
  return pairs;
}

/** How many adjacent character pairs of a occur in b (建筑垃圾中转站 and 新建建筑垃圾中转站 share 6). */
function sharedPairs(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    const pair = a.slice(i, i + 2);
    if (!pair.includes('|') && b.includes(pair)) n++;
  }
  return n;
}

/** Words that say nothing has happened: an empty-in-substance progress for a continuous task. */
export const NOTHING_YET = /^(未开展|未启动|尚未开展|尚未启动|无|暂无|没有|待开展|-|—|\/|无进展)$/;

/** Marks in a period column that mean "done in this period" (SPEC §2 layout 2). */
const MARK = /^(✓|✔|√|☑|是|已开展|已完成|完成|开展|y|yes|done|ok|已召开|已报送|已报告|已举办)$/i;
const NO_MARK = /^(×|✗|✘|x|否|无|未开展|未完成|no|-|—|\/|0)$/i;

export function periodMark(raw: string): 'yes' | 'no' | 'text' {
  const text = normalizeText(raw);
  if (MARK.test(text)) return 'yes';
  if (NO_MARK.test(text)) return 'no';
  return 'text';
}

/** A period a progress text says was done (SPEC §2 "Progress text is evidence too"). */
export interface DonePeriod {
  readonly kind: 'month' | 'quarter' | 'half-year' | 'year';
  /** 1-based: month 1–12, quarter 1–4, half 1–2, year 1. */
  readonly index: number;
  /** The year written with it (2022年1-10月), or null for the table's year. */
  readonly year: number | null;
  /** Times done in it: "上半年已开展2次" → 2, "各2次" for each of several; 1 when no count is written. */
  readonly count: number;
}

/** What a progress text records beyond done / not done: the periods it names as done, and a count of times. */
export interface ProgressRecord {
  readonly periods: readonly DonePeriod[];
  /** "已开展4次": times done, written with no period (summed over clauses); null when none is written. */
  readonly count: number | null;
}

const NO_RECORD: ProgressRecord = Object.freeze({ periods: Object.freeze([]) as readonly DonePeriod[], count: null });
const records = new BoundedCache<string, ProgressRecord>();

/**
 * The periods a progress (完成情况) cell says were done — months (1月、2月、3月已开展), month ranges (1-10月,
 * 1至10月, 一月至十月), quarters (一、二、三季度, 第一季度, 前三季度), halves (上半年, 下半年) and the year
 * (全年) — and "已开展4次" as a count. Only clauses that read as done count: "上半年计划开展" and
 * "二、三季度未召开" name nothing done. A month with a day after it (1月18日) is a date, not a month.
 * Cached by text; the answer is frozen and shared.
 */
export function progressRecord(raw: string): ProgressRecord {
  return records.get(raw, readRecord);
}

/** Any of these in a cell may name a period or a count: most cells have none and are answered at once. */
const MAY_RECORD = /[月季年次场轮]/;
const NUMERAL = String.raw`(?:\d{1,2}|十[一二]?|[一二三四五六七八九])`;
/** A month, or a range of months: 3月, 3月份, 1-10月, 1月至10月, 一月至十月; not 3月18日, 一月一课, 每月, 3个月. */
const MONTHS = new RegExp(
  String.raw`(?<![\d.一二三四五六七八九十每])(${NUMERAL})(?:月份?)?(?:[-—–~至到](${NUMERAL}))?月份?(?![\d一二三四五六七八九十])`,
  'g',
);
/** Quarters: 一季度, 第一季度、第二季度, 一、二、三季度, 1-3季度, 一至三季度, 前三季度. */
const QUARTERS = /(前)?((?:第?[一二三四1-4](?:季度|季)?(?:、|和|及|与|至|到|-|—|~|,)?)+)(?:季度|季)(?!节)/g;
const HALVES = /(上|下|前|后)半年/g;
const WHOLE_YEAR = /全年|全年度/;
/**
 * Times done (4次, 二十场, 3轮): the whole number, never the tail of an ordinal (第12次, 第二十次) nor of a
 * frequency (每2次). A lone 一 (一次性, 一次办) is no count; 一 leads only a longer numeral (一百次).
 */
const TIMES =
  /(?<![每第\d〇零一两二三四五六七八九十百千])(\d+|(?:[两二三四五六七八九十百]|一(?=[十百千]))[〇零一两二三四五六七八九十百千]*)(?:次|场|轮)(?![数])/g;
const EACH = /各|均|分别|每(?:月|季度?|半年)/;
const YEAR_WRITTEN = /(20\d\d)年/;

function readRecord(raw: string): ProgressRecord {
  const text = normalizeText(raw);
  if (!text || !MAY_RECORD.test(text)) return NO_RECORD;
  const periods: DonePeriod[] = [];
  let count: number | null = null;
  let plans = false;
  for (const clause of text.split(CLAUSE_END)) {
    if (!clause) continue;
    if (!plans && PLAN_START.test(clause)) plans = true;
    if (plans) continue;
    // What the clause names first (cheap), whether it reads as done only then (the costlier scan).
    const named = periodsIn(clause);
    let times = 0;
    TIMES.lastIndex = 0;
    for (let m = TIMES.exec(clause); m !== null; m = TIMES.exec(clause)) {
      const n = numeral(m[1]);
      if (n > 0) times += n;
    }
    if ((named.length === 0 && times === 0) || readClause(clause) !== 'done') continue;
    // A stage done in a period (上半年已完成第一阶段任务) is part of the work: that period is not shown done.
    if (clause.includes('完成') && STAGE_NAMED.test(clause)) continue;
    const year = YEAR_WRITTEN.exec(clause);
    if (named.length === 0) {
      if (times > 0) count = (count ?? 0) + times;
      continue;
    }
    // One period with a count: that count; several with 各/均 N次: N each; otherwise once each (共…次 is a total).
    const each = times > 0 && (named.length === 1 || EACH.test(clause)) ? times : 1;
    for (const [kind, index] of named)
      periods.push(Object.freeze({ kind, index, year: year ? Number(year[1]) : null, count: each }));
  }
  if (periods.length === 0 && count === null) return NO_RECORD;
  return Object.freeze({ periods: Object.freeze(periods), count });
}

/** A number in digits or in words; NaN when it is none (it then counts nothing: range() and times reject it). */
function numeral(text: string): number {
  return parseCount(text) ?? NaN;
}

function periodsIn(clause: string): Array<[DonePeriod['kind'], number]> {
  const found: Array<[DonePeriod['kind'], number]> = [];
  const range = (kind: DonePeriod['kind'], from: number, to: number, last: number) => {
    if (!(from >= 1 && to >= from && to <= last)) return;
    for (let i = from; i <= to; i++) found.push([kind, i]);
  };
  if (clause.includes('月')) {
    MONTHS.lastIndex = 0;
    for (let m = MONTHS.exec(clause); m !== null; m = MONTHS.exec(clause)) {
      const from = numeral(m[1]);
      range('month', from, m[2] === undefined ? from : numeral(m[2]), 12);
    }
  }
  if (clause.includes('季')) {
    QUARTERS.lastIndex = 0;
    for (let m = QUARTERS.exec(clause); m !== null; m = QUARTERS.exec(clause)) {
      const numbers = m[2].match(/[一二三四1-4]/g) ?? [];
      if (m[1]) range('quarter', 1, numeral(numbers[numbers.length - 1] ?? ''), 4);
      else if (numbers.length === 2 && /[至到\-—~]/.test(m[2]))
        range('quarter', numeral(numbers[0]), numeral(numbers[1]), 4);
      else for (const n of numbers) range('quarter', numeral(n), numeral(n), 4);
    }
  }
  if (clause.includes('半年')) {
    HALVES.lastIndex = 0;
    for (let m = HALVES.exec(clause); m !== null; m = HALVES.exec(clause))
      found.push(['half-year', m[1] === '上' || m[1] === '前' ? 1 : 2]);
  }
  if (found.length === 0 && WHOLE_YEAR.test(clause)) found.push(['year', 1]);
  return found;
}
