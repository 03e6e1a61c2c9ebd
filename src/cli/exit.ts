import { Message } from '../engine';
import { InputError } from '../xlsx/input-error';
import { UsageError } from './args';
import { outOfMemoryMessage } from './out-of-memory';

/** Ends the command with `code` and one line in both languages (SPEC §7: bad input never shows a stack trace). */
export class Exit extends Error {
  constructor(
    readonly code: number,
    readonly messages: Message,
  ) {
    super(messages.en);
  }
}

/** Exit 2 with one line, Chinese and English. */
export function fail(zh: string, en: string): never {
  throw new Exit(2, { zh, en });
}

/** Why a file operation failed, from its error code: Node's own (English) text never reaches the Chinese half. */
export function systemReason(e: unknown): Message {
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

/** V8 reports memory it cannot get as a RangeError where it can (string or array too long, allocation failed). */
export function isOutOfMemory(e: unknown): boolean {
  return (
    e instanceof RangeError &&
    /Invalid (string|array|typed array) length|allocation failed|out of memory/i.test(e.message)
  );
}

/** Out of memory as one line: the workbook's size and what to do. */
export function outOfMemory(file: string, bytes: number): Exit {
  return new Exit(2, outOfMemoryMessage(file, bytes));
}

/**
 * Any failure as the one line the user sees and the exit code: ours (Exit, InputError, UsageError),
 * out of memory, a file operation, or anything unexpected (its stack only with LUOSHI_DEBUG=1).
 */
export function failureOf(e: unknown): { messages: Message; code: number } {
  if (e instanceof Exit) return { messages: e.messages, code: e.code };
  if (e instanceof InputError) return { messages: e.messages, code: 2 };
  if (e instanceof UsageError)
    return {
      messages: { zh: `参数有误：${e.message}（--help 查看用法）`, en: `Bad arguments: ${e.message} (see --help)` },
      code: 2,
    };
  if (isOutOfMemory(e))
    return {
      messages: {
        zh: '内存不足；请把表格拆成几个文件，或用 node --max-old-space-size=8192 运行 luoshi',
        en: 'Out of memory; split the table into several files, or run luoshi with node --max-old-space-size=8192',
      },
      code: 2,
    };
  if ((e as NodeJS.ErrnoException)?.syscall) {
    // A file operation outside the write-back (reading, most often): the reason in both languages.
    const reason = systemReason(e);
    const where = (e as NodeJS.ErrnoException).path ?? '';
    return {
      messages: {
        zh: `无法访问文件：${reason.zh}${where && `：${where}`}`,
        en: `Cannot access the file: ${reason.en}${where && `: ${where}`}`,
      },
      code: 2,
    };
  }
  // Anything unexpected while reading a file is still bad input to the user: one line, no stack.
  // Its text is the program's English; the Chinese half says what to do instead.
  const detail = e instanceof Error ? e.message : String(e);
  if (process.env.LUOSHI_DEBUG) console.error(e);
  return {
    messages: {
      zh: '无法处理该文件（程序内部错误，设置 LUOSHI_DEBUG=1 可看详情）',
      en: `Cannot process the file: ${detail}`,
    },
    code: 2,
  };
}

/** The one line for a failure: "luoshi: 中文 | English". */
export function failureLine(messages: Message): string {
  return `luoshi: ${messages.zh} | ${messages.en}`;
}
