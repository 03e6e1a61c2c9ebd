/**
 * The thread that reads a large workbook while the main thread judges it (see judge-while-reading.ts):
 * opens the package, makes the main thread's edits (Luoshi's earlier output cleared), and posts the
 * workbook as ReadMessages.
 */
import { parentPort, workerData } from 'worker_threads';
import { InputError } from './input-error';
import { ReaderJob, ThreadMessage } from './judge-while-reading';
import { streamWorkbook } from './workbook-stream';
import { WorkbookPackage } from './workbook-package';

async function run(job: ReaderJob): Promise<void> {
  const post = (message: ThreadMessage) => parentPort!.postMessage(message);
  try {
    const pkg = await WorkbookPackage.open(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.file);
    pkg.applyEdits(job.edits);
    await streamWorkbook(pkg, post);
  } catch (e) {
    post({ kind: 'failed', input: e instanceof InputError ? { code: e.code, messages: e.messages } : null, text: e instanceof Error ? e.message : String(e) });
  }
}

run(workerData as ReaderJob);
