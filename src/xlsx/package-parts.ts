import { attributesOf, findElement, findElements } from './xml-scan';
import { appendInside, escapeXml, rootPrefix, splice } from './xml-edit';
import { inNamespaces, NS, relationshipType, relsPathOf, WorkbookPackage } from './workbook-package';

/** Relationship target of `part` as seen from `owner` (both package paths), relative when they share a folder. */
export function relativeTarget(owner: string, part: string): string {
  const ownerDir = owner.split('/').slice(0, -1);
  const target = part.split('/');
  let common = 0;
  while (common < ownerDir.length && common < target.length - 1 && ownerDir[common] === target[common]) common++;
  return [...ownerDir.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/**
 * Adds a relationship to `owner`'s rels part (created when missing) and returns its new id. A
 * Transitional type (NS.worksheetType…) is written as the package's own: Strict in a Strict package.
 */
export async function addRelationship(
  pkg: WorkbookPackage,
  owner: string,
  type: string,
  part: string,
): Promise<string> {
  const path = relsPathOf(owner);
  let xml =
    (await pkg.text(path)) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const used = new Set(findElements(xml, 'Relationship').map((s) => attributesOf(s.text).Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const p = rootPrefix(xml, 'Relationships');
  const root = findElement(xml, 'Relationships')!;
  xml = appendInside(
    xml,
    root,
    `<${p}Relationship Id="${id}" Type="${relationshipType(type, await pkg.namespaces())}" Target="${escapeXml(relativeTarget(owner, part))}"/>`,
  );
  pkg.write(path, xml);
  return id;
}

export async function removeRelationship(pkg: WorkbookPackage, owner: string, id: string): Promise<void> {
  const path = relsPathOf(owner);
  const xml = await pkg.text(path);
  if (!xml) return;
  const hit = findElements(xml, 'Relationship').find((s) => attributesOf(s.text).Id === id);
  if (hit) pkg.write(path, splice(xml, hit.start, hit.end, ''));
}

const CONTENT_TYPES = '[Content_Types].xml';

export async function addContentType(pkg: WorkbookPackage, part: string, contentType: string): Promise<void> {
  const xml = await pkg.required(CONTENT_TYPES);
  const p = rootPrefix(xml, 'Types');
  pkg.write(
    CONTENT_TYPES,
    appendInside(
      xml,
      findElement(xml, 'Types')!,
      `<${p}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`,
    ),
  );
}

export async function removeContentType(pkg: WorkbookPackage, part: string): Promise<void> {
  const xml = await pkg.text(CONTENT_TYPES);
  if (!xml) return;
  const hit = findElements(xml, 'Override').find(
    (s) => (attributesOf(s.text).PartName ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase(),
  );
  if (hit) pkg.write(CONTENT_TYPES, splice(xml, hit.start, hit.end, ''));
}

/**
 * The styles part, created (with its relationship and content type) when the workbook has none;
 * `minimal` (Transitional) is then given the package's own namespaces.
 */
export async function ensureStylesPart(
  pkg: WorkbookPackage,
  minimal: string,
): Promise<{ path: string; xml: string; created: boolean }> {
  const existing = await pkg.stylesPath();
  if (existing) return { path: existing, xml: (await pkg.text(existing))!, created: false };
  const dir = pkg.workbookPath.split('/').slice(0, -1).join('/');
  let path = `${dir ? `${dir}/` : ''}styles.xml`;
  for (let i = 2; pkg.has(path); i++) path = `${dir ? `${dir}/` : ''}styles${i}.xml`;
  await addRelationship(pkg, pkg.workbookPath, NS.stylesType, path);
  await addContentType(pkg, path, NS.stylesContent);
  return { path, xml: inNamespaces(minimal, await pkg.namespaces()), created: true };
}
