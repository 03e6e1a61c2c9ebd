import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { Message } from '../engine/i18n';
import { WorkbookData } from '../engine/model/workbook';
import { startJudging, TableJudging, validateWorkbook, ValidateOptions, ValidateResult } from '../engine/validate';
import { InputError } from './input-error';
import { readPackage } from './read-workbook';
import { partSize, ReadMessage, streamWorkbook, WorkbookAssembler } from './workbook-stream';
import { PackageEdits, WorkbookPackage } from './workbook-package';

/** What the reading thread is given: the file's bytes and the edits already made to it on this thread. */
export interface ReaderJob {
  bytes: Uint8Array;
  file: string;
  edits: PackageEdits;
}

/** What the reading thread posts: the workbook, or why it could not be read. */
export type ThreadMessage = ReadMessage | { kind: 'failed'; input: { code: string; messages: Message } | null; text: string };

/** The workbook read, its verdict, and how many tasks were judged before the reading ended. */
export interface ReadAndJudged {
  workbook: WorkbookData;
  result: ValidateResult;
  judgedWhileReading: number;
}

/** Reads a workbook somewhere, handing each ReadMessage on as it comes; resolves after 'end'. */
export type WorkbookReader = (onMessage: (message: ReadMessage) => void) => Promise<void>;

/** Starts the thread that runs read-worker for a job. */
export type StartReaderThread = (job: ReaderJob) => Worker;

/**
 * The compiled read-worker.js beside this file. Running from the TypeScript sources (ts-jest) there
 * is none, and large workbooks are read on this thread (the tests start the worker their own way).
 */
export function compiledReaderThread(): StartReaderThread | null {
  const script = path.join(__dirname, 'read-worker.js');
  return fs.existsSync(script) ? (job) => new Worker(script, { workerData: job }) : null;
}

/** A reader that runs on another thread. */
export function threadReader(start: StartReaderThread, job: ReaderJob): WorkbookReader {
  return (onMessage) =>
    new Promise<void>((resolve, reject) => {
      const worker = start(job);
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) {
          void worker.terminate();
          reject(error);
        } else resolve();
      };
      worker.on('message', (message: ThreadMessage) => {
        if (settled) return;
        if (message.kind === 'failed') {
          settle(message.input ? new InputError(message.input.code, message.input.messages) : new Error(message.text));
          return;
        }
        try {
          onMessage(message);
        } catch (e) {
          settle(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        if (message.kind === 'end') settle();
      });
      worker.on('error', (e) => settle(e));
      worker.on('exit', (code) => settle(new Error(`the reading thread stopped (exit code ${code}) before the workbook was read`)));
    });
}

/**
 * Judges the table's rows as the reader delivers them: once every other sheet and the table's first
 * rows are in, each batch is judged on arrival, so judging runs alongside reading instead of after it.
 * Falls back to judging the whole workbook at the end when the early start cannot hold (the table is
 * not the sheet being streamed, its header lies below the first rows, rows arrived out of order); the
 * report is the same either way.
 */
export async function judgeWhileReading(read: WorkbookReader, options: ValidateOptions, onReadEnd: () => void = () => {}): Promise<ReadAndJudged> {
  const assembler = new WorkbookAssembler();
  let judging: TableJudging | null = null;
  let early = true;
  await read((message) => {
    assembler.receive(message);
    if (message.kind !== 'rows' || !early) return;
    if (!assembler.inOrder) {
      [judging, early] = [null, false];
      return;
    }
    if (!judging) {
      const started = startJudging(assembler.workbook, options);
      if (!started.ok || started.judging.sheetIndex !== assembler.streamed) {
        early = false;
        return;
      }
      judging = started.judging;
    }
    judging.judgeArrivedRows();
  });
  onReadEnd();
  const workbook = assembler.workbook;
  const started = judging as TableJudging | null; // assigned in the callback, which TypeScript does not follow
  const judgedWhileReading = started ? started.judgedTasks : 0;
  return { workbook, result: started ? started.finish() : validateWorkbook(workbook, options), judgedWhileReading };
}

/** Below this (the largest sheet's XML, unpacked), a second thread costs more than it saves. */
export const THREAD_FROM_BYTES = 8 * 1024 * 1024;

/**
 * Reads and judges a package open on this thread (its edits included). A large sheet is read on a
 * second thread while this one judges its rows; a small workbook is read, then judged, here.
 */
export async function readAndJudge(
  pkg: WorkbookPackage,
  input: Buffer,
  options: ValidateOptions,
  onReadEnd: () => void = () => {},
  thread: { start: StartReaderThread | null; fromBytes: number } = { start: compiledReaderThread(), fromBytes: THREAD_FROM_BYTES },
): Promise<ReadAndJudged> {
  if (thread.start && (await largestSheetSize(pkg)) >= thread.fromBytes) {
    return judgeWhileReading(threadReader(thread.start, { bytes: input, file: pkg.file, edits: pkg.edits() }), options, onReadEnd);
  }
  const workbook = await readPackage(pkg);
  onReadEnd();
  return { workbook, result: validateWorkbook(workbook, options), judgedWhileReading: 0 };
}

/** A reader on this thread (the same messages, one after the other): for tests and small workbooks. */
export function inProcessReader(pkg: WorkbookPackage, batchRows?: number): WorkbookReader {
  return (onMessage) => streamWorkbook(pkg, onMessage, batchRows);
}

async function largestSheetSize(pkg: WorkbookPackage): Promise<number> {
  let largest = 0;
  for (const entry of await pkg.sheets()) if (entry.partPath !== null) largest = Math.max(largest, await partSize(pkg, entry.partPath));
  return largest;
}
