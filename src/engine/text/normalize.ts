import { SIMPLIFIED, TRADITIONAL } from './traditional-table';

/*
 * Normalisation runs on every cell of every row (100k rows → several 100k strings), so it is one pass
 * over the UTF-16 code units with a 64k lookup table built once, and allocates nothing when the text
 * is already normal (the common case for simplified text).
 */
const KEEP = 0;
const DROP = 0xffff;
/** A surrogate, or a traditional character whose simplified form lies outside the BMP. */
const SLOW = 0xfffe;

const WHITE_SPACE =
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff';
const QUOTE_MARKS = '“”‘’"\'「」『』《》〈〉＂＇';

interface Tables {
  /** Per code unit: KEEP, DROP, SLOW or the replacement code unit. */
  action: Uint16Array;
  /** Code point → simplified form, for the SLOW cases. */
  wide: Map<number, string>;
}

let built: Tables | null = null;

function tables(): Tables {
  if (built) return built;
  const action = new Uint16Array(0x10000);
  const wide = new Map<number, string>();
  const from = [...TRADITIONAL];
  const to = [...SIMPLIFIED];
  for (let i = 0; i < from.length; i++) {
    const code = from[i].codePointAt(0)!;
    if (code <= 0xffff && to[i].length === 1) action[code] = to[i].charCodeAt(0);
    else {
      wide.set(code, to[i]);
      if (code <= 0xffff) action[code] = SLOW;
    }
  }
  for (let c = 0xff01; c <= 0xff5e; c++) action[c] = c - 0xfee0; // full-width ASCII → half-width
  for (let c = 0xd800; c <= 0xdfff; c++) action[c] = SLOW;
  for (const ch of WHITE_SPACE + QUOTE_MARKS) action[ch.charCodeAt(0)] = DROP;
  return (built = { action, wide });
}

/**
 * The form every matcher works on: simplified, half-width, no white space or quotation marks.
 * Chinese punctuation that separates clauses (，。；、) is kept, as half-width where one exists.
 */
export function normalizeText(text: string): string {
  // The same text is often normalised twice in a row (a measure for its clauses, then for the rules).
  if (text === lastInput) return lastOutput;
  lastOutput = normalize(text);
  lastInput = text;
  return lastOutput;
}

let lastInput = '';
let lastOutput = '';

function normalize(text: string): string {
  const { action, wide } = tables();
  let i = 0;
  const n = text.length;
  while (i < n && action[text.charCodeAt(i)] === KEEP) i++;
  if (i === n) return text;

  const out: string[] = [text.slice(0, i)];
  let runStart = i;
  const flush = (end: number) => {
    if (end > runStart) out.push(text.slice(runStart, end));
  };
  while (i < n) {
    const code = text.charCodeAt(i);
    const a = action[code];
    if (a === KEEP) {
      i++;
      continue;
    }
    flush(i);
    if (a === SLOW) {
      const point = text.codePointAt(i)!;
      const width = point > 0xffff ? 2 : 1;
      out.push(wide.get(point) ?? text.slice(i, i + width));
      i += width;
    } else {
      // A full-width quote or space becomes a half-width one, which is dropped as well.
      if (a !== DROP && action[a] !== DROP) out.push(String.fromCharCode(a));
      i++;
    }
    runStart = i;
  }
  flush(n);
  return out.join('');
}

/**
 * A bracketed remark in normalised text (full-width （） already half-width): (牵头), [注], 【说明】, 〔2023〕.
 * The one bracket matcher of header and department reading; the innermost of nested brackets.
 */
export const BRACKETED = /\([^()]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/;
const BRACKETED_ALL = new RegExp(BRACKETED.source, 'g');

/** Header cells: as normalizeText, lower case, without bracketed remarks and punctuation. */
export function normalizeHeader(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(BRACKETED_ALL, '')
    .replace(/[*:;,.、。·\-_/\\()[\]【】〔〕#]/g, '');
}
