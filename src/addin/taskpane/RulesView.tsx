import * as React from 'react';
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeObligation, Lang, Report } from '../../engine';
import { t } from '../ui-text';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  rule: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** The rules in force: what each requires, the words that trigger it, and its source. */
export function RulesView({ report, lang }: { report: Report | null; lang: Lang }): React.ReactElement {
  const styles = useStyles();
  if (!report) return <Text>{t(lang, 'rulesEmpty')}</Text>;
  return (
    <div>
      <Text size={200}>{t(lang, 'rulesIntro')}</Text>
      <ul className={styles.list} data-testid="rules">
        {report.rules.map((rule, i) => (
          <li key={i} className={styles.rule}>
            <Text weight="semibold">
              {describeObligation(rule.requirement, lang)}{' '}
              <Badge appearance="outline" size="small">
                {t(lang, rule.origin === 'builtin' ? 'builtin' : 'workbookRule')}
              </Badge>
            </Text>
            <Text size={200}>
              {t(lang, 'keywords')}：{rule.keywords.join('、')}
            </Text>
            <Text size={200}>
              {t(lang, 'source')}：{rule.source}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
