import { syntheticWorkbook } from '../bench/synthetic-table';
import { answer, EngineReply, EngineRequest, JudgeJob, judgeAndPlan } from '../src/addin/excel/engine-job';
import { EngineWorker, engineInWorker, installEngineWorker, runEngine } from '../src/addin/excel/engine-runner';
import { runMerge } from '../src/addin/excel/merge-writes';
import { runCheck } from '../src/addin/excel/run-check';
import { WorkbookData } from '../src/engine/model/workbook';
import { sheet, table } from './helpers/fixtures';
import { testHost } from './office-host/context';
import { hostWorkbookOf } from './office-host/model';

/*
 * Issue 17, item 11: 校验's engine step runs in a Web Worker (engine.worker.ts) when the shell installs
 * one, else on the pane's thread after a yield. Here the worker is a stand-in that answers through
 * structuredClone both ways, as postMessage does; the browser test runs the real one in chromium.
 */

const OPTIONS = { asOf: '2022-09-30', runAt: '2022-09-30 09:00', fileName: '台账.xlsx' };

function fixture(): WorkbookData {
  return table(
    [
      [1, '每月开展1次主题党日活动', '机关党委', '各支部', '每月', '1月、2月、4月开展', null],
      [2, '完善督查问责机制', '办公室', '督查室', '2022年6月30日前', '推进中', null],
      [3, '每半年报告一次思想动态分析', '組織處', '各支部', '每半年', '已完成', { date: '2022-06-20' }],
      [4, '修订请示报告制度', '办公室', '', '10月5日前', '', null],
    ],
    undefined,
    [sheet('部门', [['部门'], ['机关党委'], ['办公室'], ['组织处'], ['督查室']])],
  );
}

/** A worker stand-in: each message is cloned in, answered by engine.worker.ts's `answer`, cloned out. */
function clonedWorker(log: EngineRequest[] = [], behave: 'answer' | 'fail' = 'answer'): EngineWorker {
  const w: EngineWorker = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const request = structuredClone(message);
      log.push(request);
      setTimeout(() => {
        if (behave === 'fail') w.onerror?.({ message: 'script failed to load' });
        else w.onmessage?.({ data: structuredClone(answer(request)) as EngineReply });
      }, 0);
    },
    terminate() {},
  };
  return w;
}

/**
 * What postMessage would change: functions, Maps, Sets, Dates, class instances. One exception, read field
 * by field: the engine's findings are FindingRecord objects whose only method, toJSON, leaves `at` out of
 * the CLI's JSON; cloned they are plain objects with the same fields (and `at`), which is all the pane reads.
 */
function plainDataProblems(value: unknown, path = '$', out: string[] = []): string[] {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return out;
  if (typeof value !== 'object') return [...out, `${path}: ${typeof value}`];
  const proto = Object.getPrototypeOf(value);
  const methods = proto && Object.getOwnPropertyNames(proto).filter((m) => m !== 'constructor');
  const onlyToJson = methods?.length === 1 && methods[0] === 'toJSON' && proto.constructor?.name === 'FindingRecord';
  if (Array.isArray(value)) value.forEach((v, i) => plainDataProblems(v, `${path}[${i}]`, out));
  else if (proto === null || proto.constructor?.name === 'Object' || onlyToJson)
    for (const [k, v] of Object.entries(value)) plainDataProblems(v, `${path}.${k}`, out);
  else out.push(`${path}: ${proto.constructor?.name}`);
  return out;
}

afterEach(() => installEngineWorker(null));

test('the job and its outcome are plain data: a real report and plan (with 合并记录 and 校验记录 carried) cross postMessage unchanged', () => {
  const job: JudgeJob = {
    workbook: syntheticWorkbook(300),
    options: { asOf: '2026-11-20', lang: 'zh' },
    plan: {
      userSheets: ['台账'],
      fileName: '台账.xlsx',
      runAt: '2026-11-20 09:00',
      previousRunLog: [['校验记录'], [], [], ['2026-10-01 09:00', '台账.xlsx', 300, 2]],
      previousMergeLog: [['合并记录'], [], ['日期', '部门'], ['2026-10-02', '办公室']],
    },
  };
  const outcome = judgeAndPlan(job);
  if (!outcome.ok) throw new Error('synthetic table');
  expect(outcome.plan.sheets.map((s) => s.name)).toContain('合并记录');
  expect(plainDataProblems(job)).toEqual([]);
  expect(plainDataProblems(outcome)).toEqual([]);
  expect(structuredClone(outcome)).toEqual(outcome);
});

test('校验 through the worker writes exactly what the pane-thread fallback writes, and reports the same', async () => {
  const alone = hostWorkbookOf(fixture());
  const viaThread = await runCheck(testHost(alone), OPTIONS);
  const requests: EngineRequest[] = [];
  installEngineWorker(() => clonedWorker(requests));
  expect(engineInWorker()).toBe(true);
  const model = hostWorkbookOf(fixture());
  const viaWorker = await runCheck(testHost(model), OPTIONS);
  expect(requests).toHaveLength(1);
  expect(requests[0].job.workbook.name).toBe('台账.xlsx');
  expect(viaWorker.report).toEqual(viaThread.report);
  expect(viaWorker.syncs).toBe(viaThread.syncs);
  expect(model.sheets.map((s) => s.name)).toEqual(alone.sheets.map((s) => s.name));
  // Every cell of every sheet, values and formats alike.
  for (const s of alone.sheets) expect(model.sheet(s.name)!.cells).toEqual(s.cells);
});

test('a worker that fails to start: 校验 runs on the pane’s thread, and later runs stay there', async () => {
  const requests: EngineRequest[] = [];
  installEngineWorker(() => clonedWorker(requests, 'fail'));
  const result = await runCheck(testHost(hostWorkbookOf(fixture())), OPTIONS);
  expect(result.report.summary.total).toBe(4);
  expect(requests).toHaveLength(1);
  expect(engineInWorker()).toBe(false);
  await runCheck(testHost(hostWorkbookOf(fixture())), OPTIONS);
  expect(requests).toHaveLength(1);
});

test('the engine’s own refusal (no table) comes back from the worker as the same one-line message; nothing is written', async () => {
  installEngineWorker(() => clonedWorker());
  const model = hostWorkbookOf({ sheets: [sheet('Sheet1', [['随便写的'], ['没有表头']])], date1904: false });
  await expect(runCheck(testHost(model), OPTIONS)).rejects.toMatchObject({
    text: {
      zh: expect.stringContaining('没有找到责任分解表'),
      en: expect.stringContaining('No breakdown table found'),
    },
  });
  expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});

test('合并反馈 judges the merged workbook in the worker too', async () => {
  const requests: EngineRequest[] = [];
  installEngineWorker(() => clonedWorker(requests));
  const model = hostWorkbookOf(fixture());
  const run = await runMerge(testHost(model), [], [], OPTIONS);
  expect(requests).toHaveLength(1);
  expect(run.report.summary.total).toBe(4);
});

test('without a worker the engine step waits one turn of the event loop first (the pane paints its stage)', async () => {
  const order: string[] = [];
  const job: JudgeJob = {
    workbook: fixture(),
    options: { asOf: '2022-09-30' },
    plan: { userSheets: [], fileName: '', runAt: '', previousRunLog: null, previousMergeLog: null },
  };
  // A timer queued before the engine step fires before it: the step gave the event loop a turn.
  setTimeout(() => order.push('timer'), 0);
  await runEngine(job).then(() => order.push('engine'));
  expect(order).toEqual(['timer', 'engine']);
});
