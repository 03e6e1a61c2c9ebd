import fc from 'fast-check';
import { matchingRules, Rule, ruleMatches } from '../src/engine/rules/rules';

const rule = (...keywords: string[]): Rule => ({
  keywords,
  obligation: { kind: 'recurring', period: 'month', minCount: 1 },
  source: '',
  origin: 'workbook',
});

describe('which rules a measure names', () => {
  test('keywords are matched as plain text, in the rules’ order', () => {
    const rules = [rule('党课'), rule('a.b', '(x)'), rule('主题党日')];
    expect(matchingRules(rules, '每月开展主题党日，讲党课')).toEqual([rules[0], rules[2]]);
    expect(matchingRules(rules, 'axb')).toEqual([]);
    expect(matchingRules(rules, '见(x)')).toEqual([rules[1]]);
    expect(matchingRules([], '党课')).toEqual([]);
  });

  test('the same rules as testing each keyword one by one, whatever the keywords hold', () => {
    const text = fc.string({
      unit: fc.constantFrom('党', '课', '.', '*', '(', ')', '[', ']', '\\', '|', '^', '$', '?', '+', '{', '}', 'a'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { maxLength: 3 }), { maxLength: 4 }),
        fc.string({ unit: fc.constantFrom('党', '课', '.', '(', ')', '\\', 'a', '|'), maxLength: 12 }),
        (keywordLists, measure) => {
          const rules = keywordLists.map((k) => rule(...k));
          expect(matchingRules(rules, measure)).toEqual(rules.filter((r) => ruleMatches(r, measure)));
        },
      ),
    );
  });
});
