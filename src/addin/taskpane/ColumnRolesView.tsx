import * as React from 'react';
import { Button, Field as FormField, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FIELDS, Field, Lang, Report } from '../../engine';
import { columnRoleRows } from '../column-roles';
import { columnLettersOf, overriddenRole, PaneSettings, withColumnRole } from '../settings';
import { FIELD_LABELS, t } from '../ui-text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: '2.5em 1fr auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  low: { color: tokens.colorPaletteDarkOrangeForeground1 },
  other: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** The role picker's options: 自动识别 (no override) and every field in the clerk's words. */
function RoleOptions({ lang }: { lang: Lang }) {
  return (
    <>
      <option value="">{t(lang, 'roleAutomatic')}</option>
      {FIELDS.map((f) => (
        <option key={f} value={f}>
          {FIELD_LABELS[f][lang]}
        </option>
      ))}
    </>
  );
}

/**
 * 识别结果 (issue 15): each column the check read, its header as written, its role and why, a mark on
 * a weak guess; a role picker per column (and for any other column) that writes the columns override
 * and runs 校验 again in one step (`onApply`).
 */
export function ColumnRolesView({
  report,
  settings,
  lang,
  busy,
  onApply,
}: {
  report: Report | null;
  settings: PaneSettings;
  lang: Lang;
  busy: boolean;
  onApply: (s: PaneSettings) => void;
}): React.ReactElement {
  const styles = useStyles();
  const [other, setOther] = React.useState('');
  const [otherRole, setOtherRole] = React.useState<Field | ''>('');
  const rows = report ? columnRoleRows(report, lang) : [];
  const pick = (column: string, value: string) =>
    onApply(withColumnRole(settings, column, value === '' ? null : (value as Field)));
  const otherLetters = columnLettersOf(other);
  return (
    <section className={styles.section} data-testid="column-roles" aria-labelledby="roles-title">
      <Text as="h2" weight="semibold" id="roles-title">
        {t(lang, 'rolesTitle')}
      </Text>
      {rows.length === 0 ? (
        <Text size={200}>{t(lang, 'rolesEmpty')}</Text>
      ) : (
        <>
          <Text size={100}>{t(lang, 'rolesIntro')}</Text>
          <ul className={styles.list}>
            {rows.map((r) => (
              <li
                key={`${r.column}-${r.field}`}
                className={styles.row}
                data-column={r.column}
                data-why={r.why}
                data-low={r.low ? 'true' : undefined}
                data-superseded={r.superseded ? 'true' : undefined}
              >
                <Text weight="semibold">{r.column}</Text>
                <span className={styles.text}>
                  <Text size={200}>
                    {r.header || '—'} → {r.role}
                  </Text>
                  <Text size={100} className={r.low ? styles.low : undefined}>
                    {r.low ? '⚠ ' : ''}
                    {r.why}
                    {r.note ? ` · ${r.note}` : ''}
                  </Text>
                </span>
                <Select
                  size="small"
                  aria-label={t(lang, 'roleFor', { column: r.column })}
                  value={overriddenRole(settings, r.column) ?? (r.superseded ? '' : r.field)}
                  disabled={busy}
                  onChange={(_, d) => pick(r.column, d.value)}
                >
                  <RoleOptions lang={lang} />
                </Select>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.other}>
        <FormField
          label={t(lang, 'otherColumn')}
          hint={t(lang, 'otherColumnHint')}
          validationState={other.trim() !== '' && otherLetters === null ? 'error' : 'none'}
        >
          <Input
            size="small"
            style={{ width: '6em' }}
            value={other}
            onChange={(_, d) => setOther(d.value)}
            data-testid="other-column"
          />
        </FormField>
        <Select
          size="small"
          aria-label={t(lang, 'roleFor', { column: otherLetters ?? '' })}
          value={otherRole}
          onChange={(_, d) => setOtherRole(d.value as Field | '')}
          data-testid="other-role"
        >
          <RoleOptions lang={lang} />
        </Select>
        <Button
          size="small"
          disabled={busy || otherLetters === null}
          onClick={() => pick(otherLetters!, otherRole)}
          data-testid="apply-role"
        >
          {t(lang, 'applyRole')}
        </Button>
      </div>
    </section>
  );
}
