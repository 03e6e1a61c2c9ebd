import * as fs from 'fs';
import * as path from 'path';
import { explain, Lang, LayoutOverride, Message, parseColumnOverrides, Report, runAt, today, VERSION } from '../engine';
import { InputError } from '../xlsx/input-error';
import { readFileBytes } from '../xlsx/open-package';
import { last, parseArgs, ParsedArgs, UsageError } from './args';
import { USAGE } from './messages';
import { checkedWorkbook, clearedWorkbook, Judged, judgedWorkbook } from '../xlsx/checked-workbook';
import { reportJsonChunks } from './report-json';
import { progressBar } from './progress';
import { summaryText } from './summary-text';

/** Exit 2 with one line in both languages (SPEC §7: bad input never shows a stack trace). */
class Exit extends Error {
  constructor(
    readonly code: number,
    readonly messages: Message,
  ) {
    super(messages.en);
  }
}

function fail(zh: string, en: string): never {
  throw new Exit(2, { zh, en });
}

function langOf(args: ParsedArgs): Lang {
  const value = last(args, '--lang') ?? 'zh';
  if (value === 'zh' || value === 'zh-CN' || value === 'zh-cn') return 'zh';
  if (value === 'en' || value === 'en-US' || value === 'en-us') return 'en';
  return fail(`--lang 只能是 zh 或 en，而不是“${value}”`, `--lang must be zh or en, not "${value}"`);
}

function overrideOf(args: ParsedArgs): LayoutOverride {
  const override: LayoutOverride = {};
  const sheet = last(args, '--sheet');
  if (sheet !== undefined) override.sheet = sheet;
  const headerRow = last(args, '--header-row');
  if (headerRow !== undefined) {
    const n = Number(headerRow);
    if (!Number.isInteger(n) || n < 1)
      fail(
        `--header-row 应为正整数，而不是“${headerRow}”`,
        `--header-row must be a positive whole number, not "${headerRow}"`,
      );
    override.headerRow = n;
  }
  const specs = args.flags.get('--column');
  if (specs) {
    const { columns, problems } = parseColumnOverrides(specs);
    // The first part not understood is enough to stop: a wrong column would judge the wrong cells.
    if (problems.length > 0) fail(`--column ${problems[0].message.zh}`, `--column ${problems[0].message.en}`);
    override.columns = columns;
  }
  return override;
}

/** Writes next to the target and renames, so a failure never leaves a half-written file. Content may come in chunks. */
function writeAtomically(target: string, content: Buffer | Iterable<Uint8Array>): void {
  const temp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    if (Buffer.isBuffer(content)) fs.writeFileSync(temp, content);
    else {
      const fd = fs.openSync(temp, 'w');
      try {
        for (const chunk of content) for (let done = 0; done < chunk.length;) done += fs.writeSync(fd, chunk, done);
      } finally {
        fs.closeSync(fd);
      }
    }
    fs.renameSync(temp, target);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      /* nothing was written */
    }
    fail(`无法写入 ${target}：${(e as Error).message}`, `Cannot write ${target}: ${(e as Error).message}`);
  }
}

