import { Lang, Report, runAt, STATUS_CODES, statusLabel } from '../../engine';
import { Judged, checkedWorkbook, judgedWorkbook } from '../../xlsx/checked-workbook';
import { readFileBytes } from '../../xlsx/open-package';
import { flag, parseArgs, ParsedArgs, text } from '../args';
import { alignedLines } from '../display';
import { Exit, fail, failureLine, failureOf, isOutOfMemory, outOfMemory } from '../exit';
import { besideInput, checkWritable, sameFile, warnIfOpenInExcel, writeAtomically } from '../files';
import { asOfOf, langOf, overrideOf, TABLE_OPTIONS, warnDaysOf } from '../options';
import { Out, outJson } from '../out';
import { filesProgress, progressBar } from '../progress';
import { reportJsonChunks } from '../report-json';
import { summaryText } from '../summary-text';

const OPTIONS = {
  ...TABLE_OPTIONS,
  json: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'no-write': { type: 'boolean' },
} as const;

/** What one file's check needs, read once from the options. */
interface Settings {
  lang: Lang;
  asOf: string;
  warnDays: number | undefined;
  override: ReturnType<typeof overrideOf>;
  write: boolean;
  runAt: string;
}

/**
 * `luoshi validate FILE… [-o OUT] [--json REPORT|-] [--no-write] …` (SPEC §7). One file: its summary;
 * several: one line each, a bar on a terminal, a failing file in one line and the others go on.
 * Returns the exit code (the worst of the files); throws Exit/UsageError on bad options.
 */
export async function validateCommand(argv: string[], out: Out, warn: Out): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  const lang = langOf(args);
  if (args.positional.length === 0) fail('validate 需要至少一个 xlsx 文件', 'validate takes at least one xlsx file');
  const asOf = asOfOf(args);
  const warnDays = warnDaysOf(args);
  const override = overrideOf(args);
  const write = !flag(args, 'no-write');
  const output = text(args, 'output');
  if (!write && output !== undefined)
    fail('-o 与 --no-write 不能同时使用', '-o and --no-write cannot be used together');
  const settings: Settings = { lang, asOf, warnDays, override, write, runAt: runAt() };
  if (args.positional.length === 1) return validateOne(args.positional[0], args, settings, out, warn);

  // Several workbooks: each is written beside itself, so one -o cannot name them all, and the
  // --json contract is one report object per workbook (SPEC §7): run once per file for that.
  if (output !== undefined)
    fail(
      '-o 只能用于一个输入文件；多个文件时各自写出 文件.checked.xlsx',
      '-o works with one input file only; with several, each is written as FILE.checked.xlsx',
    );
  if (text(args, 'json') !== undefined)
    fail(
      '--json 只能用于一个输入文件（报告是一个工作簿一个 JSON 对象）；请逐个文件运行',
      '--json works with one input file only (the report is one JSON object per workbook); run once per file',
    );
  return validateMany(args.positional, args, settings, out, warn);
}

/** One workbook, exactly as `luoshi validate FILE` has always done. */
async function validateOne(file: string, args: ParsedArgs, s: Settings, out: Out, warn: Out): Promise<number> {
  const target = text(args, 'output') ?? besideInput(file, 'checked');
  const json = text(args, 'json');
  // Every path is checked before anything is read or written: a refusal leaves the disk as it was.
  if (s.write) checkWritable(target, { zh: '输出工作簿', en: 'output workbook' });
  if (json !== undefined && json !== '-') {
    if (sameFile(json, file))
      fail(
        `--json 报告不能写在输入的工作簿上：${json}`,
        `The --json report cannot be written over the input workbook: ${json}`,
      );
    if (s.write && sameFile(json, target))
      fail(
        `--json 报告不能写在输出的工作簿上：${json}`,
        `The --json report cannot be written over the output workbook: ${json}`,
      );
    checkWritable(json, { zh: '--json 报告', en: '--json report' });
  }
  const { report, size } = await checkFile(file, target, s, warn, true);
  try {
    if (json === '-') await outJson(out, reportJsonChunks(report));
    else {
      if (json !== undefined) await writeAtomically(json, reportJsonChunks(report));
      if (!flag(args, 'quiet')) {
        const again = s.write && sameFile(target, file) && target !== text(args, 'output');
        const written = !s.write
          ? ''
          : again
            ? s.lang === 'zh'
              ? `\n已写出（覆盖了上次的校验结果）: ${target}`
              : `\nWritten (replacing the earlier check): ${target}`
            : `\n${s.lang === 'zh' ? '已写出' : 'Written'}: ${target}`;
        await out(summaryText(report, file) + written);
      }
    }
  } catch (e) {
    // The report's JSON is as large as the table: running out of memory there names the table too.
    if (isOutOfMemory(e)) throw outOfMemory(file, size);
    throw e;
  }
  return 0;
}

