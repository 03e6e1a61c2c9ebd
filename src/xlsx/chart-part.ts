import { columnLetter } from '../engine/model/workbook';
import { ColumnRange, GeneratedSheet, SheetChart } from '../engine/write/plan';
import { addContentType, addRelationship } from './package-parts';
import { escapeXml, quoteSheet } from './xml-edit';
import { PackageNamespaces, relsPathOf, WorkbookPackage } from './workbook-package';

/*
 * A native chart in a generated sheet, written as the parts Excel itself writes (no maintained npm
 * package writes a chart into an existing package: exceljs has none, issue exceljs/exceljs#141;
 * xlsx-chart and officegen build whole new files). ECMA-376 Part 1:
 *   §21.2 DrawingML Charts: xl/charts/chartN.xml, a <c:chartSpace> with one <c:barChart>
 *         (§21.2.2.16; barDir §21.2.2.17, grouping "stacked" §21.2.2.76, overlap 100 §21.2.2.131);
 *   §20.5 SpreadsheetML Drawing: xl/drawings/drawingN.xml, a <xdr:twoCellAnchor> (§20.5.2.33) holding a
 *         <xdr:graphicFrame> (§20.5.2.16) that points at the chart part by relationship;
 *   the worksheet's <drawing r:id> (Part 1 §18.3.1.36) points at the drawing part.
 * The chart's series are formulas over the sheet's own cells, with caches of their values, so every
 * reader shows the numbers before recalculating and the chart follows the cells when they change.
 */

const TRANSITIONAL = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
/** ISO/IEC 29500 Strict names of the same namespaces, for a Strict package. */
const STRICT = {
  c: 'http://purl.oclc.org/ooxml/drawingml/chart',
  a: 'http://purl.oclc.org/ooxml/drawingml/main',
  xdr: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
};

