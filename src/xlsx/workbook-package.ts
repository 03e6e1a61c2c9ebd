import { DirectoryEntry, folderEntry, newEntry, StoredEntry, storedEntry, writeZip } from './zip-writer';
import { inputError } from './input-error';
import { openPackage, XlsxPackage } from './open-package';
import { attributesOf, findElement, findElements, innerXml } from './xml-scan';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  worksheetType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  stylesType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  worksheetContent: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  stylesContent: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** Strict Open XML (ISO/IEC 29500 Strict) names for what NS names in Transitional. */
export const STRICT_NS = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};
const TRANSITIONAL_REL_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** The namespaces a package's own parts use: what parts generated for it must use too. */
export interface PackageNamespaces {
  strict: boolean;
  /** SpreadsheetML main namespace. */
  main: string;
  /** Relationships namespace (r:id) and the prefix of relationship types. */
  rel: string;
}

/** A relationship type (NS.worksheetType, NS.stylesType…) in the package's own vocabulary. */
export function relationshipType(type: string, ns: PackageNamespaces): string {
  return ns.strict && type.startsWith(TRANSITIONAL_REL_TYPES)
    ? `${ns.rel}/${type.slice(TRANSITIONAL_REL_TYPES.length)}`
    : type;
}

/** Parts in the Transitional namespaces, as `ns` names them (a no-op for Transitional packages). */
export function inNamespaces(xml: string, ns: PackageNamespaces): string {
  return ns.strict ? xml.split(`"${NS.main}"`).join(`"${ns.main}"`).split(`"${NS.rel}"`).join(`"${ns.rel}"`) : xml;
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" */
export function relsPathOf(partPath: string): string {
  const dir = partPath.split('/').slice(0, -1).join('/');
  const name = partPath.split('/').pop();
  return `${dir ? `${dir}/` : ''}_rels/${name}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part path (for internal targets). */
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string | null, owner: string): Relationship[] {
  const out: Relationship[] = [];
  if (!xml) return out;
  for (const relationship of findElements(xml, 'Relationship')) {
    const a = attributesOf(relationship.text);
    if (!a.Id || !a.Target) continue;
    const external = a.TargetMode === 'External';
    out.push({ id: a.Id, type: a.Type ?? '', target: external ? a.Target : resolveTarget(owner, a.Target), external });
  }
  return out;
}

export interface SheetEntry {
  name: string;
  /** 0-based position in the workbook's sheet list (what localSheetId counts). */
  index: number;
  relId: string;
  /** Part path of a worksheet; null for chartsheets, dialog sheets and broken references. */
  partPath: string | null;
  hidden: boolean;
}

/**
 * An .xlsx package open for reading and editing: parts read through it see earlier edits; `save`
 * writes the edited package, with every untouched part carried over as it was.
 */
export class WorkbookPackage {
  private readonly edited = new Map<string, string>();
  private readonly removed = new Set<string>();

  private constructor(
    readonly source: XlsxPackage,
    readonly file: string,
    readonly workbookPath: string,
  ) {}

  static async open(bytes: Buffer, file: string): Promise<WorkbookPackage> {
    const pkg = await openPackage(bytes, file);
    const rootRels = parseRelationships(await pkg.text('_rels/.rels'), '');
    let workbookPath = rootRels.find((r) => /officeDocument$/.test(r.type) && !r.external)?.target ?? 'xl/workbook.xml';
    if (!pkg.has(workbookPath)) workbookPath = 'xl/workbook.xml';
    if (!pkg.has(workbookPath))
      throw inputError(
        'not_xlsx',
        `不是 Excel 工作簿（缺少 workbook 部件）：${file}`,
        `Not an Excel workbook (no workbook part): ${file}`,
      );
    // The entry's own name: part names are compared as reading resolves them (any case), see entryName.
    let actual = workbookPath;
    pkg.zip.forEach((name) => {
      if (actual === workbookPath && name !== workbookPath && name.toLowerCase() === workbookPath.toLowerCase())
        actual = name;
    });
    return new WorkbookPackage(pkg, file, pkg.zip.file(workbookPath) ? workbookPath : actual);
  }

  /** The same package as it was opened, without the edits made through this one. */
  unedited(): WorkbookPackage {
    return new WorkbookPackage(this.source, this.file, this.workbookPath);
  }

  /** The actual entry name of a part (packages differ in case and leading slashes). */
  entryName(path: string): string | null {
    const wanted = path.replace(/^\//, '');
    if (this.edited.has(wanted)) return wanted;
    if (this.removed.has(wanted)) return null;
    if (this.source.zip.file(wanted)) return wanted;
    let found: string | null = null;
    this.source.zip.forEach((name) => {
      if (!found && name.toLowerCase() === wanted.toLowerCase() && !this.removed.has(name)) found = name;
    });
    return found;
  }

  /** Names of the source package's parts (folders excluded), in their order in the zip. */
  partNames(): string[] {
    const names: string[] = [];
    this.source.zip.forEach((name, entry) => {
      if (!entry.dir) names.push(name);
    });
    return names;
  }

  has(path: string): boolean {
    return this.entryName(path) !== null;
  }

  async text(path: string): Promise<string | null> {
    const name = this.entryName(path);
    if (name === null) return null;
    return this.edited.get(name) ?? this.source.text(name);
  }

  async required(path: string): Promise<string> {
    const xml = await this.text(path);
    if (xml === null)
      throw inputError(
        'corrupt',
        `工作簿缺少部件 ${path}：${this.file}`,
        `The workbook lacks the part ${path}: ${this.file}`,
      );
    return xml;
  }

  write(path: string, xml: string): void {
    const name = this.entryName(path) ?? path.replace(/^\//, '');
    this.removed.delete(name);
    this.edited.set(name, xml);
  }

  remove(path: string): void {
    const name = this.entryName(path);
    if (name === null) return;
    this.edited.delete(name);
    this.removed.add(name);
  }

  /** Names of the parts changed, added or removed so far. */
  changes(): { edited: string[]; removed: string[] } {
    return { edited: [...this.edited.keys()], removed: [...this.removed] };
  }

  /** Transitional or Strict, by the namespace the workbook part is written in. */
  async namespaces(): Promise<PackageNamespaces> {
    const wb = (await this.text(this.workbookPath)) ?? '';
    const strict = wb.slice(0, 4096).includes(STRICT_NS.main);
    return strict ? { strict, ...STRICT_NS } : { strict, main: NS.main, rel: NS.rel };
  }

  get workbookRelsPath(): string {
    return relsPathOf(this.workbookPath);
  }

  async relationships(partPath: string): Promise<Relationship[]> {
    return parseRelationships(await this.text(relsPathOf(partPath)), partPath);
  }

  async sheets(): Promise<SheetEntry[]> {
    const xml = await this.required(this.workbookPath);
    const rels = new Map((await this.relationships(this.workbookPath)).map((r) => [r.id, r]));
    const list = findElement(xml, 'sheets');
    const out: SheetEntry[] = [];
    for (const sheet of findElements(list ? innerXml(list.text) : '', 'sheet')) {
      const a = attributesOf(sheet.text);
      const relId = a[':id'] ?? a.id ?? '';
      const rel = rels.get(relId);
      out.push({
        name: a.name ?? `Sheet${out.length + 1}`,
        index: out.length,
        relId,
        // Transitional or Strict relationship type; the part by its entry's own name.
        partPath: rel && !rel.external && /\/worksheet$/.test(rel.type) ? this.entryName(rel.target) : null,
        hidden: a.state === 'hidden' || a.state === 'veryHidden',
      });
    }
    return out;
  }

  async stylesPath(): Promise<string | null> {
    return this.workbookPart(/\/styles$/);
  }

  async sharedStringsPath(): Promise<string | null> {
    return this.workbookPart(/\/sharedStrings$/);
  }

  private async workbookPart(type: RegExp): Promise<string | null> {
    const rel = (await this.relationships(this.workbookPath)).find((r) => type.test(r.type) && !r.external);
    return rel ? this.entryName(rel.target) : null;
  }

  /** The stored (compressed) bytes of a part as it is in the source package, or null when edited or unavailable. */
  stored(path: string): StoredEntry | null {
    const name = this.entryName(path);
    if (name === null || this.edited.has(name)) return null;
    const entry = this.source.zip.file(name);
    return entry ? storedEntry(name, entry) : null;
  }

  /** The edited package: untouched parts copied as their stored bytes, in their original order; edited parts compressed anew. */
  async save(): Promise<Buffer> {
    const entries: StoredEntry[] = [];
    const written = new Set<string>();
    const directory = this.source.directory;
    // The source's own order, folder entries, times and attributes, and its archive comment, are kept.
    const listed = new Map<string, DirectoryEntry>((directory?.entries ?? []).map((e) => [e.name, e]));
    const order = [...(directory?.entries.map((e) => e.name) ?? []), ...this.partNames()];
    for (const name of order) {
      if (written.has(name) || this.removed.has(name)) continue;
      const meta = listed.get(name);
      if (meta?.dir) {
        written.add(name);
        entries.push(folderEntry(meta));
        continue;
      }
      const entry = this.source.zip.file(name);
      if (!entry || entry.dir) continue;
      written.add(name);
      const edited = this.edited.get(name);
      const out =
        edited !== undefined
          ? newEntry(name, edited)
          : (storedEntry(name, entry) ?? newEntry(name, await entry.async('uint8array')));
      entries.push(
        meta
          ? {
              ...out,
              time: meta.time,
              date: meta.date,
              madeBy: meta.madeBy,
              externalAttributes: meta.externalAttributes,
            }
          : out,
      );
    }
    for (const [name, xml] of this.edited) if (!written.has(name)) entries.push(newEntry(name, xml));
    return writeZip(entries, directory?.comment);
  }
}
