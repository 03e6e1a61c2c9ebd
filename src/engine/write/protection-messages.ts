import { Message } from '../i18n';

/*
 * Why Luoshi will not write into a protected workbook (SPEC §5: never break what the user set), said the
 * same way by the add-in and the CLI. Each shell ends the sentence its own way (the CLI adds the file).
 */

/** The workbook structure is locked: the generated sheets cannot be added or replaced. */
export const STRUCTURE_PROTECTED: Message = Object.freeze({
  zh: '工作簿结构受保护，无法添加或替换汇总等工作表。请先撤销工作簿保护（审阅 → 保护工作簿）',
  en: 'The workbook structure is protected, so the summary sheets cannot be added or replaced. Unprotect the workbook first (Review → Protect Workbook)',
});

/** A sheet Luoshi must write to is protected. */
export function sheetProtected(sheet: string): Message {
  return {
    zh: `工作表“${sheet}”受保护，落实不能写入。请先撤销工作表保护（审阅 → 撤销工作表保护）`,
    en: `The sheet "${sheet}" is protected, so Luoshi cannot write to it. Unprotect it first (Review → Unprotect Sheet)`,
  };
}
