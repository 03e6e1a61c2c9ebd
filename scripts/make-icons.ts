import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/*
 * Draws the add-in's icon (a white check mark on a red rounded square, the colour of 落实 on a
 * government document) at the sizes the manifest names: 16, 32, 64 and 80 px. Run: npm run make-icons.
 */

const RED = [0xc0, 0x1f, 0x2b];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px: number, py: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Coverage of the shape at a point in unit coordinates: 0 outside, 1 red, 2 white check. */
function shapeAt(u: number, v: number): number {
  const r = 0.18;
  const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r));
  if (Math.hypot(dx, dy) > r) return 0;
  const check = [
    [0.24, 0.52],
    [0.43, 0.7],
    [0.77, 0.31],
  ];
  const d = Math.min(distanceToSegment(u, v, check[0], check[1]), distanceToSegment(u, v, check[1], check[2]));
  return d < 0.075 ? 2 : 1;
}

function icon(size: number): Buffer {
  const n = 4;
  return png(size, (x, y) => {
    let red = 0,
      white = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const s = shapeAt((x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size);
        if (s === 1) red++;
        else if (s === 2) white++;
      }
    const cover = red + white;
    if (cover === 0) return [0, 0, 0, 0];
    const w = white / cover;
    const mix = (c: number) => Math.round(c * (1 - w) + 255 * w);
    return [mix(RED[0]), mix(RED[1]), mix(RED[2]), Math.round((255 * cover) / (n * n))];
  });
}

for (const size of [16, 32, 64, 80])
  fs.writeFileSync(path.join(__dirname, '..', '..', 'assets', `icon-${size}.png`), icon(size));
console.log('assets/icon-{16,32,64,80}.png');
