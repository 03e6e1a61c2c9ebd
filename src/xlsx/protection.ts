import { Message } from '../engine/i18n';
import { sheetProtected, STRUCTURE_PROTECTED } from '../engine/write/protection-messages';
import { inputError } from './input-error';
import { definedNames, isLuoshiName, MARK, parseColumnRange } from './luoshi-marks';
import { attributesOf, findStartTag, lastEndTag } from './xml-scan';
import { SheetEntry, WorkbookPackage } from './workbook-package';

/*
 * Protection a user set in Excel/WPS (issue 16). The CLI edits the package directly, so nothing stops
 * it from writing where Excel would not; these checks refuse instead, in the add-in's words
 * (src/engine/write/protection-messages.ts).
 *   <workbookProtection lockStructure="1"> — sheets may not be added, deleted, renamed or moved;
 *   <sheetProtection sheet="1">            — the sheet's locked cells (all, by default) may not change.
 * Both attributes are xsd:boolean and default to false: a sheetProtection without sheet="1" (Excel
 * keeps one after unprotecting when options were set) or a workbookProtection locking only the
 * windows guards nothing Luoshi writes.
 */

function isTrue(value: string | undefined): boolean {
  const v = value?.trim();
  return v === '1' || v === 'true';
}

/** Whether the workbook's structure is locked (workbook.xml's <workbookProtection lockStructure>). */
export async function structureLocked(pkg: WorkbookPackage): Promise<boolean> {
  const tag = findStartTag(await pkg.required(pkg.workbookPath), 'workbookProtection');
  return tag !== null && isTrue(attributesOf(tag.text).lockStructure);
}

/** Whether a worksheet part is protected (<sheetProtection sheet="1">); false for a missing part. */
export async function sheetLocked(pkg: WorkbookPackage, partPath: string | null): Promise<boolean> {
  const xml = partPath ? await pkg.text(partPath) : null;
  if (!xml) return false;
  // sheetProtection follows sheetData (CT_Worksheet's order): look only past it, so 100k rows are not scanned.
  const tag = findStartTag(xml, 'sheetProtection', Math.max(0, lastEndTag(xml, 'sheetData')));
  return tag !== null && isTrue(attributesOf(tag.text).sheet);
}

/** What an earlier run left that a new run or `clear` takes out: its sheets and the sheet of its status column. */
async function earlierOutput(pkg: WorkbookPackage): Promise<{ sheets: SheetEntry[]; statusSheet: SheetEntry | null }> {
  const own = definedNames(await pkg.required(pkg.workbookPath)).filter((n) => isLuoshiName(n.name));
  if (own.length === 0) return { sheets: [], statusSheet: null };
  const all = await pkg.sheets();
  const sheets = own.filter((n) => n.name === MARK.sheet && n.localSheetId !== null && all[n.localSheetId]);
  // As clearOwned reads it: the first status mark with a sheet scope, and only when its range is readable.
  const status = own.find((n) => n.name === MARK.status && n.localSheetId !== null);
  const statusSheet = status && parseColumnRange(status.value) ? (all[status.localSheetId!] ?? null) : null;
  return { sheets: [...new Set(sheets.map((n) => all[n.localSheetId!]))], statusSheet };
}

function structureMessage(deleting: boolean, file: string): Message {
  return deleting
    ? {
        zh: `工作簿结构受保护，无法删除落实生成的工作表。请先撤销工作簿保护（审阅 → 保护工作簿）：${file}`,
        en: `The workbook structure is protected, so the sheets Luoshi made cannot be deleted. Unprotect the workbook first (Review → Protect Workbook): ${file}`,
      }
    : {
        zh: `${STRUCTURE_PROTECTED.zh}，或加 --no-write 只看报告：${file}`,
        en: `${STRUCTURE_PROTECTED.en}, or use --no-write for the report alone: ${file}`,
      };
}

function sheetMessage(sheet: string, file: string): Message {
  const m = sheetProtected(sheet);
  return { zh: `${m.zh}：${file}`, en: `${m.en}: ${file}` };
}

function refuse(message: Message): never {
  throw inputError('protected', message.zh, message.en);
}

/**
 * validate with write-back (SPEC §5): refuses (InputError 'protected', exit 2, nothing written) when
 * the write would break the user's protection — the structure is locked (Luoshi adds sheets), the
 * breakdown sheet `breakdownSheet` is protected (the status column goes there), or a sheet an earlier
 * run made or wrote its status column into is protected (it is replaced or cleared). As the add-in's
 * runCheck. `pkg` may carry edits (clearOwned's): the package as opened is what is checked.
 */
export async function refuseProtectedCheck(pkg: WorkbookPackage, breakdownSheet: string, file: string): Promise<void> {
  const original = pkg.unedited();
  if (await structureLocked(original)) refuse(structureMessage(false, file));
  const all = await original.sheets();
  const earlier = await earlierOutput(original);
  const touched = [all.find((s) => s.name === breakdownSheet), ...earlier.sheets, earlier.statusSheet];
  for (const sheet of touched)
    if (sheet && (await sheetLocked(original, sheet.partPath))) refuse(sheetMessage(sheet.name, file));
}

/**
 * clear (SPEC §5 清除结果): refuses (InputError 'protected', exit 2, nothing written) only when there
 * is something to take out that protection forbids touching: Luoshi's sheets under a locked structure
 * (deleting a sheet is a structure change), or a status column on a protected sheet. A protected sheet
 * of Luoshi's is deleted as it is, as Excel lets one delete a protected sheet; names and a status
 * column on an unprotected sheet are not guarded by a locked structure.
 */
export async function refuseProtectedClear(pkg: WorkbookPackage, file: string): Promise<void> {
  const original = pkg.unedited();
  const earlier = await earlierOutput(original);
  if (earlier.sheets.length > 0 && (await structureLocked(original))) refuse(structureMessage(true, file));
  const status = earlier.statusSheet;
  if (status && (await sheetLocked(original, status.partPath))) refuse(sheetMessage(status.name, file));
}
