import { Lang } from '../i18n';
import { SheetRole } from './plan';

export const SHEET_TITLES: Record<SheetRole, { zh: string; en: string }> = {
  summary: { zh: '汇总', en: 'Summary' },
  overdue: { zh: '逾期清单', en: 'Overdue' },
  dueSoon: { zh: '临期提醒', en: 'Due soon' },
  byDepartment: { zh: '部门任务', en: 'By department' },
  periods: { zh: '周期进度', en: 'Periods' },
  findings: { zh: '校验问题', en: 'Findings' },
  runLog: { zh: '校验记录', en: 'Run log' },
};

export const SHEET_ROLES = Object.keys(SHEET_TITLES) as SheetRole[];

/**
 * The names of the generated sheets: the SPEC names, unless a user sheet already has one (Excel
 * compares sheet names case-insensitively), in which case "汇总(落实)", "汇总(落实2)" …
 */
export function generatedSheetNames(userSheets: string[], lang: Lang): Record<SheetRole, string> {
  const taken = new Set(userSheets.map((n) => n.toLowerCase()));
  const names = {} as Record<SheetRole, string>;
  const tag = lang === 'zh' ? '落实' : 'Luoshi';
  for (const role of SHEET_ROLES) {
    const base = SHEET_TITLES[role][lang];
    let name = base;
    for (let i = 1; taken.has(name.toLowerCase()); i++) name = `${base}(${tag}${i === 1 ? '' : i})`.slice(0, 31);
    taken.add(name.toLowerCase());
    names[role] = name;
  }
  return names;
}
