import * as fs from 'fs';
import JSZip from 'jszip';
import { inputError } from './input-error';
import { storedEntry } from './zip-writer';
import * as zlib from 'zlib';

/** Largest unpacked part and package we read: beyond this a file is a zip bomb, not a worksheet. */
const MAX_PART_BYTES = 256 * 1024 * 1024;
const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

export interface XlsxPackage {
  zip: JSZip;
  /** A part's text, or null when absent. Refuses parts that declare a DTD (entity bombs). */
  text(path: string): Promise<string | null>;
  has(path: string): boolean;
}

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
  const lookup = new Map<string, JSZip.JSZipObject>();
  zip.forEach((path, entry) => lookup.set(path.toLowerCase(), entry));
  const find = (path: string) => zip.file(path) ?? lookup.get(path.replace(/^\//, '').toLowerCase()) ?? null;
  // Parts are read more than once (to read cells, to edit, to verify the output): each is unpacked once.
  const texts = new Map<string, string>();
  return {
    zip,
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
          content = zlib.inflateRawSync(stored.data, { maxOutputLength: MAX_PART_BYTES }).toString('utf8');
        else if (stored?.method === 0) content = Buffer.from(stored.data).toString('utf8');
        else content = await entry.async('string');
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
