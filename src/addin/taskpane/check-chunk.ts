/** What the pane loads on the first click (one lazy chunk): the check, the clear, row selection, error messages. */
export { runCheck, runClear, selectRow, selectedRow } from '../excel/run-check';
export { explainOfficeError, MESSAGES } from '../excel/office-errors';
export { columnLetter } from '../../engine';
