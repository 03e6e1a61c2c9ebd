import { Lang } from '../engine';

/** The commands, in the order the help lists them. */
export const COMMANDS = ['validate', 'split', 'merge', 'clear', 'explain'] as const;
export type Command = (typeof COMMANDS)[number];

/** Each command's usage lines and what it does, in both languages (`luoshi help CMD`, `luoshi CMD --help`). */
export const COMMAND_HELP: Record<Command, Record<Lang, string>> = {
  validate: {
    zh: `  luoshi validate 文件.xlsx… [-o 输出.xlsx] [--json 报告.json|-] [--no-write] [-q]
                  [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en]
                  [--sheet 工作表] [--header-row N] [--column 字段=列字母 …]
validate  校验责任分解表，写出 文件.checked.xlsx（或 -o 指定的文件），打印汇总；
          --json 写出完整报告（- 表示标准输出）；--no-write 只出报告，不写工作簿。
          可一次校验多个文件：每个文件一行汇总，某个文件出错只报一行，其余照常；
          多个文件时不能用 -o 和 --json（报告是一个工作簿一个 JSON 对象，请逐个运行）`,
    en: `  luoshi validate FILE.xlsx… [-o OUT.xlsx] [--json REPORT.json|-] [--no-write] [-q]
                  [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en]
                  [--sheet NAME] [--header-row N] [--column FIELD=LETTERS …]
validate  judges the breakdown table, writes FILE.checked.xlsx (or -o OUT), prints a summary;
          --json writes the full report (- for stdout); --no-write gives the report only.
          Several files in one run: one summary line each; a file that fails is one line and the
          others go on; -o and --json are refused with several files (the report is one JSON
          object per workbook: run once per file)`,
  },
  split: {
    zh: `  luoshi split 台账.xlsx [-o 文件夹] [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en]
               [--sheet 工作表] [--header-row N] [--column 字段=列字母 …] [-q]
split     分发：每个部门一个工作簿（台账-组织部.xlsx …），只含该部门牵头或责任的行，进展类列可填、
          其余列保护（无密码），首页为督办通知；写入 -o 文件夹（默认台账旁的“台账-分发”，
          不存在时新建）。不覆盖台账，也不覆盖文件夹中已有的同名文件`,
    en: `  luoshi split MASTER.xlsx [-o FOLDER] [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en]
               [--sheet NAME] [--header-row N] [--column FIELD=LETTERS …] [-q]
split     one workbook per department (MASTER-组织部.xlsx …) with only its rows (lead or responsible),
          the progress-type columns open and the rest protected without a password, a 督办通知
          notice first; into -o FOLDER (default "MASTER-分发" beside the master, created if missing).
          Never overwrites the master or a file already in the folder`,
  },
  merge: {
    zh: `  luoshi merge 台账.xlsx 反馈.xlsx… [-o 输出.xlsx] [--dry-run] [--json 报告.json|-]
               [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en] [--sheet …] [--column …] [-q]
merge     合并反馈：按序号或具体措施把各部门交回的工作簿对到台账的行，采纳其改动的进展类单元格，
          记入“合并记录”工作表，再照常校验；写出 台账.merged.xlsx（或 -o 指定的文件；
          只有 -o 指明台账本身时才覆盖台账）。--dry-run 逐行列出将采纳、冲突、未采纳和跳过的内容，
          不写任何文件；--json 写出合并报告（- 表示标准输出）。无法读取的反馈跳过并列出，其余照常合并。
          退出码：0 全部采纳；1 已合并，但有冲突、未采纳的改动或跳过的反馈（均已列出）；2 输入有误`,
    en: `  luoshi merge MASTER.xlsx REPLY.xlsx… [-o OUT.xlsx] [--dry-run] [--json REPORT.json|-]
               [--as-of YYYY-MM-DD] [--warn-days N] [--lang zh|en] [--sheet …] [--column …] [-q]
merge     matches each returned workbook's rows to the master by id or measure text, takes the
          progress-type cells the department changed, records them in a 合并记录 sheet and validates
          as usual; writes MASTER.merged.xlsx (or -o OUT; the master is overwritten only when -o names
          it). --dry-run lists each change, conflict, edit not taken and reply skipped, and writes
          nothing; --json writes the merge report (- for stdout). A reply that cannot be read is
          skipped and listed; the others are merged.
          Exit codes: 0 everything taken; 1 merged, with conflicts, edits not taken or replies
          skipped (all listed); 2 bad input`,
  },
  clear: {
    zh: `  luoshi clear 文件.xlsx [-o 输出.xlsx] [-q]
clear     去掉落实写入的全部内容，写出 文件.cleared.xlsx（或 -o 指定的文件）`,
    en: `  luoshi clear FILE.xlsx [-o OUT.xlsx] [-q]
clear     removes everything Luoshi wrote, into FILE.cleared.xlsx (or -o OUT)`,
  },
  explain: {
    zh: `  luoshi explain [--year YYYY] [--measure] 文本
explain   显示一个完成时限（或加 --measure 时一段具体措施）被理解成什么`,
    en: `  luoshi explain [--year YYYY] [--measure] TEXT
explain   shows how a deadline cell (or, with --measure, a measure text) is understood`,
  },
};

const TITLE: Record<Lang, string> = {
  zh: '落实 Luoshi — 责任分解表校验',
  en: 'Luoshi — checks responsibility-breakdown worksheets',
};

const FOOTER: Record<Lang, string> = {
  zh: `字段：id category measure lead responsible owner deadline progress doneDate evidence startDate count lastDate notes
“--” 之后的一切都当作文件名（文件名以 - 开头时用）；luoshi help 命令 查看单个命令
退出码：0 成功；1 merge 已合并但有需要查看的条目；2 输入有误（附一行说明）；多个文件时取最差的一个`,
  en: `Fields: id category measure lead responsible owner deadline progress doneDate evidence startDate count lastDate notes
Everything after "--" is a file name (for names starting with -); luoshi help COMMAND for one command
Exit codes: 0 success; 1 merge done with items to look at; 2 bad input (with a one-line message);
with several files, the worst of them`,
};

const USAGE_WORD: Record<Lang, string> = { zh: '用法：', en: 'Usage:' };

/** The help for every command (`luoshi --help`), or one (`luoshi help split`), in one language. */
export function helpText(lang: Lang, command?: Command): string {
  const commands = command ? [command] : COMMANDS;
  const body = commands.map((c) => COMMAND_HELP[c][lang]).join('\n\n');
  return [TITLE[lang], '', USAGE_WORD[lang], body, '', FOOTER[lang]].join('\n');
}

/** CLI wording in both languages: the whole help, as `luoshi --help` prints it. */
export const USAGE: Record<Lang, string> = { zh: helpText('zh'), en: helpText('en') };
