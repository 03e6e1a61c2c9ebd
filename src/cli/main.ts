import { createHash } from 'crypto';
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

/** Why a file operation failed, from its error code: Node's own (English) text never reaches the Chinese half. */
function systemReason(e: unknown): Message {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有权限', en: 'permission denied' };
    case 'ENOSPC':
    case 'EDQUOT':
      return { zh: '磁盘空间不足', en: 'the disk is full' };
    case 'EROFS':
      return { zh: '磁盘只读', en: 'the file system is read-only' };
    case 'EISDIR':
      return { zh: '同名的文件夹已存在', en: 'a folder has that name' };
    case 'ENOENT':
    case 'ENOTDIR':
      return { zh: '所在文件夹不存在', en: 'its folder does not exist' };
    case 'ENAMETOOLONG':
      return { zh: '文件名过长', en: 'the name is too long' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { zh: '文件被占用（可能正在 Excel 中打开）', en: 'the file is in use (open in Excel?)' };
    case 'EMFILE':
    case 'ENFILE':
      return { zh: '打开的文件过多', en: 'too many open files' };
    default:
      return { zh: `系统错误 ${code ?? '（未知）'}`, en: `system error ${code ?? '(unknown)'}` };
  }
}

/**
 * Temporary files being written, removed if the run is interrupted (SIGINT/SIGTERM): the handler is
 * installed only while one exists, so Ctrl-C during a long judging still ends the run at once.
 */
const liveTemps = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of liveTemps) {
    try {
      fs.unlinkSync(temp);
    } catch {
      /* already gone */
    }
  }
  liveTemps.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // End as the signal would have (exit status 128 + n for the shell), now that nothing is left behind.
  process.kill(process.pid, signal);
}

function holdTemp(temp: string): void {
  if (liveTemps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  liveTemps.add(temp);
}

function releaseTemp(temp: string): void {
  liveTemps.delete(temp);
  if (liveTemps.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/**
 * The temporary file for `target`: `.luoshi-<hash of the name>.<pid>.tmp` beside it. The hash keeps
 * the name short (a 78-character Chinese name is 234 bytes of UTF-8, and names are limited to 255
 * bytes), the pid tells a live run's file from a killed run's.
 */
function tempFor(target: string): string {
  return path.join(path.dirname(path.resolve(target)), `.luoshi-${nameHash(target)}.${process.pid}.tmp`);
}

function nameHash(target: string): string {
  return createHash('sha1').update(path.basename(target)).digest('hex').slice(0, 12);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/**
 * Removes temporary files a killed run left beside `target`: ours (`.luoshi-<hash>.<pid>.tmp`) and
 * those of earlier versions (`.NAME.<pid>.tmp`), whose process no longer exists. A concurrent run's
 * file is kept. Failures are ignored: cleaning is a courtesy, never a reason to stop.
 */
function cleanStaleTemps(target: string): void {
  const folder = path.dirname(path.resolve(target));
  const base = path.basename(target);
  const ours = `.luoshi-${nameHash(target)}.`;
  const legacy = `.${base}.`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const prefix = name.startsWith(ours) ? ours : name.startsWith(legacy) ? legacy : undefined;
    if (prefix === undefined) continue;
    const pid = /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    try {
      fs.unlinkSync(path.join(folder, name));
    } catch {
      /* someone else removed it, or we may not: leave it */
    }
  }
}

/**
 * Writes next to the target and renames, so a failure or an interruption never leaves a half-written
 * file (SPEC §7). Content may come in chunks. Asynchronous, so SIGINT/SIGTERM are handled between
 * writes and the temporary file removed. Failure: exit 2 naming the target (not the temp path).
 */
async function writeAtomically(target: string, content: Buffer | Iterable<Uint8Array>): Promise<void> {
  cleanStaleTemps(target);
  const temp = tempFor(target);
  holdTemp(temp);
  try {
    const handle = await fs.promises.open(temp, 'w');
    try {
      for (const chunk of Buffer.isBuffer(content) ? slices(content) : content)
        for (let done = 0; done < chunk.length;)
          done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      /* nothing was written */
    }
    if (isOutOfMemory(e)) throw e;
    const reason = systemReason(e);
    fail(`无法写入 ${target}：${reason.zh}`, `Cannot write ${target}: ${reason.en}`);
  } finally {
    releaseTemp(temp);
  }
}

/** A buffer as 1 MB views, so a signal is handled between them. */
function* slices(bytes: Buffer): Generator<Uint8Array> {
  const step = 1 << 20;
  for (let at = 0; at < bytes.length; at += step) yield bytes.subarray(at, Math.min(at + step, bytes.length));
  if (bytes.length === 0) yield bytes;
}

/**
 * The same file? Real paths where the file exists (symlinks, `..`), the resolved path otherwise
 * (with its folder's real path); two existing names of one file (hard links) by device and inode.
 * Case-insensitive file systems are not considered.
 */
function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    const full = path.resolve(p);
    try {
      return fs.realpathSync(full);
    } catch {
      try {
        return path.join(fs.realpathSync(path.dirname(full)), path.basename(full));
      } catch {
        return full;
      }
    }
  };
  if (real(a) === real(b)) return true;
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** A file to be written must go into an existing folder and must not be a folder itself: checked before any work. */
function checkWritable(target: string, what: Message): void {
  const folder = path.dirname(path.resolve(target));
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder);
  } catch {
    /* missing */
  }
  if (!stat?.isDirectory())
    fail(
      `${what.zh}的文件夹不存在：${path.dirname(target) || '.'}（${target}）`,
      `The folder for the ${what.en} does not exist: ${path.dirname(target) || '.'} (${target})`,
    );
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch {
    /* not there yet: fine */
  }
  if (existing?.isDirectory())
    fail(`${what.zh}的路径是一个文件夹：${target}`, `The ${what.en} path is a folder: ${target}`);
}

