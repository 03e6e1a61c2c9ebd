import * as fs from 'fs';
import * as path from 'path';
import { runAt } from '../../engine';
import { mergeReplies, MergeResult } from '../../xlsx/merge-package';
import { readFileBytes } from '../../xlsx/open-package';
import { flag, parseArgs, text } from '../args';
import { fail, isOutOfMemory, outOfMemory, systemReason } from '../exit';
import { checkWritable, sameFile, warnIfOpenInExcel, writeAtomically } from '../files';
import { mergeJson, mergeLines, MergeOutcome, mergeTotals, SkippedReply } from '../merge-report';
import { asOfOf, langOf, overrideOf, TABLE_OPTIONS, warnDaysOf } from '../options';
import { Out } from '../out';
import { filesProgress } from '../progress';

const OPTIONS = {
  ...TABLE_OPTIONS,
  output: { type: 'string', short: 'o' },
  json: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

/** 台账.xlsx → 台账.merged.xlsx beside it. Always a new name: a merged file merged again is not overwritten. */
export function mergedNameOf(master: string): string {
  const ext = path.extname(master);
  return path.join(path.dirname(master), `${path.basename(master, ext)}.merged${ext || '.xlsx'}`);
}

/**
 * `luoshi merge MASTER REPLY… [-o OUT] [--dry-run] [--json FILE|-] …` (合并反馈, SPEC §8). The
 * master is read, never written unless -o names it; a reply that cannot be read or merged is skipped
 * and listed, the others are merged. Exit 0: everything in the replies was taken; 1: merged, but
 * there were conflicts, edits not taken or skipped replies (listed); 2 (thrown): bad input, nothing
 * written.
 */
export async function mergeCommand(argv: string[], out: Out, warn: Out): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  const lang = langOf(args);
  if (args.positional.length < 2)
    fail(
      'merge 需要台账和至少一份反馈：luoshi merge 台账.xlsx 反馈/*.xlsx',
      'merge takes the master and at least one returned workbook: luoshi merge MASTER.xlsx returned/*.xlsx',
    );
  const [master, ...replyFiles] = args.positional;
  const asOf = asOfOf(args);
  const warnDays = warnDaysOf(args);
  const override = overrideOf(args);
  const dryRun = flag(args, 'dry-run');
  const output = text(args, 'output');
  if (dryRun && output !== undefined) fail('-o 与 --dry-run 不能同时使用', '-o and --dry-run cannot be used together');
  const target = output ?? mergedNameOf(master);
  const json = text(args, 'json');
  // Every path is checked before anything is read or written: a refusal leaves the disk as it was.
  if (!dryRun) {
    checkWritable(target, { zh: '输出工作簿', en: 'output workbook' });
    const reply = replyFiles.find((r) => sameFile(r, target));
    if (reply !== undefined)
      fail(`输出工作簿不能写在一份反馈上：${reply}`, `The output workbook cannot be written over a reply: ${reply}`);
  }
  if (json !== undefined && json !== '-') {
    const clash = [master, ...replyFiles, ...(dryRun ? [] : [target])].find((f) => sameFile(json, f));
    if (clash !== undefined)
      fail(`--json 报告不能写在工作簿上：${clash}`, `The --json report cannot be written over a workbook: ${clash}`);
    checkWritable(json, { zh: '--json 报告', en: '--json report' });
  }

  const masterBytes = await readFileBytes(master);
  warnIfOpenInExcel(master, warn);
  const bar = filesProgress(replyFiles.length + 1, lang);
  const unread: SkippedReply[] = [];
  const replies: Array<{ fileName: string; bytes: Uint8Array }> = [];
  let result: MergeResult;
  try {
    for (const file of replyFiles) {
      bar.working(file);
      const skip = await readReply(file, master, replies);
      if (skip) unread.push(skip);
      bar.step();
    }
    bar.working(master);
    result = await mergeReplies(masterBytes, replies, {
      asOf,
      lang,
      runAt: runAt(),
      warnDays,
      override,
      masterName: path.basename(master),
    });
    bar.step();
  } catch (e) {
    if (isOutOfMemory(e)) throw outOfMemory(master, masterBytes.length);
    throw e;
  } finally {
    bar.done();
  }
  // The CLI's own skips (unreadable files) first, in the order given, then merge's.
  const outcome: MergeOutcome = { ...result, skipped: [...unread, ...result.skipped] };
  if (!dryRun) await writeAtomically(target, result.bytes);

  const report = () => mergeJson(outcome, { master, output: dryRun ? null : target, asOf });
  if (json === '-') await out(JSON.stringify(report(), null, 1));
  else {
    if (json !== undefined) await writeAtomically(json, [Buffer.from(JSON.stringify(report(), null, 1) + '\n')]);
    if (!flag(args, 'quiet')) {
      const lines = mergeLines(outcome, lang, dryRun);
      lines.push(mergeTotals(outcome, lang, replyFiles.length));
      if (dryRun) lines.push(lang === 'zh' ? '试运行：未写出任何文件' : 'Dry run: nothing was written');
      else lines.push(`${lang === 'zh' ? '已写出' : 'Written'}: ${target}`);
      await out(lines.join('\n'));
    }
  }
  const clean = outcome.conflicts.length + outcome.notTaken.length + outcome.skipped.length === 0;
  return clean ? 0 : 1;
}

/**
 * Reads one reply into `replies`, or says why it is skipped: missing, a folder, unreadable, or the
 * master itself (a glob such as *.xlsx may catch it). Never throws: one reply never stops the others.
 */
async function readReply(
  file: string,
  master: string,
  replies: Array<{ fileName: string; bytes: Uint8Array }>,
): Promise<SkippedReply | null> {
  const name = path.basename(file);
  const skip = (code: string, zh: string, en: string): SkippedReply => ({
    fileName: file,
    code,
    reason: { zh: `${file}：${zh}，已跳过`, en: `${file}: ${en}; skipped` },
  });
  if (sameFile(file, master)) return skip('is_master', '这就是台账本身', 'this is the master itself');
  try {
    if (fs.statSync(file).isDirectory()) return skip('not_a_file', '是一个文件夹', 'a folder');
    replies.push({ fileName: name, bytes: await fs.promises.readFile(file) });
    return null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return skip('not_found', '找不到文件', 'file not found');
    const reason = systemReason(e);
    return skip('unreadable', `无法读取（${reason.zh}）`, `cannot be read (${reason.en})`);
  }
}
