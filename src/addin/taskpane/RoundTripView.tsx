import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang, Message, Report } from '../../engine';
import type { ExcelHost } from '../excel/host';
import type { MergeRun } from './roundtrip-chunk';
import { checkOptions, PaneSettings } from '../settings';
import { t } from '../ui-text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  value: { overflowWrap: 'anywhere' },
});

export interface RoundTripViewProps {
  host: ExcelHost;
  lang: Lang;
  settings: PaneSettings;
  now: () => Date;
  /** The merged workbook was validated: the pane's result follows it. */
  onReport: (report: Report, sheets: string[]) => void;
}

type Outcome = { intent: 'error' | 'success' | 'info'; text: Message | string };

const loadRoundTrip = () => import(/* webpackChunkName: "roundtrip" */ './roundtrip-chunk');

/**
 * 分发 and 合并反馈 (SPEC §8, issue 19): the department files as one zip download, and the returned
 * files merged into the open workbook, with what was taken, the conflicts, what was not taken and the
 * files skipped. The work is done by src/addin/excel (merge-writes, file-bytes); this only renders.
 */
export function RoundTripView({ host, lang, settings, now, onReport }: RoundTripViewProps): React.ReactElement {
  const styles = useStyles();
  const [busy, setBusy] = React.useState<'split' | 'merge' | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [zip, setZip] = React.useState<{ name: string; url: string } | null>(null);
  const [files, setFiles] = React.useState<File[]>([]);
  const [merged, setMerged] = React.useState<MergeRun | null>(null);
  const say = (m: Outcome['text']) => (typeof m === 'string' ? m : m[lang]);

  React.useEffect(() => () => void (zip && URL.revokeObjectURL(zip.url)), [zip]);

  const split = async () => {
    setBusy('split');
    setOutcome(null);
    const rt = await loadRoundTrip();
    try {
      const doc = host.document;
      const options = checkOptions(settings, lang, now(), false);
      const made = await rt.departmentZip(await rt.workbookBytes(doc), {
        asOf: options.asOf,
        lang,
        name: rt.documentName(doc),
        warnDays: options.warnDays,
        override: options.override,
      });
      const blob = new Blob([new Uint8Array(made.bytes)], { type: 'application/zip' });
      setZip({ name: made.fileName, url: URL.createObjectURL(blob) });
      const skipped = made.split.skipped.length;
      setOutcome({
        intent: 'success',
        text:
          t(lang, 'splitDone', { count: made.split.departments.length }) +
          (skipped ? ` ${t(lang, 'splitNoDepartment', { count: skipped })}` : ''),
      });
    } catch (e) {
      setOutcome({ intent: 'error', text: rt.explainOfficeError(e) });
    }
    setBusy(null);
  };

  const merge = async () => {
    if (files.length === 0) {
      setOutcome({ intent: 'info', text: t(lang, 'mergeNoFiles') });
      return;
    }
    setBusy('merge');
    setOutcome(null);
    setMerged(null);
    const rt = await loadRoundTrip();
    try {
      const read = await rt.readReplies(
        await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
      );
      const options = { ...checkOptions(settings, lang, now(), false), fileName: rt.documentName(host.document) };
      const run = await rt.runMerge(host, read.replies, read.unreadable, options);
      setMerged(run);
      onReport(run.report, run.sheets);
      setOutcome({
        intent: 'success',
        text: t(lang, 'mergeDone', {
          changes: run.changes.length,
          conflicts: run.conflicts.length,
          notTaken: run.notTaken.length,
          skipped: run.skipped.length,
          sheet: run.logSheet,
          syncs: run.syncs,
        }),
      });
    } catch (e) {
      setOutcome({ intent: 'error', text: rt.explainOfficeError(e) });
    }
    setBusy(null);
  };

  const cell = (c: { row: number; field: string }) =>
    c.row < 0 ? '' : t(lang, 'mergeCell', { row: c.row + 1, field: c.field });
  const from = (c: { department: string; file: string }) =>
    t(lang, 'mergeFrom', { department: c.department || '—', file: c.file });
  const list = (testId: string, title: string, items: Array<{ key: string; head: string; body: string }>) =>
    items.length > 0 && (
      <div className={styles.section} data-testid={testId}>
        <Text weight="semibold">
          {title} · {items.length}
        </Text>
        <ul className={styles.list}>
          {items.map((i) => (
            <li key={i.key} className={styles.item}>
              <Text size={200} weight="semibold">
                {i.head}
              </Text>
              <Text size={200} className={styles.value}>
                {i.body}
              </Text>
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <div className={styles.section} data-testid="roundtrip">
      <Text weight="semibold">{t(lang, 'splitTitle')}</Text>
      <Text size={200}>{t(lang, 'splitIntro')}</Text>
      <Button onClick={split} disabled={busy !== null} data-testid="split">
        {t(lang, 'splitButton')}
      </Button>
      {zip && (
        <a href={zip.url} download={zip.name} data-testid="split-download">
          {t(lang, 'download', { name: zip.name })}
        </a>
      )}

      <Text weight="semibold">{t(lang, 'mergeTitle')}</Text>
      <Text size={200}>{t(lang, 'mergeIntro')}</Text>
      <Field label={t(lang, 'mergePick')}>
        <input
          type="file"
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="merge-files"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </Field>
      <Button appearance="primary" onClick={merge} disabled={busy !== null} data-testid="merge">
        {t(lang, 'mergeButton')}
      </Button>

      {busy && (
        <div role="status" aria-live="polite">
          <ProgressBar thickness="large" />
          <Text size={200}>{t(lang, busy === 'split' ? 'stageSplit' : 'stageMerge')}</Text>
        </div>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} data-testid="roundtrip-notice">
          <MessageBarBody>{say(outcome.text)}</MessageBarBody>
        </MessageBar>
      )}
      {merged && (
        <>
          {list(
            'merge-changes',
            t(lang, 'mergeChanges'),
            merged.changes.map((c) => ({
              key: `${c.row}:${c.col}`,
              head: cell(c),
              body: `${c.old || '—'} → ${c.new} · ${from(c)}`,
            })),
          )}
          {list(
            'merge-conflicts',
            t(lang, 'mergeConflicts'),
            merged.conflicts.map((c, i) => ({
              key: `${i}`,
              head: cell(c),
              body: `${c.master || '—'} ≠ ${c.reply || '—'} · ${from(c)} · ${c.reason[lang]}`,
            })),
          )}
          {list(
            'merge-not-taken',
            t(lang, 'mergeNotTaken'),
            merged.notTaken.map((c, i) => ({
              key: `${i}`,
              head: cell(c) || c.measure,
              body: `${c.value || '—'} · ${from(c)} · ${c.reason[lang]}`,
            })),
          )}
          {list(
            'merge-skipped',
            t(lang, 'mergeSkipped'),
            merged.skipped.map((s, i) => ({ key: `${i}`, head: s.fileName, body: s.reason[lang] })),
          )}
        </>
      )}
    </div>
  );
}
