import { installEngineWorker } from '../excel/engine-runner';
import { startEngineWorker } from '../excel/engine-worker-start';

/** What the pane loads on the first click (one lazy chunk): the check, the clear, row selection, error messages. */
export { runCheck, runClear, selectRow, selectedRow } from '../excel/run-check';
export { explainOfficeError, MESSAGES } from '../excel/office-errors';
export { columnLetter } from '../../engine';

// The engine's 校验 work goes to a worker of its own, started with this chunk so it loads while the workbook is read
// (issue 17, item 11); where Worker is missing, engine-runner runs it on the pane's thread.
if (typeof Worker !== 'undefined') installEngineWorker(startEngineWorker);
