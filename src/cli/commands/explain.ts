import { explain, today } from '../../engine';
import { flag, parseArgs, text } from '../args';
import { fail } from '../exit';
import { Out } from '../out';

/** `luoshi explain [--year YYYY] [--measure] TEXT`: the obligations a text is read as, as JSON (SPEC §7). */
export async function explainCommand(argv: string[], out: Out): Promise<number> {
  const args = parseArgs(argv, { year: { type: 'string' }, measure: { type: 'boolean' } });
  if (args.positional.length !== 1)
    fail('explain 需要一段文本（含空格时请加引号）', 'explain takes one text (quote it if it has spaces)');
  const yearText = text(args, 'year') ?? today().slice(0, 4);
  if (!/^\d{4}$/.test(yearText))
    fail(`--year 应为四位年份，而不是“${yearText}”`, `--year must be a four-digit year, not "${yearText}"`);
  await out(JSON.stringify(explain(args.positional[0], Number(yearText), flag(args, 'measure'))));
  return 0;
}
