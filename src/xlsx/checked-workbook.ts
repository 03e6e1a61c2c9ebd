import { ValidateFailure, validateWorkbook, ValidateOptions } from '../engine/validate';
import { Report } from '../engine/model/report';
import { carriedMergeLog } from '../engine/roundtrip/merge-changes';
import { buildWritePlan } from '../engine/write/build-plan';
import { applyPlan } from './apply-plan';
import { clearOwned } from './clear-owned';
import { inputError } from './input-error';
import { refuseProtectedCheck, refuseProtectedClear } from './protection';
import { readPackage } from './read-workbook';
import { TakenOut } from './renumber';
import { firstLoss } from './verify-package';
import { WorkbookPackage } from './workbook-package';

export type Stage = 'read' | 'judge' | 'write' | 'verify';

export interface CheckedWorkbook {
  report: Report;
  /** The input package plus Luoshi's parts. */
  output: Buffer;
}

async function verified(input: WorkbookPackage, output: Buffer, file: string, takenOut?: TakenOut): Promise<Buffer> {
  const loss = await firstLoss(input, output, file, takenOut);
  if (loss) {
    throw inputError(
      'would_lose_data',
      `为避免丢失工作簿中的内容，未写出结果（${loss}）：${file}`,
      `Nothing was written, to avoid losing part of the workbook (${loss}): ${file}`,
    );
  }
  return output;
}

export type Judged<T> = { ok: true; value: T } | { ok: false; error: ValidateFailure };

/** Reads the user's own workbook (Luoshi's earlier output cleared from the package in memory) and judges it. */
async function openAndJudge(input: Buffer, file: string, options: ValidateOptions, progress: (stage: Stage) => void) {
  progress('read');
  const pkg = await WorkbookPackage.open(input, file);
  const cleared = await clearOwned(pkg);
  const workbook = await readPackage(pkg);
  progress('judge');
  return { pkg, cleared, workbook, result: validateWorkbook(workbook, options) };
}

/** validate --no-write: the report only; no workbook is assembled, so none is verified. */
export async function judgedWorkbook(
  input: Buffer,
  file: string,
  options: ValidateOptions,
  progress: (stage: Stage) => void = () => {},
): Promise<Judged<{ report: Report }>> {
  const { result } = await openAndJudge(input, file, options, progress);
  return result.ok ? { ok: true, value: { report: result.report } } : result;
}

/**
 * validate with write-back (SPEC §5): clears Luoshi's earlier output, judges the user's own workbook,
 * writes the plan, and checks the result against the input before handing it out. Throws InputError
 * 'protected' when writing would break the user's protection (issue 16; see refuseProtectedCheck).
 */
export async function checkedWorkbook(
  input: Buffer,
  file: string,
  options: ValidateOptions & { runAt: string },
  progress: (stage: Stage) => void = () => {},
): Promise<Judged<CheckedWorkbook>> {
  const { pkg, cleared, workbook, result } = await openAndJudge(input, file, options, progress);
  if (!result.ok) return { ok: false, error: result.error };
  // After judging, as in the add-in: which sheet is the breakdown sheet is known only now.
  await refuseProtectedCheck(pkg, result.report.sheet, file);
  progress('write');
  const userSheets = (await pkg.sheets()).map((s) => s.name);
  const plan = buildWritePlan(result.report, {
    userSheets,
    fileName: workbook.name ?? '',
    runAt: options.runAt,
    previousRunLog: cleared.previousRunLog,
  });
  if (cleared.previousMergeLog)
    plan.sheets.push(
      carriedMergeLog(result.report, cleared.previousMergeLog, [...userSheets, ...plan.sheets.map((s) => s.name)]),
    );
  await applyPlan(pkg, plan, { styles: cleared.originalStyles, strings: cleared.originalStrings });
  const output = await pkg.save();
  progress('verify');
  return { ok: true, value: { report: result.report, output: await verified(pkg, output, file) } };
}

/**
 * clear (SPEC §5 清除结果): the workbook without anything Luoshi wrote. Throws InputError 'protected'
 * when protection forbids taking it out (see refuseProtectedClear).
 */
export async function clearedWorkbook(input: Buffer, file: string): Promise<{ found: boolean; output: Buffer }> {
  const pkg = await WorkbookPackage.open(input, file);
  await refuseProtectedClear(pkg, file);
  const cleared = await clearOwned(pkg, { final: true });
  if (!cleared.found) return { found: false, output: input };
  return { found: true, output: await verified(pkg, await pkg.save(), file, cleared.takenOut) };
}
