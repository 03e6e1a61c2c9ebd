import fc from 'fast-check';
import { normalizeText } from '../src/engine/text/normalize';
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
    const pieces = fc.constantFrom(...[...TRADITIONAL].slice(0, 400), ...'每月１２３ＡＢ　 \n\t"\'“”「」《》（）：，。；已完成𠀀𡘙\u00a0\u200b\ufeff'.split(''));
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(normalizeText(text)).toBe(reference(text));
    }), { numRuns: 2000 });
  });
});