export const CHART_NS = {
  drawingType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chartType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  drawingContent: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chartContent: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** "'汇总'!$A$20:$A$28" */
function rangeRef(sheet: string, r: ColumnRange): string {
  const col = columnLetter(r.col);
  return `${quoteSheet(sheet)}!$${col}$${r.top + 1}:$${col}$${r.bottom + 1}`;
}

function cellValue(sheet: GeneratedSheet, row: number, col: number): string | number | null {
  return sheet.rows[row]?.[col]?.value ?? null;
}

function strCache(values: Array<string | number | null>): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(v ?? ''))}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: Array<string | number | null>): string {
  const pts = values.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function column(sheet: GeneratedSheet, r: ColumnRange): Array<string | number | null> {
  const out: Array<string | number | null> = [];
  for (let row = r.top; row <= r.bottom; row++) out.push(cellValue(sheet, row, r.col));
  return out;
}

const colour = (hex: string) => `<a:srgbClr val="${hex.replace('#', '').toUpperCase()}"/>`;

/** Chart text in the sheets' size, with an East Asian font named so CJK labels never fall back to boxes. */
function textProperties(size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="Calibri"/><a:ea typeface="等线"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

/** The chart part (§21.2): a stacked horizontal bar chart over the sheet's own cells. */
export function chartPartXml(sheet: GeneratedSheet, chart: SheetChart, ns: PackageNamespaces): string {
  const names = ns.strict ? STRICT : TRANSITIONAL;
  const categories = column(sheet, chart.categories);
  const series = chart.series
    .map((s, i) => {
      const nameRef = `${quoteSheet(sheet.name)}!$${columnLetter(s.nameCell.col)}$${s.nameCell.row + 1}`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill>${colour(s.fill)}</a:solidFill><a:ln w="6350"><a:solidFill>${colour(s.line)}</a:solidFill></a:ln></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(rangeRef(sheet.name, chart.categories))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(rangeRef(sheet.name, s.values))}</c:f>${numCache(column(sheet, s.values))}</c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join('');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:latin typeface="Calibri"/><a:ea typeface="等线"/></a:rPr><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  // Whole items: a step of 1 while the longest bar is short, else the reader's own choice (formatted without decimals).
  const longest = categories.reduce<number>(
    (m, _, i) =>
      Math.max(
        m,
        chart.series.reduce((t, s) => t + Number(cellValue(sheet, s.values.top + i, s.values.col) ?? 0), 0),
      ),
    0,
  );
  const unit = longest <= 10 ? '<c:majorUnit val="1"/>' : '';
  const grid = `<c:spPr><a:ln w="6350"><a:solidFill>${colour('#D9D9D9')}</a:solidFill></a:ln></c:spPr>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${names.c}" xmlns:a="${names.a}" xmlns:r="${ns.rel}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    // Categories top to bottom in the table's order (a bar chart draws its first category at the bottom).
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${textProperties(9)}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines>${grid}</c:majorGridlines><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${textProperties(9)}<c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/>${unit}</c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProperties(9)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill>${colour('#FFFFFF')}</a:solidFill><a:ln w="6350"><a:solidFill>${colour('#BFBFBF')}</a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** The drawing part (§20.5): one chart anchored to the cells it covers, moving and sizing with them. */
export function drawingPartXml(chart: SheetChart, chartRelId: string, ns: PackageNamespaces): string {
  const names = ns.strict ? STRICT : TRANSITIONAL;
  const { top, left, bottom, right } = chart.anchor;
  const corner = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${names.xdr}" xmlns:a="${names.a}">` +
    `<xdr:twoCellAnchor>${corner('from', top, left)}${corner('to', bottom, right)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${names.c}"><c:chart xmlns:c="${names.c}" xmlns:r="${ns.rel}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** The first free part name `${dir}/${stem}N.xml`. */
function freePart(pkg: WorkbookPackage, dir: string, stem: string): string {
  for (let n = 1; ; n++) {
    const part = `${dir}/${stem}${n}.xml`;
    if (!pkg.has(part)) return part;
  }
}

/**
 * Writes a generated sheet's chart: the chart part, the drawing part, their relationships (sheet →
 * drawing → chart) and content types. Returns the relationship id the sheet's <drawing r:id> names.
 * `sheetPart` is the generated sheet's part, which must not be written yet with any relationships.
 */
export async function addSheetChart(
  pkg: WorkbookPackage,
  sheetPart: string,
  sheet: GeneratedSheet,
  chart: SheetChart,
): Promise<string> {
  const ns = await pkg.namespaces();
  const base = pkg.workbookPath.split('/').slice(0, -1).join('/');
  const dir = base ? `${base}/` : '';
  const chartPart = freePart(pkg, `${dir}charts`, 'chart');
  pkg.write(chartPart, chartPartXml(sheet, chart, ns));
  await addContentType(pkg, chartPart, CHART_NS.chartContent);
  const drawingPart = freePart(pkg, `${dir}drawings`, 'drawing');
  // The drawing's relationships are written first, so its relationship id to the chart is known.
  const chartRel = await addRelationship(pkg, drawingPart, CHART_NS.chartType, chartPart);
  pkg.write(drawingPart, drawingPartXml(chart, chartRel, ns));
  await addContentType(pkg, drawingPart, CHART_NS.drawingContent);
  return addRelationship(pkg, sheetPart, CHART_NS.drawingType, drawingPart);
}

/**
 * The parts that hang off a generated sheet by relationships (its drawing, the drawing's chart, and
 * their relationship parts): Luoshi's as much as the sheet itself. Followed two levels down, internal
 * targets only, never a part of the workbook's own (the workbook, another sheet).
 */
export async function partsBelow(pkg: WorkbookPackage, sheetPart: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (part: string, depth: number) => {
    if (depth > 2) return;
    for (const r of await pkg.relationships(part)) {
      if (r.external || !pkg.has(r.target) || out.includes(r.target)) continue;
      if (!/\/(?:drawings|charts)\//.test(`/${r.target}`)) continue;
      out.push(r.target);
      const rels = relsPathOf(r.target);
      if (pkg.has(rels)) out.push(rels);
      await visit(r.target, depth + 1);
    }
  };
  await visit(sheetPart, 1);
  return out;
}
