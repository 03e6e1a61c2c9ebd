import { Lang, LayoutOverride, parseColumnOverrides, today } from '../engine';
import { OptionSpecs, ParsedArgs, text, texts } from './args';
import { fail } from './exit';

/** The options of the commands that read a breakdown table (SPEC §2, §4, §7). */
export const TABLE_OPTIONS: OptionSpecs = {
  'as-of': { type: 'string' },
  'warn-days': { type: 'string' },
  lang: { type: 'string' },
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  column: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
};

/** --lang: zh (the default) or en; zh-CN and en-US as Office names them. */
export function langOf(args: ParsedArgs): Lang {
  const value = text(args, 'lang') ?? 'zh';
  if (value === 'zh' || value === 'zh-CN' || value === 'zh-cn') return 'zh';
  if (value === 'en' || value === 'en-US' || value === 'en-us') return 'en';
  return fail(`--lang 只能是 zh 或 en，而不是“${value}”`, `--lang must be zh or en, not "${value}"`);
}

/** --sheet, --header-row, --column: the user's layout override (SPEC §2). */
export function overrideOf(args: ParsedArgs): LayoutOverride {
  const override: LayoutOverride = {};
  const sheet = text(args, 'sheet');
  if (sheet !== undefined) override.sheet = sheet;
  const headerRow = text(args, 'header-row');
  if (headerRow !== undefined) {
    const n = Number(headerRow);
    if (!Number.isInteger(n) || n < 1)
      fail(
        `--header-row 应为正整数，而不是“${headerRow}”`,
        `--header-row must be a positive whole number, not "${headerRow}"`,
      );
    override.headerRow = n;
  }
  const specs = texts(args, 'column');
  if (specs.length > 0) {
    const { columns, problems } = parseColumnOverrides(specs);
    // The first part not understood is enough to stop: a wrong column would judge the wrong cells.
    if (problems.length > 0) fail(`--column ${problems[0].message.zh}`, `--column ${problems[0].message.en}`);
    override.columns = columns;
  }
  return override;
}

/** A real calendar date as YYYY-MM-DD (2022-02-30 is not one). */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** --as-of YYYY-MM-DD, today when absent. */
export function asOfOf(args: ParsedArgs): string {
  const asOf = text(args, 'as-of') ?? today();
  if (!isCalendarDate(asOf))
    fail(`--as-of 应为实有的日期 YYYY-MM-DD，而不是“${asOf}”`, `--as-of must be a real date YYYY-MM-DD, not "${asOf}"`);
  return asOf;
}

/** --warn-days N (0–3650 days), undefined for the table's or the rule's own. */
export function warnDaysOf(args: ParsedArgs): number | undefined {
  const warnText = text(args, 'warn-days');
  if (warnText === undefined) return undefined;
  const warnDays = Number(warnText);
  if (!(/^\d+$/.test(warnText) && warnDays <= 3650))
    fail(
      `--warn-days 应为 0–3650 的整数，而不是“${warnText}”`,
      `--warn-days must be a whole number 0–3650, not "${warnText}"`,
    );
  return warnDays;
}