/** A real calendar date as YYYY-MM-DD (2022-02-30 is not one). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Excel keeps `~$NAME.xlsx` beside a workbook it has open: what is on disk may not be what the clerk sees. */
function warnIfOpenInExcel(file: string, warn: Out): void {
  const lock = path.join(path.dirname(file), `~$${path.basename(file)}`);
  if (!fs.existsSync(lock)) return;
  void warn(
    `luoshi: 注意：工作簿正在 Excel 中打开（旁边有 ${path.basename(lock)}），未保存的修改不在本次校验之内 | ` +
      `Note: the workbook is open in Excel (${path.basename(lock)} is beside it); unsaved changes are not seen`,
  );
}

/** V8 reports memory it cannot get as a RangeError where it can (string or array too long, allocation failed). */
function isOutOfMemory(e: unknown): boolean {
  return (
    e instanceof RangeError &&
    /Invalid (string|array|typed array) length|allocation failed|out of memory/i.test(e.message)
  );
}

function sizeText(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Out of memory as one line: the workbook's size and what to do (the fatal heap limit itself cannot be caught). */
function outOfMemory(file: string, bytes: number): Exit {
  return new Exit(2, {
    zh: `内存不足：${file}（${sizeText(bytes)}）太大，无法在默认内存内处理；请把表格拆成几个文件，或用 node --max-old-space-size=8192 运行 luoshi`,
    en: `Out of memory: ${file} (${sizeText(bytes)}) is too large for the default memory; split the table into several files, or run luoshi with node --max-old-space-size=8192`,
  });
}

/**
 * 台账.xlsx → 台账.checked.xlsx (next to the input). A file already so tagged (台账.checked.xlsx, in
 * any case) is its own output: re-validating replaces the earlier check instead of stacking tags.
 */
function besideInput(file: string, tag: string): string {
  const ext = path.extname(file);
  const stem = path.basename(file, ext);
  if (stem.toLowerCase().endsWith(`.${tag}`) && ext) return file;
  return path.join(path.dirname(file), `${stem}.${tag}${ext || '.xlsx'}`);
}

/** A line for the user; may return a promise that settles once the line is out (stdout's backpressure). */
export type Out = ((s: string) => unknown) & {
  /** Raw bytes to the same place, each chunk written once the last has drained. */
  chunks?: (chunks: Iterable<Uint8Array>) => Promise<void>;
};

/** A reader that went away (luoshi … --json - | head) ends the output quietly, as for other command-line tools. */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);
const watched = new WeakSet<NodeJS.WritableStream>();

