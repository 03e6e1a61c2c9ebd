import { SIMPLIFIED, TRADITIONAL } from './traditional-table';

let table: Map<number, string> | null = null;

function traditionalTable(): Map<number, string> {
  if (table) return table;
  table = new Map();
  const from = [...TRADITIONAL];
  const to = [...SIMPLIFIED];
  for (let i = 0; i < from.length; i++) table.set(from[i].codePointAt(0)!, to[i]);
  return table;
}

/** Traditional characters → simplified, one character at a time (enough for matching vocabulary). */
export function toSimplified(text: string): string {
  const map = traditionalTable();
  let out: string[] | null = null;
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const simple = code >= 0x3400 ? map.get(code) : undefined;
    if (simple !== undefined && out === null) out = [...text].slice(0, i);
    if (out !== null) out.push(simple ?? ch);
    i++;
  }
  return out === null ? text : out.join('');
}

/** Full-width ASCII (０-９, Ａ-Ｚ, ：，（） …) and the ideographic space → their half-width forms. */
export function toHalfWidth(text: string): string {
  let changed = false;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else out += text[i];
  }
  return changed ? out : text;
}

const QUOTES = /[“”‘’"'「」『』《》〈〉]/g;
const WHITESPACE = /[\s\u00a0\u200b]+/g;

/**
 * The form every matcher works on: simplified, half-width, no white space or quotation marks.
 * Chinese punctuation that separates clauses (，。；、) is kept, as half-width where one exists.
 */
const normalized = new Map<string, string>();

export function normalizeText(text: string): string {
  // Tables repeat the same departments, progress words and deadlines thousands of times.
  const hit = normalized.get(text);
  if (hit !== undefined) return hit;
  const result = toHalfWidth(toSimplified(text)).replace(WHITESPACE, '').replace(QUOTES, '');
  if (text.length <= 200) {
    if (normalized.size > 100000) normalized.clear();
    normalized.set(text, result);
  }
  return result;
}

/** Header cells: as normalizeText, lower case, without bracketed remarks and punctuation. */
export function normalizeHeader(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/[*:;,.、。·\-_/\\()[\]【】〔〕#]/g, '');
}
