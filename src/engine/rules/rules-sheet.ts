import { parseDeadlineText } from '../deadline/parse-deadline';
import { cellReference } from '../model/cell-position';
import { cellText, WorkbookData } from '../model/workbook';
import { Finding, finding } from '../judge/findings';
import { Lang } from '../i18n';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { MergedView } from '../table/merged-cells';
import { findColumns, valueAt } from '../table/simple-sheet';
import { RULES_SHEET } from '../table/special-sheets';
import { BUILTIN_RULES } from './builtin-rules';
import { Rule } from './rules';

const ROLES = {
  keyword: /关键词|关键字|keyword|事项|制度/,
  frequency: /频次|频率|周期|时限|要求|frequency|period/,
  minCount: /最少次数|最低次数|次数|mincount|count|minimum/,
  warnDays: /提醒天数|预警天数|提前|warn/,
  evidence: /佐证|证明|evidence/,
  source: /来源|依据|出处|source/,
};

const YES = /^(是|需要|必须|要|y|yes|true|1|✓|√)$/i;

/**
 * The workbook's own 规则 sheet (SPEC §2): keyword → frequency, minimum count, warning days, evidence
 * required. A workbook rule replaces a built-in rule with the same keyword.
 */
export function rulesInForce(workbook: WorkbookData, year: number, lang: Lang): { rules: Rule[]; findings: Finding[] } {
  const own: Rule[] = [];
  const findings: Finding[] = [];
  for (const sheet of workbook.sheets) {
    if (!RULES_SHEET.test(normalizeHeader(sheet.name))) continue;
    const view = new MergedView(sheet);
    const found = findColumns(view, ROLES, ['keyword']);
    if (!found) continue;
    const { headerRow, columns } = found;
    for (let r = headerRow + 1; r < view.rowCount; r++) {
      const keywordText = cellText(valueAt(view, r, columns.keyword));
      if (!keywordText) continue;
      const at = { sheet: sheet.name, row: r, col: columns.keyword! };
      const keywords = keywordText
        .split(/[、,，;；/|\s]+/)
        .map(normalizeText)
        .filter(Boolean);
      const frequencyText = cellText(valueAt(view, r, columns.frequency));
      const parsed = frequencyText ? parseDeadlineText(frequencyText, year) : null;
      const minCount = Number(cellText(valueAt(view, r, columns.minCount)));
      const warnDays = Number(cellText(valueAt(view, r, columns.warnDays)));
      const evidenceText = cellText(valueAt(view, r, columns.evidence));
      if (parsed && (parsed.kind === 'unknown' || parsed.kind === 'unspecified')) {
        findings.push(finding('rule_invalid', at, lang, { text: `${keywordText} ${frequencyText}` }));
        continue;
      }
      const obligation = parsed
        ? parsed.kind === 'recurring' && Number.isInteger(minCount) && minCount > 0
          ? { ...parsed, minCount }
          : parsed
        : null;
      own.push({
        keywords,
        obligation: obligation ? { ...obligation, origin: 'rule' } : { kind: 'unspecified', origin: 'rule' },
        source:
          cellText(valueAt(view, r, columns.source)) ||
          (lang === 'zh' ? `本工作簿“${sheet.name}”表` : `This workbook's "${sheet.name}" sheet`),
        origin: 'workbook',
        ...(Number.isInteger(warnDays) && warnDays >= 0 && cellText(valueAt(view, r, columns.warnDays))
          ? { warnDays }
          : {}),
        ...(evidenceText ? { evidenceRequired: YES.test(normalizeText(evidenceText)) } : {}),
        cell: cellReference(at),
      });
    }
  }
  const overridden = new Set(own.flatMap((r) => r.keywords));
  const builtins = BUILTIN_RULES.filter((b) => !b.keywords.some((k) => overridden.has(k)));
  return { rules: [...own, ...builtins], findings };
}
