import type { Field, Lang, Message, RoleWhy } from '../engine';

/** Every string the pane shows, in both languages (Chinese is the default). */
const TEXT = {
  title: { zh: '落实校验', en: 'Luoshi check' },
  validate: { zh: '校验', en: 'Validate' },
  clear: { zh: '清除结果', en: 'Clear results' },
  tabResult: { zh: '结果', en: 'Result' },
  tabSettings: { zh: '设置', en: 'Settings' },
  tabRules: { zh: '规则', en: 'Rules' },
  stageRead: { zh: '正在读取工作表…', en: 'Reading the sheets…' },
  stageJudge: { zh: '正在逐项校验…', en: 'Checking every row…' },
  stageWrite: { zh: '正在写回结果…', en: 'Writing the results…' },
  stageClear: { zh: '正在清除…', en: 'Clearing…' },
  idle: {
    zh: '点“校验”检查当前工作簿的责任分解表。',
    en: 'Click Validate to check the breakdown table of this workbook.',
  },
  asOfLine: { zh: '截至 {asOf} · 表“{sheet}” · 共 {total} 项', en: 'As of {asOf} · sheet "{sheet}" · {total} tasks' },
  doneRate: { zh: '办结率', en: 'Done' },
  onTimeRate: { zh: '按时率', en: 'On time' },
  byLead: { zh: '各牵头部门进度', en: 'Progress by lead department' },
  overdueList: { zh: '逾期清单', en: 'Overdue' },
  dueSoonList: { zh: '临期提醒', en: 'Due soon' },
  moreItems: {
    zh: '另有 {n} 项未列出，完整列表见同名工作表',
    en: '{n} more not listed: the sheet of the same name lists all',
  },
  none: { zh: '无', en: 'None' },
  row: { zh: '第 {row} 行', en: 'Row {row}' },
  lead: { zh: '牵头', en: 'Lead' },
  selectRowHint: { zh: '点击一项可选中表中该行', en: 'Click an item to select its row' },
  cleared: { zh: '已清除落实写入的全部内容。', en: 'Everything Luoshi wrote has been removed.' },
  nothingToClear: { zh: '工作簿中没有落实写入的内容。', en: 'The workbook holds nothing Luoshi wrote.' },
  done: {
    zh: '校验完成，结果已写入工作簿（{syncs} 次往返）。',
    en: 'Done; the results are in the workbook ({syncs} round trips).',
  },
  asOf: { zh: '截至日期', en: 'As of' },
  asOfHint: { zh: '留空为今天', en: 'Empty means today' },
  warnDays: { zh: '临期提醒天数', en: 'Warning window (days)' },
  sheet: { zh: '工作表', en: 'Sheet' },
  automatic: { zh: '自动识别', en: 'Detect automatically' },
  headerRow: { zh: '表头行号', en: 'Header row' },
  columns: { zh: '列映射', en: 'Column mapping' },
  columnsHint: {
    zh: '识别有误时填写，如 measure=C, lead=D, deadline=F',
    en: 'Only when detection is wrong, e.g. measure=C, lead=D, deadline=F',
  },
  language: { zh: '语言', en: 'Language' },
  followOffice: { zh: '跟随 Office', en: 'Follow Office' },
  rulesIntro: {
    zh: '当前生效的规则（内置法规依据与工作簿“规则”表）',
    en: 'Rules in force (built-in, with their sources, and the workbook’s 规则 sheet)',
  },
  rulesEmpty: { zh: '校验后在此显示生效的规则。', en: 'The rules in force appear here after a check.' },
  builtin: { zh: '内置', en: 'Built-in' },
  workbookRule: { zh: '工作簿', en: 'Workbook' },
  source: { zh: '依据', en: 'Source' },
  keywords: { zh: '关键词', en: 'Keywords' },
  notInOffice: { zh: '此页面需在 Excel 中作为加载项打开。', en: 'Open this page inside Excel, as an add-in.' },
  rolesTitle: { zh: '识别结果', en: 'How columns were read' },
  rolesIntro: {
    zh: '每列按什么识别；识别有误时在右侧改选，改后自动重新校验。',
    en: 'What each column was read as; pick another role where it is wrong, and the check runs again.',
  },
  rolesEmpty: { zh: '校验后在此显示每列的识别结果。', en: 'How each column was read appears here after a check.' },
  rolesColumn: { zh: '列', en: 'Column' },
  rolesHeader: { zh: '表头', en: 'Header' },
  rolesRole: { zh: '识别为', en: 'Read as' },
  rolesWhy: { zh: '依据', en: 'By' },
  lowConfidence: { zh: '把握不大（{pct}）', en: 'unsure ({pct})' },
  superseded: { zh: '较早的进展列，仅显示不校验', en: 'an older progress column: shown, not checked' },
  roleAutomatic: { zh: '自动识别', en: 'Automatic' },
  roleFor: { zh: '{column} 列识别为', en: 'Column {column} read as' },
  otherColumn: { zh: '其他列', en: 'Another column' },
  otherColumnHint: { zh: '列字母，如 H', en: 'Column letters, e.g. H' },
  applyRole: { zh: '应用并校验', en: 'Apply and check' },
  useSelectedRow: { zh: '用所选行作为表头', en: 'Use the selected row as the header' },
  useSelectedRowHint: {
    zh: '先在表中点选表头所在行的任一单元格',
    en: 'First click any cell of the header row in the sheet',
  },
  candidateTitle: { zh: '最像表头的是“{sheet}”表第 {row} 行：', en: 'The likeliest header is row {row} of "{sheet}":' },
  useCandidateRow: { zh: '使用第 {row} 行作为表头', en: 'Use row {row} as the header' },
  useCandidateMeasure: { zh: '（{column} 列为具体措施）', en: ' (column {column} as the measure)' },
  // 分发 and 合并反馈 (SPEC §8, issue 19).
  tabRoundTrip: { zh: '分发与合并', en: 'Split & merge' },
  splitTitle: { zh: '分发', en: 'Split' },
  splitIntro: {
    zh: '为每个部门生成一份只含其任务的工作簿（进展类列可填，其余锁定），打包为一个 zip 下载。',
    en: 'One workbook per department with only its tasks (progress columns open, the rest locked), in one zip to download.',
  },
  splitButton: { zh: '生成部门文件', en: 'Make the department files' },
  splitDone: { zh: '已生成 {count} 个部门文件。', en: '{count} department files made.' },
  splitNoDepartment: {
    zh: '{count} 项任务没有写明部门，未分发。',
    en: '{count} tasks name no department and were sent to nobody.',
  },
  download: { zh: '下载 {name}', en: 'Download {name}' },
  mergeTitle: { zh: '合并反馈', en: 'Merge replies' },
  mergeIntro: {
    zh: '选择各部门退回的工作簿（可多选）：按序号和具体措施匹配行，只采纳该部门本行的进展类单元格，其余列出不采纳。',
    en: "Pick the departments' returned workbooks (several at once): rows match by id and measure; only progress cells of each department's own rows are taken, the rest listed.",
  },
  mergePick: { zh: '回复文件', en: 'Returned files' },
  mergeButton: { zh: '合并到当前工作簿', en: 'Merge into this workbook' },
  mergeNoFiles: { zh: '请先选择回复文件。', en: 'Pick the returned files first.' },
  mergeDone: {
    zh: '合并完成：采纳 {changes} 处，冲突 {conflicts} 处，未采纳 {notTaken} 处，跳过 {skipped} 个文件；已重新校验，记录见“{sheet}”表（{syncs} 次往返）。',
    en: 'Merged: {changes} taken, {conflicts} conflicts, {notTaken} not taken, {skipped} files skipped; checked again, logged in "{sheet}" ({syncs} round trips).',
  },
  mergeChanges: { zh: '已采纳', en: 'Taken' },
  mergeConflicts: { zh: '冲突（保留台账的值）', en: 'Conflicts (the master keeps its value)' },
  mergeNotTaken: { zh: '未采纳', en: 'Not taken' },
  mergeSkipped: { zh: '跳过的文件', en: 'Files skipped' },
  mergeCell: { zh: '第 {row} 行 · {field}', en: 'Row {row} · {field}' },
  mergeFrom: { zh: '{department}（{file}）', en: '{department} ({file})' },
  stageSplit: { zh: '正在生成部门文件…', en: 'Making the department files…' },
  stageMerge: { zh: '正在合并反馈…', en: 'Merging the replies…' },
} as const;

