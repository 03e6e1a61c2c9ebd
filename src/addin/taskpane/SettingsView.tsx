import * as React from 'react';
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Lang, Report } from '../../engine';
import { invalidColumns, PaneSettings } from '../settings';
import { t } from '../ui-text';
import { ColumnRolesView } from './ColumnRolesView';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export interface SettingsViewProps {
  settings: PaneSettings;
  sheets: string[];
  lang: Lang;
  /** A setting typed or chosen: saved, no check run. */
  onChange: (s: PaneSettings) => void;
  /** The last check's report: its column roles are listed (识别结果). */
  report?: Report | null;
  busy?: boolean;
  /** A correction (a column's role): saved, and 校验 runs again. */
  onApply?: (s: PaneSettings) => void;
  /** 用所选行作为表头. */
  onUseSelectedRow?: () => void;
}

/** As-of date, warning days, sheet and header row, how columns were read and their correction, column mapping, language. */
export function SettingsView({
  settings,
  sheets,
  lang,
  onChange,
  report = null,
  busy = false,
  onApply = onChange,
  onUseSelectedRow,
}: SettingsViewProps): React.ReactElement {
  const styles = useStyles();
  const set = (patch: Partial<PaneSettings>) => onChange({ ...settings, ...patch });
  const invalid = invalidColumns(settings);
  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()}>
      <Field label={t(lang, 'asOf')} hint={t(lang, 'asOfHint')}>
        <Input type="date" value={settings.asOf} onChange={(_, d) => set({ asOf: d.value })} />
      </Field>
      <Field label={t(lang, 'warnDays')}>
        <Input
          type="number"
          min={0}
          max={365}
          value={String(settings.warnDays)}
          onChange={(_, d) => set({ warnDays: Math.max(0, Math.min(365, Number(d.value) || 0)) })}
        />
      </Field>
      <Field label={t(lang, 'sheet')}>
        <Select value={settings.sheet} onChange={(_, d) => set({ sheet: d.value })}>
          <option value="">{t(lang, 'automatic')}</option>
          {[...new Set([...sheets, settings.sheet].filter(Boolean))].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'headerRow')}>
        <Input
          type="number"
          min={1}
          value={settings.headerRow}
          placeholder={t(lang, 'automatic')}
          onChange={(_, d) => set({ headerRow: d.value })}
        />
      </Field>
      {onUseSelectedRow && (
        <Field hint={t(lang, 'useSelectedRowHint')}>
          <Button onClick={onUseSelectedRow} disabled={busy} data-testid="use-selected-row">
            {t(lang, 'useSelectedRow')}
          </Button>
        </Field>
      )}
      <ColumnRolesView report={report} settings={settings} lang={lang} busy={busy} onApply={onApply} />
      <Field
        label={t(lang, 'columns')}
        hint={t(lang, 'columnsHint')}
        validationState={invalid.length > 0 ? 'error' : 'none'}
        validationMessage={
          invalid.length > 0 ? invalid.map((p) => p.message[lang]).join(lang === 'zh' ? '；' : '; ') : undefined
        }
      >
        <Input value={settings.columns} onChange={(_, d) => set({ columns: d.value })} />
      </Field>
      <Field label={t(lang, 'language')}>
        <Select value={settings.language} onChange={(_, d) => set({ language: d.value as PaneSettings['language'] })}>
          <option value="auto">{t(lang, 'followOffice')}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </Select>
      </Field>
    </form>
  );
}
