import { normalizeHeader } from '../text/normalize';

/** Sheets with a role of their own: never the breakdown table. */
export const RULES_SHEET = /^(规则|规则表|校验规则|rules?)$/;
export const DEPARTMENTS_SHEET = /^(部门|部门清单|部门列表|部门名单|单位清单|departments?)$/;
export const LOG_SHEET =
  /^(工作记录|活动台账|开展情况记录|活动记录|开展记录|工作日志|记录|log|activitylog|activities)$/;

export function isSpecialSheet(name: string): boolean {
  const n = normalizeHeader(name);
  return RULES_SHEET.test(n) || DEPARTMENTS_SHEET.test(n) || LOG_SHEET.test(n);
}