/** Each field in the clerk's words (the usual header for it), for the roles list and the role picker. */
export const FIELD_LABELS: Record<Field, Message> = {
  id: { zh: '序号', en: 'No.' },
  category: { zh: '工作任务（类别）', en: 'Category' },
  measure: { zh: '具体措施', en: 'Measure' },
  lead: { zh: '牵头单位', en: 'Lead unit' },
  responsible: { zh: '责任单位', en: 'Responsible units' },
  owner: { zh: '责任人', en: 'Person responsible' },
  deadline: { zh: '完成时限', en: 'Deadline' },
  progress: { zh: '完成情况', en: 'Progress' },
  doneDate: { zh: '完成时间', en: 'Date done' },
  evidence: { zh: '佐证材料', en: 'Evidence' },
  startDate: { zh: '起始日期', en: 'Start date' },
  count: { zh: '开展次数', en: 'Times done' },
  lastDate: { zh: '最近开展时间', en: 'Last done' },
  notes: { zh: '备注', en: 'Notes' },
};

/** How a column's role was decided (the engine's ColumnRole.why), in the pane's words. */
export const WHY_LABELS: Record<RoleWhy, Message> = {
  header: { zh: '按表头', en: 'by header' },
  content: { zh: '按内容', en: 'by content' },
  'header+content': { zh: '表头和内容', en: 'header and content' },
  override: { zh: '手动指定', en: 'set by hand' },
  'beside-helpers': { zh: '与配合单位列对照', en: 'beside a helpers column' },
};

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Office's display language → the pane's language: Chinese for any zh-*, English otherwise. */
export function langOf(displayLanguage: string): Lang {
  return /^zh/i.test(displayLanguage) ? 'zh' : 'en';
}
