import JSZip from 'jszip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET = `${REL}/worksheet`;

export const INJECTED_SHEET = '责任分解表(测试)';
export const INJECTED_PART = 'xl/worksheets/injected-breakdown.xml';

const ROWS = [
  ['2022年工作要点责任分解表'],
  ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况'],
  ['1', '完善督查问责机制', '办公室', '各处室', '2022年6月30日前', '已完成'],
  ['2', '机关党支部每月开展1次主题党日活动', '机关党委', '各支部', '每月', '推进中'],
  ['3', '深化理想信念教育', '宣传处', '各处室', '年底前', '推进中'],
];

function sheetXml(): string {
  const col = (i: number) => String.fromCharCode(65 + i);
  const rows = ROWS.map(
    (r, i) =>
      `<row r="${i + 1}">${r.map((v, j) => `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
}

/**
 * Gives a real-world workbook a small breakdown sheet by editing its package, as a user would add a
 * sheet: a new worksheet part, its relationship, its content type and its entry at the end of the
 * sheet list. Nothing else in the package changes. Returns null for packages without the usual parts.
 */
export async function withBreakdownSheet(xlsx: Buffer): Promise<Buffer | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(xlsx);
  } catch {
    return null;
  }
  const wbFile = zip.file('xl/workbook.xml');
  const relsFile = zip.file('xl/_rels/workbook.xml.rels');
  const typesFile = zip.file('[Content_Types].xml');
  if (!wbFile || !relsFile || !typesFile) return null;
  let wb = await wbFile.async('string');
  let rels = await relsFile.async('string');
  let types = await typesFile.async('string');
  const prefix = /<(\w+:)?workbook[\s>]/.exec(wb)?.[1] ?? '';
  const relPrefix = new RegExp(`xmlns:(\\w+)="${REL}"`).exec(wb)?.[1];
  const sheetsClose = wb.indexOf(`</${prefix}sheets>`);
  if (sheetsClose < 0) return null;
  const ids = [...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const relId = 'rIdInjectedBreakdown';
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${REL}" r:id="${relId}"`;
  wb = `${wb.slice(0, sheetsClose)}<${prefix}sheet name="${INJECTED_SHEET}" sheetId="${Math.max(0, ...ids) + 1}" ${idAttr}/>${wb.slice(sheetsClose)}`;
  const relsPrefix = /<(\w+:)?Relationships[\s>]/.exec(rels)?.[1] ?? '';
  rels = rels.replace(
    new RegExp(`</${relsPrefix}Relationships>\\s*$`),
    `<${relsPrefix}Relationship Id="${relId}" Type="${WORKSHEET}" Target="worksheets/injected-breakdown.xml"/></${relsPrefix}Relationships>`,
  );
  const typesPrefix = /<(\w+:)?Types[\s>]/.exec(types)?.[1] ?? '';
  types = types.replace(
    new RegExp(`</${typesPrefix}Types>\\s*$`),
    `<${typesPrefix}Override PartName="/${INJECTED_PART}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></${typesPrefix}Types>`,
  );
  zip.file('xl/workbook.xml', wb);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  zip.file(INJECTED_PART, sheetXml());
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
