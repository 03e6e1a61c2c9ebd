import type { OfficeDocumentLike } from './file-bytes';

/**
 * What the add-in needs from Office: a way to run a batch against the workbook (Excel.run), the
 * requirement-set check, the platform (Excel on the web limits a request to 5 MB), the display
 * language and the open document's file (分发). Production passes Office's own; the tests and the browser harness pass the test host.
 */
export interface ExcelHost {
  /**
   * Excel.run. With `delayForCellEdit`, a request made while the user is typing in a cell waits until the
   * editing ends instead of failing (RunOptions.delayForCellEdit, ExcelApi 1.11, recommended for ribbon
   * commands: https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { delayForCellEdit?: boolean }): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /** Excel on the web caps each request and each response at 5 MB. */
  web: boolean;
  /** Office's display language, e.g. "zh-CN", "en-US". */
  displayLanguage: string;
  /** Office.context.document: the open workbook's bytes (getFileAsync) and its URL, for 分发 and the file name. */
  document: OfficeDocumentLike;
}

/** The host inside Office, once Office.onReady has fired. */
export function officeHost(): ExcelHost {
  return {
    run: (batch, options) =>
      options?.delayForCellEdit ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    web: Office.context.platform === Office.PlatformType.OfficeOnline,
    displayLanguage: Office.context.displayLanguage || 'zh-CN',
    // Office.Document's getFileAsync takes (fileType, options, callback) as OfficeDocumentLike declares
    // (https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1)).
    document: Office.context.document as unknown as OfficeDocumentLike,
  };
}
