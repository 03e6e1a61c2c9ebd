import stringWidth from 'string-width';
import type { Lang, MergeCellRef, MergeChange, MergeConflict, MergeNotTaken, Message } from '../engine';
import { columnLetter } from '../engine';
import { oneLine, padEnd } from './display';

/*
 * What `luoshi merge` tells the user (SPEC §8): each change, conflict, edit not taken and reply
 * skipped as one line in the --lang language, and the same as the --json merge report.
 */

/** A reply the CLI could not even hand to the merge (missing, a folder, the master itself) or merge skipped. */
export interface SkippedReply {
  fileName: string;
  code: string;
  reason: Message;
}

/** What merge decided, as the CLI reports it. */
export interface MergeOutcome {
  changes: readonly MergeChange[];
  conflicts: readonly MergeConflict[];
  notTaken: readonly MergeNotTaken[];
  skipped: readonly SkippedReply[];
}

const TAGS = {
  change: { zh: '采纳', en: 'taken' },
  conflict: { zh: '冲突', en: 'conflict' },
  notTaken: { zh: '未采纳', en: 'not taken' },
  skipped: { zh: '跳过', en: 'skipped' },
} as const;

const quote = (value: string, lang: Lang) => (lang === 'zh' ? `“${oneLine(value, 40)}”` : `"${oneLine(value, 40)}"`);

/** "第 12 行（[3] 开展专项督查）完成情况" — the master's row where it has one, the reply's id and measure else. */
function where(ref: MergeCellRef, lang: Lang): string {
  const what = `${ref.id ? `[${ref.id}] ` : ''}${oneLine(ref.measure, 24)}`;
  if (lang === 'zh') return `${ref.row >= 0 ? `第 ${ref.row + 1} 行` : '台账中无此行'}（${what}）${ref.field}`;
  return `${ref.row >= 0 ? `row ${ref.row + 1}` : 'not in the master'} (${what}) ${ref.field}`;
}

function from(ref: MergeCellRef, lang: Lang): string {
  const who = ref.department ? `${ref.department} · ${ref.file}` : ref.file;
  return lang === 'zh' ? `（${who}）` : ` (${who})`;
}

/**
 * The lines, tag first and aligned by display width. `withChanges`: every change too (--dry-run);
 * otherwise only what needs the clerk's eye (the changes are in the 合并记录 sheet).
 */
export function mergeLines(o: MergeOutcome, lang: Lang, withChanges: boolean): string[] {
  const width = Math.max(...Object.values(TAGS).map((t) => stringWidth(t[lang])));
  const tag = (t: keyof typeof TAGS) => padEnd(TAGS[t][lang], width);
  const sep = lang === 'zh' ? '：' : ': ';
  const lines: string[] = [];
  if (withChanges)
    for (const c of o.changes)
      lines.push(
        `${tag('change')}  ${where(c, lang)}${sep}${quote(c.old, lang)} → ${quote(c.new, lang)}${from(c, lang)}`,
      );
  for (const c of o.conflicts)
    lines.push(
      `${tag('conflict')}  ${where(c, lang)}${sep}` +
        (lang === 'zh'
          ? `台账${quote(c.master, lang)}，反馈${quote(c.reply, lang)}${from(c, lang)}——${c.reason.zh}`
          : `master ${quote(c.master, lang)}, reply ${quote(c.reply, lang)}${from(c, lang)}: ${c.reason.en}`),
    );
  for (const n of o.notTaken)
    lines.push(
      `${tag('notTaken')}  ${where(n, lang)}${sep}${quote(n.value, lang)}${from(n, lang)}` +
        (lang === 'zh' ? `——${n.reason.zh}` : `: ${n.reason.en}`),
    );
  for (const s of o.skipped) lines.push(`${tag('skipped')}  ${s.reason[lang]}`);
  return lines;
}

/** "合并：采纳 3 处，冲突 1 处，未采纳 2 处，跳过 1 份反馈". */
export function mergeTotals(o: MergeOutcome, lang: Lang, replies: number): string {
  return lang === 'zh'
    ? `合并 ${replies} 份反馈：采纳 ${o.changes.length} 处，冲突 ${o.conflicts.length} 处，未采纳 ${o.notTaken.length} 处，跳过 ${o.skipped.length} 份`
    : `Merged ${replies} replies: ${o.changes.length} taken, ${o.conflicts.length} conflicts, ${o.notTaken.length} not taken, ${o.skipped.length} skipped`;
}

const cellOf = (ref: MergeCellRef) => (ref.row >= 0 && ref.col >= 0 ? `${columnLetter(ref.col)}${ref.row + 1}` : null);

function refJson(ref: MergeCellRef) {
  return {
    file: ref.file,
    department: ref.department,
    row: ref.row >= 0 ? ref.row + 1 : null,
    cell: cellOf(ref),
    field: ref.field,
    id: ref.id,
    measure: ref.measure,
  };
}

/**
 * The --json merge report: `{ master, output (null on --dry-run), dryRun, asOf, changes, conflicts,
 * notTaken, skipped, summary }`; rows 1-based sheet rows of the master (null where the master has no
 * such row), `cell` its address, reasons in both languages.
 */
export function mergeJson(
  o: MergeOutcome,
  info: { master: string; output: string | null; asOf: string },
): Record<string, unknown> {
  return {
    master: info.master,
    output: info.output,
    dryRun: info.output === null,
    asOf: info.asOf,
    changes: o.changes.map((c) => ({ ...refJson(c), old: c.old, new: c.new })),
    conflicts: o.conflicts.map((c) => ({
      ...refJson(c),
      sent: c.sent,
      master: c.master,
      reply: c.reply,
      reason: c.reason,
    })),
    notTaken: o.notTaken.map((n) => ({
      ...refJson(n),
      code: n.code,
      value: n.value,
      master: n.master,
      reason: n.reason,
    })),
    skipped: o.skipped.map((s) => ({ file: s.fileName, code: s.code, reason: s.reason })),
    summary: {
      changes: o.changes.length,
      conflicts: o.conflicts.length,
      notTaken: o.notTaken.length,
      skipped: o.skipped.length,
    },
  };
}
