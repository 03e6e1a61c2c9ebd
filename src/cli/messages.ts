import { Lang } from '../engine/i18n';

/** CLI wording in both languages. */
export const USAGE: Record<Lang, string> = {
  zh: `落实 Luoshi — 责任分解表校验

用法：
  luoshi validate 文件.xlsx [--json 报告.json] [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en]
                  [--sheet 工作表] [--header-row N] [--column 字段=列字母 …]
  luoshi explain [--year YYYY] [--measure] 文本
  luoshi clear 文件.xlsx [-o 输出.xlsx]

validate  校验工作簿中的责任分解表，打印汇总；--json 写出完整报告（- 表示标准输出）
explain   显示一个完成时限（或加 --measure 时一段具体措施）被理解成什么
字段：id category measure lead responsible owner deadline progress doneDate evidence startDate count lastDate notes
退出码：0 成功；2 输入有误（附一行说明）`,
  en: `Luoshi — checks responsibility-breakdown worksheets

Usage:
  luoshi validate FILE.xlsx [--json REPORT.json] [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en]
                  [--sheet NAME] [--header-row N] [--column FIELD=LETTERS …]
  luoshi explain [--year YYYY] [--measure] TEXT
  luoshi clear FILE.xlsx [-o OUT.xlsx]

validate  judges the breakdown table and prints a summary; --json writes the full report (- for stdout)
explain   shows how a deadline cell (or, with --measure, a measure text) is understood
Fields: id category measure lead responsible owner deadline progress doneDate evidence startDate count lastDate notes
Exit codes: 0 success; 2 bad input (with a one-line message)`,
};

export const WRITE_NOT_YET = {
  zh: '写回工作簿（-o / 生成 .checked.xlsx）将在下一版本提供；目前请用 --json 获取报告',
  en: 'Writing the checked workbook (-o / .checked.xlsx) comes in the next version; use --json for the report for now',
};

export const CLEAR_NOT_YET = {
  zh: 'clear（清除校验结果）将与写回功能一同提供；当前版本不会改动任何工作簿',
  en: 'clear arrives together with write-back; this version never changes a workbook',
};
