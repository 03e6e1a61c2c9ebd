import { parseMeasureText } from '../src/engine/deadline/parse-measure';

describe('measure texts (SPEC §3): obligations as written, with actors', () => {
  test('seed 000: three obligations with three actors', () => {
    const obligations = parseMeasureText(
      '机关党办每半年报告一次党员思想动态分析，书记班子每年至少召开1次专题会议，理论学习中心组每年至少安排1次专题学习',
      2022,
    );
    expect(obligations).toEqual([
      expect.objectContaining({ kind: 'recurring', period: 'half-year', minCount: 1, actor: '机关党办' }),
      expect.objectContaining({ kind: 'recurring', period: 'year', minCount: 1, actor: '书记班子' }),
      expect.objectContaining({ kind: 'recurring', period: 'year', minCount: 1, actor: '理论学习中心组' }),
    ]);
  });

  test('seed 004 item 3: monthly 主题党日 and yearly 党课', () => {
    const text =
      '严格落实组织生活制度，机关党支部每月开展1次“有主题、有主讲、有讨论、有收获”的主题党日活动，推动与“三会一课”、民主生活会、组织生活会、民主评议党员等制度的有机融合。坚持讲党课制度，党员领导干部、党组织书记全年至少讲1次党课。';
    expect(parseMeasureText(text, 2022)).toEqual([
      expect.objectContaining({ period: 'month', minCount: 1, actor: '机关党支部' }),
      expect.objectContaining({ period: 'year', minCount: 1, actor: '党员领导干部、党组织书记' }),
    ]);
  });

  test('seed 004 items 2 and 7: yearly and half-yearly reports without a written actor', () => {
    expect(
      parseMeasureText('探索建立政治生态分析研判机制，及时发现和纠正政治偏差，每年向上级党组织报送1次情况报告。', 2022),
    ).toEqual([expect.objectContaining({ kind: 'recurring', period: 'year', minCount: 1 })]);
    expect(parseMeasureText('定期分析党员干部思想动态，每半年向上级党组织报告1次情况。', 2022)).toEqual([
      expect.objectContaining({ period: 'half-year' }),
    ]);
  });

  test('seed 004 item 8: 七一前夕 is a deadline; item 19: 6个月内 is a time limit', () => {
    expect(
      parseMeasureText(
        '开展2020-2021年度省直机关“党建工作先进单位”评选，“七一”前夕召开省直机关庆祝建党101周年暨“党建工作先进单位”表彰大会。',
        2022,
      ),
    ).toEqual([expect.objectContaining({ kind: 'deadline', due: '2022-07-01' })]);
    expect(parseMeasureText('机关党委、机关纪委负责人出缺，应在6个月内补齐。', 2022)).toEqual([
      expect.objectContaining({ kind: 'relative', amount: 6, unit: 'month' }),
    ]);
  });

  test('2022年内 in a measure is the year end, not a time limit of 2022 years; 下半年内 is the second half', () => {
    expect(parseMeasureText('2022年内完成制度修订，下半年内召开总结会', 2022)).toEqual([
      expect.objectContaining({ kind: 'deadline', due: '2022-12-31', text: '2022年内完成制度修订' }),
      expect.objectContaining({ kind: 'deadline', due: '2022-12-31', text: '下半年内召开总结会' }),
    ]);
  });

  test('6.30前 in a measure is a deadline; a decimal is not', () => {
    expect(parseMeasureText('6.30前完成台账整理', 2022)).toEqual([
      expect.objectContaining({ kind: 'deadline', due: '2022-06-30' }),
    ]);
    expect(parseMeasureText('培训覆盖率提高到1.5倍，满意度达到9.5以上', 2022)).toEqual([]);
  });

  test.each([
    '今年以来开展研习研讨30余次，搜寻问题751个',
    '全年累计开展活动12次',
    '开展2019-2021年度省直机关文明单位评选表彰',
    '机关各支部适时开展1次“喜迎二十大奋进新征程”主题党日活动，召开1次“学习贯彻党的二十大精神”专题组织生活会。',
    '定期分析党员干部思想动态',
    '全年完成各项任务',
  ])('no obligation in: %s', (text) => {
    expect(parseMeasureText(text, 2022)).toEqual([]);
  });

  test('traditional input reads the same', () => {
    expect(parseMeasureText('機關黨辦每半年報告一次黨員思想動態分析', 2022)).toEqual([
      expect.objectContaining({ period: 'half-year', actor: '機關黨辦' }), // the actor shown as written (SPEC §3)
    ]);
  });

  test('counts in Chinese numerals', () => {
    expect(parseMeasureText('每年至少开展两次专题研讨', 2022)).toEqual([
      expect.objectContaining({ period: 'year', minCount: 2 }),
    ]);
  });
});
