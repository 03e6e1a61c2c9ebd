import { Lang } from '../engine';

/** CLI wording in both languages. */
export const USAGE: Record<Lang, string> = {
  zh: `落实 Luoshi — 责任分解表校验

用法：
  luoshi validate 文件.xlsx [-o 输出.xlsx] [--json 报告.json] [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en]
                  [--sheet 工作表] [--header-row N] [--column 字段=列字母 …]
  luoshi explain [--year YYYY] [--measure] 文本
  luoshi clear 文件.xlsx [-o 输出.xlsx]

validate  校验责任分解表，写出 文件.checked.xlsx（或 -o 指定的文件），打印汇总；
          --json 写出完整报告（- 表示标准输出）；--no-write 只出报告，不写工作簿
clear     去掉落实写入的全部内容，写出 文件.cleared.xlsx（或 -o 指定的文件）
explain   显示一个完成时限（或加 --measure 时一段具体措施）被理解成什么
字段：id category measure lead responsible owner deadline progress doneDate evidence startDate count lastDate notes
退出码：0 成功；2 输入有误（附一行说明）`,
  en: `Luoshi — checks responsibility-breakdown worksheets

Usage:
  luoshi validate FILE.xlsx [-o OUT.xlsx] [--json REPORT.json] [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en]
                  [--sheet NAME] [--header-row N] [--column FIELD=LETTERS …]
  luoshi explain [--year YYYY] [--measure] TEXT
  luoshi clear FILE.xlsx [-o OUT.xlsx]

validate  judges the breakdown table, writes FILE.checked.xlsx (or -o OUT), prints a summary;
          --json writes the full report (- for stdout); --no-write gives the report only
clear     removes everything Luoshi wrote, into FILE.cleared.xlsx (or -o OUT)
explain   shows how a deadline cell (or, with --measure, a measure text) is understood
Fields: id category measure lead responsible owner deadline progress doneDate evidence startDate count lastDate notes
Exit codes: 0 success; 2 bad input (with a one-line message)`,
};
