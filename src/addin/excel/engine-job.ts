import {
  buildWritePlan,
  carriedMergeLog,
  CellValue,
  Report,
  validateWorkbook,
  ValidateFailure,
  ValidateOptions,
  WorkbookData,
  WritePlan,
} from '../../engine';

/*
 * The engine's part of 校验 (SPEC §4–§5) as one job of plain data: what the pane sends to the engine
 * worker and what it gets back (see engine-runner.ts). Everything here survives the structured clone
 * of postMessage (no functions, Maps, Dates or class instances; test/addin-engine-worker.test.ts checks
 * it on a real report and plan): https://developer.mozilla.org/docs/Web/API/Web_Workers_API/Structured_clone_algorithm.
 */

/** 校验's engine step: the workbook as read, the options, and what the write plan needs from the workbook. */
export interface JudgeJob {
  workbook: WorkbookData;
  options: ValidateOptions;
  plan: {
    /** Names of the workbook's own sheets. */
    userSheets: string[];
    fileName: string;
    /** Local time of the run, "2026-11-21 09:30". */
    runAt: string;
    /** 校验记录 of earlier runs, as read (null: none). */
    previousRunLog: CellValue[][] | null;
    /** 合并记录 as read (null: none): carried over by 校验, with no new rows. */
    previousMergeLog: CellValue[][] | null;
  };
}

/** The report and the plan, or the engine's one-line refusal (no table, no such sheet, a bad column). */
export type JudgeOutcome = { ok: true; report: Report; plan: WritePlan } | { ok: false; error: ValidateFailure };

/** validateWorkbook then buildWritePlan (and the carried 合并记录). Pure; runs in the worker or on the pane's thread. */
export function judgeAndPlan(job: JudgeJob): JudgeOutcome {
  const result = validateWorkbook(job.workbook, job.options);
  if (!result.ok) return result;
  const { userSheets, fileName, runAt, previousRunLog, previousMergeLog } = job.plan;
  const plan = buildWritePlan(result.report, { userSheets, fileName, runAt, previousRunLog });
  if (previousMergeLog)
    plan.sheets.push(
      carriedMergeLog(result.report, previousMergeLog, [...userSheets, ...plan.sheets.map((s) => s.name)]),
    );
  return { ok: true, report: result.report, plan };
}

/** A message to the engine worker: one job, with the id its answer carries back. */
export interface EngineRequest {
  id: number;
  job: JudgeJob;
}

/** The worker's answer: the outcome, or the message of what the engine threw. */
export type EngineReply =
  { id: number; outcome: JudgeOutcome } | { id: number; thrown: { name: string; message: string } };

/** What the worker does with a request (kept apart from the worker's globals so jest can run it). */
export function answer(request: EngineRequest): EngineReply {
  try {
    return { id: request.id, outcome: judgeAndPlan(request.job) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return { id: request.id, thrown: { name: error.name, message: error.message } };
  }
}