/** Writes to `stream` and waits until the OS has the bytes, so a slow pipe gets everything. */
function writeFlushed(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  if (!watched.has(stream)) {
    watched.add(stream);
    // The failure also reaches the write callback below; without a listener it would be thrown.
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (!READER_GONE.has(e.code ?? '')) throw e;
    });
  }
  return new Promise((resolve, reject) => {
    stream.write(data, (e?: Error | null) => {
      if (!e || READER_GONE.has((e as NodeJS.ErrnoException).code ?? '')) resolve();
      else reject(e);
    });
  });
}

function streamOut(stream: NodeJS.WritableStream): Out {
  const out: Out = (s) => writeFlushed(stream, s + '\n');
  out.chunks = async (chunks) => {
    for (const chunk of chunks) await writeFlushed(stream, chunk);
  };
  return out;
}

const stdoutLine: Out = streamOut(process.stdout);
const stderrLine: Out = streamOut(process.stderr);

async function validateCommand(argv: string[], out: Out, warn: Out): Promise<number> {
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
  if (!isCalendarDate(asOf))
    fail(`--as-of 应为实有的日期 YYYY-MM-DD，而不是“${asOf}”`, `--as-of must be a real date YYYY-MM-DD, not "${asOf}"`);
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
  const json = last(args, '--json');
  // Every path is checked before anything is read or written: a refusal leaves the disk as it was.
  if (write) checkWritable(target, { zh: '输出工作簿', en: 'output workbook' });
  if (json !== undefined && json !== '-') {
    if (sameFile(json, file))
      fail(
        `--json 报告不能写在输入的工作簿上：${json}`,
        `The --json report cannot be written over the input workbook: ${json}`,
      );
    if (write && sameFile(json, target))
      fail(
        `--json 报告不能写在输出的工作簿上：${json}`,
        `The --json report cannot be written over the output workbook: ${json}`,
      );
    checkWritable(json, { zh: '--json 报告', en: '--json report' });
  }

  const input = await readFileBytes(file);
  warnIfOpenInExcel(file, warn);
  try {
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
    if (output) await writeAtomically(target, output);
    if (json === '-') {
      if (out.chunks) await out.chunks(reportJsonChunks(report));
      else
        await out(
          Buffer.concat([...reportJsonChunks(report)])
            .toString('utf8')
            .trimEnd(),
        );
    } else {
      if (json !== undefined) await writeAtomically(json, reportJsonChunks(report));
      if (last(args, '--quiet') === undefined) {
        const again = write && sameFile(target, file) && target !== last(args, '-o');
        const written = !write
          ? ''
          : again
            ? lang === 'zh'
              ? `\n已写出（覆盖了上次的校验结果）: ${target}`
              : `\nWritten (replacing the earlier check): ${target}`
            : `\n${lang === 'zh' ? '已写出' : 'Written'}: ${target}`;
        await out(summaryText(report, file) + written);
      }
    }
  } catch (e) {
    if (isOutOfMemory(e)) throw outOfMemory(file, input.length);
    throw e;
  }
  return 0;
}

async function clearCommand(argv: string[], out: Out, warn: Out): Promise<number> {
  const args = parseArgs(argv, { '-o': true, '--quiet': false }, { '--output': '-o', '-q': '--quiet' });
  if (args.positional.length !== 1) fail('clear 需要且只需要一个 xlsx 文件', 'clear takes exactly one xlsx file');
  const file = args.positional[0];
  const target = last(args, '-o') ?? besideInput(file, 'cleared');
  checkWritable(target, { zh: '输出工作簿', en: 'output workbook' });
  const input = await readFileBytes(file);
  warnIfOpenInExcel(file, warn);
  let cleared: { found: boolean; output: Buffer };
  try {
    cleared = await clearedWorkbook(input, file);
    await writeAtomically(target, cleared.output);
  } catch (e) {
    if (isOutOfMemory(e)) throw outOfMemory(file, input.length);
    throw e;
  }
  const { found } = cleared;
  if (last(args, '--quiet') === undefined) {
    await out(
      found
        ? `已清除落实写入的内容 | Removed everything Luoshi wrote: ${target}`
        : `工作簿中没有落实写入的内容，已原样写出 | Nothing of Luoshi's was in the workbook; written unchanged: ${target}`,
    );
  }
  return 0;
}