/** 台账.xlsx → 台账.checked.xlsx (next to the input). */
function besideInput(file: string, tag: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.${tag}${ext || '.xlsx'}`);
}

async function validateCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const args = parseArgs(
    argv,
    {
      '--json': true,
      '--as-of': true,
      '--warn-days': true,
      '--lang': true,
      '-o': true,
      '--sheet': true,
      '--header-row': true,
      '--column': true,
      '--quiet': false,
      '--no-write': false,
    },
    { '--output': '-o', '-q': '--quiet' },
  );
  const lang = langOf(args);
  if (args.positional.length !== 1) fail('validate 需要且只需要一个 xlsx 文件', 'validate takes exactly one xlsx file');
  const file = args.positional[0];
  const asOf = last(args, '--as-of') ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    fail(`--as-of 应为 YYYY-MM-DD，而不是“${asOf}”`, `--as-of must be YYYY-MM-DD, not "${asOf}"`);
  const warnText = last(args, '--warn-days');
  const warnDays = warnText === undefined ? undefined : Number(warnText);
  if (warnText !== undefined && !(/^\d+$/.test(warnText) && warnDays! <= 3650))
    fail(
      `--warn-days 应为 0–3650 的整数，而不是“${warnText}”`,
      `--warn-days must be a whole number 0–3650, not "${warnText}"`,
    );
  const override = overrideOf(args);
  const write = !args.flags.has('--no-write');
  const target = last(args, '-o') ?? besideInput(file, 'checked');
  if (!write && last(args, '-o') !== undefined)
    fail('-o 与 --no-write 不能同时使用', '-o and --no-write cannot be used together');

  const input = await readFileBytes(file);
  const progress = progressBar(input.length, lang);
  const options = { asOf, warnDays, lang, override, runAt: runAt() };
  let result: Judged<{ report: Report; output?: Buffer }>;
  try {
    result = write
      ? await checkedWorkbook(input, file, options, progress.stage)
      : await judgedWorkbook(input, file, options, progress.stage);
  } finally {
    progress.done();
  }
  if (!result.ok)
    throw new Exit(2, { zh: `${result.error.message.zh}：${file}`, en: `${result.error.message.en}: ${file}` });
  const { report, output } = result.value;
  if (output) writeAtomically(target, output);
  const json = last(args, '--json');
  if (json === '-')
    out(
      Buffer.concat([...reportJsonChunks(report)])
        .toString('utf8')
        .trimEnd(),
    );
  else {
    if (json !== undefined) writeAtomically(json, reportJsonChunks(report));
    if (last(args, '--quiet') === undefined)
      out(summaryText(report, file) + (write ? `\n${lang === 'zh' ? '已写出' : 'Written'}: ${target}` : ''));
  }
  return 0;
}

async function clearCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, { '-o': true, '--quiet': false }, { '--output': '-o', '-q': '--quiet' });
  if (args.positional.length !== 1) fail('clear 需要且只需要一个 xlsx 文件', 'clear takes exactly one xlsx file');
  const file = args.positional[0];
  const target = last(args, '-o') ?? besideInput(file, 'cleared');
  const { found, output } = await clearedWorkbook(await readFileBytes(file), file);
  writeAtomically(target, output);
  if (last(args, '--quiet') === undefined) {
    out(
      found
        ? `已清除落实写入的内容 | Removed everything Luoshi wrote: ${target}`
        : `工作簿中没有落实写入的内容，已原样写出 | Nothing of Luoshi's was in the workbook; written unchanged: ${target}`,
    );
  }
  return 0;
}

function explainCommand(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, { '--year': true, '--measure': false });
  if (args.positional.length !== 1)
    fail('explain 需要一段文本（含空格时请加引号）', 'explain takes one text (quote it if it has spaces)');
  const yearText = last(args, '--year') ?? today().slice(0, 4);
  if (!/^\d{4}$/.test(yearText))
    fail(`--year 应为四位年份，而不是“${yearText}”`, `--year must be a four-digit year, not "${yearText}"`);
  out(JSON.stringify(explain(args.positional[0], Number(yearText), args.flags.has('--measure'))));
  return 0;
}

export async function run(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
): Promise<number> {
  const [command, ...rest] = argv;
  // Every usage error says "see --help": it works after a command too (luoshi validate --help).
  if (rest.includes('--help') || rest.includes('-h')) return run(['--help'], out);
  switch (command) {
    case 'validate':
      return validateCommand(rest, out);
    case 'explain':
      return explainCommand(rest, out);
    case 'clear':
      return clearCommand(rest, out);
    case '--version':
    case '-v':
      out(VERSION);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      out(`${USAGE.zh}\n\n${USAGE.en}`);
      return command === undefined ? 2 : 0;
    default:
      return fail(
        `未知命令“${command}”，可用：validate、explain、clear（--help 查看用法）`,
        `Unknown command "${command}"; use validate, explain or clear (--help for usage)`,
      );
  }
}

/** Runs the CLI and turns every failure into one line and an exit code. */
export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): Promise<number> {
  try {
    return await run(argv, out);
  } catch (e) {
    let messages: Message;
    let code = 2;
    if (e instanceof Exit) [messages, code] = [e.messages, e.code];
    else if (e instanceof InputError) messages = e.messages;
    else if (e instanceof UsageError)
      messages = { zh: `参数有误：${e.message}（--help 查看用法）`, en: `Bad arguments: ${e.message} (see --help)` };
    else {
      // Anything unexpected while reading a file is still bad input to the user: one line, no stack.
      const detail = e instanceof Error ? e.message : String(e);
      messages = { zh: `无法处理该文件：${detail}`, en: `Cannot process the file: ${detail}` };
      if (process.env.LUOSHI_DEBUG) console.error(e);
    }
    err(`luoshi: ${messages.zh} | ${messages.en}`);
    return code;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
