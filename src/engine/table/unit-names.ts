import { BRACKETED } from '../text/normalize';
import { headerEvidence } from './vocabulary';

/*
 * Does a cell read as department (unit) names, or as people's names? Used to tell a department
 * column from a text or person column by its cells (SPEC §2 "Real tables say it in many more ways":
 * a column of unit names — …部, …处, …局, …委, …办, …科, …室, …中心, 各…单位 — is lead or responsible).
 * Works on normalised text (simplified, no spaces), so 辦公室 reads as 办公室.
 */

/** How unit names end. Longer endings first only for readability: any one matching is enough. */
const UNIT_END =
  /(?:单位|部门|机关|政府|公司|集团|中心|街道|社区|委员会|管委会|工作组|领导小组|专班|办公室|党委|党组|党工委|支部|总支|工会|妇联|团委|法院|检察院|学校|医院|银行|协会|联合会|[部处局委办科室股镇乡村院所站队会厅团馆社行组区县市])$/;
/** One-character endings of a place (…市, …村, …镇): a unit's only when the name does not start like a task. */
const PLACE_END = /[市县区乡镇村]$/;
/** Words a task text starts with (开展…, 建设…会议室): a part starting so is a task, not a unit. */
const TASK_START =
  /^(?:开展|召开|建设|建立|健全|完善|完成|推进|推动|加强|加快|制定|修订|落实|组织|深化|实施|做好|提升|提高|新增|新建|清理|举办|出台|印发|编制|优化|强化|规范|严格|全面|持续|积极|认真|及时|按照|围绕|坚持|确保|支持|指导|督促|开设|设立|召集|筹建|改造|打造|培育|发展|创建|引导|探索|研究|贯彻|学习)/;
/** A role written after a unit (办公室牵头, 管委会负责落实) or a trailing 等: not part of the name. */
const ROLE_AFTER = /(?:牵头负责|负责落实|具体负责|牵头|负责|配合|参与|协助|协办|主办|落实|等)+$/;
const BRACKETS = new RegExp(BRACKETED.source, 'g');
// Not on 和: 住房和城乡建设局 is one unit.
const SPLIT = /[、，,；;／/\n\r]+|及(?=[^时])/;

/** The parts of a department cell, each without brackets, role words and trailing punctuation. */
function parts(text: string): string[] {
  return text
    .replace(BRACKETS, '')
    .split(SPLIT)
    .map((p) => p.replace(/[。.!！:：]+$/, '').replace(ROLE_AFTER, ''))
    .filter((p) => p.length > 0);
}

/** Words of a sentence, not of a name: 各牵头单位要在…前, 将…报督查室. */
const SENTENCE =
  /要在|要求|应当|必须|将[^乐军]|把|对于|按照|通过|进行|确保|做好|开展|召开|完成|推进|推动|加强|制定|修订|深化|提升|举办|出台|印发|编制|优化|强化|每[年季月周]|\d+[次月日号]|前$/;

/** Column names made of a role and a unit word (责任单位, 归口科室): headers, not units. */
const HEADER_WORD =
  /^(?:责任|牵头|主办|协办|配合|归口|承办|主责|协同|参与|实施|落实|负责|具体|填报|主管|责任主体)?(?:单位|部门|科室|处室|股室|机构|部室)$/;

function isUnitPart(p: string): boolean {
  if (p.length < 2 || p.length > 20 || !/[\u4e00-\u9fff]/.test(p) || HEADER_WORD.test(p)) return false;
  if (SENTENCE.test(p)) return false;
  // 组织部, 建设局: a short name may start like a task (组织…, 建设…); 组织开展…培训 may not.
  // Not with a place ending: 创建文明城市, 建设美丽乡村, 打造特色小镇 are tasks.
  if (TASK_START.test(p) && !(p.length <= 6 && UNIT_END.test(p) && !PLACE_END.test(p))) return false;
  if (/^各/.test(p) && p.length <= 12) return true; // 各科室, 各有关单位, 各县（市、区）
  return UNIT_END.test(p);
}

/**
 * Whether a (normalised) text reads as one or more department names: 办公室; 住建局、榕发公司;
 * 办公室牵头，各科室配合; 县发改局（首位单位为牵头单位，下同）、县财政局. Most of its parts must end
 * like a unit name and none may read as a task (开展…).
 */
export function looksLikeUnitNames(text: string): boolean {
  if (text.length < 2 || text.length > 120) return false;
  const ps = parts(text);
  if (ps.length === 0 || ps.length > 24) return false;
  let units = 0;
  for (const p of ps) {
    if (isUnitPart(p)) units++;
    else if (p.length > 12 || SENTENCE.test(p)) return false;
  }
  return units * 3 >= ps.length * 2;
}

/** Common surnames: a two- or three-character name starting with one is a person (张三, 李某, 王建国). */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
/** Titles after a surname or name: 王副市长, 张书记, 李主任. */
const TITLE =
  /(?:同志|书记|副?(?:市|县|区|镇|乡|省)长|副?(?:局|部|处|科|院|所|厅|队|站|社|庭|组|校|行)长|副?主任|副?主席|副?秘书长|委员|常委|调研员|巡视员|专员)$/;

/** Whether a normalised text reads as people's names (张三; 李某; 王副市长、刘某某). */
export function looksLikePersonNames(text: string): boolean {
  if (text.length < 2 || text.length > 40) return false;
  const ps = text.split(/[、，,；;／/\n\r]+/).filter((p) => p.length > 0);
  if (ps.length === 0 || ps.length > 8) return false;
  return ps.every(isPersonPart);
}

function isPersonPart(p: string): boolean {
  if (!/^[\u4e00-\u9fff·]{2,12}$/.test(p)) return false;
  if (UNIT_END.test(p) && !TITLE.test(p)) return false;
  if (TITLE.test(p)) return p.length <= 10;
  if (p.length > 4) return false;
  if (/^.某{1,2}$/.test(p)) return true;
  return (
    SURNAMES.has(p[0]) &&
    p.length <= 3 &&
    !WORD_END.test(p) &&
    !COMMON_WORDS.has(p) &&
    Object.keys(headerEvidence(p).fields).length === 0
  );
}

/**
 * Last characters of places and everyday words, hardly ever of a given name: 温州, 黄河, 林业, 林场, 全覆盖,
 * 高质量, 全方位, 高效率 start with a surname but are not people (黄河清 is: 清 ends a name).
 */
const WORD_END = /[州河业量盖位率场省港湾岛路街度性化点项类式制线面型级例费款额]$/;

/** Everyday words that start with a surname (任务, 时间, 项目): words, not names. Column names are excluded too. */
const COMMON_WORDS = new Set(
  '方案 方面 方式 方法 安排 文件 程序 成效 成果 全面 严格 常态 管理 万元 余额 金额 高效 明确 石油 黄金 任务 时间 时限 项目 安全 应急 于是 党建 党员 党委 武装 文明 文化 宣传 江苏 江西 湖南 广东 云南 贵州 福建 甘肃 青海 吉林 辽宁 河北 河南 山东 山西 安徽 浙江 海南 四川 陕西 重庆 天津 上海 北京 西藏 新疆 湖北 常务 全体 全部 全年 于今 明年 明天 时期 向上 向下 段落 程度 范围 金融 龙头 高新'.split(
    ' ',
  ),
);
