import { PeriodKind } from '../dates/periods';
import { Rule } from './rules';

const BRANCH_REGULATIONS = '中国共产党支部工作条例（试行）';

function recurring(keywords: string[], period: PeriodKind, source: string): Rule {
  return {
    keywords,
    obligation: { kind: 'recurring', period, minCount: 1, origin: 'rule' },
    source,
    origin: 'builtin',
  };
}

/** SPEC §2: statutory frequencies, applied when a measure names the institution but no frequency. */
export const BUILTIN_RULES: Rule[] = [
  recurring(['党员大会'], 'quarter', `${BRANCH_REGULATIONS}第十一条`),
  recurring(['支部委员会', '支委会'], 'month', `${BRANCH_REGULATIONS}第十二条`),
  recurring(['党小组会'], 'month', `${BRANCH_REGULATIONS}第十三条`),
  recurring(['主题党日'], 'month', `${BRANCH_REGULATIONS}；2022年省直机关党建工作要点第3条`),
  recurring(['组织生活会'], 'year', `${BRANCH_REGULATIONS}第十七条（一般在第四季度召开）`),
  recurring(['民主评议党员'], 'year', BRANCH_REGULATIONS),
  recurring(['谈心谈话'], 'year', BRANCH_REGULATIONS),
  recurring(['讲党课', '党课'], 'year', '2022年省直机关党建工作要点第3条（党员领导干部、党组织书记全年至少讲1次党课）'),
  recurring(
    ['思想动态分析', '思想动态'],
    'half-year',
    '省委直属机关工委加强和改进新时代思想政治工作的落实措施第六方面；2022年要点第7条',
  ),
];
