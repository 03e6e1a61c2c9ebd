import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/*
 * Prints the gzip size of the task pane's first load (the scripts taskpane.html loads) and of the
 * chunks loaded on first use. Run after a production build: npm run bundle-size.
 */
export function firstLoad(distDir: string): {
  files: Array<{ file: string; bytes: number; gzip: number }>;
  lazy: Array<{ file: string; bytes: number; gzip: number }>;
} {
  const html = fs.readFileSync(path.join(distDir, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const size = (file: string) => {
    const buf = fs.readFileSync(path.join(distDir, file));
    return { file, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  };
  const all = fs.readdirSync(distDir).filter((f) => f.endsWith('.js') && !f.startsWith('commands.'));
  return { files: initial.map(size), lazy: all.filter((f) => !initial.includes(f)).map(size) };
}

if (require.main === module) {
  const dist = path.join(__dirname, '..', '..', 'dist');
  const { files, lazy } = firstLoad(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of files)
    console.log(`first load  ${f.file.padEnd(28)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip)}`);
  for (const f of lazy)
    console.log(`on first use ${f.file.padEnd(27)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip)}`);
  console.log(
    `task pane first load: ${kb(files.reduce((n, f) => n + f.gzip, 0))} gzip (office.js itself comes from Office's CDN and is not counted)`,
  );
}
