import * as React from 'react';
import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Lang, Report, STATUS_CODES, STATUS_STYLES, statusLabel, TaskReport } from '../../engine';
import { t } from '../ui-text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))',
    gap: tokens.spacingHorizontalXS,
  },
  count: {
    whiteSpace: 'nowrap',
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    display: 'flex',
    justifyContent: 'space-between',
    fontWeight: tokens.fontWeightSemibold,
  },
  lead: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  task: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    height: 'auto',
    padding: tokens.spacingVerticalXS,
    width: '100%',
    minWidth: 0,
  },
  taskText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflow: 'hidden' },
  measure: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
});

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Items a list shows; the rest are counted under it. A 20,000-row table can have thousands overdue, and
 * drawing a button for each held the pane's thread for seconds (issue 17, item 11); the generated sheet
 * of the same name lists them all.
 */
export const LIST_LIMIT = 100;

function TaskList({
  tasks,
  lang,
  onSelectRow,
  testId,
}: {
  tasks: TaskReport[];
  lang: Lang;
  onSelectRow: (row: number) => void;
  testId: string;
}) {
  const styles = useStyles();
  if (tasks.length === 0) return <Text size={200}>{t(lang, 'none')}</Text>;
  const more = tasks.length - LIST_LIMIT;
  return (
    <>
      <ul className={styles.list} data-testid={testId}>
        {tasks.slice(0, LIST_LIMIT).map((task) => {
          const style = STATUS_STYLES[task.status];
          return (
            <li key={task.row}>
              <Button
                appearance="subtle"
                className={styles.task}
                onClick={() => onSelectRow(task.row)}
                title={task.measure}
              >
                <span className={styles.taskText}>
                  <Text size={200} weight="semibold">
                    {t(lang, 'row', { row: task.row })}
                    {task.id ? ` [${task.id}]` : ''} · {t(lang, 'lead')}：{task.lead.join('、') || '—'}
                  </Text>
                  <Text size={200} className={styles.measure}>
                    {task.measure}
                  </Text>
                  <Text size={200} style={{ color: style.font }}>
                    {task.statusText}
                  </Text>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
      {more > 0 && (
        <Text size={200} data-testid={`${testId}-more`}>
          {t(lang, 'moreItems', { n: more })}
        </Text>
      )}
    </>
  );
}

/** The result of a check: counts per status in their colours, progress per lead department, the lists. */
export function ResultView({
  report,
  lang,
  onSelectRow,
}: {
  report: Report;
  lang: Lang;
  onSelectRow: (row: number) => void;
}): React.ReactElement {
  const styles = useStyles();
  const s = report.summary;
  const overdue = report.tasks.filter((x) => x.status === 'overdue').sort((a, b) => b.daysOverdue - a.daysOverdue);
  const dueSoon = report.tasks.filter((x) => x.status === 'due_soon');
  return (
    <div className={styles.section}>
      <Text size={200}>{t(lang, 'asOfLine', { asOf: report.asOf, sheet: report.sheet, total: s.total })}</Text>
      <Text size={200}>
        {t(lang, 'doneRate')} {pct(s.doneRate)} · {t(lang, 'onTimeRate')} {pct(s.onTimeRate)}
      </Text>
      <div className={styles.counts} data-testid="counts">
        {STATUS_CODES.map((code) => {
          const st = STATUS_STYLES[code];
          return (
            <div key={code} className={styles.count} style={{ background: st.fill, color: st.font }} data-status={code}>
              <span>{statusLabel(code, lang)}</span>
              <span>{s.byStatus[code]}</span>
            </div>
          );
        })}
      </div>

      <Text as="h2" weight="semibold">
        {t(lang, 'overdueList')} ({overdue.length})
      </Text>
      <Text size={100}>{t(lang, 'selectRowHint')}</Text>
      <TaskList tasks={overdue} lang={lang} onSelectRow={onSelectRow} testId="overdue" />

      <Text as="h2" weight="semibold">
        {t(lang, 'dueSoonList')} ({dueSoon.length})
      </Text>
      <TaskList tasks={dueSoon} lang={lang} onSelectRow={onSelectRow} testId="due-soon" />

      <Text as="h2" weight="semibold">
        {t(lang, 'byLead')}
      </Text>
      <div className={styles.section} data-testid="by-lead">
        {s.byLead.map((g) => {
          const done = g.byStatus.done + g.byStatus.done_late;
          return (
            <div key={g.name}>
              <div className={styles.lead}>
                <Text size={200}>{g.name}</Text>
                <Text size={200}>
                  {done}/{g.total}
                  {g.byStatus.overdue > 0 ? ` · ${STATUS_STYLES.overdue.symbol}${g.byStatus.overdue}` : ''}
                </Text>
              </div>
              <ProgressBar value={g.total ? done / g.total : 0} aria-label={`${g.name} ${pct(g.doneRate)}`} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
