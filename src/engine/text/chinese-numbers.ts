const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A whole number written in Arabic digits ("12", any length) or in Chinese numerals below 10,000: "十二",
 * "二十", "两", "零", "百" (百分之百), "三百零五", "两千", "一千零五", and a last digit one power down as
 * spoken ("二百五" = 250, "三千五" = 3500). Powers fall from left to right; 零 holds an empty place and
 * is followed by a digit. Null for anything else ("十十", "一二", "二〇二三", "", "十月").
 */
export function parseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1 && text in DIGITS) return DIGITS[text];
  if (text === '') return null;
  let total = 0;
  let digit = -1; // a digit waiting for its power
  let power = 10000; // the last power written
  let zero = false; // 零 written since that power: the next digit is not one power down
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit >= 0) return null; // two digits in a row (一二)
      if (DIGITS[ch] === 0) {
        if (zero || total === 0) return null;
        zero = true;
      } else digit = DIGITS[ch];
    } else if (ch in POWERS) {
      const p = POWERS[ch];
      // Powers fall (千 before 百 before 十); a bare power only leads the number (十二, 百), 零 only between.
      if (p >= power || (digit < 0 && (total > 0 || zero))) return null;
      total += (digit < 0 ? 1 : digit) * p;
      power = p;
      digit = -1;
      zero = false;
    } else return null;
  }
  if (zero && digit < 0) return null; // 三百零: 零 holds no place at the end
  if (digit < 0) return total;
  // 二百五 = 250: a last digit right after 百 or 千 stands one power down, unless 零 came between.
  return total + (power > 10 && power < 10000 && !zero ? (digit * power) / 10 : digit);
}

/** The pattern source for a count in either notation, for use inside larger patterns. */
export const COUNT = '(\\d{1,3}|[一二两三四五六七八九十]{1,3})';
