/**
 * Display width of text in a spreadsheet cell or a terminal, in "character" units (the unit of Excel's
 * column width): CJK ideographs, kana, hangul and full-width forms count two, combining marks and
 * control characters nothing, everything else one. The same East Asian Width (UAX #11) wide ranges as
 * string-width@4 (is-fullwidth-code-point), which the engine may not import (it stays free of npm code).
 */
export function isWide(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x1f300 && code <= 0x1f64f) || // emoji, shown two wide
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

/** Width of one code point: 0 (control, combining mark), 1 or 2. */
export function codeWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 0;
  if (code >= 0x300 && code <= 0x36f) return 0;
  if (code === 0x200b || code === 0xfeff) return 0;
  return isWide(code) ? 2 : 1;
}

/** Display width of a single-line text (line breaks count nothing). */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x7f) {
      if (code >= 0x20) w++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = (code - 0xd800) * 0x400 + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
    }
    w += codeWidth(code);
  }
  return w;
}

/** Characters a line may not start with (closing brackets and punctuation, 禁则): they stay on the line before. */
const NO_LINE_START = new Set([...'）)】」』》〉〕］]}｝、，。,.;；:：！!？?%％…·'].map((c) => c.codePointAt(0)!));
/** Characters a line may not end with (opening brackets): they go to the next line. */
const NO_LINE_END = new Set([...'（(【「『《〈〔［[{｛“‘'].map((c) => c.codePointAt(0)!));

/**
 * Lines a text takes when wrapped in a cell `width` characters wide, as spreadsheet programs wrap:
 * at explicit line breaks, between CJK characters anywhere, between Latin words only at spaces (a word
 * wider than the line is broken), never before a closing bracket or comma nor after an opening one.
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(2, width);
  if (text.indexOf('\n') < 0) return displayWidth(text) <= perLine ? 1 : paragraphLines(text, perLine);
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += paragraphLines(paragraph, perLine);
  return Math.max(1, lines);
}

/**
 * Lines of one paragraph, in one pass: the text is cut into unbreakable pieces (a Latin word with its
 * trailing spaces; one CJK character, with a closing bracket after it or an opening one before it),
 * each placed on the current line or, when it does not fit, on the next.
 */
function paragraphLines(paragraph: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  let piece = 0;
  let space = 0;
  let glue = false; // the next character must stay with the current piece
  const place = () => {
    let w = piece;
    if (used > 0 && used + w > perLine) {
      lines++;
      used = 0;
    }
    // A piece wider than a whole line is broken across lines.
    while (w > perLine) {
      lines++;
      w -= perLine;
    }
    used += w + space;
    piece = 0;
    space = 0;
  };
  for (let i = 0; i < paragraph.length; i++) {
    let code = paragraph.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < paragraph.length)
      code = (code - 0xd800) * 0x400 + (paragraph.charCodeAt(++i) - 0xdc00) + 0x10000;
    if (code === 32) {
      space++;
      glue = false;
      continue;
    }
    const wide = code >= 0x1100 && isWide(code);
    const noStart = NO_LINE_START.has(code);
    if (piece + space > 0 && !noStart && (space > 0 || (wide && !glue))) place();
    piece += wide ? 2 : codeWidth(code);
    glue = NO_LINE_END.has(code);
  }
  if (piece + space > 0) place();
  return lines;
}
