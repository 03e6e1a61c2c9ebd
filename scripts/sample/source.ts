/**
 * Readable source of assets/sample.xlsx: a 2026 responsibility-breakdown table built from the work
 * points of seed 004 (2022年省直机关党建工作要点) and the six aspects of seed 000 (思想政治工作落实措施).
 * Each row notes what it demonstrates when judged as of 2026-11-20 (the README's command).
 * Dates are [year, month, day].
 */
export type Ymd = [number, number, number];

export interface SampleTask {
  id: string;
  category: string;
  measure: string;
  lead: string;
  responsible: string;
  deadline: string | Ymd;
  progress?: string;
  doneOn?: Ymd;
  evidence?: string;
  note?: string;
}

export const TITLE = '2026年机关党建工作要点责任分解表';
export const FILLED_BY = '填报单位：机关党委办公室          填报日期：2026年11月';

const POLITICS = '一、突出政治统领';
const THEORY = '二、深化理论武装';
const BRANCHES = '三、坚持大抓基层';
const DISCIPLINE = '四、持续正风肃纪';
const SERVICE = '五、服务中心大局';
const LEADERSHIP = '六、加强组织领导';

export const TASKS: SampleTask[] = [
  {
    id: '1',
    category: POLITICS,
    measure: '完善贯彻落实习近平总书记重要指示批示精神和党中央决策部署的督查问责机制',
    lead: '办公室',
    responsible: '各处室',
    deadline: [2026, 6, 30],
    progress: '已完成',
    doneOn: [2026, 6, 20],
    evidence: '督查问责办法（机党发〔2026〕5号）',
    note: '已完成',
  },
  {
    id: '2',
    category: POLITICS,
    measure: '探索建立政治生态分析研判机制，每年向上级党组织报送1次情况报告',
    lead: '机关党委',
    responsible: '办公室、纪检组',
    deadline: '每年11月25日前',
    progress: '正在起草',
    note: '临期（每年11月25日前）',
  },
  {
    id: '3',
    category: POLITICS,
    measure: '严格落实组织生活制度，机关党支部每月开展1次“有主题、有主讲、有讨论、有收获”的主题党日活动',
    lead: '机关党委',
    responsible: '各支部',
    deadline: '每月',
    progress: '见工作记录',
    note: '逾期：工作记录缺 3月、7月',
  },
  {
    id: '4',
    category: POLITICS,
    measure: '坚持讲党课制度，党员领导干部、党组织书记全年至少讲1次党课',
    lead: '机关党委',
    responsible: '各支部',
    deadline: '全年',
    progress: '已于2026年5月12日讲授专题党课',
    evidence: '党课讲稿',
    note: '本年已满足',
  },
  {
    id: '5',
    category: THEORY,
    measure: '建立常态化长效化学习制度机制，巩固拓展党史学习教育成果',
    lead: '宣传处',
    responsible: '各支部',
    deadline: '长期坚持',
    progress: '每月组织集中学习，已开展10次',
    note: '持续推进',
  },
  {
    id: '6',
    category: THEORY,
    measure: '推动理论学习中心组学习经验交流，提升学习实效',
    lead: '宣传处',
    responsible: '办公室',
    deadline: '三季度',
    progress: '未完成',
    note: '逾期',
  },
  {
    id: '7',
    category: THEORY,
    measure: '认真做好代表候选人提名推荐工作',
    lead: '组织处',
    responsible: '各支部',
    deadline: '2026年3月底前',
    progress: '已完成',
    doneOn: [2026, 4, 15],
    evidence: '推荐材料',
    note: '逾期完成',
  },
  {
    id: '8',
    category: THEORY,
    measure: '加强意识形态领域形势分析研判，定期分析党员干部思想动态，每半年向上级党组织报告1次情况',
    lead: '宣传处',
    responsible: '各支部',
    deadline: '每半年',
    progress: '见工作记录',
    note: '上半年已报，下半年正常推进',
  },
  {
    id: '9',
    category: THEORY,
    measure:
      '机关党办每半年报告一次党员思想动态分析，书记班子每年至少召开1次专题会议，理论学习中心组每年至少安排1次专题学习',
    lead: '机关党委',
    responsible: '办公室、宣传处',
    deadline: '每半年、每年',
    progress: '见工作记录',
    note: '三项义务；思想动态分析上半年缺报',
  },
  {
    id: '10',
    category: THEORY,
    measure: '深化理想信念教育，开展中国特色社会主义和中国梦宣传教育',
    lead: '宣传处',
    responsible: '各支部',
    deadline: '年底前',
    progress: '推进中',
    note: '正常推进',
  },
  {
    id: '11',
    category: BRANCHES,
    measure: '机关党委、机关纪委负责人出缺，应在6个月内补齐',
    lead: '组织处',
    responsible: '人事处',
    deadline: '6个月内',
    progress: '',
    note: '相对时限缺起算日期',
  },
  {
    id: '12',
    category: BRANCHES,
    measure: '“七一”前夕召开庆祝建党105周年暨“党建工作先进单位”表彰大会',
    lead: '机关党委',
    responsible: '办公室、工会',
    deadline: '七一前',
    progress: '已召开',
    doneOn: [2026, 6, 29],
    evidence: '会议通知、表彰决定',
    note: '已完成',
  },
  {
    id: '13',
    category: BRANCHES,
    measure: '深入开展“我为群众办实事”实践活动，着力解决群众急难愁盼问题',
    lead: '机关党委',
    responsible: '各处室',
    deadline: '适时',
    progress: '',
    note: '时限不明确',
  },
  {
    id: '14',
    category: BRANCHES,
    measure: '加強黨員教育管理，規範黨費收繳、使用和管理',
    lead: '組織處',
    responsible: '各支部',
    deadline: '每季度',
    progress: '见工作记录',
    note: '繁体输入；前三季度已收缴',
  },
  {
    id: '15',
    category: BRANCHES,
    measure: '规范召开支部委员会会议，研究支部重要工作',
    lead: '机关党委',
    responsible: '各支部',
    deadline: '',
    progress: '见工作记录',
    note: '无时限：按内置规则每月一次',
  },
  {
    id: '16',
    category: BRANCHES,
    measure: '召开年度专题组织生活会，开展民主评议党员',
    lead: '机关党委',
    responsible: '各支部',
    deadline: '四季度',
    progress: '筹备中',
    note: '正常推进',
  },
  {
    id: '17',
    category: DISCIPLINE,
    measure: '组织第27个党风廉政建设宣传教育月活动',
    lead: '纪检组',
    responsible: '各处室',
    deadline: '2026年9月',
    progress: '已完成',
    evidence: '活动总结',
    note: '已完成但缺完成时间',
  },
  {
    id: '18',
    category: DISCIPLINE,
    measure: '持续整治形式主义、官僚主义突出问题，切实为基层减负',
    lead: '纪检组',
    responsible: '办公室',
    deadline: '持续推进',
    progress: '',
    note: '长期任务没有进展',
  },
  {
    id: '19',
    category: DISCIPLINE,
    measure: '认真落实廉政谈话制度，建好用好党员干部廉政档案',
    lead: '纪检组',
    responsible: '人事处',
    deadline: '',
    progress: '见工作记录',
    note: '规则表：廉政谈话每半年',
  },
  {
    id: '20',
    category: SERVICE,
    measure: '推进青年志愿服务，组织团员青年建功立业',
    lead: '团委',
    responsible: '各支部',
    deadline: '2026年11月25日前',
    progress: '推进中',
    note: '临期',
  },
  {
    id: '21',
    category: SERVICE,
    measure: '扎实推进党员干部常态化下沉社区工作，每月开展1次下沉服务',
    lead: '机关党委',
    responsible: '各支部',
    deadline: '每月',
    progress: '1月18日、2月22日、3月21日、4月19日、5月17日、6月20日、7月18日、8月22日、9月19日分别开展下沉服务',
    note: '进展中写明日期；缺 10月',
  },
  {
    id: '22',
    category: SERVICE,
    measure: '开展“我为营商环境献计献策”活动',
    lead: '',
    responsible: '各处室',
    deadline: '2026年12月31日',
    progress: '推进中',
    note: '缺牵头部门',
  },
  {
    id: '23',
    category: SERVICE,
    measure: '总结宣传党建引领优化营商环境的经验做法和先进典型',
    lead: '宣传部',
    responsible: '办公室',
    deadline: '下半年',
    progress: '推进中',
    note: '部门不在部门清单',
  },
  {
    id: '23',
    category: LEADERSHIP,
    measure: '省直各单位全年至少召开1次机关党员干部大会，听取书记通报抓机关党建工作情况',
    lead: '机关党委',
    responsible: '各处室',
    deadline: '年底前',
    progress: '已完成',
    doneOn: [2026, 12, 5],
    evidence: '会议记录',
    note: '序号重复；完成时间晚于校验日期',
  },
  {
    id: '25',
    category: LEADERSHIP,
    measure: '落实党员领导干部基层党建工作联系点制度',
    lead: '组织处',
    responsible: '各处室',
    deadline: [2026, 5, 31],
    progress: '已落实',
    doneOn: [2026, 5, 20],
    note: '已完成但无佐证材料',
  },
  {
    id: '26',
    category: LEADERSHIP,
    measure: '每季度召开1次党员大会，通报党建工作',
    lead: '机关党委',
    responsible: '各支部',
    deadline: '每月',
    progress: '见工作记录',
    note: '措施与时限不一致',
  },
  {
    id: '27',
    category: LEADERSHIP,
    measure: '举办机关党务干部示范培训班',
    lead: '组织处',
    responsible: '机关党委',
    deadline: '春节前后',
    progress: '',
    note: '无法识别的时限',
  },
  {
    id: '28',
    category: LEADERSHIP,
    measure: '推动机关党建双重领导体制规范运行',
    lead: '机关党委',
    responsible: '办公室',
    deadline: '2026年10月31日',
    progress: '基本完成',
    note: '“基本完成”不算完成：逾期',
  },
];

