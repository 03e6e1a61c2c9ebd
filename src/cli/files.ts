import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Message } from '../engine';
import { fail, isOutOfMemory, systemReason } from './exit';
import { Out } from './out';

/*
 * Writing files the careful way (SPEC §7, issue 16): next to the target and renamed, temporary files
 * removed on SIGINT/SIGTERM and after a killed run, every target checked before any work starts.
 */

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

/** Removes `file` if the run is interrupted (a temporary file, or a department file of a split not finished). */
export function holdTemp(temp: string): void {
  if (liveTemps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  liveTemps.add(temp);
}

export function releaseTemp(temp: string): void {
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
export async function writeAtomically(target: string, content: Uint8Array | Iterable<Uint8Array>): Promise<void> {
  cleanStaleTemps(target);
  const temp = tempFor(target);
  holdTemp(temp);
  try {
    const handle = await fs.promises.open(temp, 'w');
    try {
      for (const chunk of content instanceof Uint8Array ? slices(content) : content)
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

/** Bytes as 1 MB views, so a signal is handled between them. */
function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  const step = 1 << 20;
  for (let at = 0; at < bytes.length; at += step) yield bytes.subarray(at, Math.min(at + step, bytes.length));
  if (bytes.length === 0) yield bytes;
}

/**
 * The same file? Real paths where the file exists (symlinks, `..`), the resolved path otherwise
 * (with its folder's real path); two existing names of one file (hard links) by device and inode.
 * Case-insensitive file systems are not considered.
 */
export function sameFile(a: string, b: string): boolean {
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
export function checkWritable(target: string, what: Message): void {
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

/** Excel keeps `~$NAME.xlsx` beside a workbook it has open: what is on disk may not be what the clerk sees. */
export function warnIfOpenInExcel(file: string, warn: Out): void {
  const lock = path.join(path.dirname(file), `~$${path.basename(file)}`);
  if (!fs.existsSync(lock)) return;
  void warn(
    `luoshi: 注意：工作簿正在 Excel 中打开（旁边有 ${path.basename(lock)}），未保存的修改不在本次校验之内 | ` +
      `Note: the workbook is open in Excel (${path.basename(lock)} is beside it); unsaved changes are not seen`,
  );
}

/**
 * 台账.xlsx → 台账.checked.xlsx (next to the input). A file already so tagged (台账.checked.xlsx, in
 * any case) is its own output: re-validating replaces the earlier check instead of stacking tags.
 */
export function besideInput(file: string, tag: string): string {
  const ext = path.extname(file);
  const stem = path.basename(file, ext);
  if (stem.toLowerCase().endsWith(`.${tag}`) && ext) return file;
  return path.join(path.dirname(file), `${stem}.${tag}${ext || '.xlsx'}`);
}
