import stringWidth from 'string-width';

/*
 * Text for a terminal, by display width (string-width: a CJK character takes two columns), so
 * 组织部 and Office line up in one table.
 */

/** `value` and spaces up to `width` terminal columns. */
export function padEnd(value: string, width: number): string {
  return value + ' '.repeat(Math.max(0, width - stringWidth(value)));
}

/** Spaces and `value` up to `width` terminal columns (numbers). */
export function padStart(value: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(value))) + value;
}

/**
 * Rows as aligned lines: each column as wide as its widest cell, two spaces between; `numeric[i]`
 * right-aligns column i. The last column is not padded (no trailing spaces).
 */
export function alignedLines(rows: string[][], numeric: boolean[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 && !numeric[i] ? cell : numeric[i] ? padStart(cell, widths[i]) : padEnd(cell, widths[i]),
      )
      .join('  '),
  );
}

/** One line of at most `max` terminal columns (white space folded), cut with "…". */
export function oneLine(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (stringWidth(flat) <= max) return flat;
  let out = '';
  let width = 0;
  for (const ch of flat) {
    const w = stringWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}