/** Reads, judges and (unless --no-write) writes one workbook; throws Exit/InputError on bad input. */
async function checkFile(
  file: string,
  target: string,
  s: Settings,
  warn: Out,
  bar: boolean,
): Promise<{ report: Report; size: number }> {
  const input = await readFileBytes(file);
  warnIfOpenInExcel(file, warn);
  try {
    const progress = bar ? progressBar(input.length, s.lang) : { stage: () => {}, done: () => {} };
    const options = { asOf: s.asOf, warnDays: s.warnDays, lang: s.lang, override: s.override, runAt: s.runAt };
    let result: Judged<{ report: Report; output?: Buffer }>;
    try {
      result = s.write
        ? await checkedWorkbook(input, file, options, progress.stage)
        : await judgedWorkbook(input, file, options, progress.stage);
    } finally {
      progress.done();
    }
    if (!result.ok)
      throw new Exit(2, { zh: `${result.error.message.zh}：${file}`, en: `${result.error.message.en}: ${file}` });
    const { report, output } = result.value;
    if (output) await writeAtomically(target, output);
    return { report, size: input.length };
  } catch (e) {
    if (isOutOfMemory(e)) throw outOfMemory(file, input.length);
    throw e;
  }
}

/**
 * Several workbooks in one process, one after another (the machine's memory holds one at a time):
 * a summary line per file as it finishes, file names aligned; a failing file is one `luoshi:` line
 * on `warn` and the next goes on. Exit code: the worst of the files.
 */
async function validateMany(files: string[], args: ParsedArgs, s: Settings, out: Out, warn: Out): Promise<number> {
  const quiet = flag(args, 'quiet');
  const names = alignedLines(files.map((f) => [f, '']));
  const bar = filesProgress(files.length, s.lang);
  let worst = 0;
  let failed = 0;
  try {
    for (const [i, file] of files.entries()) {
      bar.working(file);
      let line: string;
      try {
        const target = besideInput(file, 'checked');
        if (s.write) checkWritable(target, { zh: '输出工作簿', en: 'output workbook' });
        const { report } = await checkFile(file, target, s, warn, false);
        line = `${names[i]}${countsText(report, s.lang)}${s.write ? ` → ${target}` : ''}`;
      } catch (e) {
        const f = failureOf(e);
        worst = Math.max(worst, f.code);
        failed++;
        bar.clear();
        await warn(failureLine(f.messages));
        bar.step();
        continue;
      }
      bar.clear();
      if (!quiet) await out(line);
      bar.step();
    }
  } finally {
    bar.done();
  }
  if (!quiet) {
    const ok = files.length - failed;
    await out(
      s.lang === 'zh'
        ? `共 ${files.length} 个文件：${ok} 个已校验${failed ? `，${failed} 个失败（见上方 luoshi: 行）` : ''}`
        : `${files.length} files: ${ok} checked${failed ? `, ${failed} failed (see the luoshi: lines)` : ''}`,
    );
  }
  return worst;
}

/** "共 12 项：逾期 3，临期 2，已完成 7" — the statuses that occur, in the usual order. */
function countsText(report: Report, lang: Lang): string {
  const { total, byStatus } = report.summary;
  const parts = STATUS_CODES.filter((c) => byStatus[c] > 0).map((c) => `${statusLabel(c, lang)} ${byStatus[c]}`);
  return lang === 'zh'
    ? `共 ${total} 项${parts.length ? `：${parts.join('，')}` : ''}`
    : `${total} tasks${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
