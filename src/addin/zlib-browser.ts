/*
 * What the package code (src/xlsx) uses of Node's zlib, for the task pane's bundle (webpack's
 * resolve.fallback maps `zlib` here): raw inflate and deflate with pako, the zlib port JSZip itself
 * uses (https://github.com/nodeca/pako, "pako.inflateRaw", "pako.deflateRaw"). crc32 is left out: the
 * zip writer then computes it itself. Only in the browser; Node keeps its native zlib.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pako = require('pako') as {
  inflateRaw(data: Uint8Array): Uint8Array;
  deflateRaw(data: Uint8Array, options?: { level?: number }): Uint8Array;
};

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** zlib.inflateRawSync: throws, as Node does, past `maxOutputLength` bytes. */
export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer {
  const out = pako.inflateRaw(data);
  if (options.maxOutputLength !== undefined && out.length > options.maxOutputLength)
    throw new RangeError('Cannot create a Buffer larger than maxOutputLength');
  return asBuffer(out);
}

/** zlib.deflateRawSync. */
export function deflateRawSync(data: Uint8Array, options: { level?: number } = {}): Buffer {
  return asBuffer(pako.deflateRaw(data, { level: options.level }));
}