async function explainCommand(argv: string[], out: Out): Promise<number> {
  const args = parseArgs(argv, { '--year': true, '--measure': false });
  if (args.positional.length !== 1)
    fail('explain 需要一段文本（含空格时请加引号）', 'explain takes one text (quote it if it has spaces)');
  const yearText = last(args, '--year') ?? today().slice(0, 4);
  if (!/^\d{4}$/.test(yearText))
    fail(`--year 应为四位年份，而不是“${yearText}”`, `--year must be a four-digit year, not "${yearText}"`);
  await out(JSON.stringify(explain(args.positional[0], Number(yearText), args.flags.has('--measure'))));
  return 0;
}

/**
 * Runs one command. `out` gets the lines for the user (and the --json - report), `warn` the warnings;
 * both default to stdout/stderr with backpressure. Returns the exit code; throws on bad input.
 */
export async function run(argv: string[], out: Out = stdoutLine, warn: Out = stderrLine): Promise<number> {
  const [command, ...rest] = argv;
  // Every usage error says "see --help": it works after a command too (luoshi validate --help),
  // but not after `--`, where options end (a file may be called --help).
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) return run(['--help'], out);
  switch (command) {
    case 'validate':
      return validateCommand(rest, out, warn);
    case 'explain':
      return explainCommand(rest, out);
    case 'clear':
      return clearCommand(rest, out, warn);
    case '--version':
    case '-v':
      await out(VERSION);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      await out(`${USAGE.zh}\n\n${USAGE.en}`);
      return command === undefined ? 2 : 0;
    default:
      return fail(
        `未知命令“${command}”，可用：validate、explain、clear（--help 查看用法）`,
        `Unknown command "${command}"; use validate, explain or clear (--help for usage)`,
      );
  }
}

/** Runs the CLI and turns every failure into one line and an exit code. */
export async function main(argv: string[], out: Out = stdoutLine, err: Out = stderrLine): Promise<number> {
  try {
    return await run(argv, out, err);
  } catch (e) {
    let messages: Message;
    let code = 2;
    if (e instanceof Exit) [messages, code] = [e.messages, e.code];
    else if (e instanceof InputError) messages = e.messages;
    else if (e instanceof UsageError)
      messages = { zh: `参数有误：${e.message}（--help 查看用法）`, en: `Bad arguments: ${e.message} (see --help)` };
    else if (isOutOfMemory(e))
      messages = {
        zh: '内存不足；请把表格拆成几个文件，或用 node --max-old-space-size=8192 运行 luoshi',
        en: 'Out of memory; split the table into several files, or run luoshi with node --max-old-space-size=8192',
      };
    else if ((e as NodeJS.ErrnoException)?.syscall) {
      // A file operation outside the write-back (reading, most often): the reason in both languages.
      const reason = systemReason(e);
      const where = (e as NodeJS.ErrnoException).path ?? '';
      messages = {
        zh: `无法访问文件：${reason.zh}${where && `：${where}`}`,
        en: `Cannot access the file: ${reason.en}${where && `: ${where}`}`,
      };
    } else {
      // Anything unexpected while reading a file is still bad input to the user: one line, no stack.
      // Its text is the program's English; the Chinese half says what to do instead.
      const detail = e instanceof Error ? e.message : String(e);
      messages = {
        zh: '无法处理该文件（程序内部错误，设置 LUOSHI_DEBUG=1 可看详情）',
        en: `Cannot process the file: ${detail}`,
      };
      if (process.env.LUOSHI_DEBUG) console.error(e);
    }
    await err(`luoshi: ${messages.zh} | ${messages.en}`);
    return code;
  }
}

/**
 * The command line: sets the exit code and lets Node end by itself, never process.exit — that would
 * cut off what stdout still has to write into a pipe (a --json - report past 64 KB).
 */
export async function cli(argv: string[]): Promise<void> {
  process.exitCode = await main(argv);
}

if (require.main === module) void cli(process.argv.slice(2));
