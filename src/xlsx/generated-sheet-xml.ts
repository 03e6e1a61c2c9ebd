import { cellAddress, columnLetter } from '../engine/model/workbook';
import { GeneratedSheet, PlanCell, sheetWidth } from '../engine/write/plan';
import { NS } from './workbook-package';
import { escapeXml, quoteSheet } from './xml-edit';

const EDGE_SPACE = /^\s|\s$/;

/** Text as a <t> element: XML-escaped, with literal "_xHHHH_" protected from being read as an escape. */
export function textXml(text: string, prefix = ''): string {
  const escaped = escapeXml(text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_'));
  const space = EDGE_SPACE.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${space}>${escaped}</${prefix}t>`;
}

/** Text as an inline string's content. */
export function cellTextXml(text: string, prefix = ''): string {
  return `<${prefix}is>${textXml(text, prefix)}</${prefix}is>`;
}

/**
 * Writes the cells of one part: numbers as <v>, texts as inline strings (t="inlineStr": a text can
 * never become a formula, whatever it starts with, and the user's shared-string table is not touched)
 * or, given `sharedString`, as the number of a shared string (t="s"). A generated sheet has up to 200k
 * rows: pieces go straight onto the caller's list, joined once with the rest of the part, and each
 * distinct text is escaped once (departments, deadlines and status texts repeat on every row).
 */
export class CellWriter {
  private readonly open: string;
  private readonly number: string;
  private readonly shared: string;
  private readonly close: string;
  private readonly texts = new Map<string, string>();

  /** `prefix`: the namespace prefix of the part's elements ("x:" or ""); `sharedString`: a text's number in the shared-string table. */
  constructor(
    private readonly prefix = '',
    private readonly sharedString?: (text: string) => number,
  ) {
    this.open = `<${prefix}c r="`;
    this.number = `><${prefix}v>`;
    this.shared = ` t="s"><${prefix}v>`;
    this.close = `</${prefix}v></${prefix}c>`;
  }

  /**
   * Pushes the cell at `ref` ("B7") onto `out`. `s` is its style attribute (' s="3"') or ''. A cell
   * without a value (null, '', a number that is not finite) is written only when it has a style.
   */
  push(out: string[], ref: string, value: PlanCell['value'], s: string): void {
    if (typeof value === 'string' && value !== '') {
      if (this.sharedString)
        out.push(this.open, ref, '"', s, this.shared, String(this.sharedString(value)), this.close);
      else out.push(this.open, ref, '"', s, this.inline(value));
    } else if (typeof value === 'number' && Number.isFinite(value))
      out.push(this.open, ref, '"', s, this.number, String(value), this.close);
    else if (s) out.push(this.open, ref, '"', s, '/>');
  }

  /** One cell as a string (see push). */
  xml(ref: string, value: PlanCell['value'], s: string): string {
    const out: string[] = [];
    this.push(out, ref, value, s);
    return out.join('');
  }

  /** The rest of an inline-string cell after its attributes, made once per distinct text. */
  private inline(text: string): string {
    let xml = this.texts.get(text);
    if (xml === undefined)
      this.texts.set(text, (xml = ` t="inlineStr">${cellTextXml(text, this.prefix)}</${this.prefix}c>`));
    return xml;
  }
}

const ROWS_PER_CHUNK = 256;

/**
 * A generated sheet's part. Texts are shared strings when `sharedString` gives their numbers (the
 * workbook has a shared-string table to append to), inline strings otherwise. `drawingRelId`: the
 * relationship id of the sheet's drawing part (its chart, chart-part.ts), when it has one.
 */
export function generatedSheetXml(
  sheet: GeneratedSheet,
  styleIndex: (name: string) => number,
  sharedString?: (text: string) => number,
  ns: { main: string; rel: string } = NS,
  drawingRelId?: string,
): string {
  const width = sheetWidth(sheet);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  // The package's own namespaces: a Strict package gets Strict parts.
  out.push(`<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">`);
  out.push(sheet.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '');
  out.push(`<dimension ref="A1:${cellAddress(Math.max(sheet.rows.length, 1) - 1, width - 1)}"/>`);
  if (sheet.freezeRows > 0) {
    const top = `A${sheet.freezeRows + 1}`;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`,
    );
  } else out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.widths.length > 0)
    out.push(
      `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`,
    );
  out.push('<sheetData>');
  // Every piece goes straight into one list per chunk of rows; column letters and style attributes are made once.
  const cells = new CellWriter('', sharedString);
  const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
  const styleAttr = new Map<string, string>();
  const styleOf = (name: string) => {
    let a = styleAttr.get(name);
    if (a === undefined) styleAttr.set(name, (a = ` s="${styleIndex(name)}"`));
    return a;
  };
  const links: string[] = [];
  let chunk: string[] = [];
  let rowsInChunk = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const number = r + 1;
    const height = sheet.rowHeights[r];
    if (row.length === 0 && !height) continue;
    chunk.push(height ? `<row r="${number}" ht="${height}" customHeight="1">` : `<row r="${number}">`);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const v = cell.value;
      cells.push(chunk, letters[c] + number, v, cell.style ? styleOf(cell.style) : '');
      if (cell.link) {
        const target = `${quoteSheet(cell.link.sheet)}!${cellAddress(cell.link.row, cell.link.col)}`;
        links.push(
          `<hyperlink ref="${letters[c]}${number}" location="${escapeXml(target)}" display="${escapeXml(String(v ?? ''))}"/>`,
        );
      }
    }
    chunk.push('</row>');
    if (++rowsInChunk === ROWS_PER_CHUNK) {
      out.push(chunk.join(''));
      chunk = [];
      rowsInChunk = 0;
    }
  }
  out.push(chunk.join(''));
  out.push('</sheetData>');
  if (sheet.merges.length > 0) {
    out.push(
      `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`).join('')}</mergeCells>`,
    );
  }
  if (links.length > 0) out.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  out.push('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  out.push(
    `<pageSetup paperSize="9"${sheet.landscape ? ' orientation="landscape" fitToWidth="1" fitToHeight="0"' : ''}/>`,
  );
  if (sheet.pageNumbers) out.push('<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>');
  // After headerFooter, as CT_Worksheet orders them (ECMA-376 Part 1 §18.3.1.99).
  if (drawingRelId) out.push(`<drawing r:id="${escapeXml(drawingRelId)}"/>`);
  out.push('</worksheet>');
  return out.join('');
}

/** "'逾期清单'!$3:$3" */
export function printTitles(sheetName: string, rows: [number, number]): string {
  return `${quoteSheet(sheetName)}!$${rows[0] + 1}:$${rows[1] + 1}`;
}
