import fc from 'fast-check';
import { normalizeText } from '../src/engine/text/normalize';
import { parseCount } from '../src/engine/text/chinese-numbers';
import { SIMPLIFIED, TRADITIONAL } from '../src/engine/text/traditional-table';

/** The definition, written plainly: the fast table-driven normalizeText must agree with it. */
const simplifiedChars = [...SIMPLIFIED];
const simplifiedOf = new Map([...TRADITIONAL].map((ch, i) => [ch, simplifiedChars[i]]));

function reference(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : code === 0x3000 ? ' ' : ch;
    out += simplifiedOf.get(half) ?? half;
  }
  return out.replace(/[\s\u00a0\u200b]+/g, '').replace(/[“”‘’"'「」『』《》〈〉]/g, '');
}

describe('normalizeText', () => {
  it('turns traditional into simplified, full width into half width, and drops spaces and quotes', () => {
    expect(normalizeText('每季度召開１次「專題會議」')).toBe('每季度召开1次专题会议');
    expect(normalizeText(' 2022年６月３０日\u3000前 ')).toBe('2022年6月30日前');
    expect(normalizeText('機關黨委（辦公室）')).toBe('机关党委(办公室)');
    expect(normalizeText('已完成')).toBe('已完成');
  });

  it('keeps characters outside the BMP intact', () => {
    expect(normalizeText('𠀀 完成')).toBe('𠀀完成');
  });

  it('agrees with the plain definition on any mix of traditional, full-width, space and quotes', () => {
    const pieces = fc.constantFrom(
      ...[...TRADITIONAL].slice(0, 400),
      ...'每月１２３ＡＢ　 \n\t"\'“”「」《》（）：，。；已完成𠀀𡘙\u00a0\u200b\ufeff'.split(''),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(normalizeText(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseCount', () => {
  test.each<[string, number]>([
    ['12', 12],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['两', 2],
    ['零', 0],
    ['〇', 0],
    // 百, 千, 两 before a power, 零 as a place holder (review finding 6: one parser, not two)
    ['百', 100],
    ['一百', 100],
    ['三百零五', 305],
    ['两千', 2000],
    ['一千零五', 1005],
    ['两百四十', 240],
    ['九千九百九十九', 9999],
    // unseen variants: a last digit one power down (二百五 = 250), 十 inside a number (一百一十)
    ['二百五', 250],
    ['一百一十', 110],
    ['三千零二十', 3020],
  ])('%s → %d', (text, n) => expect(parseCount(text)).toBe(n));

  test.each(['', '十十', '一二', '五五', '百千', '三百零', 'abc', '十月', '零五'])('not a number: "%s"', (text) => {
    expect(parseCount(text)).toBeNull();
  });
});
