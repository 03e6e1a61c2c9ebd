import { spawn } from 'child_process';
import * as fs from 'fs';
import { outOfMemoryMessage } from './out-of-memory';

/*
 * When V8 runs out of heap it ends the process with a fatal dump ("<--- Last few GCs --->", "FATAL ERROR:
 * … JavaScript heap out of memory", a native stack) that no JavaScript handler can catch
 * (https://nodejs.org/api/cli.html#--max-old-space-sizesize-in-mib). So bin/luoshi.js runs the command in
 * a child process and watches it: the child's standard output and input are the user's own (a report
 * still streams into a pipe), its standard error passes through unchanged until V8's dump begins, and
 * then the user gets the CLI's one line instead. This module loads nothing of the CLI itself.
 */

/** Set in the child's environment: the command runs there, unsupervised. */
export const SUPERVISED = 'LUOSHI_SUPERVISED';
/** Set by the supervisor when its own standard error is a terminal: the child draws its progress bar. */
export const STDERR_COLUMNS = 'LUOSHI_STDERR_COLUMNS';

/** Where V8's fatal out-of-memory dump begins in the child's standard error. */
const V8_DUMP =
  /\s*<--- Last few GCs --->|FATAL ERROR:[^\n]*(?:heap|memory)|\n?#\s*Fatal (?:JavaScript|process) out of memory/;

/** The workbook a command line names first (an .xlsx or .xlsm argument), for the out-of-memory line. */
export function firstWorkbook(args: readonly string[]): string | null {
  return args.find((a) => !a.startsWith('-') && /\.xls[xm]$/i.test(a)) ?? null;
}

/** The text of standard error up to V8's dump, and whether the dump began. */
export function beforeDump(text: string): { text: string; dump: boolean } {
  const m = V8_DUMP.exec(text);
  return m ? { text: text.slice(0, m.index), dump: true } : { text, dump: false };
}

/**
 * Runs `script` (bin/luoshi.js) with `args` in a child Node process and ends as it ends: its exit code,
 * or its signal; when V8 ran out of heap, exit code 2 and one line "luoshi: 内存不足… | Out of memory…".
 */
export function supervise(script: string, args: readonly string[]): void {
  const columns = process.stderr.isTTY ? String(process.stderr.columns || 80) : '';
  const child = spawn(process.execPath, [...process.execArgv, script, ...args], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, [SUPERVISED]: '1', ...(columns ? { [STDERR_COLUMNS]: columns } : {}) },
  });
  let dumped = false;
  let pending = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (dumped) return;
    // A line held back until it is whole, so a dump's first words split across chunks are still seen.
    const text = pending + chunk;
    const cut = beforeDump(text);
    if (cut.dump) {
      dumped = true;
      process.stderr.write(cut.text);
      return;
    }
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    process.stderr.write(text.slice(0, lastBreak + 1));
    pending = text.slice(lastBreak + 1);
    // A progress bar redraws without a line break: let it through while it is short.
    if (pending.length > 0 && !pending.includes('<')) {
      process.stderr.write(pending);
      pending = '';
    }
  });
  // Ctrl-C reaches the child too (one process group); a signal sent to this process alone is passed on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);
  child.on('close', (code, signal) => {
    for (const s of signals) process.removeListener(s, forward);
    if (!dumped && pending) process.stderr.write(pending);
    if (dumped) {
      const file = firstWorkbook(args);
      let bytes = 0;
      try {
        bytes = file ? fs.statSync(file).size : 0;
      } catch {
        /* the size is only for the message */
      }
      const m = outOfMemoryMessage(file ?? 'luoshi', bytes);
      process.stderr.write(`luoshi: ${m.zh} | ${m.en}\n`);
      process.exitCode = 2;
    } else if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 2;
  });
  child.on('error', (e) => {
    process.stderr.write(`luoshi: 无法启动 Node 子进程 | Cannot start the Node child process: ${e.message}\n`);
    process.exitCode = 2;
  });
}

/** In the child: a terminal's standard error as the supervisor saw it, so the progress bar still draws. */
export function adoptTerminal(): void {
  const columns = Number(process.env[STDERR_COLUMNS]);
  if (!columns) return;
  Object.assign(process.stderr, { isTTY: true, columns });
}
