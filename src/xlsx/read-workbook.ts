import { formatIso } from '../engine/dates/civil-date';
import { serialToDay } from '../engine/dates/excel-serial';
import { CellValue, MergeRange, SheetData, WorkbookData } from '../engine/model/workbook';
import { inputError } from './input-error';
import { openPackage, XlsxPackage } from './open-package';
import { isDateFormat } from './number-formats';
import { attributes, decodeEntities, decodeOoxmlEscapes, elementPattern, textOf } from './xml-scan';

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

async function relationships(pkg: XlsxPackage, partPath: string): Promise<Map<string, { target: string; type: string }>> {
  const dir = partPath.split('/').slice(0, -1).join('/');
  const name = partPath.split('/').pop();
  const xml = await pkg.text(`${dir}/_rels/${name}.rels`);
  const rels = new Map<string, { target: string; type: string }>();
  if (!xml) return rels;
  const pattern = elementPattern('Relationship');
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml))) {
    const a = attributes(m[1]);
    if (a.Id && a.Target && a.TargetMode !== 'External') rels.set(a.Id, { target: resolveTarget(partPath, a.Target), type: a.Type ?? '' });
  }
  return rels;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const pattern = elementPattern('si');
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml))) out.push(textOf(m[2] ?? ''));
  return out;
}

/** For each cell style index: does it display numbers as dates? */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const numFmt = elementPattern('numFmt');
  let m: RegExpExecArray | null;
  while ((m = numFmt.exec(xml))) {
    const a = attributes(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = elementPattern('cellXfs').exec(xml);
  if (!cellXfs) return [];
  const out: boolean[] = [];
  const xf = elementPattern('xf');
  while ((m = xf.exec(cellXfs[2] ?? ''))) {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    out.push(isDateFormat(id, custom.get(id)));
  }
  return out;
}

/** "AB12" → [row, col], 0-based. */
function parseRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function readSheet(name: string, xml: string, strings: string[], dates: boolean[], date1904: boolean, hidden: boolean): SheetData {
  const rows: CellValue[][] = [];
  const rowPattern = elementPattern('row');
  const cellPattern = elementPattern('c');
  const valuePattern = elementPattern('v');
  let rm: RegExpExecArray | null;
  let nextRow = 0;
  const dataStart = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  rowPattern.lastIndex = dataStart < 0 ? 0 : dataStart;
  while ((rm = rowPattern.exec(xml))) {
    const rowAttrs = attributes(rm[1]);
    const r = rowAttrs.r ? Number(rowAttrs.r) - 1 : nextRow;
    nextRow = r + 1;
    if (!(r >= 0 && r < MAX_ROWS) || !rm[2]) continue;
    const cells: CellValue[] = rows[r] ?? [];
    let nextCol = 0;
    cellPattern.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = cellPattern.exec(rm[2]))) {
      const a = attributes(cm[1]);
      const pos = a.r ? parseRef(a.r) : null;
      const c = pos ? pos[1] : nextCol;
      nextCol = c + 1;
      if (c < 0 || c >= MAX_COLS) continue;
      const inner = cm[2] ?? '';
      valuePattern.lastIndex = 0;
      const vm = valuePattern.exec(inner);
      const raw = vm ? decodeEntities(vm[2] ?? '') : null;
      let value: CellValue = null;
      switch (a.t) {
        case 's':
          value = raw !== null ? (strings[Number(raw)] ?? '') : null;
          break;
        case 'inlineStr':
          value = textOf(inner);
          break;
        case 'str':
          value = raw !== null ? decodeOoxmlEscapes(raw) : null;
          break;
        case 'b':
          value = raw === null ? null : raw.trim() === '1' || raw.trim() === 'true';
          break;
        case 'e':
          value = raw;
          break;
        case 'd': {
          const m = raw ? /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim()) : null;
          value = m ? { date: m[1] } : raw;
          break;
        }
        default: {
          if (raw === null || raw.trim() === '') break;
          const n = Number(raw);
          if (!Number.isFinite(n)) {
            value = raw;
            break;
          }
          const styled = a.s !== undefined && dates[Number(a.s)];
          const day = styled ? serialToDay(n, date1904) : null;
          value = day !== null ? { date: formatIso(day) } : n;
        }
      }
      cells[c] = value;
    }
    rows[r] = cells;
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  const merges: MergeRange[] = [];
  const mergePattern = elementPattern('mergeCell');
  let mm: RegExpExecArray | null;
  while ((mm = mergePattern.exec(xml))) {
    const [from, to] = (attributes(mm[1]).ref ?? '').split(':');
    const a = from ? parseRef(from) : null;
    const b = to ? parseRef(to) : a;
    if (a && b) merges.push({ top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) });
  }
  return { name, rows, merges, hidden };
}

/**
 * Reads an .xlsx package into the engine's plain workbook model: every worksheet's cell values (shared
 * strings, inline strings, numbers, booleans, errors, ISO dates, date-formatted serials in the
 * workbook's own 1900 or 1904 system) and merged areas.
 */
export async function readWorkbook(bytes: Buffer, file: string): Promise<WorkbookData> {
  const pkg = await openPackage(bytes, file);
  const rootRels = await relationships(pkg, '');
  let workbookPath = [...rootRels.values()].find((r) => /officeDocument$/.test(r.type))?.target ?? 'xl/workbook.xml';
  if (!pkg.has(workbookPath)) workbookPath = 'xl/workbook.xml';
  const workbookXml = await pkg.text(workbookPath);
  if (!workbookXml) throw inputError('not_xlsx', `不是 Excel 工作簿（缺少 workbook 部件）：${file}`, `Not an Excel workbook (no workbook part): ${file}`);
  const pr = elementPattern('workbookPr').exec(workbookXml);
  const flag = pr ? attributes(pr[1]).date1904 : undefined;
  const date1904 = flag === '1' || flag === 'true';
  const rels = await relationships(pkg, workbookPath);
  let stylesPath: string | undefined;
  let stringsPath: string | undefined;
  for (const r of rels.values()) {
    if (/\/styles$/.test(r.type)) stylesPath = r.target;
    if (/\/sharedStrings$/.test(r.type)) stringsPath = r.target;
  }
  const strings = sharedStrings(await pkg.text(stringsPath ?? 'xl/sharedStrings.xml'));
  const dates = dateStyles(await pkg.text(stylesPath ?? 'xl/styles.xml'));
  const sheets: SheetData[] = [];
  const sheetPattern = elementPattern('sheet');
  let m: RegExpExecArray | null;
  const sheetsBlock = elementPattern('sheets').exec(workbookXml)?.[2] ?? '';
  while ((m = sheetPattern.exec(sheetsBlock))) {
    const a = attributes(m[1]);
    const rel = rels.get(a[':id'] ?? a.id ?? '');
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    const xml = await pkg.text(rel.target);
    if (xml === null) continue;
    sheets.push(readSheet(a.name ?? `Sheet${sheets.length + 1}`, xml, strings, dates, date1904, a.state === 'hidden' || a.state === 'veryHidden'));
  }
  return { sheets, date1904, name: file.split(/[\\/]/).pop() };
}
