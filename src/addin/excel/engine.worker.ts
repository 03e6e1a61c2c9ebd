import { answer, EngineRequest, EngineReply } from './engine-job';

/*
 * The engine worker (issue 17, item 11): 校验's validate and plan off the task pane's thread. webpack 5
 * bundles it as a chunk of its own from `new Worker(new URL('./engine.worker.ts', import.meta.url))`
 * (engine-worker-start.ts; https://webpack.js.org/guides/web-workers/). No Office.js here: Office's
 * APIs live on the pane's thread only; the worker gets plain data and answers with plain data.
 */

/** The worker's global scope, as far as it is used (tsconfig's lib is DOM, not WebWorker). */
const scope = self as unknown as {
  onmessage: ((event: { data: EngineRequest }) => void) | null;
  postMessage(reply: EngineReply): void;
};

scope.onmessage = (event) => scope.postMessage(answer(event.data));
