import { EngineReply, EngineRequest, JudgeJob, JudgeOutcome, judgeAndPlan } from './engine-job';

/*
 * Where the add-in runs the engine (issue 17, item 11). Office restarts an add-in that stays unresponsive
 * for 5 seconds ("Application blocking - Prolonged unresponsiveness threshold of 5 seconds for an add-in
 * … Add-ins can reach this threshold when they do not regularly yield processing while performing
 * long-running tasks": https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * and judging and planning a 20,000-row table takes seconds. So the job goes to a Web Worker when the
 * shell installed one (the pane's check chunk and the ribbon's function file do, see
 * engine-worker-start.ts); without one (jest, a host without Worker) or when the worker cannot start,
 * it runs on this thread after one yield, so the pane can paint its stage first.
 */

/** What the runner needs of a Worker (the DOM's Worker has it; tests pass a stand-in). */
export interface EngineWorker {
  postMessage(message: EngineRequest): void;
  onmessage: ((event: { data: EngineReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessageerror?: ((event: unknown) => void) | null;
  terminate(): void;
}

/** The worker could not start or died: the job runs on the pane's thread instead. */
class WorkerLost extends Error {}

interface Pending {
  resolve(outcome: JudgeOutcome): void;
  reject(error: Error): void;
}

let start: (() => EngineWorker) | null = null;
let worker: EngineWorker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * Makes runEngine use a worker made by `startWorker` (started now, kept for later runs); null goes back
 * to the pane's thread; the same `startWorker` again changes nothing. A worker that fails to start or dies is dropped for the rest of the session.
 */
export function installEngineWorker(startWorker: (() => EngineWorker) | null): void {
  if (startWorker === start) return; // Both lazy chunks install it; one worker serves both.
  dropWorker(new WorkerLost('replaced'));
  start = startWorker;
  if (start) workerNow();
}

/** True when the next runEngine goes to a worker. */
export function engineInWorker(): boolean {
  return workerNow() !== null;
}

function workerNow(): EngineWorker | null {
  if (worker || !start) return worker;
  try {
    const w = start();
    w.onmessage = ({ data }) => settle(data);
    // A script that does not load, an error the engine did not catch (out of memory), a reply that does
    // not deserialize: the worker is given up and the jobs it held run here.
    w.onerror = () => dropWorker(new WorkerLost('worker error'), true);
    w.onmessageerror = () => dropWorker(new WorkerLost('message error'), true);
    worker = w;
  } catch {
    start = null; // No Worker here (Worker undefined, a security policy): this thread from now on.
  }
  return worker;
}

function settle(reply: EngineReply): void {
  const job = pending.get(reply.id);
  if (!job) return;
  pending.delete(reply.id);
  if ('outcome' in reply) job.resolve(reply.outcome);
  else job.reject(Object.assign(new Error(reply.thrown.message), { name: reply.thrown.name }));
}

/** Ends the worker and hands its jobs back (they run here); `giveUp` keeps the next runs here as well. */
function dropWorker(reason: WorkerLost, giveUp = false): void {
  worker?.terminate();
  worker = null;
  if (giveUp) start = null;
  const held = [...pending.values()];
  pending.clear();
  for (const p of held) p.reject(reason);
}

/** One turn of the event loop: the pane handles input and paints before the engine takes the thread. */
function yieldToPane(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Judges and plans (judgeAndPlan) in the engine worker when there is one, else on this thread after a
 * yield. Same outcome either way; the engine's own failures come back as { ok: false }, and an error the
 * engine throws is thrown here with its message.
 */
export async function runEngine(job: JudgeJob): Promise<JudgeOutcome> {
  const w = workerNow();
  if (w) {
    try {
      return await new Promise<JudgeOutcome>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        w.postMessage({ id, job });
      });
    } catch (e) {
      if (!(e instanceof WorkerLost)) throw e;
    }
  }
  await yieldToPane();
  return judgeAndPlan(job);
}
