import * as fs from 'fs';
import JSZip from 'jszip';
import { inputError } from './input-error';
import { readDirectory, storedEntry, ZipDirectory } from './zip-writer';
import * as zlib from 'zlib';

/** Largest unpacked part and package we read: beyond this a file is a zip bomb, not a worksheet. */
const MAX_PART_BYTES = 256 * 1024 * 1024;
const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

export interface XlsxPackage {
  zip: JSZip;
  /** A part's text, or null when absent. Refuses parts that declare a DTD (entity bombs). */
  text(path: string): Promise<string | null>;
  has(path: string): boolean;
  /** The zip's central directory as written (entry times, folder entries, comment); null when unreadable. */
  directory: ZipDirectory | null;
}

/**
 * The text of an XML part, decoded as the part says (XML 1.0 §4.3.3, appendix F): a byte-order mark
 * (UTF-8, UTF-16LE/BE), else the first characters' bytes ("<?" in UTF-16 without a mark), else the
 * encoding declaration (GB18030, GBK… any the runtime knows), else UTF-8. A part decoded from another
 * encoding has its declaration changed to UTF-8, so the text says what it is when written back as
 * UTF-8. A UTF-8 mark stays in the text, as before (parts that have one are written back with it).
 */
export function decodeXml(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let encoding = 'utf-8';
  let skip = 0;
  if (b[0] === 0xff && b[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (b[0] === 0xfe && b[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  else if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) encoding = 'utf-16le';
  else if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) encoding = 'utf-16be';
  else if (!(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)) {
    // A single-byte-compatible encoding names itself in the declaration ("UTF-16" there with one-byte "<?" is a mislabel).
    const declared = DECLARED_ENCODING.exec(b.toString('latin1', 0, Math.min(b.length, 256)))?.[2].toLowerCase();
    if (declared && !/^utf-?(8|16)/.test(declared)) encoding = declared;
  }
  if (encoding === 'utf-8') return b.toString('utf8');
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: false }).decode(b.subarray(skip));
  } catch {
    return b.toString('utf8'); // an encoding the runtime does not know: read as UTF-8, as before
  }
  return text.replace(DECLARED_ENCODING, (_, head: string) => `${head}"UTF-8"`);
}

const DECLARED_ENCODING = /^(\uFEFF?\s*<\?xml[^>]*?\sencoding\s*=\s*)["']([\w.:-]+)["']/;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function isEncryptedCfb(bytes: Buffer): boolean {
  // An encrypted OOXML file is a compound file holding an "EncryptedPackage" stream (names are UTF-16LE).
  return (
    bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')) ||
    bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))
  );
}

export async function readFileBytes(file: string): Promise<Buffer> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw inputError('not_found', `找不到文件：${file}`, `File not found: ${file}`);
  }
  if (stat.isDirectory())
    throw inputError(
      'not_a_file',
      `这是一个文件夹，不是 xlsx 文件：${file}`,
      `This is a folder, not an xlsx file: ${file}`,
    );
  return fs.readFileSync(file);
}

export async function openPackage(bytes: Buffer, file: string): Promise<XlsxPackage> {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    if (isEncryptedCfb(bytes)) {
      throw inputError(
        'encrypted',
        `工作簿有打开密码，请先在 Excel 中取消密码再校验：${file}`,
        `The workbook is password-protected; remove the password in Excel first: ${file}`,
      );
    }
    throw inputError(
      'legacy_xls',
      `这是旧版 .xls（或其他 OLE）文件，请另存为 .xlsx 后再校验：${file}`,
      `This is a legacy .xls (or other OLE) file; save it as .xlsx first: ${file}`,
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw inputError(
      'not_xlsx',
      `不是 xlsx 文件（文件内容不是 zip 压缩包）：${file}`,
      `Not an xlsx file (the content is not a zip package): ${file}`,
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    throw inputError('corrupt', `文件已损坏，无法解压：${file}`, `The file is corrupt and cannot be unzipped: ${file}`);
  }
  let total = 0;
  zip.forEach((_, entry) => {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    total += size;
    if (size > MAX_PART_BYTES || total > MAX_PACKAGE_BYTES) {
      throw inputError(
        'too_large',
        `文件解压后过大（疑似压缩炸弹），已拒绝：${file}`,
        `The file unpacks to an absurd size (a zip bomb?) and was refused: ${file}`,
      );
    }
  });
  const directory = readDirectory(bytes);
  // Part names are equal regardless of case (OPC, ECMA-376 Part 2, requirement M1.12: implementers "shall
  // neither create nor recognize packages with equivalent part names"; Apache POI refuses them too): two
  // entries under one name make the package ambiguous, and JSZip would silently keep only the last.
  const seen = new Set<string>();
  for (const entry of directory?.entries ?? []) {
    const key = entry.name.replace(/^\//, '').toLowerCase();
    if (seen.has(key))
      throw inputError(
        'duplicate_part',
        `工作簿已损坏：压缩包中有两个同名部件 ${entry.name}（Excel 也会报告此文件已损坏），请在 Excel 或 WPS 中打开修复并另存后再校验：${file}`,
        `The workbook is damaged: the zip holds two entries named ${entry.name} (Excel reports such a file as damaged); open it in Excel or WPS, let it repair, save it and check again: ${file}`,
      );
    seen.add(key);
  }
  const lookup = new Map<string, JSZip.JSZipObject>();
  zip.forEach((path, entry) => lookup.set(path.toLowerCase(), entry));
  const find = (path: string) => zip.file(path) ?? lookup.get(path.replace(/^\//, '').toLowerCase()) ?? null;
  // Parts are read more than once (to read cells, to edit, to verify the output): each is unpacked once.
  const texts = new Map<string, string>();
  return {
    zip,
    directory,
    has: (path) => find(path) !== null,
    async text(path) {
      const entry = find(path);
      if (!entry) return null;
      const known = texts.get(entry.name);
      if (known !== undefined) return known;
      let content: string;
      try {
        // Node's own inflate when the stored bytes are at hand: several times faster than JSZip's.
        const stored = storedEntry(entry.name, entry);
        if (stored?.method === 8)
          content = decodeXml(zlib.inflateRawSync(stored.data, { maxOutputLength: MAX_PART_BYTES }));
        else if (stored?.method === 0) content = decodeXml(stored.data);
        else content = decodeXml(await entry.async('uint8array'));
      } catch {
        throw inputError(
          'corrupt',
          `文件已损坏，部件 ${path} 无法解压：${file}`,
          `The file is corrupt; part ${path} cannot be unpacked: ${file}`,
        );
      }
      if (/<!DOCTYPE/i.test(content.slice(0, 4096)) || /<!ENTITY/i.test(content.slice(0, 65536))) {
        throw inputError(
          'dtd',
          `文件含有 DTD 声明（可能是 XML 实体炸弹），为安全起见拒绝读取：${file}`,
          `The file declares a DTD (possibly an XML entity bomb) and was refused for safety: ${file}`,
        );
      }
      texts.set(entry.name, content);
      return content;
    },
  };
}
