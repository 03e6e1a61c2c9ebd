import { Obligation } from './deadline/obligation';
import { parseDeadlineText } from './deadline/parse-deadline';
import { parseMeasureText } from './deadline/parse-measure';

function withoutOrigin(o: Obligation): Obligation {
  const copy = { ...o };
  delete copy.origin;
  return copy;
}

/** `luoshi explain` (SPEC §7): a deadline cell gives exactly one obligation, a measure text zero or more. */
export function explain(text: string, year: number, asMeasure: boolean): { obligations: Obligation[] } {
  const obligations = asMeasure ? parseMeasureText(text, year) : [parseDeadlineText(text, year)];
  return { obligations: obligations.map(withoutOrigin) };
}
