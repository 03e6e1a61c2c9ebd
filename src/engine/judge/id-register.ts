import { normalizeText } from '../text/normalize';

/**
 * The sheet row where each task id was first seen, to name duplicates. Ids are mostly the plain
 * numbers 1, 2, 3 …: those are kept in an array by number, which a 100k-row table looks up faster than
 * a Map of 100k keys; anything else (1.2, 一, A-3) by its normalised text.
 */
export class IdRegister {
  private readonly byNumber: number[] = [];
  private readonly byText = new Map<string, number>();

  /** Records the id at `sheetRow` unless seen before; returns the row where it was first seen, if it was. */
  firstSeen(id: string, sheetRow: number): number | undefined {
    const text = normalizeText(id);
    if (SMALL_NUMBER.test(text)) {
      const n = Number(text);
      const other = this.byNumber[n];
      if (other === undefined) this.byNumber[n] = sheetRow;
      return other;
    }
    const other = this.byText.get(text);
    if (other === undefined) this.byText.set(text, sheetRow);
    return other;
  }
}

/** Up to a million: the array stays dense enough for a real table's ids. */
const SMALL_NUMBER = /^[1-9]\d{0,5}$/;
