import { BoundedCache } from '../cache/bounded-cache';
import { normalizeText } from '../text/normalize';

export type ProgressState = 'done' | 'not_done' | 'empty';

/** SPEC §2 done words. 已开展 counts for one-off tasks (for recurring ones the periods decide). */
const DONE = /已完成|已经完成|全部完成|完成|已办结|办结|已落实|落实到位|已开展|开展完毕|已召开|已报送|已提交|已印发|已出台|已举办|已制定|已修订|已建立|已整改|整改完毕|整改到位|已结项|已验收|已上报|已发布|✓|✔|√|☑|^是$|^done$|^yes$|^y$|^ok$|^completed?$|100%/i;

/** A negation or qualifier always wins (SPEC §2): 未完成, 基本完成 and 已完成80% are not done. */
const NOT_DONE = [
  // An adverb may stand between (未能按期完成, 未按时报送).
  /(未|尚未|没有|没|不|暂未|仍未|还未|无法|未能)(?:按期|按时|如期|及时|全部|全面|彻底)?(完成|开展|启动|落实|办结|召开|报送|提交|实施|推进|到位|出台|印发|举办|制定|修订|建立|整改|上报|发布|验收)/,
  /^(未|否|无|no|not|×|✗|✘|x)$/i,
  /推进中|进行中|正在|实施中|办理中|起草中|筹备中|启动中|进展中|待完成|待开展|待办|拟于|计划于|将于|^计划|^拟/,
  /基本完成|部分完成|大部分完成|大部完成|初步完成|阶段性完成|完成初稿|完成第[一二三四五]|未全部/,
  /(?<!100)(?<!\d)\d{1,2}(\.\d+)?%/,
  /^(not ?done|in progress|ongoing|pending|started|not started)$/i,
];

/** Progress texts repeat down a table (已完成, 推进中): each is read once. */
const states = new BoundedCache<string, ProgressState>();

export function progressState(raw: string): ProgressState {
  return states.get(raw, readProgress);
}

function readProgress(raw: string): ProgressState {
  const text = normalizeText(raw);
  if (!text) return 'empty';
  for (const pattern of NOT_DONE) if (pattern.test(text)) return 'not_done';
  return DONE.test(text) ? 'done' : 'not_done';
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
