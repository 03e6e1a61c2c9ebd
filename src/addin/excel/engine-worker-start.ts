import type { EngineWorker } from './engine-runner';

/**
 * Starts the engine worker (engine.worker.ts), which webpack 5 bundles as a chunk of its own from this
 * exact `new Worker(new URL(…, import.meta.url))` form (https://webpack.js.org/guides/web-workers/).
 * Imported only by code webpack builds (the pane's check chunk, the ribbon's function file), never by
 * jest, which compiles to CommonJS where `import.meta` is a syntax error; the rest of the add-in reaches
 * the worker through engine-runner.ts's installEngineWorker.
 */
export function startEngineWorker(): EngineWorker {
  // @ts-expect-error TS1343: tsc checks this project as CommonJS; webpack's ts-loader compiles it as es2020.
  const worker = new Worker(/* webpackChunkName: "engine-worker" */ new URL('./engine.worker.ts', import.meta.url));
  // Its messages are the engine's plain data (engine-job.ts): EngineWorker names them.
  return worker as unknown as EngineWorker;
}
