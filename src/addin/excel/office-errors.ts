import { Message, sheetProtected, STRUCTURE_PROTECTED } from '../../engine';
import { REQUIRED_API_SET } from './requirements';

/**
 * A failure the pane explains in one line, in both languages. When the engine found no table, `help`
 * carries its likeliest header row and the overrides that would take it (ValidateFailure's candidate
 * and hint), so the pane can offer to use them.
 */
/** The engine's shared wording, ended as a sentence. */
function sentence(m: Message): Message {
  return { zh: `${m.zh}。`, en: `${m.en}.` };
}

export class AddinError extends Error {
  constructor(
    readonly text: Message,
    readonly help?: { candidate?: { sheet: string; row: number; headers: string[] }; hint?: string[] },
  ) {
    super(text.en);
  }
}

export const MESSAGES = {
  tooOld: {
    zh: `此版本的 Excel 过旧，不支持落实所需的接口（${REQUIRED_API_SET.name} ${REQUIRED_API_SET.version}）。请使用 Microsoft 365 版 Excel、Excel 2021 及以上或网页版 Excel。`,
    en: `This Excel is too old for Luoshi: it needs ${REQUIRED_API_SET.name} ${REQUIRED_API_SET.version} (Microsoft 365, Excel 2021 or later, or Excel on the web).`,
  },
  cellEditMode: {
    zh: '单元格正在编辑中。请先按 Enter 或 Esc 结束编辑，再点“校验”。',
    en: 'A cell is being edited. Press Enter or Esc to finish editing, then click Validate again.',
  },
  structureProtected: sentence(STRUCTURE_PROTECTED),
  sheetProtected: (sheet: string): Message => sentence(sheetProtected(sheet)),
  accessDenied: {
    zh: 'Excel 拒绝写入：工作表或工作簿可能受保护，或文件为只读。',
    en: 'Excel refused the change: a sheet or the workbook may be protected, or the file is read-only.',
  },
  multipleSelection: {
    zh: '选中了多处区域。请只点选表头所在行的一个单元格。',
    en: 'Several areas are selected. Click just one cell of the header row.',
  },
  /** Copies of Luoshi's sheets the user made: Luoshi leaves them as they are (issue 17, item 7). */
  copiesKept: (sheets: string[]): Message => ({
    zh: `${sheets.map((s) => `“${s}”`).join('、')}是落实结果表的副本，已原样保留，不会被更新或清除。`,
    en: `${sheets.map((s) => `"${s}"`).join(', ')} ${sheets.length === 1 ? 'is a copy' : 'are copies'} of Luoshi's sheets: left as ${sheets.length === 1 ? 'it is' : 'they are'}, neither updated nor cleared.`,
  }),
  failed: (detail: string): Message => ({
    zh: `Excel 未能完成操作：${detail}`,
    en: `Excel could not complete the operation: ${detail}`,
  }),
};

/**
 * Whether Office refused a request because the user is typing in a cell. Two codes say so: Excel's
 * InvalidOperationInCellEditMode (Excel.ErrorCodes,
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling), and the
 * common API's 5004 "Invalid API call in the current context", which Excel's runtime (excel-web-16.00.debug.js,
 * RequestContext._processOfficeJsErrorResponse) turns into the first but which reaches callers as is where
 * that translation does not run.
 */
export function isCellEditError(error: unknown): boolean {
  const code = (error as { code?: string | number } | null)?.code;
  return code === 'InvalidOperationInCellEditMode' || code === 5004 || code === '5004';
}

/** Turns what Office.js threw into a message for the pane. */
export function explainOfficeError(error: unknown): Message {
  if (error instanceof AddinError) return error.text;
  if (isCellEditError(error)) return MESSAGES.cellEditMode;
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === 'AccessDenied') return MESSAGES.accessDenied;
  if (code === 'InvalidSelection') return MESSAGES.multipleSelection;
  if (code === 'ApiNotFound') return MESSAGES.tooOld;
  const message = (error as { message?: string } | null)?.message ?? String(error);
  return MESSAGES.failed(code ? `${code}: ${message}` : message);
}