/** 工作记录 sheet: dated activities, linked to tasks by 序号 (or by measure text). */
export interface LogRow {
  date: Ymd;
  id?: string;
  measure?: string;
  content: string;
}

const months = (id: string, list: number[], day: number, content: string): LogRow[] =>
  list.map((m) => ({ date: [2026, m, day], id, content: `${m}月${content}` }));

export const LOG: LogRow[] = [
  ...months('3', [1, 2, 4, 5, 6, 8, 9, 10, 11], 15, '主题党日活动'),
  { date: [2026, 6, 28], id: '8', content: '上半年党员干部思想动态情况报告' },
  { date: [2026, 7, 5], id: '9', content: '上半年党员思想动态分析报告（延迟报送）' },
  { date: [2026, 4, 16], id: '9', content: '书记班子思想政治工作专题会议' },
  { date: [2026, 9, 8], id: '9', content: '理论学习中心组专题学习' },
  { date: [2026, 3, 20], measure: '加強黨員教育管理，規範黨費收繳、使用和管理', content: '一季度党费收缴' },
  { date: [2026, 6, 19], id: '14', content: '二季度党费收缴' },
  { date: [2026, 9, 18], id: '14', content: '三季度党费收缴' },
  ...months('15', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 8, '支部委员会会议'),
  { date: [2026, 12, 1], id: '19', content: '廉政谈话（计划）' },
  { date: [2026, 3, 26], id: '26', content: '一季度党员大会' },
  { date: [2026, 6, 25], id: '26', content: '二季度党员大会' },
  { date: [2026, 9, 24], id: '26', content: '三季度党员大会' },
];

export const DEPARTMENTS = [
  '办公室',
  '机关党委',
  '组织处',
  '宣传处',
  '纪检组',
  '人事处',
  '工会',
  '团委',
  '各处室',
  '各支部',
];

/** 规则 sheet: the workbook's own rule, beside the built-in statutory ones. */
export const RULES = [
  {
    keyword: '廉政谈话',
    frequency: '每半年',
    warnDays: 14,
    evidence: '是',
    source: '本单位党风廉政建设责任制实施办法第八条',
  },
];

export const NOTES = [
  '填表说明：1. 完成时限可填写具体日期、“每月”“每季度”等频次或“长期坚持”；',
  '2. 完成情况请如实填写，“基本完成”视为未完成；',
  '3. 周期性工作请在“工作记录”表逐次登记。',
];
