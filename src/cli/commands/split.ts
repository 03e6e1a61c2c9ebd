import * as fs from 'fs';
import * as path from 'path';
import { readFileBytes } from '../../xlsx/open-package';
import { splitWorkbook, SplitResult } from '../../xlsx/split-package';
import { flag, parseArgs, text } from '../args';
import { alignedLines, oneLine } from '../display';
import { fail, isOutOfMemory, outOfMemory, systemReason } from '../exit';
import { holdTemp, releaseTemp, sameFile, warnIfOpenInExcel, writeAtomically } from '../files';
import { asOfOf, langOf, overrideOf, TABLE_OPTIONS, warnDaysOf } from '../options';
import { Out } from '../out';

const OPTIONS = { ...TABLE_OPTIONS, output: { type: 'string', short: 'o' } } as const;

/** 台账.xlsx → 台账-分发, beside it: where split puts the department files unless -o says otherwise. */
export function splitFolderOf(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}-分发`);
}

/**
 * `luoshi split MASTER [-o DIR] …` (分发, SPEC §8): one workbook per department into DIR (default
 * `台账-分发` beside the master; created when its parent exists). All or nothing: every path is checked
 * first, no file already in DIR is overwritten (it may be a department's answer), and on a failure or
 * an interruption the files written so far are removed again. Prints one aligned line per department
 * and a total. Returns 0; throws Exit/InputError (exit 2) on bad input.
 */
export async function splitCommand(argv: string[], out: Out, warn: Out): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  const lang = langOf(args);
  if (args.positional.length !== 1) fail('split 需要且只需要一个台账文件', 'split takes exactly one master workbook');
  const file = args.positional[0];
  const asOf = asOfOf(args);
  const warnDays = warnDaysOf(args);
  const override = overrideOf(args);
  const dir = text(args, 'output') ?? splitFolderOf(file);
  const create = checkFolder(dir);

  const input = await readFileBytes(file);
  warnIfOpenInExcel(file, warn);
  let result: SplitResult;
  try {
    result = await splitWorkbook(input, { asOf, lang, overrides: override, warnDays, name: path.basename(file) });
  } catch (e) {
    if (isOutOfMemory(e)) throw outOfMemory(file, input.length);
    throw e;
  }
  if (result.departments.length === 0)
    fail(
      `表中没有写明牵头或责任部门的行，无可分发：${file}`,
      `No row names a lead or responsible department; nothing to send: ${file}`,
    );
  const targets = result.departments.map((d) => path.join(dir, d.fileName));
  const taken = targets.filter((t) => fs.existsSync(t) || sameFile(t, file));
  if (taken.length > 0)
    fail(
      `分发文件夹中已有 ${path.basename(taken[0])}${taken.length > 1 ? ` 等 ${taken.length} 个同名文件` : ''}，` +
        `为免覆盖（可能是已收回的反馈），请用 -o 指定另一个文件夹或先移走它们：${dir}`,
      `The folder already holds ${path.basename(taken[0])}${taken.length > 1 ? ` and ${taken.length - 1} more` : ''}; ` +
        `not overwritten (they may be returned answers): choose another folder with -o or move them: ${dir}`,
    );
  await writeAll(dir, create, targets, result);

  if (!flag(args, 'quiet')) {
    const zh = lang === 'zh';
    const rows = [
      zh ? ['部门', '行数', '逾期', '临期', '文件'] : ['Department', 'Rows', 'Overdue', 'Due soon', 'File'],
    ];
    for (const d of result.departments)
      rows.push([oneLine(d.department, 40), `${d.rows}`, `${d.overdue}`, `${d.dueSoon}`, d.fileName]);
    const sum = (pick: (d: SplitResult['departments'][number]) => number) =>
      `${result.departments.reduce((n, d) => n + pick(d), 0)}`;
    const count = result.departments.length;
    rows.push([
      zh ? `合计 ${count} 个部门` : `Total: ${count} departments`,
      sum((d) => d.rows),
      sum((d) => d.overdue),
      sum((d) => d.dueSoon),
      zh ? `已写入 ${dir}` : `written into ${dir}`,
    ]);
    const lines = alignedLines(rows, [false, true, true, true, false]);
    for (const s of result.skipped)
      lines.push(
        zh
          ? `未分发：第 ${s.row} 行 ${oneLine(s.measure, 40)}：${s.reason.zh}`
          : `Not sent: row ${s.row} ${oneLine(s.measure, 40)}: ${s.reason.en}`,
      );
    await out(lines.join('\n'));
  }
  return 0;
}

/**
 * Checks the output folder before any work: an existing folder, or a new one whose parent exists
 * (a typo two levels deep is refused, not created). Returns whether it has to be created.
 */
function checkFolder(dir: string): boolean {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch {
    /* not there yet */
  }
  if (stat && !stat.isDirectory())
    fail(`分发文件夹的路径是一个文件：${dir}`, `The folder for the department files is a file: ${dir}`);
  if (!stat) {
    const parent = path.dirname(path.resolve(dir));
    if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory())
      fail(
        `分发文件夹所在的文件夹不存在：${path.dirname(dir) || '.'}（${dir}）`,
        `The folder to hold the department files does not exist: ${path.dirname(dir) || '.'} (${dir})`,
      );
    return true;
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    const reason = systemReason(e);
    fail(`无法写入分发文件夹 ${dir}：${reason.zh}`, `Cannot write into the folder ${dir}: ${reason.en}`);
  }
  return false;
}

/** Writes every department file, or none: what was written is removed on a failure or a signal. */
async function writeAll(dir: string, create: boolean, targets: string[], result: SplitResult): Promise<void> {
  if (create)
    try {
      fs.mkdirSync(dir);
    } catch (e) {
      const reason = systemReason(e);
      fail(`无法创建分发文件夹 ${dir}：${reason.zh}`, `Cannot create the folder ${dir}: ${reason.en}`);
    }
  const written: string[] = [];
  try {
    for (const [i, d] of result.departments.entries()) {
      await writeAtomically(targets[i], d.bytes);
      written.push(targets[i]);
      holdTemp(targets[i]); // an interrupted split takes its files away again
    }
  } catch (e) {
    for (const t of written) fs.rmSync(t, { force: true });
    if (create)
      try {
        fs.rmdirSync(dir); // only if empty: nothing of anyone else's goes
      } catch {
        /* not empty, or gone */
      }
    throw e;
  } finally {
    for (const t of written) releaseTemp(t);
  }
}
