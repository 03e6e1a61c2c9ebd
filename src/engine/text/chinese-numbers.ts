const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** A number written in Arabic digits or in Chinese numerals up to 99 ("12", "十二", "两", "二十"). */
export function parseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const tens = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (tens) return (tens[1] ? DIGITS[tens[1]] : 1) * 10 + (tens[2] ? DIGITS[tens[2]] : 0);
  if (text.length === 1 && text in DIGITS) return DIGITS[text];
  return null;
}

/** The pattern source for a count in either notation, for use inside larger patterns. */
export const COUNT = '(\\d{1,3}|[一二两三四五六七八九十]{1,3})';
