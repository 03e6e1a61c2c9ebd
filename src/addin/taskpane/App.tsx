import * as React from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Tab,
  TabList,
  Text,
  Theme,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { Lang, Message, Report } from '../../engine';
import type { ExcelHost } from '../excel/host';
import type { Stage } from '../excel/run-check';
import {
  checkOptions,
  edited,
  hintedColumns,
  loadLayout,
  loadSettings,
  PaneSettings,
  saveSettings,
  settingsLang,
  TableHint,
  withCandidate,
  withHeaderRow,
  withLoadedLayout,
} from '../settings';
import { t, TextKey } from '../ui-text';
import { ResultView } from './ResultView';
import { RoundTripView } from './RoundTripView';
import { RulesView } from './RulesView';
import { SettingsView } from './SettingsView';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    boxSizing: 'border-box',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  candidate: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

/** Kept as a text key or a bilingual message, so it follows a change of language. */
type Notice = { intent: 'error' | 'success' | 'info'; text: Message | { key: TextKey; vars?: Record<string, number> } };

export interface AppProps {
  host: ExcelHost;
  theme?: Theme;
  storage?: Storage | null;
  /** Fixed "today" (tests); otherwise the clock. */
  now?: () => Date;
}

/** The task pane: 校验 / 清除结果, the result, the settings and the rules in force. */
export function App({
  host,
  theme = webLightTheme,
  storage = null,
  now = () => new Date(),
}: AppProps): React.ReactElement {
  const styles = useStyles();
  const [settings, setSettings] = React.useState<PaneSettings>(() => loadSettings(storage));
  const [tab, setTab] = React.useState<'result' | 'settings' | 'rules' | 'roundtrip'>('result');
  const [stage, setStage] = React.useState<Stage | 'clear' | null>(null);
  const [report, setReport] = React.useState<Report | null>(null);
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  /** After a no_table failure: the engine's likeliest header row and the overrides that would take it. */
  const [tableHint, setTableHint] = React.useState<TableHint | null>(null);
  /** Copies of Luoshi's sheets the user made ("汇总 (2)"), left alone by the last 校验 or 清除结果. */
  const [copiesKept, setCopiesKept] = React.useState<Message | null>(null);
  const lang: Lang = settingsLang(settings, host.displayLanguage);
  const say = (n: Notice['text']) => ('key' in n ? t(lang, n.key, n.vars) : n[lang]);

  // The sheet, header row and columns are this workbook's, kept in it (issue 17, item 9); read once at start.
  React.useEffect(() => {
    loadLayout(host).then(
      (layout) => setSettings((s) => withLoadedLayout(s, layout)),
      () => {}, // Not read (cell editing): each check then uses the workbook's own.
    );
  }, [host]);

  const update = (next: PaneSettings) => {
    const s = edited(settings, next);
    setSettings(s);
    saveSettings(storage, s, host);
    return s;
  };

  // The engine and the writer load on first use, keeping the pane's first load small.
  const loadCheck = () => import(/* webpackChunkName: "check" */ './check-chunk');

  /** Runs an action against the workbook; whatever Office throws becomes a one-line notice. */
  const attempt = async (action: (check: Awaited<ReturnType<typeof loadCheck>>) => Promise<void>) => {
    const check = await loadCheck();
    try {
      await action(check);
    } catch (e) {
      setNotice({ intent: 'error', text: check.explainOfficeError(e) });
      const help = (e as { help?: TableHint } | null)?.help;
      setTableHint(help?.candidate ? help : null);
    }
  };

  /** 校验 with the given settings; from the settings tab (a correction) the pane stays there to show the new reading. */
  const validate = async (using: PaneSettings = settings, stay = false) => {
    setNotice(null);
    setTableHint(null);
    setStage('read');
    setCopiesKept(null);
    await attempt(async (check) => {
      const { runCheck } = check;
      const result = await runCheck(
        host,
        checkOptions(using, settingsLang(using, host.displayLanguage), now(), false),
        setStage,
      );
      setReport(result.report);
      setSheets(result.sheets);
      setSettings((s) => withLoadedLayout(s, result.layout));
      setCopiesKept(result.keptCopies.length > 0 ? check.MESSAGES.copiesKept(result.keptCopies) : null);
      if (!stay) setTab('result');
      setNotice({ intent: 'success', text: { key: 'done', vars: { syncs: result.syncs } } });
    });
    setStage(null);
  };

  /** A correction in one step: save the settings and check again (issue 15). */
  const apply = (next: PaneSettings) => validate(update(next), true);

  /** 用所选行作为表头: the selected cell's sheet and row become the header, and the check runs again. */
  const headerFromSelection = () =>
    attempt(async ({ selectedRow }) => {
      const at = await selectedRow(host);
      await apply(withHeaderRow(settings, at.sheet, at.row));
    });

  const clear = async () => {
    setNotice(null);
    setStage('clear');
    setCopiesKept(null);
    await attempt(async ({ runClear, MESSAGES }) => {
      const found = await runClear(host, {
        keptCopies: (copies) => setCopiesKept(copies.length > 0 ? MESSAGES.copiesKept(copies) : null),
      });
      setReport(null);
      setNotice({ intent: 'info', text: { key: found ? 'cleared' : 'nothingToClear' } });
    });
    setStage(null);
  };

  const select = (row: number) =>
    attempt(async ({ selectRow, columnLetter }) => {
      if (report) await selectRow(host, report.sheet, row, columnLetter(report.table.resultColumn - 1));
    });

  const busy = stage !== null;
  const stageText =
    stage === 'read' ? 'stageRead' : stage === 'judge' ? 'stageJudge' : stage === 'write' ? 'stageWrite' : 'stageClear';
  return (
    // The theme's background fills the whole pane, not only the content's height (white under it in a dark theme).
    <FluentProvider theme={theme} lang={lang === 'zh' ? 'zh-CN' : 'en-US'} style={{ minHeight: '100vh' }}>
      <main className={styles.root}>
        <Text as="h1" size={500} weight="semibold">
          {t(lang, 'title')}
        </Text>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => validate()} disabled={busy} data-testid="validate">
            {t(lang, 'validate')}
          </Button>
          <Button onClick={clear} disabled={busy} data-testid="clear">
            {t(lang, 'clear')}
          </Button>
        </div>
        {busy && (
          <div role="status" aria-live="polite">
            <ProgressBar thickness="large" />
            <Text size={200}>{t(lang, stageText)}</Text>
          </div>
        )}
        {notice && (
          <MessageBar intent={notice.intent} data-testid="notice">
            <MessageBarBody>{say(notice.text)}</MessageBarBody>
          </MessageBar>
        )}
        {copiesKept && !busy && (
          <MessageBar intent="info" data-testid="copies-kept">
            <MessageBarBody>{copiesKept[lang]}</MessageBarBody>
          </MessageBar>
        )}
        {tableHint?.candidate && !busy && (
          <div className={styles.candidate} data-testid="candidate">
            <Text size={200}>
              {t(lang, 'candidateTitle', { sheet: tableHint.candidate.sheet, row: tableHint.candidate.row })}
            </Text>
            <Text size={200} weight="semibold">
              {tableHint.candidate.headers.filter(Boolean).join(' · ')}
            </Text>
            <Button
              appearance="primary"
              onClick={() => apply(withCandidate(settings, tableHint))}
              data-testid="use-candidate"
            >
              {t(lang, 'useCandidateRow', { row: tableHint.candidate.row })}
              {hintedColumns(tableHint).measure
                ? t(lang, 'useCandidateMeasure', { column: hintedColumns(tableHint).measure! })
                : ''}
            </Button>
          </div>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)} size="small">
          <Tab value="result">{t(lang, 'tabResult')}</Tab>
          <Tab value="settings">{t(lang, 'tabSettings')}</Tab>
          <Tab value="rules">{t(lang, 'tabRules')}</Tab>
          <Tab value="roundtrip">{t(lang, 'tabRoundTrip')}</Tab>
        </TabList>
        {tab === 'result' &&
          (report ? <ResultView report={report} lang={lang} onSelectRow={select} /> : <Text>{t(lang, 'idle')}</Text>)}
        {tab === 'settings' && (
          <SettingsView
            settings={settings}
            sheets={sheets}
            lang={lang}
            onChange={update}
            report={report}
            busy={busy}
            onApply={apply}
            onUseSelectedRow={headerFromSelection}
          />
        )}
        {tab === 'rules' && <RulesView report={report} lang={lang} />}
        {tab === 'roundtrip' && (
          <RoundTripView
            host={host}
            lang={lang}
            settings={settings}
            now={now}
            onReport={(merged, userSheets) => {
              setReport(merged);
              setSheets(userSheets);
            }}
          />
        )}
      </main>
    </FluentProvider>
  );
}
