import * as path from 'path';
import { Worker } from 'worker_threads';
import { ReaderJob } from '../../src/xlsx/judge-while-reading';

const READ_WORKER = path.join(__dirname, '..', '..', 'src', 'xlsx', 'read-worker.ts');

/**
 * Starts the real read-worker from its TypeScript source (jest runs the sources; the CLI runs the
 * compiled dist/): the thread compiles each .ts module it loads with TypeScript's transpileModule.
 */
export function startTsReaderThread(job: ReaderJob): Worker {
  const bootstrap = `
    const fs = require('fs');
    const ts = require('typescript');
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const out = ts.transpileModule(source, { fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
      module._compile(out.outputText, filename);
    };
    require(${JSON.stringify(READ_WORKER)});
  `;
  return new Worker(bootstrap, { eval: true, workerData: job });
}
