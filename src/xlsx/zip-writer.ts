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

/** A zip file of the entries, in order (no zip64: packages over 4 GB are refused long before this). */
export function writeZip(entries: StoredEntry[]): Buffer {
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
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(e.crc32, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(e.crc32, 16);
    header.writeUInt32LE(e.compressedSize, 20);
    header.writeUInt32LE(e.uncompressedSize, 24);
    header.writeUInt16LE(name.length, 28);
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
  return Buffer.concat([...chunks, ...central, end]);
}
