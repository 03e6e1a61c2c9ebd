import { columnIndex } from '../../src/engine/model/workbook';
import { MergeRange } from '../../src/engine/model/workbook';

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** "A1", "A1:C5", "$B:$B", "5:7", with or without a sheet: 0-based inclusive areas. */
export function parseArea(address: string): { sheet: string | null; area: MergeRange } {
  let sheet: string | null = null;
  let ref = address.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const p = (s: string, end: boolean) => {
    const m = /^([A-Z]{0,3})(\d*)$/i.exec(s);
    if (!m || (!m[1] && !m[2])) throw hostError('InvalidArgument', `Bad address: ${address}`);
    return { col: m[1] ? columnIndex(m[1])! : end ? MAX_COL : 0, row: m[2] ? Number(m[2]) - 1 : end ? MAX_ROW : 0 };
  };
  const from = p(a, false);
  const to = p(b, true);
  if (!/\d/.test(a)) from.row = 0;
  if (!/[A-Z]/i.test(a)) from.col = 0;
  return { sheet, area: { top: from.row, left: from.col, bottom: to.row, right: to.col } };
}

export function hostError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code, name: 'RichApi.Error' });
}

export function intersects(a: MergeRange, b: MergeRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
