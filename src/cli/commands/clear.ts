import { clearedWorkbook } from '../../xlsx/checked-workbook';
import { readFileBytes } from '../../xlsx/open-package';
import { flag, parseArgs, text } from '../args';
import { fail, isOutOfMemory, outOfMemory } from '../exit';
import { besideInput, checkWritable, warnIfOpenInExcel, writeAtomically } from '../files';
import { Out } from '../out';

/** `luoshi clear FILE [-o OUT]`: everything Luoshi wrote taken out, into FILE.cleared.xlsx (SPEC §5, §7). */
export async function clearCommand(argv: string[], out: Out, warn: Out): Promise<number> {
  const args = parseArgs(argv, { output: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } });
  if (args.positional.length !== 1) fail('clear 需要且只需要一个 xlsx 文件', 'clear takes exactly one xlsx file');
  const file = args.positional[0];
  const target = text(args, 'output') ?? besideInput(file, 'cleared');
  checkWritable(target, { zh: '输出工作簿', en: 'output workbook' });
  const input = await readFileBytes(file);
  warnIfOpenInExcel(file, warn);
  let cleared: { found: boolean; output: Buffer };
  try {
    cleared = await clearedWorkbook(input, file);
    await writeAtomically(target, cleared.output);
  } catch (e) {
    if (isOutOfMemory(e)) throw outOfMemory(file, input.length);
    throw e;
  }
  if (!flag(args, 'quiet')) {
    await out(
      cleared.found
        ? `已清除落实写入的内容 | Removed everything Luoshi wrote: ${target}`
        : `工作簿中没有落实写入的内容，已原样写出 | Nothing of Luoshi's was in the workbook; written unchanged: ${target}`,
    );
  }
  return 0;
}
