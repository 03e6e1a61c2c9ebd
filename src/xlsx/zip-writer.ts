import * as zlib from 'zlib';
import JSZip from 'jszip';

/**
 * A zip entry as stored: compressed bytes with their CRC and sizes. Entries Luoshi does not touch are
 * copied as these exact bytes (no inflate, no deflate: fast, and byte for byte what the user had);
 * only the parts it writes are compressed, with Node's native zlib.
 */
export interface StoredEntry {
  name: string;
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  data: Uint8Array;
  /** MS-DOS time and date as the source zip had them (kept: some users read them); absent: 1980-01-01 00:00. */
  time?: number;
  date?: number;
  /** A folder entry ("xl/"): written with no data, as the source had it. */
  dir?: boolean;
  /** The central directory's "version made by" and external attributes (file system flags), as the source had them. */
  madeBy?: number;
  externalAttributes?: number;
}

/** One entry of a zip's central directory, as written (see readDirectory). */
export interface DirectoryEntry {
  name: string;
  time: number;
  date: number;
  dir: boolean;
  madeBy: number;
  externalAttributes: number;
}

/** A zip's central directory: its entries in order and the archive comment (raw bytes). */
export interface ZipDirectory {
  entries: DirectoryEntry[];
  comment: Uint8Array;
}

/**
 * Reads a zip's central directory straight from its bytes: JSZip keeps one entry per name (a second
 * entry of the same name silently replaces the first) and forgets entry times and folder entries'
 * attributes. Null when the directory is not where its end record says (then JSZip's reading stands).
 * Names are decoded as UTF-8, as JSZip decodes them.
 */
export function readDirectory(zip: Uint8Array): ZipDirectory | null {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is within the last 22 + 65535 bytes (its comment is at most 65535 bytes).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50 && i + 22 + bytes.readUInt16LE(i + 20) <= bytes.length) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return null; // zip64: not a package Luoshi writes back
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const externalAttributes = bytes.readUInt32LE(at + 38);
    entries.push({
      name,
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      dir: name.endsWith('/') || (externalAttributes & 0x10) !== 0,
      madeBy: bytes.readUInt16LE(at + 4),
      externalAttributes,
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  const commentLength = bytes.readUInt16LE(end + 20);
  return { entries, comment: bytes.subarray(end + 22, end + 22 + commentLength) };
}

/** A folder entry ("xl/"), with the time and attributes it had. */
export function folderEntry(entry: DirectoryEntry): StoredEntry {
  return {
    name: entry.name,
    method: 0,
    crc32: 0,
    compressedSize: 0,
    uncompressedSize: 0,
    data: new Uint8Array(0),
    time: entry.time,
    date: entry.date,
    dir: true,
    madeBy: entry.madeBy,
    externalAttributes: entry.externalAttributes,
  };
}

interface LoadedData {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
}

/** The stored bytes of an entry JSZip loaded from a file (JSZip 3 keeps them as _data), or null. */
export function storedEntry(name: string, entry: JSZip.JSZipObject): StoredEntry | null {
  const data = (entry as unknown as { _data?: LoadedData })._data;
  if (!data || !data.compressedContent || !data.compression) return null;
  const method = data.compression.magic === '\x08\x00' ? 8 : data.compression.magic === '\x00\x00' ? 0 : null;
  if (method === null || !(data.compressedContent instanceof Uint8Array)) return null;
  return {
    name,
    method,
    crc32: data.crc32 >>> 0,
    compressedSize: data.compressedSize,
    uncompressedSize: data.uncompressedSize,
    data: data.compressedContent,
  };
}

let table: Int32Array | null = null;
function crc32(bytes: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (b: Uint8Array) => number }).crc32;
  if (native) return native(bytes) >>> 0;
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export function newEntry(name: string, content: string | Uint8Array): StoredEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // Level 2: the 60 MB of XML a 20k-row check generates compresses in 96 ms instead of 322 ms at
  // level 6 (measured here), for a file 17% larger (5.1 MB instead of 4.3 MB).
  const data = zlib.deflateRawSync(bytes, { level: 2 });
  return { name, method: 8, crc32: crc32(bytes), compressedSize: data.length, uncompressedSize: bytes.length, data };
}

/**
 * A zip file of the entries, in order, with the archive comment given (raw bytes, at most 65535; no
 * zip64: packages over 4 GB are refused long before this).
 */
export function writeZip(entries: StoredEntry[], comment: Uint8Array = new Uint8Array(0)): Buffer {
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const flags = /[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    const time = e.time ?? 0; // 00:00
    const date = e.date ?? 0x21; // 1980-01-01
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc32, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(e.madeBy ?? 20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(e.crc32, 16);
    header.writeUInt32LE(e.compressedSize, 20);
    header.writeUInt32LE(e.uncompressedSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE((e.externalAttributes ?? (e.dir ? 0x10 : 0)) >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, e.data);
    offset += local.length + name.length + e.data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const note = comment.subarray(0, 0xffff);
  end.writeUInt16LE(note.length, 20);
  return Buffer.concat([...chunks, ...central, end, note]);
}
